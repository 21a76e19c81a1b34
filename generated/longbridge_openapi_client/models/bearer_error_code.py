from typing import Literal

BearerErrorCode = Literal["insufficient_scope", "invalid_request", "invalid_token"]

BEARER_ERROR_CODE_VALUES: set[BearerErrorCode] = {
    "insufficient_scope",
    "invalid_request",
    "invalid_token",
}


def check_bearer_error_code(value: str) -> BearerErrorCode:
    if value in BEARER_ERROR_CODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BEARER_ERROR_CODE_VALUES!r}"
    )
