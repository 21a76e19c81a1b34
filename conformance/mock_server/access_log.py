"""``--access-log``: one line per request on stderr, for someone watching the mock.

Method, path, query, status, duration and the ``x-trace-id`` the mock answered with. The values
of credential parameters (RFC 6749 §4.1.2, §5.1; RFC 6750 §2.3) are masked, and neither headers
nor bodies are logged, so no token or code reaches the log.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["AccessLog", "masked_query"]

_SECRET_NAMES = frozenset(
    {"code", "access_token", "refresh_token", "token", "client_secret", "code_verifier"}
)


def masked_query(query: str) -> str:
    """``query`` with the values of credential parameters replaced by ``<redacted>``."""
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode([(k, "<redacted>" if k in _SECRET_NAMES else v) for k, v in pairs], safe="<>")


class AccessLog:
    """ASGI middleware writing ``METHOD /path?query STATUS 1.2 ms trace=...`` per request."""

    def __init__(self, app: ASGIApp, stream: TextIO | None = None) -> None:
        self.app = app
        self.stream = stream

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0
        trace = "-"

        async def send_and_note(message: Message) -> None:
            nonlocal status, trace
            if message["type"] == "http.response.start":
                status = message["status"]
                for name, value in message.get("headers", []):
                    if name.lower() == b"x-trace-id":
                        trace = value.decode("latin-1")
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        finally:
            query = scope.get("query_string", b"").decode("latin-1")
            target = scope["path"] + (f"?{masked_query(query)}" if query else "")
            took = (time.perf_counter() - started) * 1000
            line = f"{scope['method']} {target} {status or '-'} {took:.1f} ms trace={trace}"
            print(line, file=self.stream or sys.stderr, flush=True)
