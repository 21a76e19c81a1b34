from typing import Literal

RevocationErrorCode = Literal[
    "invalid_client", "invalid_request", "unsupported_token_type"
]

REVOCATION_ERROR_CODE_VALUES: set[RevocationErrorCode] = {
    "invalid_client",
    "invalid_request",
    "unsupported_token_type",
}


def check_revocation_error_code(value: str) -> RevocationErrorCode:
    if value in REVOCATION_ERROR_CODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {REVOCATION_ERROR_CODE_VALUES!r}"
    )
