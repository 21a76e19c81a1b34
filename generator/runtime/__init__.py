"""Hand-written runtime of the Longbridge client; the generator copies it into the package."""

from .envelope import TRACE_ID_HEADER, read_envelope, unwrap
from .errors import (
    ApiAuthError,
    ApiPermissionError,
    ApiRateLimitError,
    ApiServerError,
    AuthorizationError,
    DiscoveryError,
    IssuerMismatchError,
    LongbridgeApiError,
    LongbridgeError,
    NotAuthenticatedError,
    OAuthError,
    RefreshLockTimeout,
    ResponseLimitError,
    StateMismatchError,
    TokenFileError,
    TokenRefreshError,
    TokenSaveError,
    UnexpectedResponseError,
    api_error_for,
)
from .facade import AsyncLongbridge, Longbridge, scope_ids
from .flows import Sleep, run_async, run_sync
from .legacy_auth import ApiKeyAuth, sign_request
from .refreshing_auth import DEFAULT_LEEWAY, RefreshingBearerAuth
from .retry import RetryingAsyncClient, RetryingClient, RetryPolicy
from .rfc6749_client import (
    AuthorizationRequest,
    ClientCredentials,
    DeviceAuthorization,
    OAuthClient,
)
from .rfc7636_pkce import Pkce, generate_code_verifier, s256_challenge
from .rfc8414_discovery import REGION_BASE_URLS, ServerEndpoints, base_url_for, discovery_flow
from .token import Token
from .token_store import FileTokenStore, MemoryTokenStore, RefreshLock, TokenStore

__all__ = [
    "DEFAULT_LEEWAY",
    "REGION_BASE_URLS",
    "TRACE_ID_HEADER",
    "ApiAuthError",
    "ApiKeyAuth",
    "ApiPermissionError",
    "ApiRateLimitError",
    "ApiServerError",
    "AsyncLongbridge",
    "AuthorizationError",
    "AuthorizationRequest",
    "ClientCredentials",
    "DeviceAuthorization",
    "DiscoveryError",
    "FileTokenStore",
    "IssuerMismatchError",
    "Longbridge",
    "LongbridgeApiError",
    "LongbridgeError",
    "MemoryTokenStore",
    "NotAuthenticatedError",
    "OAuthClient",
    "OAuthError",
    "Pkce",
    "RefreshLock",
    "RefreshLockTimeout",
    "RefreshingBearerAuth",
    "ResponseLimitError",
    "RetryPolicy",
    "RetryingAsyncClient",
    "RetryingClient",
    "ServerEndpoints",
    "Sleep",
    "StateMismatchError",
    "Token",
    "TokenFileError",
    "TokenRefreshError",
    "TokenSaveError",
    "TokenStore",
    "UnexpectedResponseError",
    "api_error_for",
    "base_url_for",
    "discovery_flow",
    "generate_code_verifier",
    "read_envelope",
    "run_async",
    "run_sync",
    "s256_challenge",
    "scope_ids",
    "sign_request",
    "unwrap",
]
