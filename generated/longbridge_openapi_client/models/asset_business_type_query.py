from typing import Literal

AssetBusinessTypeQuery = Literal[1, 2, 3]

ASSET_BUSINESS_TYPE_QUERY_VALUES: set[AssetBusinessTypeQuery] = {
    1,
    2,
    3,
}


def check_asset_business_type_query(value: int) -> AssetBusinessTypeQuery:
    if value in ASSET_BUSINESS_TYPE_QUERY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ASSET_BUSINESS_TYPE_QUERY_VALUES!r}"
    )
