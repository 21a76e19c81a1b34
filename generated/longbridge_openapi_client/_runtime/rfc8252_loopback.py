# Copied verbatim from generator/runtime/rfc8252_loopback.py by `python -m generator`.
# Edit that file and regenerate; changes made here are lost and fail the drift check.
"""The loopback redirect of a native app's login (RFC 8252 §7.3, §8.3).

A one-shot HTTP server on 127.0.0.1 receives ``http://127.0.0.1:<port>/callback``; the
``state`` must match the login in progress (RFC 6749 §10.12), anything else is ignored. Kept out
of the CLI module so that the CLI starts without ``http.server``.
"""

from __future__ import annotations

import hmac
import html
import queue
import sys
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

__all__ = ["CALLBACK_PATH", "CallbackServer"]

CALLBACK_PATH = "/callback"


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _page(title: str, text: str) -> bytes:
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head>\n"
        f"<body><h1>{html.escape(title)}</h1><p>{html.escape(text)}</p></body></html>\n"
    ).encode()


class _CallbackHandler(BaseHTTPRequestHandler):
    """Answers the browser's redirect; anything else gets 404 and is ignored."""

    server: _CallbackHTTPServer
    timeout = 10  # seconds a connection may idle (a browser's speculative connection, say)
    server_version = "longbridge-openapi"
    sys_version = ""

    def do_GET(self) -> None:
        owner = self.server.owner
        parts = urlsplit(self.path)
        if parts.path != CALLBACK_PATH:
            self._answer(404, "Not found", "This server only waits for the login redirect.")
            return
        query = parse_qs(parts.query, keep_blank_values=True)
        state = query.get("state", [])
        if len(state) != 1 or not hmac.compare_digest(state[0].encode(), owner.state.encode()):
            # A stale tab or another page: not the login in progress, so keep waiting.
            self._answer(
                400, "Wrong login", "This redirect does not belong to the login in the terminal."
            )
            owner.warn("ignored a redirect whose state does not match this login")
            return
        if "error" in query:
            error = query["error"][0]
            self._answer(200, "Login refused", f"The server answered {error}. See the terminal.")
        else:
            self._answer(
                200,
                "Authorization received",
                "You can close this tab; the terminal finishes the login.",
            )
        owner.deliver(f"{owner.origin}{self.path}")

    def _answer(self, status: int, title: str, text: str) -> None:
        body = _page(title, text)
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Referrer-Policy", "no-referrer")
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: the request line carries the authorization code."""


class _CallbackHTTPServer(ThreadingHTTPServer):
    owner: CallbackServer
    # A handler left over (an idle speculative connection) must not hold up the exit.
    block_on_close = False
    daemon_threads = True


class CallbackServer:
    """A one-shot loopback server for the redirect of one login (RFC 8252 §7.3)."""

    def __init__(
        self,
        port: int = 0,
        host: str = "127.0.0.1",
        warn: Callable[[str], None] = _stderr,
    ) -> None:
        self.state = ""
        self.warn = warn
        self._received: queue.Queue[str] = queue.Queue(maxsize=1)
        self._httpd = _CallbackHTTPServer((host, port), _CallbackHandler)
        self._httpd.owner = self
        self.port: int = self._httpd.server_address[1]
        self.origin = f"http://{host}:{self.port}"
        self.redirect_uri = f"{self.origin}{CALLBACK_PATH}"
        self._thread: threading.Thread | None = None

    def start(self, state: str) -> None:
        """Serve from a thread, so a browser opened by this process can finish its redirect."""
        self.state = state
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="login-callback",
            daemon=True,
        )
        self._thread.start()

    def deliver(self, url: str) -> None:
        try:
            self._received.put_nowait(url)
        except queue.Full:
            pass  # a reload of the page: the first redirect counts

    def wait(self, timeout: float) -> str | None:
        """The callback URL, or None when none came within ``timeout`` seconds."""
        try:
            return self._received.get(timeout=timeout)
        except queue.Empty:
            return None

    def close(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
        self._httpd.server_close()

    def __enter__(self) -> CallbackServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
