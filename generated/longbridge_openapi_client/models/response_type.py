from typing import Literal

ResponseType = Literal["code"]

RESPONSE_TYPE_VALUES: set[ResponseType] = {
    "code",
}


def check_response_type(value: str) -> ResponseType:
    if value in RESPONSE_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RESPONSE_TYPE_VALUES!r}"
    )
