"""Run the mock on loopback: in a background thread, or as a child process.

Both bind 127.0.0.1 on a free port unless told otherwise, wait until the server answers, and stop
it on exit, also when the body of the ``with`` fails.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import uvicorn

from .app import MockServer

__all__ = ["Running", "bind", "run_in_thread", "spawn"]


@dataclass(frozen=True)
class Running:
    base_url: str
    server: MockServer | None  # None for a child process


def bind(host: str = "127.0.0.1", port: int = 0) -> socket.socket:
    """A listening socket; port 0 picks a free one."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets whose protocol says TCP,
    # and without it Nagle's algorithm holds uvicorn's second write for ~40 ms per response.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    return sock


def base_url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def uvicorn_server(mock: MockServer, *, access_log: bool = False) -> uvicorn.Server:
    """``access_log``: one masked line per request on stderr (uvicorn's own would show every
    query value, an ``access_token`` among them)."""
    from .access_log import AccessLog

    app = AccessLog(mock.app) if access_log else mock.app
    config = uvicorn.Config(
        app, log_level="warning", access_log=False, lifespan="off", timeout_graceful_shutdown=2
    )
    return uvicorn.Server(config)


@contextlib.contextmanager
def run_in_thread(mock: MockServer, host: str = "127.0.0.1") -> Iterator[Running]:
    """Serve ``mock`` on a free loopback port from a daemon thread for the ``with`` body."""
    sock = bind(host)
    server = uvicorn_server(mock)
    thread = threading.Thread(
        target=lambda: asyncio.run(server.serve(sockets=[sock])), name="mock-server", daemon=True
    )
    thread.start()
    try:
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError("the mock server thread died during start-up")
            threading.Event().wait(0.005)
        yield Running(base_url_of(sock), mock)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@contextlib.contextmanager
def spawn(args: Sequence[str] = (), env: dict[str, str] | None = None) -> Iterator[Running]:
    """``python -m conformance.mock_server --port 0 ARGS`` as a child process."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "conformance.mock_server", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        if not line.startswith("http://"):
            proc.kill()
            _, err = proc.communicate(timeout=10)
            raise RuntimeError(f"mock server did not start: {line!r} {err}")
        yield Running(line, None)
    finally:
        proc.terminate()
        try:
            proc.communicate(timeout=10)  # also reads and closes both pipes
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
