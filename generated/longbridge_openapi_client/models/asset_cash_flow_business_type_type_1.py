from typing import Literal

AssetCashFlowBusinessTypeType1 = Literal[1, 2, 3]

ASSET_CASH_FLOW_BUSINESS_TYPE_TYPE_1_VALUES: set[AssetCashFlowBusinessTypeType1] = {
    1,
    2,
    3,
}


def check_asset_cash_flow_business_type_type_1(
    value: int,
) -> AssetCashFlowBusinessTypeType1:
    if value in ASSET_CASH_FLOW_BUSINESS_TYPE_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ASSET_CASH_FLOW_BUSINESS_TYPE_TYPE_1_VALUES!r}"
    )
