from typing import Literal

AuthorizeErrorCode = Literal[
    "access_denied",
    "invalid_request",
    "invalid_scope",
    "server_error",
    "temporarily_unavailable",
    "unauthorized_client",
    "unsupported_response_type",
]

AUTHORIZE_ERROR_CODE_VALUES: set[AuthorizeErrorCode] = {
    "access_denied",
    "invalid_request",
    "invalid_scope",
    "server_error",
    "temporarily_unavailable",
    "unauthorized_client",
    "unsupported_response_type",
}


def check_authorize_error_code(value: str) -> AuthorizeErrorCode:
    if value in AUTHORIZE_ERROR_CODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {AUTHORIZE_ERROR_CODE_VALUES!r}"
    )
