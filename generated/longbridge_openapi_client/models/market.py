from typing import Literal

Market = Literal["AU", "CN", "Crypto", "DE", "HK", "JP", "SG", "SH", "SZ", "UK", "US"]

MARKET_VALUES: set[Market] = {
    "AU",
    "CN",
    "Crypto",
    "DE",
    "HK",
    "JP",
    "SG",
    "SH",
    "SZ",
    "UK",
    "US",
}


def check_market(value: str) -> Market:
    if value in MARKET_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MARKET_VALUES!r}")
