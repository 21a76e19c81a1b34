"""The mock server section: throughput and latency of three endpoints, memory, start-up time.

The server runs as a child process (``python -m conformance.mock_server``), so the load
generator never shares its interpreter or GIL, and /proc can tell its memory and CPU time.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import select
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from .load import FORM, Fixed, LoadResult, RefreshChain, Workload, require_loopback, run_load
from .load import warm_up as warm_up_load
from .model import Row, Settings, median
from .proc import memory

__all__ = ["TITLE", "run", "spawn_mock"]

TITLE = "mock server"
REPO = Path(__file__).resolve().parents[1]
DISCOVERY = "/.well-known/oauth-authorization-server"
TOKEN = "/oauth2/token"  # noqa: S105 (a path, not a secret)
SECURITY_LIST = "/v1/quote/get_security_list?market=US&category=Overnight"
REDIRECT_URI = "http://127.0.0.1/callback"
START_TIMEOUT = 30.0


@dataclass(frozen=True)
class Spawned:
    proc: subprocess.Popen[bytes]
    base_url: str
    ready_after: float  # seconds from spawn to the first successful response

    @property
    def pid(self) -> int:
        return self.proc.pid


@contextlib.contextmanager
def spawn_mock(*args: str) -> Iterator[Spawned]:
    """``python -m conformance.mock_server --port 0 ARGS``, stopped when the block ends.

    Like ``conformance.mock_server.serve.spawn``, but keeps the process for its pid, and times
    the start: from spawn until discovery answers 200.
    """
    started = time.perf_counter()
    with tempfile.TemporaryFile() as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "conformance.mock_server", "--port", "0", *args],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=stderr,
        )
        try:
            assert proc.stdout is not None
            ready, _, _ = select.select([proc.stdout], [], [], START_TIMEOUT)
            line = proc.stdout.readline().decode().strip() if ready else ""
            if not line.startswith("http://"):
                proc.kill()
                proc.wait(timeout=10)
                stderr.seek(0)
                err = stderr.read().decode(errors="replace")
                raise RuntimeError(f"mock server did not start: {line!r} {err}")
            with _Http(line) as api:
                status, _, _ = api.request("GET", DISCOVERY)
            if status != 200:
                raise RuntimeError(f"discovery answered {status} on a fresh server")
            yield Spawned(proc, line, time.perf_counter() - started)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


class _Http:
    """A keep-alive http.client connection for setting up, never for measuring."""

    def __init__(self, base_url: str) -> None:
        host, port = require_loopback(base_url)
        self.conn = http.client.HTTPConnection(host, port, timeout=10)

    def __enter__(self) -> _Http:
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.close()

    def request(
        self,
        method: str,
        target: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, http.client.HTTPMessage, bytes]:
        try:
            self.conn.request(method, target, body, headers or {})
            resp = self.conn.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # The server closes a connection idle past its keep-alive timeout (uvicorn: 5 s),
            # as this one is while load runs; the request never arrived, so send it again.
            self.conn.close()
            self.conn.request(method, target, body, headers or {})
            resp = self.conn.getresponse()
        return resp.status, resp.headers, resp.read()

    def json(
        self,
        method: str,
        target: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        expect: int = 200,
    ) -> Any:
        status, _, data = self.request(method, target, body, headers)
        if status != expect:
            raise RuntimeError(f"{method} {target}: {status} {data[:300]!r}")
        return json.loads(data)


def _register_client(api: _Http) -> str:
    """A public client (no secret), as a CLI or desktop app would register."""
    metadata = {
        "client_name": "bench",
        "redirect_uris": [REDIRECT_URI],
        "token_endpoint_auth_method": "none",
    }
    headers = {"Content-Type": "application/json"}
    body = api.json("POST", "/oauth2/register", json.dumps(metadata).encode(), headers, 201)
    return str(body["client_id"])


def _issue_tokens(api: _Http, client_id: str, count: int) -> list[tuple[str, str]]:
    """``count`` (access, refresh) pairs, each from its own authorization code."""
    pairs = []
    for i in range(count):
        query = urlencode(
            {
                "response_type": "code",
                "client_id": client_id,
                "redirect_uri": REDIRECT_URI,
                "state": f"bench-{i}",
            }
        )
        status, headers, _ = api.request("GET", f"/oauth2/authorize?{query}")
        location = headers.get("Location", "")
        codes = parse_qs(urlsplit(location).query).get("code")
        if status != 302 or not codes:
            raise RuntimeError(f"authorize gave no code: {status} {location}")
        form = {
            "grant_type": "authorization_code",
            "code": codes[0],
            "redirect_uri": REDIRECT_URI,
            "client_id": client_id,
        }
        body = urlencode(form).encode()
        token = api.json("POST", TOKEN, body, {"Content-Type": FORM})
        pairs.append((str(token["access_token"]), str(token["refresh_token"])))
    return pairs


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f} MB"


@dataclass(frozen=True)
class _Endpoint:
    what: str
    note: str
    # A fresh workload for each round, for this many connections.
    workload: Callable[[int], Workload]
    connections: int | None = None  # None: settings.connections


def _endpoints(api: _Http) -> list[_Endpoint]:
    client_id = _register_client(api)
    access, _ = _issue_tokens(api, client_id, 1)[0]

    def refresh_chain(connections: int) -> Workload:
        # One chain per connection, and spares: wrk keeps a pool per thread.
        tokens = _issue_tokens(api, client_id, connections + 8)
        return RefreshChain(client_id, tuple(refresh for _, refresh in tokens))

    bearer = (("Authorization", f"Bearer {access}"),)
    return [
        _Endpoint(f"discovery: GET {DISCOVERY}", "", lambda _: Fixed("GET", DISCOVERY)),
        # No queueing: the time of one request, where a stall such as Nagle's algorithm meeting
        # delayed ACKs (about 40 ms on Linux) shows plainly.
        _Endpoint(
            "discovery, one connection",
            "sequential requests",
            lambda _: Fixed("GET", DISCOVERY),
            connections=1,
        ),
        _Endpoint(
            f"token: POST {TOKEN}",
            "refresh_token grant, success path: each refresh presents the token the last one "
            "returned (rotation)",
            refresh_chain,
        ),
        _Endpoint(
            f"security list: GET {SECURITY_LIST}",
            "valid bearer token",
            lambda _: Fixed("GET", SECURITY_LIST, bearer),
        ),
    ]


def _load_row(endpoint: _Endpoint, results: list[LoadResult], settings: Settings) -> Row:
    notes = [endpoint.note] if endpoint.note else []
    cpu = [r.server_cpu for r in results if r.server_cpu is not None]
    if cpu:
        notes.append(f"server CPU {median(cpu):.0%} of a core")
    errors = sum(r.errors for r in results)
    if errors:
        notes.append(f"{errors} errors")
    if any(r.capped for r in results):
        notes.append(f"stopped at {settings.max_requests:,} requests: rate understated")
    return Row(
        TITLE,
        endpoint.what,
        rate=median([r.rate for r in results]),
        p50=median([r.p50 for r in results]),
        p99=median([r.p99 for r in results]),
        note="; ".join(notes),
    )


def run(settings: Settings) -> list[Row]:
    """Load each endpoint for ``settings.rounds`` rounds, then time ``settings.starts`` starts."""
    rows: list[Row] = []
    warm_up = 10 if settings.quick else 300  # requests, or 1 s if that comes first
    with spawn_mock() as server, _Http(server.base_url) as api:
        at_start = memory(server.pid)
        for endpoint in _endpoints(api):
            connections = endpoint.connections or settings.connections
            # Untimed, and a check that the workload succeeds; a chain is never reused.
            warm_up_load(server.base_url, endpoint.workload(1), warm_up, seconds=1.0)
            results = [
                run_load(
                    server.base_url,
                    endpoint.workload(connections),
                    generator=settings.generator,
                    seconds=settings.seconds,
                    max_requests=settings.max_requests,
                    connections=connections,
                    server_pid=server.pid,
                )
                for _ in range(settings.rounds)
            ]
            rows.append(_load_row(endpoint, results, settings))
        after_load = memory(server.pid)
        stats = api.json("GET", "/_mock/stats")
    count = stats.get("access_tokens")
    tokens = f"{count:,}" if isinstance(count, int) else "?"
    rows.append(Row(TITLE, "RSS after start", value=_mb(at_start[0]) if at_start else "n/a"))
    rows.append(
        Row(
            TITLE,
            "RSS after the load",
            value=_mb(after_load[0]) if after_load else "n/a",
            note=(f"peak {_mb(after_load[1])}; " if after_load else "")
            + f"the state holds {tokens} access tokens",
        )
    )
    starts = []
    for _ in range(settings.starts):
        with spawn_mock() as fresh:
            starts.append(fresh.ready_after)
    rows.append(
        Row(
            TITLE,
            "start-up: spawn to first 200 (discovery)",
            value=f"{median(starts):.2f} s",
            note=f"median of {len(starts)} (min {min(starts):.2f} s, max {max(starts):.2f} s)",
        )
    )
    return rows
