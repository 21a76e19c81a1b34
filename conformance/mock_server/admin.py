"""Out-of-process control of a running mock: its clock, faults, device approvals, credentials.

Served under ``/_mock/``, outside the spec, so a test driving a server on loopback can expire
tokens without sleeping. Never offered by a real server.
"""

from __future__ import annotations

import json
import math
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .config import parse_fault
from .context import Context
from .openapi import data_operations
from .rfc8628_device import decide

__all__ = ["admin_routes"]


def _bad(message: str) -> JSONResponse:
    return JSONResponse({"error": message}, 400)


async def _json_object(request: Request) -> dict[str, Any] | None:
    try:
        body = json.loads(await request.body() or b"{}")
    except (ValueError, RecursionError):  # RecursionError: nesting deeper than the parser goes
        return None
    return body if isinstance(body, dict) else None


def admin_routes(ctx: Context) -> list[Route]:
    async def clock(request: Request) -> Response:
        return JSONResponse({"now": ctx.now()})

    async def advance(request: Request) -> Response:
        body = await _json_object(request)
        seconds = body.get("seconds") if body else None
        if (
            not isinstance(seconds, int | float)
            or isinstance(seconds, bool)
            or not math.isfinite(seconds)  # json.loads accepts NaN and Infinity
            or seconds < 0
            or not math.isfinite(ctx.now() + seconds)  # nor may the clock overflow to inf
        ):
            return _bad('expected {"seconds": <non-negative number>}')
        return JSONResponse({"now": ctx.clock.advance(float(seconds))})

    async def expire_tokens(request: Request) -> Response:
        return JSONResponse({"expired": ctx.state.expire_access_tokens(ctx.now())})

    async def faults(request: Request) -> Response:
        body = await _json_object(request)
        specs = body.get("faults") if body else None
        if not isinstance(specs, list) or not all(isinstance(s, str) for s in specs):
            return _bad('expected {"faults": ["KIND[=VALUE][@ROUTE][*TIMES]", ...]}')
        try:
            ctx.state.runtime_faults = tuple(parse_fault(s) for s in specs)
        except ValueError as exc:
            return _bad(str(exc))
        return JSONResponse({"faults": specs})

    async def device(request: Request) -> Response:
        body = await _json_object(request) or {}
        code, decision = body.get("user_code"), body.get("decision")
        if not isinstance(code, str) or decision not in ("approve", "deny"):
            return _bad('expected {"user_code": "...", "decision": "approve"|"deny"}')
        if not decide(ctx, code, decision == "approve"):
            return _bad("unknown or already used user_code")
        return JSONResponse({"user_code": code, "decision": decision})

    async def legacy(request: Request) -> Response:
        apps = [
            {"app_key": a.app_key, "app_secret": a.app_secret, "access_token": a.access_token}
            for a in ctx.state.legacy_apps.values()
        ]
        return JSONResponse({"apps": apps})

    write_ops = {op.operation_id for op in data_operations() if op.is_write}

    async def stats(request: Request) -> Response:
        state = ctx.state
        return JSONResponse(
            {
                "token_requests": state.token_requests,
                "clients": len(state.clients),
                "access_tokens": len(state.access_tokens),
                # Successful data API calls by operationId: which operations a run exercised.
                "operations": dict(sorted(state.operation_hits.items())),
                "writes": sum(n for op, n in state.operation_hits.items() if op in write_ops),
            }
        )

    return [
        Route("/_mock/clock", clock, methods=["GET"]),
        Route("/_mock/clock/advance", advance, methods=["POST"]),
        Route("/_mock/tokens/expire", expire_tokens, methods=["POST"]),
        Route("/_mock/faults", faults, methods=["PUT"]),
        Route("/_mock/device/decide", device, methods=["POST"]),
        Route("/_mock/legacy", legacy, methods=["GET"]),
        Route("/_mock/stats", stats, methods=["GET"]),
    ]
