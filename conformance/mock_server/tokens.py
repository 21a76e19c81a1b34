"""Issuing token families and the RFC 6749 §5.1 access token response."""

from __future__ import annotations

import itertools
from typing import Any

from .config import Deviation
from .context import Context
from .scopes import scope_ids
from .state import AccessToken, RefreshToken, RegisteredClient, TokenFamily, new_secret

__all__ = ["issue_tokens", "new_family"]


def new_family(ctx: Context, client: RegisteredClient, scopes: tuple[str, ...]) -> TokenFamily:
    """A new grant: the root of every token issued from one code or device authorization."""
    family = TokenFamily(new_secret(nbytes=12), client.client_id, scopes)
    ctx.state.families[family.family_id] = family
    return family


def _credential(ctx: Context) -> str:
    """A new token; with the ``weak_tokens`` deviation a guessable one, from a counter."""
    if ctx.deviates(Deviation.WEAK_TOKENS):
        counter = ctx.state.area("weak-token-counter", lambda: itertools.count(1))
        return f"{ctx.config.token_prefix}tok{next(counter):010d}"
    return new_secret(ctx.config.token_prefix)


def issue_tokens(
    ctx: Context, client: RegisteredClient, family: TokenFamily, scopes: tuple[str, ...]
) -> dict[str, Any]:
    """§5.1: a new access token, and a new refresh token when the client may refresh."""
    now = ctx.now()
    access = AccessToken(
        _credential(ctx), family.family_id, scopes, now + ctx.config.access_token_ttl
    )
    ctx.state.access_tokens[access.token] = access
    body: dict[str, Any] = {
        "access_token": access.token,
        "token_type": "Bearer",
        "expires_in": ctx.config.access_token_ttl,
        "scope": scope_ids(scopes),
    }
    if "refresh_token" in client.grant_types:
        refresh = RefreshToken(
            _credential(ctx), family.family_id, now + ctx.config.refresh_token_ttl
        )
        ctx.state.refresh_tokens[refresh.token] = refresh
        body["refresh_token"] = refresh.token
    return body
