from typing import Literal

GrantType = Literal[
    "authorization_code",
    "refresh_token",
    "urn:ietf:params:oauth:grant-type:device_code",
]

GRANT_TYPE_VALUES: set[GrantType] = {
    "authorization_code",
    "refresh_token",
    "urn:ietf:params:oauth:grant-type:device_code",
}


def check_grant_type(value: str) -> GrantType:
    if value in GRANT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GRANT_TYPE_VALUES!r}"
    )
