from typing import Literal

TradeMarket = Literal["HK", "US"]

TRADE_MARKET_VALUES: set[TradeMarket] = {
    "HK",
    "US",
}


def check_trade_market(value: str) -> TradeMarket:
    if value in TRADE_MARKET_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TRADE_MARKET_VALUES!r}"
    )
