from typing import Literal

TimeInForce = Literal["Day", "GTC", "GTD"]

TIME_IN_FORCE_VALUES: set[TimeInForce] = {
    "Day",
    "GTC",
    "GTD",
}


def check_time_in_force(value: str) -> TimeInForce:
    if value in TIME_IN_FORCE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TIME_IN_FORCE_VALUES!r}"
    )
