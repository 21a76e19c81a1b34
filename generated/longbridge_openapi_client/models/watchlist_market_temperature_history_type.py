from typing import Literal

WatchlistMarketTemperatureHistoryType = Literal["daily", "monthly", "weekly"]

WATCHLIST_MARKET_TEMPERATURE_HISTORY_TYPE_VALUES: set[
    WatchlistMarketTemperatureHistoryType
] = {
    "daily",
    "monthly",
    "weekly",
}


def check_watchlist_market_temperature_history_type(
    value: str,
) -> WatchlistMarketTemperatureHistoryType:
    if value in WATCHLIST_MARKET_TEMPERATURE_HISTORY_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {WATCHLIST_MARKET_TEMPERATURE_HISTORY_TYPE_VALUES!r}"
    )
