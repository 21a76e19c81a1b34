from typing import Literal

SecurityListMarket = Literal["US"]

SECURITY_LIST_MARKET_VALUES: set[SecurityListMarket] = {
    "US",
}


def check_security_list_market(value: str) -> SecurityListMarket:
    if value in SECURITY_LIST_MARKET_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SECURITY_LIST_MARKET_VALUES!r}"
    )
