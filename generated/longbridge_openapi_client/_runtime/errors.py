# Copied verbatim from generator/runtime/errors.py by `python -m generator`.
# Edit that file and regenerate; changes made here are lost and fail the drift check.
"""Typed errors for the data API envelope and the OAuth endpoints.

Data API (docs/longbridge-api.md §4.1): a nonzero envelope ``code`` raises a
:class:`LongbridgeApiError`, subclassed by family from the code's leading digits. OAuth endpoints
answer RFC 6749 §5.2 JSON instead and raise :class:`OAuthError`. No error ever carries a token.
"""

from __future__ import annotations

import json

import httpx

from ..error_codes import ERROR_CODES

__all__ = [
    "ApiAuthError",
    "ApiPermissionError",
    "ApiRateLimitError",
    "ApiServerError",
    "AuthorizationError",
    "DiscoveryError",
    "IssuerMismatchError",
    "LongbridgeApiError",
    "LongbridgeError",
    "NotAuthenticatedError",
    "OAuthError",
    "RefreshLockTimeout",
    "ResponseLimitError",
    "StateMismatchError",
    "TokenFileError",
    "TokenRefreshError",
    "TokenSaveError",
    "UnexpectedResponseError",
    "api_error_for",
    "body_excerpt",
    "oauth_error_from_response",
]


class LongbridgeError(Exception):
    """Base of every error this package raises on purpose."""


class LongbridgeApiError(LongbridgeError):
    """The data API answered with a nonzero envelope ``code``."""

    def __init__(self, code: int, message: str, http_status: int, trace_id: str | None) -> None:
        super().__init__(code, message, http_status, trace_id)
        self.code = code
        self.message = message
        self.http_status = http_status
        self.trace_id = trace_id

    @property
    def meaning(self) -> str | None:
        """What the code means according to the spec's catalogue, when it is listed there."""
        entry = ERROR_CODES.get(self.code)
        return entry.meaning if entry else None

    def __str__(self) -> str:
        return (
            f"{self.message} (code={self.code}, http_status={self.http_status}, "
            f"trace_id={self.trace_id})"
        )


class ApiAuthError(LongbridgeApiError):
    """401xxx: the token is missing, expired or invalid."""


class ApiPermissionError(LongbridgeApiError):
    """403xxx: signature, replay, app key, IP address or scope refused."""


class ApiRateLimitError(LongbridgeApiError):
    """429xxx: too many requests; ``retry_after`` is the server's advice in seconds, if any."""

    def __init__(
        self,
        code: int,
        message: str,
        http_status: int,
        trace_id: str | None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(code, message, http_status, trace_id)
        self.retry_after = retry_after


class ApiServerError(LongbridgeApiError):
    """5xxxxx: the server failed."""


def api_error_for(
    code: int,
    message: str,
    http_status: int,
    trace_id: str | None,
    retry_after: float | None = None,
) -> LongbridgeApiError:
    """The most specific :class:`LongbridgeApiError` for ``code`` (family by its leading digits)."""
    family = str(code)[:3]
    if family == "429":
        return ApiRateLimitError(code, message, http_status, trace_id, retry_after)
    cls: type[LongbridgeApiError] = {
        "401": ApiAuthError,
        "403": ApiPermissionError,
    }.get(family, LongbridgeApiError)
    if cls is LongbridgeApiError and len(str(code)) == 6 and str(code).startswith("5"):
        cls = ApiServerError
    return cls(code, message, http_status, trace_id)


class UnexpectedResponseError(LongbridgeError):
    """The response is not a valid envelope (an HTML page from a proxy, say).

    Keeps the HTTP status, the trace id and a short excerpt of the body for the bug report.
    """

    def __init__(self, reason: str, http_status: int, excerpt: str, trace_id: str | None) -> None:
        super().__init__(reason, http_status, excerpt, trace_id)
        self.reason = reason
        self.http_status = http_status
        self.excerpt = excerpt
        self.trace_id = trace_id

    def __str__(self) -> str:
        return (
            f"{self.reason} (http_status={self.http_status}, trace_id={self.trace_id}): "
            f"{self.excerpt!r}"
        )


class OAuthError(LongbridgeError):
    """An OAuth endpoint refused the request (RFC 6749 §5.2, RFC 7591 §3.2.2, RFC 8628 §3.5)."""

    def __init__(
        self, error: str, error_description: str | None = None, http_status: int | None = None
    ) -> None:
        super().__init__(error, error_description, http_status)
        self.error = error
        self.error_description = error_description
        self.http_status = http_status

    def __str__(self) -> str:
        detail = f": {self.error_description}" if self.error_description else ""
        return f"{self.error}{detail} (http_status={self.http_status})"


def oauth_error_from_response(
    response: httpx.Response, cls: type[OAuthError] = OAuthError
) -> OAuthError:
    """The typed error of a failed OAuth endpoint call (RFC 6749 §5.2 JSON, or anything else)."""
    try:
        body = json.loads(response.content)
    except ValueError:
        body = None
    if isinstance(body, dict) and isinstance(body.get("error"), str):
        description = body.get("error_description")
        return cls(
            body["error"],
            description if isinstance(description, str) else None,
            response.status_code,
        )
    reason = f"not an OAuth error response: {body_excerpt(response)!r}"
    return cls("invalid_response", reason, response.status_code)


def body_excerpt(response: httpx.Response, chars: int = 200) -> str:
    """The start of a body, whitespace folded: enough for a bug report, never the whole page."""
    text = response.content[: chars * 4].decode("utf-8", errors="replace")
    return " ".join(text.split())[:chars]


class AuthorizationError(OAuthError):
    """The authorization response carried ``error`` (RFC 6749 §4.1.2.1), e.g. access_denied."""


class StateMismatchError(LongbridgeError):
    """The callback's ``state`` is missing or differs from the one sent (RFC 6749 §10.12)."""


class IssuerMismatchError(LongbridgeError):
    """The callback's ``iss`` is missing or names another server (RFC 9207 §2.4: a mix-up)."""


class TokenRefreshError(OAuthError):
    """Refreshing the access token failed; log in again. Nothing opens a browser by itself."""


class NotAuthenticatedError(LongbridgeError):
    """No usable token: none stored, or expired with no way to refresh it. Log in first."""


class DiscoveryError(LongbridgeError):
    """The server's metadata cannot be used (RFC 8414 §3.3: the issuer must match exactly)."""


class _TokenPathError(LongbridgeError):
    """A problem with the token file at ``path``, for ``reason`` (the OS's or the parser's)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason


class TokenFileError(_TokenPathError):
    """A token file cannot be read as a token: it names the file and the way out."""

    def __str__(self) -> str:
        return (
            f"the token file {self.path} is not a token ({self.reason}); log in again with "
            "`longbridge-openapi login` (it replaces the file) or delete it with "
            "`longbridge-openapi token revoke`"
        )


class TokenSaveError(_TokenPathError):
    """A new token could not be saved. The client keeps using it in memory, but other processes,
    and this one after a restart, only have the token it replaced: fix the cause (a read-only or
    full disk) before the process ends, or log in again afterwards."""

    def __str__(self) -> str:
        return (
            f"cannot save the token to {self.path} ({self.reason}); it is kept in memory for this "
            "process only, and the next start needs `longbridge-openapi login`"
        )


class RefreshLockTimeout(LongbridgeError):
    """Another process held the refresh lock for too long (a hung refresh)."""

    def __init__(self, path: str, seconds: float) -> None:
        super().__init__(path, seconds)
        self.path = path
        self.seconds = seconds

    def __str__(self) -> str:
        return f"another process held the refresh lock {self.path} for over {self.seconds:g} s"


class ResponseLimitError(LongbridgeError):
    """A server's answer was too large or too slow (a bound the client keeps, not a protocol
    error); the URL names the endpoint, never a credential."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(url, reason)
        self.url = url
        self.reason = reason

    def __str__(self) -> str:
        return f"the answer of {self.url} was refused: {self.reason}"
