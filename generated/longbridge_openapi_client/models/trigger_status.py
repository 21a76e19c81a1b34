from typing import Literal

TriggerStatus = Literal["", "ACTIVE", "DEACTIVE", "NOT_USED", "RELEASED"]

TRIGGER_STATUS_VALUES: set[TriggerStatus] = {
    "",
    "ACTIVE",
    "DEACTIVE",
    "NOT_USED",
    "RELEASED",
}


def check_trigger_status(value: str) -> TriggerStatus:
    if value in TRIGGER_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TRIGGER_STATUS_VALUES!r}"
    )
