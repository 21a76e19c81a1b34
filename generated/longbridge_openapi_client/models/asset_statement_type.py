from typing import Literal

AssetStatementType = Literal[1, 2]

ASSET_STATEMENT_TYPE_VALUES: set[AssetStatementType] = {
    1,
    2,
}


def check_asset_statement_type(value: int) -> AssetStatementType:
    if value in ASSET_STATEMENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ASSET_STATEMENT_TYPE_VALUES!r}"
    )
