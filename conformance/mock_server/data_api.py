"""The REST data API (``/v1/*``): who is calling, what they may do, and each operation's data.

Authentication follows the official SDK: ``Authorization: Bearer <token>`` is OAuth (RFC 6750;
the SDK's extra ``x-api-key``, ``x-timestamp`` and ``x-dc-region`` headers are ignored), anything
else is the legacy signed API-key mode (longbridge-api.md §2.7, §3).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import Any

from . import rfc3339
from .config import Deviation
from .context import Context
from .envelope import INVALID_PARAMETER, error_reply, success
from .http import ApiProblem, DuplicateParameter, Incoming, Reply, parse_params
from .legacy_signature import authenticate_legacy
from .rfc6750_bearer import authenticate_bearer, bearer_token, unauthorized, www_authenticate
from .scopes import SCOPE_IDS

__all__ = ["OPERATIONS", "Caller", "Operation", "handle"]


@dataclass(frozen=True)
class Caller:
    mode: str  # "oauth" or "legacy"
    scopes: frozenset[str]


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    scope: str | None  # the scope key the token needs (longbridge-api.md §2.4), None: general
    handler: Callable[[Context, Incoming, Caller, dict[str, str]], Any]
    legacy_only: bool = False


ALL_SCOPES = frozenset(SCOPE_IDS)


def _caller(ctx: Context, req: Incoming) -> Caller:
    authorization = req.headers.get("authorization", "")
    if ctx.deviates(Deviation.ACCEPT_QUERY_TOKEN) and not authorization:
        # RFC 6750 §2.3 SHOULD NOT (OAuth 2.1: MUST NOT): a token in the URI.
        query_token = _params(req).get("access_token")
        if query_token:
            authorization = f"Bearer {query_token}"
            req = replace(req, headers={**req.headers, "authorization": authorization})
    scheme = authorization.split(" ", 1)[0]
    if ctx.deviates(Deviation.CASE_SENSITIVE_BEARER) and scheme.lower() == "bearer":
        if scheme != "Bearer":
            raise unauthorized(ctx, 401004, "token invalid", "invalid_token")
    # "Bearer" with no token is "token empty" (401001), as "Bearer " is: HTTP strips trailing
    # whitespace from field values (RFC 9110 §5.5), so both arrive the same over the wire.
    if authorization.split(" ", 1)[0].lower() == "bearer":
        access = authenticate_bearer(ctx, bearer_token(req))
        scopes = ALL_SCOPES if access is None else frozenset(access.scopes)
        return Caller("oauth", scopes)
    if req.headers.get("x-api-key") and authorization:
        authenticate_legacy(ctx, req)
        return Caller("legacy", ALL_SCOPES)
    if not authorization:
        raise unauthorized(ctx, 401001, "token empty", None)
    raise unauthorized(ctx, 401004, "token invalid", "invalid_token")


def _params(req: Incoming) -> dict[str, str]:
    try:
        return parse_params(req.query_string)
    except DuplicateParameter as dup:
        raise ApiProblem(INVALID_PARAMETER, f"parameter {dup.name} is repeated", 400) from None
    except ValueError:
        raise ApiProblem(INVALID_PARAMETER, "the query is not valid UTF-8", 400) from None


def handle(ctx: Context, req: Incoming, op: Operation) -> Reply:
    """Authenticate, check the scope, run the operation, wrap the result in the envelope."""
    try:
        allowlist = ctx.config.ip_allowlist
        if allowlist is not None and req.client_ip not in allowlist:
            raise ApiProblem(403205, "ip is not allowed", 403)  # longbridge-api.md §4.2
        caller = _caller(ctx, req)
        if op.legacy_only and caller.mode != "legacy":
            # Every 401 carries a challenge (RFC 9110 §15.5.2; RFC 6750 §3).
            raise unauthorized(ctx, 401004, "token invalid", "invalid_token")
        if op.scope and op.scope not in caller.scopes and not ctx.deviates(Deviation.IGNORE_SCOPE):
            challenge = www_authenticate("insufficient_scope", None, op.scope)
            raise ApiProblem(
                403308,
                "Target API's scope is not in authorized scopes",
                403,
                {"WWW-Authenticate": challenge},
            )
        return success(op.handler(ctx, req, caller, _params(req)))
    except ApiProblem as problem:
        return error_reply(ctx, problem)


def _security_list(ctx: Context, req: Incoming, caller: Caller, q: dict[str, str]) -> Any:
    # Docs: only market=US with category Overnight; other values answer 310010.
    if q.get("market") != "US" or q.get("category") not in ("Overnight", "overnight"):
        raise ApiProblem(310010, "invalid request", 400)
    return {"list": [asdict(s) for s in ctx.state.securities]}


def _socket_token(ctx: Context, req: Incoming, caller: Caller, q: dict[str, str]) -> Any:
    return {"otp": secrets.token_urlsafe(24), "limit": 5, "online": 0}


def _legacy_refresh(ctx: Context, req: Incoming, caller: Caller, q: dict[str, str]) -> Any:
    # The spec's `format: date-time`: any RFC 3339 date-time (t/z in lower case, a leap second),
    # which datetime.fromisoformat does not parse.
    expired_at = rfc3339.timestamp(q.get("expired_at", ""))
    if expired_at is None:
        raise ApiProblem(INVALID_PARAMETER, "expired_at must be an RFC 3339 date-time", 400)
    app = ctx.state.legacy_apps[req.headers["x-api-key"]]
    # The old token stops working once a new one is issued (longbridge-api.md §3.3).
    app.access_token = f"mock-legacy-{secrets.token_hex(16)}"
    app.expires_at = expired_at
    return {
        "token": app.access_token,
        "expired_at": str(int(app.expires_at)),
        "issued_at": str(int(ctx.now())),
        "account_info": {"member_id": "10000001", "aaid": "20000001", "account_channel": "lb"},
    }


OPERATIONS: tuple[Operation, ...] = (
    Operation("GET", "/v1/quote/get_security_list", "watchlist", _security_list),
    Operation("GET", "/v1/socket/token", None, _socket_token),
    Operation("GET", "/v1/token/refresh", None, _legacy_refresh, legacy_only=True),
)
