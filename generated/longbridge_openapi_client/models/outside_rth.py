from typing import Literal

OutsideRTH = Literal[
    "", "ANY_TIME", "OPTION_PRE_MARKET", "OVERNIGHT", "RTH_ONLY", "UnknownOutsideRth"
]

OUTSIDE_RTH_VALUES: set[OutsideRTH] = {
    "",
    "ANY_TIME",
    "OPTION_PRE_MARKET",
    "OVERNIGHT",
    "RTH_ONLY",
    "UnknownOutsideRth",
}


def check_outside_rth(value: str) -> OutsideRTH:
    if value in OUTSIDE_RTH_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {OUTSIDE_RTH_VALUES!r}"
    )
