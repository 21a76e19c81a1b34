from typing import Literal

RegistrationErrorCode = Literal[
    "invalid_client_metadata",
    "invalid_redirect_uri",
    "invalid_software_statement",
    "unapproved_software_statement",
]

REGISTRATION_ERROR_CODE_VALUES: set[RegistrationErrorCode] = {
    "invalid_client_metadata",
    "invalid_redirect_uri",
    "invalid_software_statement",
    "unapproved_software_statement",
}


def check_registration_error_code(value: str) -> RegistrationErrorCode:
    if value in REGISTRATION_ERROR_CODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {REGISTRATION_ERROR_CODE_VALUES!r}"
    )
