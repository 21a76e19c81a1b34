"""RFC 8628: OAuth 2.0 Device Authorization Grant. https://www.rfc-editor.org/rfc/rfc8628

By default a device authorization is approved by itself ``device_approval_delay`` seconds after
it starts, so a headless client sees ``authorization_pending`` first and then its tokens. A person
(or a test) can approve or deny earlier at the verification URI.
"""

from __future__ import annotations

import secrets
from functools import cache
from typing import TYPE_CHECKING, Any

from .config import Deviation
from .context import Context
from .http import Incoming, OAuthProblem, Reply, parse_params
from .rfc6749_client_auth import authenticate_client, form_parameters, read_form
from .scopes import parse_scope
from .state import DeviceGrant, RegisteredClient, new_secret
from .tokens import issue_tokens, new_family

if TYPE_CHECKING:
    from longbridge_openapi_client.schemas import DeviceCodeTokenRequest

__all__ = ["decide", "device_authorization", "device_code_grant", "verification_page"]

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
# §6.1: user codes from an alphabet without vowels or look-alikes, 8 characters, grouped 4-4.
USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ"
SLOW_DOWN_STEP = 5  # §3.5: seconds added to the interval on slow_down


@cache
def _authorization_parameters() -> frozenset[str]:
    # The generated models load on first use (see rfc6749_token.grant_models).
    from longbridge_openapi_client.schemas import DeviceAuthorizationRequest

    return form_parameters(DeviceAuthorizationRequest)


def _user_code() -> str:
    chars = "".join(secrets.choice(USER_CODE_ALPHABET) for _ in range(8))
    return f"{chars[:4]}-{chars[4:]}"


def device_authorization(ctx: Context, req: Incoming) -> Reply:
    """§3.1–3.2: start a device authorization."""
    form = read_form(ctx, req, _authorization_parameters())
    client = authenticate_client(ctx, req, form)
    if DEVICE_GRANT not in client.grant_types:
        raise OAuthProblem("unauthorized_client", "the client may not use the device grant")
    now = ctx.now()
    grant = DeviceGrant(
        device_code=new_secret(ctx.config.token_prefix),
        user_code=_user_code(),
        client_id=client.client_id,
        scopes=parse_scope(form.get("scope"), ctx.config.default_scopes),
        expires_at=now + ctx.config.device_code_ttl,
        interval=ctx.config.device_interval,
        approve_at=now
        if ctx.deviates(Deviation.DEVICE_AUTO_APPROVE)
        else now + ctx.config.device_approval_delay,
    )
    ctx.state.device_grants[grant.device_code] = grant
    ctx.state.user_codes[grant.user_code] = grant.device_code
    verification_uri = f"{req.base_url}/oauth2/device/verify"
    body = {
        "device_code": grant.device_code,
        "user_code": grant.user_code,
        "verification_uri": verification_uri,
        "verification_uri_complete": f"{verification_uri}?user_code={grant.user_code}",
        "expires_in": ctx.config.device_code_ttl,
        "interval": grant.interval,
    }
    if ctx.deviates(Deviation.DEVICE_RESPONSE_INCOMPLETE):
        del body["verification_uri"]
    return Reply(200, body, {"Cache-Control": "no-store"})


def device_code_grant(
    ctx: Context, client: RegisteredClient, request: DeviceCodeTokenRequest
) -> dict[str, Any]:
    """§3.4–3.5: one poll of the token endpoint."""
    grant = ctx.state.device_grants.get(request.device_code)
    if grant is None or grant.client_id != client.client_id:
        raise OAuthProblem("invalid_grant", "device_code not found")
    now = ctx.now()
    if grant.redeemed and not ctx.deviates(Deviation.DEVICE_CODE_REUSE):
        raise OAuthProblem("invalid_grant", "device_code already used")
    if now >= grant.expires_at and not ctx.deviates(Deviation.ACCEPT_EXPIRED_DEVICE_CODES):
        raise OAuthProblem("expired_token", "the device_code has expired")
    too_fast = grant.last_poll is not None and now - grant.last_poll < grant.interval
    grant.last_poll = now
    if grant.denied:
        raise OAuthProblem("access_denied", "the user denied the request")
    if too_fast and not ctx.deviates(Deviation.NO_SLOW_DOWN):
        grant.interval += SLOW_DOWN_STEP
        raise OAuthProblem("slow_down", f"poll at most every {grant.interval} seconds")
    if now < grant.approve_at:
        raise OAuthProblem("authorization_pending", "the user has not yet approved")
    grant.redeemed = True
    family = new_family(ctx, client, grant.scopes)
    return issue_tokens(ctx, client, family, family.scopes)


def decide(ctx: Context, user_code: str, approve: bool) -> bool:
    """Approve or deny a pending device authorization; False when the code is unknown."""
    grant = ctx.state.device_grants.get(ctx.state.user_codes.get(user_code.upper(), ""))
    if grant is None or grant.redeemed:
        return False
    if approve:
        grant.approve_at = min(grant.approve_at, ctx.now())
    else:
        grant.denied = True
    return True


def verification_page(ctx: Context, req: Incoming) -> Reply:
    """§3.3: where the user enters the code (GET) and approves or denies it (POST)."""
    if req.method == "POST":
        try:
            form = parse_params(req.body.decode("utf-8"))
        except ValueError:
            form = {}
        ok = decide(ctx, form.get("user_code", ""), form.get("decision") == "approve")
        text = "Done. You can return to your device." if ok else "Unknown or expired code."
        return Reply(200 if ok else 400, f"<!doctype html><p>{text}</p>", {}, "text/html")
    try:
        user_code = parse_params(req.query_string).get("user_code", "")
    except ValueError:
        user_code = ""
    safe = "".join(c for c in user_code if c.isalnum() or c == "-")[:16]
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Device login</title></head>
<body><h1>Connect a device</h1>
<form method="post"><label>Code <input name="user_code" value="{safe}"></label>
<button name="decision" value="approve">Approve</button>
<button name="decision" value="deny">Deny</button></form></body></html>
"""
    return Reply(200, page, {"Cache-Control": "no-store"}, "text/html")
