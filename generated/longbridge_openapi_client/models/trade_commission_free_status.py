from typing import Literal

TradeCommissionFreeStatus = Literal["Calculated", "None", "Pending", "Ready"]

TRADE_COMMISSION_FREE_STATUS_VALUES: set[TradeCommissionFreeStatus] = {
    "Calculated",
    "None",
    "Pending",
    "Ready",
}


def check_trade_commission_free_status(value: str) -> TradeCommissionFreeStatus:
    if value in TRADE_COMMISSION_FREE_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TRADE_COMMISSION_FREE_STATUS_VALUES!r}"
    )
