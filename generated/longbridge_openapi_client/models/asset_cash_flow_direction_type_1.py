from typing import Literal

AssetCashFlowDirectionType1 = Literal[1, 2]

ASSET_CASH_FLOW_DIRECTION_TYPE_1_VALUES: set[AssetCashFlowDirectionType1] = {
    1,
    2,
}


def check_asset_cash_flow_direction_type_1(value: int) -> AssetCashFlowDirectionType1:
    if value in ASSET_CASH_FLOW_DIRECTION_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ASSET_CASH_FLOW_DIRECTION_TYPE_1_VALUES!r}"
    )
