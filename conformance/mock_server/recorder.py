"""Record what reaches a server: ASGI middleware for seeing exactly what a client sent.

Wrap an app (``Recorder(mock.app)``) and serve the wrapper; ``recorder.seen`` then holds each
request as it arrived (raw path and query, headers, body) and the status and trace id answered.
The interop tests use it to compare the official SDK's requests with our own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["Recorder", "Seen"]


@dataclass
class Seen:
    """One request as the server received it, and what it answered."""

    method: str
    path: str  # decoded
    raw_path: str  # as sent, still percent-encoded
    query: str  # as sent, without "?"
    headers: dict[str, str]  # lower-case names
    body: bytes = b""
    status: int = 0
    trace_id: str = ""


@dataclass
class Recorder:
    app: ASGIApp
    seen: list[Seen] = field(default_factory=list)

    def by_user_agent(self, user_agent: str) -> list[Seen]:
        return [s for s in self.seen if s.headers.get("user-agent") == user_agent]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        seen = Seen(
            method=scope["method"],
            path=scope["path"],
            raw_path=(scope.get("raw_path") or scope["path"].encode()).decode("latin-1"),
            query=scope["query_string"].decode("latin-1"),
            headers={k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]},
        )
        self.seen.append(seen)
        # Read the whole body first: a router answering 404 or 405 never reads it.
        pending: list[Message] = []
        while True:
            message = await receive()
            if message["type"] != "http.request":
                pending.append(message)  # a disconnect: hand it on after the body
                break
            seen.body += message.get("body", b"")
            if not message.get("more_body", False):
                break
        pending.insert(0, {"type": "http.request", "body": seen.body, "more_body": False})

        async def receive_body() -> Message:
            return pending.pop(0) if pending else await receive()

        async def send_status(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen.status = message["status"]
                headers = dict(message.get("headers", []))
                seen.trace_id = headers.get(b"x-trace-id", b"").decode("latin-1")
            await send(message)

        await self.app(scope, receive_body, send_status)
