"""The REST data API (``/v1/*``): who is calling, what they may do, and each operation's data.

Authentication follows the official SDK: ``Authorization: Bearer <token>`` is OAuth (RFC 6750;
the SDK's extra ``x-api-key``, ``x-timestamp`` and ``x-dc-region`` headers are ignored), anything
else is the legacy signed API-key mode (docs/longbridge-api.md §2.7, §3).
"""

from __future__ import annotations

import copy
import json
import re
import secrets
from dataclasses import dataclass, fields, replace
from typing import Any
from urllib.parse import parse_qsl

from . import data_asset, data_content, data_trade, data_watchlist, rfc3339
from .config import Deviation
from .context import Context
from .envelope import INVALID_PARAMETER, error_reply, success
from .handler_call import Call, Caller, Handler
from .http import ApiProblem, DuplicateParameter, Incoming, Reply, parse_params
from .legacy_signature import authenticate_legacy
from .openapi import CheckedOperation, data_operations
from .rfc6750_bearer import authenticate_bearer, bearer_token, unauthorized, www_authenticate
from .scopes import SCOPE_IDS
from .state import SecurityListEntry

__all__ = ["HANDLERS", "OPERATIONS", "Call", "Caller", "Handler", "ServedOperation", "handle"]


@dataclass(frozen=True)
class ServedOperation:
    """A spec operation as the mock serves it: bound to the handler that answers it."""

    spec: CheckedOperation
    handler: Handler

    @property
    def method(self) -> str:
        return self.spec.method

    @property
    def path(self) -> str:
        return self.spec.path


ALL_SCOPES = frozenset(SCOPE_IDS)


def _caller(ctx: Context, req: Incoming) -> Caller:
    authorization = req.headers.get("authorization", "")
    if _accepts_query_token(ctx) and not authorization:
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


def _accepts_query_token(ctx: Context) -> bool:
    # query_token_cacheable breaks RFC 6750 §2.3 twice: the token in the URI, then its caching.
    return ctx.deviates(Deviation.ACCEPT_QUERY_TOKEN) or ctx.deviates(
        Deviation.QUERY_TOKEN_CACHEABLE
    )


def _query_token_used(ctx: Context, req: Incoming) -> bool:
    """A query-token deviation authenticated this request by ?access_token=."""
    if not _accepts_query_token(ctx) or req.headers.get("authorization"):
        return False
    return bool(dict(parse_qsl(req.query_string)).get("access_token"))


def handle(ctx: Context, req: Incoming, op: ServedOperation) -> Reply:
    """Authenticate, check the scope, validate the input, run the operation, wrap the result."""
    try:
        allowlist = ctx.config.ip_allowlist
        if allowlist is not None and req.client_ip not in allowlist:
            raise ApiProblem(403205, "ip is not allowed", 403)  # docs/longbridge-api.md §4.2
        caller = _caller(ctx, req)
        if op.spec.legacy_only and caller.mode != "legacy":
            # Every 401 carries a challenge (RFC 9110 §15.5.2; RFC 6750 §3).
            raise unauthorized(ctx, 401004, "token invalid", "invalid_token")
        scope = op.spec.scope
        if scope and scope not in caller.scopes and not ctx.deviates(Deviation.IGNORE_SCOPE):
            challenge = www_authenticate("insufficient_scope", None, scope)
            raise ApiProblem(
                403308,
                "Target API's scope is not in authorized scopes",
                403,
                {"WWW-Authenticate": challenge},
            )
        params, body = _validated(ctx, req, op)
        data = _run(ctx, op, Call(caller, params, body, req))
        hits = ctx.state.operation_hits
        hits[op.spec.operation_id] = hits.get(op.spec.operation_id, 0) + 1
        if ctx.deviates(Deviation.DECIMALS_AS_NUMBERS):
            data = _decimals_as_numbers(data)
        reply = success(data)
        if _query_token_used(ctx, req) and not ctx.deviates(Deviation.QUERY_TOKEN_CACHEABLE):
            # RFC 6750 §2.3: success responses to a token in the URI SHOULD be "private".
            reply.headers["Cache-Control"] = "private"
        return reply
    except ApiProblem as problem:
        return error_reply(ctx, problem)


# docs/longbridge-api.md §4.2: the security list answers bad parameters with 310010.
_INVALID_REQUEST_CODES = {"getSecurityList": 310010}
_DECIMAL_TEXT = re.compile(r"^-?[0-9]+\.[0-9]+$")


def _validated(ctx: Context, req: Incoming, op: ServedOperation) -> tuple[dict[str, Any], Any]:
    if ctx.deviates(Deviation.SKIP_INPUT_VALIDATION):
        # The broken variant: parameters as sent, the body as parsed, nothing checked.
        body = json.loads(req.body) if req.body.strip() else None
        return dict(parse_qsl(req.query_string)), body
    try:
        return op.spec.validate(req.query_string, req.path_params, req.content_type, req.body)
    except ApiProblem as problem:
        # An operation with its own documented code for bad input answers with it.
        own = _INVALID_REQUEST_CODES.get(op.spec.operation_id)
        if own is None or problem.code != INVALID_PARAMETER:
            raise
        raise ApiProblem(own, "invalid request", 400) from None


def _run(ctx: Context, op: ServedOperation, call: Call) -> Any:
    """The handler, or one of the broken variants of the data API's state (config.Deviation)."""
    if ctx.deviates(Deviation.PAGING_IGNORES_PAGE) and "page" in call.params:
        call = replace(call, params={**call.params, "page": 1})
    if ctx.deviates(Deviation.IGNORE_CLIENT_REQUEST_ID) and isinstance(call.body, dict):
        call = replace(call, body={k: v for k, v in call.body.items() if k != "client_request_id"})
    if ctx.deviates(Deviation.WRITES_NOT_PERSISTED) and op.spec.is_write:
        saved = copy.deepcopy(ctx.state.areas)
        try:
            return op.handler(ctx, call)
        finally:
            ctx.state.areas = saved
    return op.handler(ctx, call)


def _decimals_as_numbers(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _decimals_as_numbers(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_decimals_as_numbers(v) for v in data]
    if isinstance(data, str) and _DECIMAL_TEXT.match(data):
        return float(data)
    return data


_SECURITY_FIELDS = tuple(f.name for f in fields(SecurityListEntry))


def _security_list(ctx: Context, call: Call) -> Any:
    # The spec's enums hold the docs' limits: only market=US with category Overnight.
    # Not dataclasses.asdict: its deep copy of every field was half the request's time.
    return {"list": [{f: getattr(s, f) for f in _SECURITY_FIELDS} for s in ctx.state.securities]}


def _socket_token(ctx: Context, call: Call) -> Any:
    return {"otp": secrets.token_urlsafe(24), "limit": 5, "online": 0}


def _legacy_refresh(ctx: Context, call: Call) -> Any:
    # The spec's `format: date-time`: any RFC 3339 date-time (t/z in lower case, a leap second),
    # which datetime.fromisoformat does not parse.
    expired_at = rfc3339.timestamp(call.params.get("expired_at", ""))
    if expired_at is None:
        raise ApiProblem(INVALID_PARAMETER, "expired_at must be an RFC 3339 date-time", 400)
    app = ctx.state.legacy_apps[call.req.headers["x-api-key"]]
    # The old token stops working once a new one is issued (docs/longbridge-api.md §3.3).
    app.access_token = f"mock-legacy-{secrets.token_hex(16)}"
    app.expires_at = expired_at
    return {
        "token": app.access_token,
        "expired_at": str(int(app.expires_at)),
        "issued_at": str(int(ctx.now())),
        "account_info": {"member_id": "10000001", "aaid": "20000001", "account_channel": "lb"},
    }


HANDLERS: dict[str, Handler] = {
    "getSecurityList": _security_list,
    "getSocketToken": _socket_token,
    "refreshLegacyToken": _legacy_refresh,
    **data_asset.HANDLERS,
    **data_content.HANDLERS,
    **data_trade.HANDLERS,
    **data_watchlist.HANDLERS,
}


def _operations() -> tuple[ServedOperation, ...]:
    missing = [op.operation_id for op in data_operations() if op.operation_id not in HANDLERS]
    if missing:
        raise RuntimeError(f"the mock has no handler for {', '.join(missing)}")
    return tuple(ServedOperation(op, HANDLERS[op.operation_id]) for op in data_operations())


OPERATIONS: tuple[ServedOperation, ...] = _operations()
