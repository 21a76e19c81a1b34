"""Issuing token families and the RFC 6749 §5.1 access token response."""

from __future__ import annotations

from typing import Any

from .context import Context
from .scopes import scope_ids
from .state import AccessToken, RefreshToken, RegisteredClient, TokenFamily, new_secret

__all__ = ["issue_tokens", "new_family"]


def new_family(ctx: Context, client: RegisteredClient, scopes: tuple[str, ...]) -> TokenFamily:
    """A new grant: the root of every token issued from one code or device authorization."""
    family = TokenFamily(new_secret(nbytes=12), client.client_id, scopes)
    ctx.state.families[family.family_id] = family
    return family


def issue_tokens(
    ctx: Context, client: RegisteredClient, family: TokenFamily, scopes: tuple[str, ...]
) -> dict[str, Any]:
    """§5.1: a new access token, and a new refresh token when the client may refresh."""
    now = ctx.now()
    prefix = ctx.config.token_prefix
    access = AccessToken(
        new_secret(prefix), family.family_id, scopes, now + ctx.config.access_token_ttl
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
            new_secret(prefix), family.family_id, now + ctx.config.refresh_token_ttl
        )
        ctx.state.refresh_tokens[refresh.token] = refresh
        body["refresh_token"] = refresh.token
    return body
