"""Run the mock on loopback: in a background thread, or as a child process.

Both bind 127.0.0.1 on a free port unless told otherwise, wait until the server answers, and stop
it on exit, also when the body of the ``with`` fails. With ``MockConfig.tls`` (``--tls``) the mock
serves https with a certificate from a throwaway CA whose PEM file ``Running.ca_file`` names.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import ssl
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import uvicorn

from .app import MockServer
from .config import Deviation
from .mixed_port import serve_mixed_port
from .tls import server_tls

__all__ = ["Running", "bind", "run_in_thread", "spawn"]


@dataclass(frozen=True)
class Running:
    base_url: str
    server: MockServer | None  # None for a child process
    ca_file: Path | None = None  # with TLS: the PEM of the CA a client must trust


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


def base_url_of(sock: socket.socket, scheme: str = "http") -> str:
    host, port = sock.getsockname()[:2]
    return f"{scheme}://[{host}]:{port}" if ":" in host else f"{scheme}://{host}:{port}"


def uvicorn_server(
    mock: MockServer, tls: ssl.SSLContext | None = None, *, access_log: bool = False
) -> uvicorn.Server:
    """``tls``: serve https with this context. ``access_log``: one masked line per request on
    stderr (uvicorn's own would show every query value, an ``access_token`` among them)."""
    from .access_log import AccessLog

    app = AccessLog(mock.app) if access_log else mock.app
    config = uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=2,
        # uvicorn builds its own context from files; the factory hands it ours instead.
        ssl_context_factory=None if tls is None else (lambda _config, _default: tls),
    )
    return uvicorn.Server(config)


@contextlib.contextmanager
def run_in_thread(mock: MockServer, host: str = "127.0.0.1") -> Iterator[Running]:
    """Serve ``mock`` on a free loopback port from a daemon thread for the ``with`` body."""
    with contextlib.ExitStack() as stack:
        tls = stack.enter_context(server_tls(mock.config)) if mock.config.tls else None
        yield from _run_in_thread(
            mock, host, tls.context if tls else None, tls.ca_file if tls else None
        )


def _run_in_thread(
    mock: MockServer, host: str, tls: ssl.SSLContext | None, ca_file: Path | None
) -> Iterator[Running]:
    sock = bind(host)
    servers = [(uvicorn_server(mock, tls), sock)]
    mixed = tls is not None and mock.config.deviates(Deviation.PLAIN_HTTP_TOO)
    if mixed:
        # The public socket sorts connections; the https and http servers listen behind it.
        servers = [(uvicorn_server(mock, tls), bind(host)), (uvicorn_server(mock), bind(host))]

    async def serve() -> None:
        front = None
        if mixed:
            ports = [s.getsockname()[1] for _, s in servers]
            front = await serve_mixed_port(sock, ports[0], ports[1])
        try:
            await asyncio.gather(*(server.serve(sockets=[s]) for server, s in servers))
        finally:
            if front is not None:
                front.close()

    thread = threading.Thread(target=lambda: asyncio.run(serve()), name="mock-server", daemon=True)
    thread.start()
    try:
        while not all(server.started for server, _ in servers):
            if not thread.is_alive():
                raise RuntimeError("the mock server thread died during start-up")
            threading.Event().wait(0.005)
        yield Running(base_url_of(sock, "https" if tls else "http"), mock, ca_file)
    finally:
        for server, _ in servers:
            server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        for _, s in servers:
            s.close()


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
        if not line.startswith(("http://", "https://")):
            proc.kill()
            _, err = proc.communicate(timeout=10)
            raise RuntimeError(f"mock server did not start: {line!r} {err}")
        # With --tls the second line names the CA's PEM file.
        ca_file = Path(proc.stdout.readline().strip()) if line.startswith("https://") else None
        yield Running(line, None, ca_file)
    finally:
        proc.terminate()
        try:
            proc.communicate(timeout=10)  # also reads and closes both pipes
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
