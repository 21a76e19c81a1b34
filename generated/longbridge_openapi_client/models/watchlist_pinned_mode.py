from typing import Literal

WatchlistPinnedMode = Literal["add", "remove"]

WATCHLIST_PINNED_MODE_VALUES: set[WatchlistPinnedMode] = {
    "add",
    "remove",
}


def check_watchlist_pinned_mode(value: str) -> WatchlistPinnedMode:
    if value in WATCHLIST_PINNED_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {WATCHLIST_PINNED_MODE_VALUES!r}"
    )
