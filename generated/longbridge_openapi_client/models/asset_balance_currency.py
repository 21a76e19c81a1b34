from typing import Literal

AssetBalanceCurrency = Literal["CNH", "HKD", "USD"]

ASSET_BALANCE_CURRENCY_VALUES: set[AssetBalanceCurrency] = {
    "CNH",
    "HKD",
    "USD",
}


def check_asset_balance_currency(value: str) -> AssetBalanceCurrency:
    if value in ASSET_BALANCE_CURRENCY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ASSET_BALANCE_CURRENCY_VALUES!r}"
    )
