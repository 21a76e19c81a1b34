from typing import Literal

AssetRiskLevelType1 = Literal[0, 1, 2, 3]

ASSET_RISK_LEVEL_TYPE_1_VALUES: set[AssetRiskLevelType1] = {
    0,
    1,
    2,
    3,
}


def check_asset_risk_level_type_1(value: int) -> AssetRiskLevelType1:
    if value in ASSET_RISK_LEVEL_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ASSET_RISK_LEVEL_TYPE_1_VALUES!r}"
    )
