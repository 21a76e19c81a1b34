from typing import Literal

TradeDeductionStatus = Literal["DONE", "NO_DATA", "NONE", "PENDING"]

TRADE_DEDUCTION_STATUS_VALUES: set[TradeDeductionStatus] = {
    "DONE",
    "NO_DATA",
    "NONE",
    "PENDING",
}


def check_trade_deduction_status(value: str) -> TradeDeductionStatus:
    if value in TRADE_DEDUCTION_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TRADE_DEDUCTION_STATUS_VALUES!r}"
    )
