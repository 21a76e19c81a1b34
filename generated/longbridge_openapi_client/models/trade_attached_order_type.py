from typing import Literal

TradeAttachedOrderType = Literal["BRACKET", "PROFIT_TAKER", "STOP_LOSS"]

TRADE_ATTACHED_ORDER_TYPE_VALUES: set[TradeAttachedOrderType] = {
    "BRACKET",
    "PROFIT_TAKER",
    "STOP_LOSS",
}


def check_trade_attached_order_type(value: str) -> TradeAttachedOrderType:
    if value in TRADE_ATTACHED_ORDER_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TRADE_ATTACHED_ORDER_TYPE_VALUES!r}"
    )
