from typing import Literal

TokenTypeHint = Literal["access_token", "refresh_token"]

TOKEN_TYPE_HINT_VALUES: set[TokenTypeHint] = {
    "access_token",
    "refresh_token",
}


def check_token_type_hint(value: str) -> TokenTypeHint:
    if value in TOKEN_TYPE_HINT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TOKEN_TYPE_HINT_VALUES!r}"
    )
