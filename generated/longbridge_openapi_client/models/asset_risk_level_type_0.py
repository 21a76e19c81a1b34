from typing import Literal

AssetRiskLevelType0 = Literal["", "0", "1", "2", "3"]

ASSET_RISK_LEVEL_TYPE_0_VALUES: set[AssetRiskLevelType0] = {
    "",
    "0",
    "1",
    "2",
    "3",
}


def check_asset_risk_level_type_0(value: str) -> AssetRiskLevelType0:
    if value in ASSET_RISK_LEVEL_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ASSET_RISK_LEVEL_TYPE_0_VALUES!r}"
    )
