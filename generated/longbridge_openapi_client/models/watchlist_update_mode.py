from typing import Literal

WatchlistUpdateMode = Literal["add", "remove", "replace"]

WATCHLIST_UPDATE_MODE_VALUES: set[WatchlistUpdateMode] = {
    "add",
    "remove",
    "replace",
}


def check_watchlist_update_mode(value: str) -> WatchlistUpdateMode:
    if value in WATCHLIST_UPDATE_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {WATCHLIST_UPDATE_MODE_VALUES!r}"
    )
