from typing import Literal

WatchlistTemperatureMarket = Literal["CN", "HK", "SG", "US"]

WATCHLIST_TEMPERATURE_MARKET_VALUES: set[WatchlistTemperatureMarket] = {
    "CN",
    "HK",
    "SG",
    "US",
}


def check_watchlist_temperature_market(value: str) -> WatchlistTemperatureMarket:
    if value in WATCHLIST_TEMPERATURE_MARKET_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {WATCHLIST_TEMPERATURE_MARKET_VALUES!r}"
    )
