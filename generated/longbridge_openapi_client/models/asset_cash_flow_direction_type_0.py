from typing import Literal

AssetCashFlowDirectionType0 = Literal["1", "2"]

ASSET_CASH_FLOW_DIRECTION_TYPE_0_VALUES: set[AssetCashFlowDirectionType0] = {
    "1",
    "2",
}


def check_asset_cash_flow_direction_type_0(value: str) -> AssetCashFlowDirectionType0:
    if value in ASSET_CASH_FLOW_DIRECTION_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ASSET_CASH_FLOW_DIRECTION_TYPE_0_VALUES!r}"
    )
