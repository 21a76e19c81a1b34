"""The message of an error that ends a command with exit code 1: the API's code and trace id, the
OAuth server's refusal, the network failure with its URL masked."""

from __future__ import annotations

from .options import PROG
from .output import url_of
from .session import CliFailure

# Not `from typing import TYPE_CHECKING`: typing costs a fifth of the interpreter's start-up,
# and type checkers know this constant by name.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def api_error_line(exc: Any) -> str:
    return f"error: {exc.message} (code={exc.code}, trace_id={exc.trace_id})"


def failure_message(exc: BaseException) -> str:
    """The message of an error that ends a command with exit code 1."""
    import httpx

    from ..errors import (
        LongbridgeApiError,
        NotAuthenticatedError,
        OAuthError,
        StateMismatchError,
        TokenRefreshError,
    )

    if isinstance(exc, CliFailure):
        text = str(exc)
        return text if text.startswith("error: ") else f"error: {text}"
    if isinstance(exc, LongbridgeApiError):
        return api_error_line(exc)
    if isinstance(exc, NotAuthenticatedError):
        reason = str(exc).removesuffix("; log in")
        return f"error: not logged in: {reason}; log in with `{PROG} login`"
    if isinstance(exc, TokenRefreshError):
        return f"error: the token could not be refreshed: {exc}; log in again with `{PROG} login`"
    if isinstance(exc, OAuthError):
        return f"error: the server refused: {exc}"
    if isinstance(exc, StateMismatchError):
        return f"error: {exc}; not using this redirect, log in again"
    if isinstance(exc, httpx.TimeoutException):
        return f"error: {url_of(exc)} did not answer in time ({type(exc).__name__})"
    if isinstance(exc, httpx.TransportError):
        return (
            f"error: cannot reach {url_of(exc)}: {exc}; check --base-url "
            "(or LONGBRIDGE_HTTP_URL) and that the server is running"
        )
    if isinstance(exc, httpx.HTTPError):
        return f"error: {url_of(exc)}: {exc}"
    return f"error: {exc}"
