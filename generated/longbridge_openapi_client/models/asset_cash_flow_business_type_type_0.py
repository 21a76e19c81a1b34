from typing import Literal

AssetCashFlowBusinessTypeType0 = Literal["1", "2", "3"]

ASSET_CASH_FLOW_BUSINESS_TYPE_TYPE_0_VALUES: set[AssetCashFlowBusinessTypeType0] = {
    "1",
    "2",
    "3",
}


def check_asset_cash_flow_business_type_type_0(
    value: str,
) -> AssetCashFlowBusinessTypeType0:
    if value in ASSET_CASH_FLOW_BUSINESS_TYPE_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ASSET_CASH_FLOW_BUSINESS_TYPE_TYPE_0_VALUES!r}"
    )
