"""RFC 6750: Bearer Token Usage, for the data API and RFC 7592 management.

https://www.rfc-editor.org/rfc/rfc6750
"""

from __future__ import annotations

from .config import Deviation
from .context import Context
from .http import ApiProblem, Incoming
from .state import AccessToken

__all__ = ["authenticate_bearer", "bearer_token", "unauthorized", "www_authenticate"]

REALM = "longbridge"


def bearer_token(req: Incoming) -> str | None:
    """The token of ``Authorization: Bearer <token>``; the scheme is case-insensitive (§2.1)."""
    scheme, _, token = req.headers.get("authorization", "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        return None
    return token


def www_authenticate(error: str | None, description: str | None = None, scope: str = "") -> str:
    """§3: the challenge; no ``error`` attribute when the request carried no credentials."""
    parts = [f'Bearer realm="{REALM}"']
    if error:
        parts.append(f'error="{error}"')
    if description:
        parts.append(f'error_description="{description}"')
    if scope:
        parts.append(f'scope="{scope}"')
    return ", ".join(parts)


def unauthorized(ctx: Context, code: int, message: str, error: str | None) -> ApiProblem:
    headers = {}
    if not ctx.deviates(Deviation.NO_WWW_AUTHENTICATE):
        headers["WWW-Authenticate"] = www_authenticate(error, message if error else None)
    return ApiProblem(code, message, 401, headers)


def authenticate_bearer(ctx: Context, token: str | None) -> AccessToken | None:
    """The access token behind a bearer credential, or an :class:`ApiProblem` 401.

    Codes from docs/longbridge-api.md §4.2: 401001 token empty, 401003 token expired, 401004
    invalid.
    Returns None only under the ``accept_any_bearer`` deviation for an unknown token.
    """
    if token is None:
        raise unauthorized(ctx, 401001, "token empty", None)
    access = ctx.state.access_tokens.get(token)
    if access is None:
        if ctx.deviates(Deviation.ACCEPT_ANY_BEARER):
            return None
        raise unauthorized(ctx, 401004, "token invalid", "invalid_token")
    family = ctx.state.families[access.family_id]
    if access.revoked or family.revoked:
        raise unauthorized(ctx, 401004, "token invalid", "invalid_token")
    if ctx.now() >= access.expires_at and not ctx.deviates(Deviation.IGNORE_TOKEN_EXPIRY):
        raise unauthorized(ctx, 401003, "token expired", "invalid_token")
    return access
