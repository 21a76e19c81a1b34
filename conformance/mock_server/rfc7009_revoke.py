"""RFC 7009: OAuth 2.0 Token Revocation. https://www.rfc-editor.org/rfc/rfc7009"""

from __future__ import annotations

from functools import cache

from .config import Deviation
from .context import Context
from .http import NO_STORE, Incoming, OAuthProblem, Reply
from .rfc6749_client_auth import authenticate_client, form_parameters, read_form

__all__ = ["revoke"]


@cache
def _parameters() -> frozenset[str]:
    # The generated models load on first use (see rfc6749_token.grant_models).
    from longbridge_openapi_client.schemas import RevocationRequest

    return form_parameters(RevocationRequest)


def revoke(ctx: Context, req: Incoming) -> Reply:
    """§2.1: revoke a token of the requesting client; §2.2: 200 even when it was not valid."""
    from pydantic import ValidationError

    from longbridge_openapi_client.schemas import RevocationRequest

    form = read_form(ctx, req, _parameters())
    try:
        request = RevocationRequest.model_validate(form)
    except ValidationError:
        # token missing, or token_type_hint outside the spec's enum.
        raise OAuthProblem(
            "invalid_request",
            "token is required; token_type_hint must be access_token or refresh_token",
        ) from None
    sent_basic = req.headers.get("authorization", "").partition(" ")[0].lower() == "basic"
    if "client_id" not in form and not sent_basic:
        # RFC 6749 §5.2 (applied by RFC 7009 §2.2.1): "no client authentication included" is
        # invalid_client. The spec keeps client_id optional because Basic clients send none; a
        # Bearer header (an access token, as schemathesis sends everywhere) authenticates no client.
        raise OAuthProblem(
            "invalid_client",
            "client authentication is required",
            401,
            {"WWW-Authenticate": 'Basic realm="longbridge"'},
        )
    known = ctx.state.clients.get(form.get("client_id", ""))
    if ctx.deviates(Deviation.REVOKE_WITHOUT_CLIENT_AUTH) and known is not None:
        client = known  # the broken variant: §2.1 validates a confidential client's credentials
    else:
        client = authenticate_client(ctx, req, form)
    state = ctx.state
    # The hint only orders the lookup (§2.1); both kinds are searched.
    family_id = None
    access = state.access_tokens.get(request.token)
    refresh = state.refresh_tokens.get(request.token)
    if access is not None:
        family_id = access.family_id
    elif refresh is not None:
        family_id = refresh.family_id
    elif ctx.deviates(Deviation.REVOKE_UNKNOWN_TOKEN_ERROR):
        raise OAuthProblem("invalid_request", "unknown token")
    owner = None if family_id is None else state.families[family_id].client_id
    if ctx.deviates(Deviation.REVOKE_OTHER_CLIENTS_TOKENS):
        owner = client.client_id  # the broken variant: §2.1 revokes only the client's own tokens
    if family_id is not None and owner == client.client_id:
        if not ctx.deviates(Deviation.IGNORE_REVOCATION):
            if access is not None:
                access.revoked = True
            else:
                # §2.1: revoking a refresh token also revokes the access tokens of its grant.
                state.revoke_family(family_id)
    # A token of another client is not revoked, and that is not revealed (§2.2).
    return Reply(200, None, dict(NO_STORE), "application/json")
