"""RFC 6749 §4.1.3, §5, §6: the token endpoint, with the code and refresh grants.

Codes are single-use and bound to client, redirect URI and PKCE challenge (§4.1.2, RFC 7636
§4.6); reuse revokes what the code issued (§10.5). Refresh tokens rotate, and presenting a
superseded one revokes its whole family (RFC 9700 §4.14.2). The device grant is in
``rfc8628_device``. https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
"""

from __future__ import annotations

import contextlib
import time
from functools import cache
from typing import TYPE_CHECKING, Any

from .config import Deviation
from .context import Context
from .http import NO_STORE, Incoming, OAuthProblem, Reply
from .rfc6749_client_auth import authenticate_client, form_parameters, read_form
from .rfc7636_pkce import verify
from .rfc8628_device import DEVICE_GRANT, device_code_grant
from .scopes import parse_scope
from .state import RegisteredClient
from .tokens import issue_tokens, new_family

if TYPE_CHECKING:
    from pydantic import BaseModel

    from longbridge_openapi_client.schemas import (
        AuthorizationCodeTokenRequest,
        RefreshTokenRequest,
    )

__all__ = ["GRANT_TYPES", "grant_models", "token"]

GRANT_TYPES = ("authorization_code", "refresh_token", DEVICE_GRANT)


@cache
def grant_models() -> dict[str, type[BaseModel]]:
    """The spec's request schema of each grant, as the generated models.

    Imported on the first token request, not at start: the generated package (pydantic, httpx,
    every model) is most of the mock's start-up time and a third of its memory.
    """
    from longbridge_openapi_client.schemas import (
        AuthorizationCodeTokenRequest,
        DeviceCodeTokenRequest,
        RefreshTokenRequest,
    )

    return {
        "authorization_code": AuthorizationCodeTokenRequest,
        "refresh_token": RefreshTokenRequest,
        DEVICE_GRANT: DeviceCodeTokenRequest,
    }


@cache
def token_parameters() -> frozenset[str]:
    return form_parameters(*grant_models().values())


def _invalid_grant(description: str) -> OAuthProblem:
    return OAuthProblem("invalid_grant", description)


def _validated(
    grant_type: str, form: dict[str, str], _missing_as_invalid_grant: bool = False
) -> Any:
    from pydantic import ValidationError

    try:
        return grant_models()[grant_type].model_validate(form)
    except ValidationError as exc:
        missing = [str(e["loc"][0]) for e in exc.errors() if e["type"] == "missing"]
        what = f"missing {', '.join(missing)}" if missing else exc.errors()[0]["msg"]
        # The MISSING_AS_INVALID_GRANT variant mislabels it (RFC 6749 §5.2: invalid_request).
        error = "invalid_grant" if _missing_as_invalid_grant else "invalid_request"
        raise OAuthProblem(error, f"{grant_type}: {what}") from None


def _revoke_access_tokens(ctx: Context, family_id: str) -> None:
    for access in ctx.state.access_tokens.values():
        if access.family_id == family_id:
            access.revoked = True


def _redemption(ctx: Context) -> contextlib.AbstractContextManager[object]:
    """The state's lock around a grant's check-then-act (RFC 6749 §4.1.2: a code is used once;
    RFC 9700 §4.14.2: so is a rotated refresh token); the racy variant goes without."""
    if ctx.deviates(Deviation.RACY_REDEMPTION):
        return contextlib.nullcontext()
    return ctx.state.redemption_lock


def _race_window(ctx: Context) -> None:
    """The racy variant: time between "not used yet" and "used" for parallel requests to pass."""
    if ctx.deviates(Deviation.RACY_REDEMPTION):
        time.sleep(0.1)  # on a worker thread (app.py): the event loop keeps serving


def _code_grant(ctx: Context, client: RegisteredClient, form: dict[str, str]) -> dict[str, Any]:
    request: AuthorizationCodeTokenRequest = _validated(
        "authorization_code", form, ctx.deviates(Deviation.MISSING_AS_INVALID_GRANT)
    )
    code = ctx.state.codes.get(request.code)
    if code is None:
        raise _invalid_grant("code not found")
    if code.redeemed and not ctx.deviates(Deviation.ALLOW_CODE_REUSE):
        # §4.1.2 / §10.5: a second use revokes the tokens the code issued.
        if code.family_id and ctx.deviates(Deviation.REUSE_KEEPS_REFRESH):
            _revoke_access_tokens(ctx, code.family_id)  # the broken variant: refresh lives on
        elif code.family_id and not ctx.deviates(Deviation.NO_REUSE_REVOCATION):
            ctx.state.revoke_family(code.family_id)
        raise _invalid_grant("code already used")
    if code.client_id != client.client_id and not ctx.deviates(Deviation.CODE_NOT_BOUND_TO_CLIENT):
        raise _invalid_grant("code was issued to another client")  # §4.1.3
    if ctx.now() >= code.expires_at and not ctx.deviates(Deviation.ACCEPT_EXPIRED_CODES):
        raise _invalid_grant("code expired")
    # §4.1.3: "identical" to the authorization request's (which is what the code recorded), so
    # the loopback port that may vary at the authorization endpoint (RFC 8252 §7.3) may not here.
    if code.redirect_uri != request.redirect_uri and not ctx.deviates(
        Deviation.IGNORE_REDIRECT_URI
    ):
        raise _invalid_grant("redirect_uri differs from the authorization request")
    verifier = request.code_verifier
    if code.challenge is None:
        # RFC 9700 §4.8.2: a verifier for a code issued without a challenge is a downgrade.
        if verifier is not None and not ctx.deviates(Deviation.NO_DOWNGRADE_DEFENCE):
            raise _invalid_grant("code_verifier sent, but the code was issued without PKCE")
    elif not ctx.deviates(Deviation.SKIP_PKCE_CHECK):
        # RFC 7636 §4.6; a missing verifier is invalid_grant too (checklist Part 2, choice 2).
        if verifier is None:
            raise _invalid_grant("code_verifier is required for this code")
        challenge = code.challenge
        if ctx.deviates(Deviation.PADDED_S256):
            challenge += "="  # the broken variant compares against a padded encoding
        lax = {
            "any_length": ctx.deviates(Deviation.ACCEPT_SHORT_VERIFIERS),
            "plain_downgrade": ctx.deviates(Deviation.PLAIN_DOWNGRADE),
        }
        if not verify(verifier, challenge, code.challenge_method or "plain", **lax):
            raise _invalid_grant("code_verifier does not match the code_challenge")
    _race_window(ctx)
    code.redeemed = True
    family = new_family(ctx, client, code.scopes)
    code.family_id = family.family_id
    return issue_tokens(ctx, client, family, family.scopes)


def _refresh_grant(ctx: Context, client: RegisteredClient, form: dict[str, str]) -> dict[str, Any]:
    request: RefreshTokenRequest = _validated("refresh_token", form)
    refresh = ctx.state.refresh_tokens.get(request.refresh_token)
    if refresh is None:
        raise _invalid_grant("refresh token not found")
    family = ctx.state.families[refresh.family_id]
    if family.client_id != client.client_id and not ctx.deviates(
        Deviation.REFRESH_NOT_BOUND_TO_CLIENT
    ):
        raise _invalid_grant("refresh token was issued to another client")  # §6
    if refresh.superseded and not ctx.deviates(Deviation.KEEP_SUPERSEDED_REFRESH_TOKENS):
        # RFC 9700 §4.14.2: reuse of a rotated token means theft; revoke the whole family.
        if not ctx.deviates(Deviation.NO_FAMILY_REVOCATION):
            ctx.state.revoke_family(family.family_id)
        raise _invalid_grant("refresh token was already used")
    if refresh.revoked or family.revoked:
        raise _invalid_grant("refresh token revoked")
    if ctx.now() >= refresh.expires_at:
        raise _invalid_grant("refresh token expired")
    if ctx.deviates(Deviation.PKCE_ON_REFRESH) and "code_verifier" not in form:
        raise OAuthProblem("invalid_request", "code_verifier is required")
    scopes = family.scopes
    if request.scope is not None:
        scopes = parse_scope(request.scope, ())
        too_wide = not scopes or not set(scopes) <= set(family.scopes)
        if too_wide and not ctx.deviates(Deviation.WIDEN_SCOPE_ON_REFRESH):
            raise OAuthProblem("invalid_scope", "scope exceeds the original grant")  # §6
    if ctx.deviates(Deviation.NO_ROTATION):
        body = issue_tokens(ctx, client, family, scopes)
        ctx.state.refresh_tokens.pop(body.pop("refresh_token", ""), None)
        return body
    _race_window(ctx)
    refresh.superseded = True
    return issue_tokens(ctx, client, family, scopes)


def _client_from_code(ctx: Context, req: Incoming, form: dict[str, str]) -> None:
    """The broken variant: a public client's code exchange without client_id is taken for the
    code's client (RFC 6749 §4.1.3 requires client_id of a client that does not authenticate)."""
    if "client_id" in form or "authorization" in req.headers:
        return
    code = ctx.state.codes.get(form.get("code", ""))
    if code is not None:
        form["client_id"] = code.client_id


def token(ctx: Context, req: Incoming) -> Reply:
    """§3.2: dispatch on ``grant_type`` after authenticating the client."""
    ctx.state.token_requests += 1
    form = read_form(ctx, req, token_parameters())
    grant_type = form.get("grant_type")
    if grant_type is None:
        raise OAuthProblem("invalid_request", "grant_type is required")
    if grant_type == "password" and ctx.deviates(Deviation.ACCEPT_PASSWORD_GRANT):
        client = authenticate_client(ctx, req, form)  # the broken variant: RFC 9700 §2.4
        family = new_family(ctx, client, ctx.config.default_scopes)
        return Reply(200, issue_tokens(ctx, client, family, family.scopes), dict(NO_STORE))
    if grant_type not in GRANT_TYPES:
        if ctx.deviates(Deviation.UNKNOWN_GRANT_INVALID_REQUEST):
            raise OAuthProblem("invalid_request", "grant_type is not supported")
        raise OAuthProblem("unsupported_grant_type", "grant_type is not supported")
    if ctx.deviates(Deviation.CLIENT_ID_OPTIONAL) and grant_type == "authorization_code":
        _client_from_code(ctx, req, form)
    client = authenticate_client(ctx, req, form)
    # §4.1.3: client_id is required of clients that do not authenticate; a Basic-authenticated
    # client is identified by its credentials.
    form.setdefault("client_id", client.client_id)
    if grant_type not in client.grant_types:
        raise OAuthProblem("unauthorized_client", "the client may not use this grant type")
    with _redemption(ctx):
        if grant_type == "authorization_code":
            body = _code_grant(ctx, client, form)
        elif grant_type == "refresh_token":
            body = _refresh_grant(ctx, client, form)
        else:
            body = device_code_grant(ctx, client, _validated(DEVICE_GRANT, form))
    if ctx.deviates(Deviation.TOKEN_TYPE_MAC):
        body["token_type"] = "mac"
    if ctx.deviates(Deviation.OMIT_EXPIRES_IN):
        body.pop("expires_in", None)
    if ctx.deviates(Deviation.ENVELOPED_TOKEN_RESPONSE):
        body = {"code": 0, "message": "success", "data": body}
    headers = {} if ctx.deviates(Deviation.OMIT_NO_STORE) else dict(NO_STORE)
    return Reply(200, body, headers)
