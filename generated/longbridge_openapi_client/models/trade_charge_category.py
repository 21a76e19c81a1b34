from typing import Literal

TradeChargeCategory = Literal["BROKER_FEES", "THIRD_FEES", "UNKNOWN"]

TRADE_CHARGE_CATEGORY_VALUES: set[TradeChargeCategory] = {
    "BROKER_FEES",
    "THIRD_FEES",
    "UNKNOWN",
}


def check_trade_charge_category(value: str) -> TradeChargeCategory:
    if value in TRADE_CHARGE_CATEGORY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TRADE_CHARGE_CATEGORY_VALUES!r}"
    )
