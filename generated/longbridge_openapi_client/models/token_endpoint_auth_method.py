from typing import Literal

TokenEndpointAuthMethod = Literal["client_secret_basic", "client_secret_post", "none"]

TOKEN_ENDPOINT_AUTH_METHOD_VALUES: set[TokenEndpointAuthMethod] = {
    "client_secret_basic",
    "client_secret_post",
    "none",
}


def check_token_endpoint_auth_method(value: str) -> TokenEndpointAuthMethod:
    if value in TOKEN_ENDPOINT_AUTH_METHOD_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TOKEN_ENDPOINT_AUTH_METHOD_VALUES!r}"
    )
