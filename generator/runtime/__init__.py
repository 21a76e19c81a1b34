"""Hand-written runtime of the Longbridge client; the generator copies it into the package."""

from .envelope import TRACE_ID_HEADER, read_envelope, unwrap
from .errors import (
    ApiAuthError,
    ApiPermissionError,
    ApiRateLimitError,
    ApiServerError,
    LongbridgeApiError,
    LongbridgeError,
    OAuthError,
    UnexpectedResponseError,
    api_error_for,
)

__all__ = [
    "TRACE_ID_HEADER",
    "ApiAuthError",
    "ApiPermissionError",
    "ApiRateLimitError",
    "ApiServerError",
    "LongbridgeApiError",
    "LongbridgeError",
    "OAuthError",
    "UnexpectedResponseError",
    "api_error_for",
    "read_envelope",
    "unwrap",
]
