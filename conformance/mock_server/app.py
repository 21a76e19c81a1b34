"""The Starlette adapter: routes, body limits, trace ids and fault injection around the core.

Each endpoint turns the request into an :class:`Incoming`, calls one core function and turns its
:class:`Reply` back into a response; no protocol logic lives here.
"""

from __future__ import annotations

import asyncio
import json
import math
import secrets
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import (
    rfc6749_authorize,
    rfc6749_token,
    rfc7009_revoke,
    rfc7591_registration,
    rfc8414_metadata,
    rfc8628_device,
)
from .admin import admin_routes
from .clock import Clock, FakeClock
from .config import Deviation, Fault, MockConfig
from .context import Context
from .data_api import OPERATIONS, ServedOperation, handle
from .envelope import error_reply
from .http import ApiProblem, Incoming, OAuthProblem, Reply
from .literal_router import LiteralPathRouter
from .page_headers import with_page_headers
from .seed_data import security_list
from .state import seeded_legacy_app

__all__ = ["MockServer", "create_app"]

TRACE_HEADER = b"x-trace-id"
Core = Callable[[Context, Incoming], Reply]


class BodyTooLarge(Exception):
    pass


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def _response(reply: Reply) -> Response:
    content = reply.encode()
    media_type = reply.media_type if content else None
    return Response(content, reply.status, reply.headers, media_type)


@dataclass
class MockServer:
    """A mock Longbridge server: its context (config, clock, state) and its ASGI app."""

    ctx: Context
    app: ASGIApp = field(init=False)

    def __post_init__(self) -> None:
        self.app = _FaultsAndTrace(_starlette(self.ctx), self.ctx)

    @property
    def config(self) -> MockConfig:
        return self.ctx.config

    @property
    def clock(self) -> Clock:
        return self.ctx.clock


def create_app(config: MockConfig | None = None, clock: Clock | None = None) -> MockServer:
    """A fresh server; in-process tests pass a :class:`FakeClock` and drive it themselves."""
    ctx = Context(config or MockConfig(), clock or FakeClock())
    ctx.state.securities = security_list(ctx.config.seed)
    legacy = seeded_legacy_app(ctx.config.seed, ctx.now() + 90 * 86_400)
    ctx.state.legacy_apps[legacy.app_key] = legacy
    return MockServer(ctx)


def _incoming(request: Request, body: bytes) -> Incoming:
    # Read from the ASGI scope: request.url parses a URL per request (a tenth of a data API
    # request's time under load), for a base URL that only changes with the Host header.
    scope = request.scope
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
    client = scope.get("client")
    return Incoming(
        path_params={k: str(v) for k, v in scope.get("path_params", {}).items()},
        method=scope["method"],
        # As Starlette's URL writes it: these three would otherwise end the path.
        path=scope["path"].replace("?", "%3F").replace("#", "%23").replace("\\", "%5C"),
        raw_path=(scope.get("raw_path") or b"").decode("latin-1"),
        client_ip=client[0] if client else "",
        query_string=scope.get("query_string", b"").decode("latin-1"),
        headers=headers,
        body=body,
        base_url=_base_url(request, headers.get("host")),
    )


_BASE_URLS: dict[tuple[object, ...], str] = {}


def _base_url(request: Request, host: str | None) -> str:
    """``scheme://netloc`` as Starlette's ``request.url`` gives it, remembered per Host."""
    scope = request.scope
    server = scope.get("server")  # [host, port] or (host, port) in ASGI: made hashable
    key = (scope.get("scheme"), host, tuple(server) if server else None)
    base = _BASE_URLS.get(key)
    if base is None:
        url = request.url
        base = f"{url.scheme}://{url.netloc}"
        if len(_BASE_URLS) < 256:  # Host is the client's to choose: keep the memory bounded
            _BASE_URLS[key] = base
    return base


def _oauth_endpoint(ctx: Context, core: Core) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        try:
            body = await _read_body(request, ctx.config.max_body_bytes)
        except BodyTooLarge:
            return _response(OAuthProblem("invalid_request", "request body too large", 413).reply())
        try:
            incoming = _incoming(request, body)
            if ctx.deviates(Deviation.RACY_REDEMPTION):
                # The broken variant serves requests in parallel, as a server with several
                # workers does: its redemptions are not atomic (rfc6749_token._race_window).
                reply = await asyncio.to_thread(core, ctx, incoming)
            else:
                reply = core(ctx, incoming)
            return _response(with_page_headers(ctx, reply))
        except OAuthProblem as problem:
            reply = problem.reply(no_store=not ctx.deviates(Deviation.OMIT_NO_STORE))
            if ctx.deviates(Deviation.UNSAFE_ERROR_DESCRIPTION):
                # The broken variant: RFC 6749 §5.2 excludes '"', '\\' and control characters.
                reply.body["error_description"] += ' "see\\logs"\n'
            return _response(with_page_headers(ctx, reply))

    return endpoint


def _api_endpoint(
    ctx: Context, ops: Mapping[str, ServedOperation]
) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        try:
            body = await _read_body(request, ctx.config.max_body_bytes)
        except BodyTooLarge:
            problem = ApiProblem(400000, "request body too large", 413)
            return _response(error_reply(ctx, problem))
        # Starlette routes HEAD to a GET route; it is answered as the GET without a body.
        op = ops["GET" if request.method == "HEAD" else request.method]
        return _response(handle(ctx, _incoming(request, body), op))

    return endpoint


def _starlette(ctx: Context) -> Starlette:
    def client_route(cores: Mapping[str, Callable[[Context, Incoming, str], Reply]]) -> Core:
        def call(c: Context, req: Incoming) -> Reply:
            return cores[req.method](c, req, req.path.rsplit("/", 1)[-1])

        return call

    oauth: list[tuple[str, list[str], Core]] = [
        ("/.well-known/oauth-authorization-server", ["GET"], rfc8414_metadata.metadata),
        ("/oauth2/register", ["POST"], rfc7591_registration.register),
        ("/oauth2/authorize", rfc6749_authorize.methods(ctx), rfc6749_authorize.authorize),
        ("/oauth2/authorize/consent", ["POST"], rfc6749_authorize.consent_decision),
        ("/oauth2/token", ["POST"], rfc6749_token.token),
        ("/oauth2/revoke", ["POST"], rfc7009_revoke.revoke),
        ("/oauth2/device/authorize", ["POST"], rfc8628_device.device_authorization),
        ("/oauth2/device/verify", ["GET", "POST"], rfc8628_device.verification_page),
    ]
    routes = [Route(path, _oauth_endpoint(ctx, core), methods=m) for path, m, core in oauth]
    # One route for both RFC 7592 methods, so a 405 lists them all in Allow (RFC 9110 §15.5.6).
    management = {
        "GET": rfc7591_registration.read_client,
        "HEAD": rfc7591_registration.read_client,  # Starlette adds HEAD to every GET route
        "DELETE": rfc7591_registration.delete_client,
    }
    routes.append(
        Route(
            "/oauth2/register/{client_id}",
            _oauth_endpoint(ctx, client_route(management)),
            methods=["GET", "DELETE"],
        )
    )
    # One route per path, so a 405 lists every method of the path in Allow (RFC 9110 §15.5.6);
    # OPERATIONS lists literal paths before templated ones (/topics/mine before /topics/{id}).
    by_path: dict[str, dict[str, ServedOperation]] = {}
    for op in OPERATIONS:
        by_path.setdefault(op.path, {})[op.method] = op
    for path, ops in by_path.items():
        routes.append(Route(path, _api_endpoint(ctx, ops), methods=list(ops)))
    routes += admin_routes(ctx)
    app = Starlette()
    # Replaced before the first request builds the middleware stack around it.
    app.router = LiteralPathRouter(routes)
    return app


class _FaultsAndTrace:
    """ASGI middleware: an ``x-trace-id`` on every response, and the configured faults."""

    def __init__(self, app: ASGIApp, ctx: Context) -> None:
        self.app = app
        self.ctx = ctx
        # Hits by source and position: equal faults count separately, and faults installed
        # through /_mock/faults start from zero even when equal to earlier ones.
        self.hits: dict[tuple[str, int], int] = {}
        self._runtime: tuple[Fault, ...] = ()

    def _active(self, path: str) -> list[Fault]:
        if path.startswith("/_mock/"):
            return []
        runtime = self.ctx.state.runtime_faults
        if runtime is not self._runtime:  # replaced through the admin endpoint
            self._runtime = runtime
            self.hits = {k: n for k, n in self.hits.items() if k[0] == "config"}
        active = []
        for source, faults in (("config", self.ctx.config.faults), ("runtime", runtime)):
            for index, fault in enumerate(faults):
                key = (source, index)
                if not fault.matches(path):
                    continue
                if fault.times is not None and self.hits.get(key, 0) >= fault.times:
                    continue
                self.hits[key] = self.hits.get(key, 0) + 1
                active.append(fault)
        return active

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        trace_id = secrets.token_hex(16).encode()
        add_trace = not self.ctx.deviates(Deviation.NO_TRACE_ID)

        async def send_with_trace(message: Message) -> None:
            if message["type"] == "http.response.start" and add_trace:
                message["headers"] = [*message.get("headers", []), (TRACE_HEADER, trace_id)]
            await send(message)

        path: str = scope["path"]
        for fault in self._active(path):
            if fault.kind == "latency":
                await asyncio.sleep(fault.seconds)
            elif fault.kind == "expire_tokens":
                self.ctx.state.expire_access_tokens(self.ctx.now())
            else:
                await _fault_response(self.ctx, fault, path)(scope, receive, send_with_trace)
                return
        await self.app(scope, receive, send_with_trace)


def _fault_response(ctx: Context, fault: Fault, path: str) -> Response:
    if fault.kind == "rate_limit":
        # RFC 9110 §10.2.3: delay-seconds is a whole number; round up so clients wait long enough.
        headers = {"Retry-After": str(math.ceil(fault.seconds))}
        if path.startswith("/v1/"):
            message = "ip request ratelimit" if fault.code == 429001 else "api request is limited"
            return _response(error_reply(ctx, ApiProblem(fault.code, message, 429, headers)))
        return _response(OAuthProblem("temporarily_unavailable", "slow down", 429, headers).reply())
    if path.startswith("/v1/"):
        return _response(error_reply(ctx, ApiProblem(500000, "internal error", fault.status)))
    body: dict[str, Any] = {"error": "server_error", "error_description": "injected failure"}
    return Response(json.dumps(body), fault.status, media_type="application/json")
