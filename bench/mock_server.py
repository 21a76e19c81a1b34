"""The mock server section: throughput and latency of three endpoints, memory, start-up time,
each beside Prism (the reference mock) measured in the same run.

Both servers run as child processes (``python -m conformance.mock_server``; node for Prism), so
the load generator never shares their interpreter, and /proc can tell their memory and CPU time.
Within each round the mock is loaded first, then Prism, so drift hits both alike.
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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from .load import FORM, Fixed, LoadResult, RefreshChain, Workload, require_loopback, run_load
from .load import warm_up as warm_up_load
from .model import Row, Settings, median
from .prism import VERSION as PRISM_VERSION
from .prism import PrismServer, PrismUnavailable, ensure_prism, spawn_prism
from .proc import memory, stop

__all__ = ["TITLE", "run", "spawn_mock"]

TITLE = "mock server"
REPO = Path(__file__).resolve().parents[1]
DISCOVERY = "/.well-known/oauth-authorization-server"
TOKEN = "/oauth2/token"  # noqa: S105 (a path, not a secret)
SECURITY_LIST = "/v1/quote/get_security_list?market=US&category=Overnight"
REDIRECT_URI = "http://127.0.0.1/callback"
SPEC = REPO / "spec" / "openapi.yaml"
PRISM = f"Prism {PRISM_VERSION}"
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
def spawn_mock(*args: str, command: Sequence[str] | None = None) -> Iterator[Spawned]:
    """``python -m conformance.mock_server --port 0 ARGS``, stopped when the block ends.

    Like ``conformance.mock_server.serve.spawn``, but keeps the process for its pid, and times
    the start: from spawn until discovery answers 200. ``command`` runs another server that
    prints its base URL the same way (a wrapped mock) instead.
    """
    argv = [sys.executable, "-m", "conformance.mock_server", "--port", "0", *args]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as stderr:
        proc = subprocess.Popen(
            list(command) if command is not None else argv,
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
            stop(proc)


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
    # A fresh workload for each round, for this many connections: on the mock, and on Prism.
    workload: Callable[[int], Workload]
    prism_workload: Callable[[int], Workload]
    connections: int | None = None  # None: settings.connections


def _endpoints(api: _Http) -> list[_Endpoint]:
    client_id = _register_client(api)
    access, _ = _issue_tokens(api, client_id, 1)[0]

    def refresh_chain(connections: int) -> Workload:
        # One chain per connection, and spares: wrk keeps a pool per thread.
        tokens = _issue_tokens(api, client_id, connections + 8)
        return RefreshChain(client_id, tuple(refresh for _, refresh in tokens))

    def prism_chain(connections: int) -> Workload:
        # Prism is stateless: it accepts any refresh token and answers the spec's example,
        # whose refresh_token the chain then presents. The same requests, none of the state.
        return RefreshChain(client_id, tuple(f"bench-{i}" for i in range(connections + 8)))

    bearer = (("Authorization", f"Bearer {access}"),)

    def discovery(_: int) -> Workload:
        return Fixed("GET", DISCOVERY)

    def security_list(_: int) -> Workload:
        return Fixed("GET", SECURITY_LIST, bearer)

    return [
        _Endpoint(f"discovery: GET {DISCOVERY}", "", discovery, discovery),
        # No queueing: the time of one request, where a stall such as Nagle's algorithm meeting
        # delayed ACKs (about 40 ms on Linux) shows plainly.
        _Endpoint(
            "discovery, one connection",
            "sequential requests",
            discovery,
            discovery,
            connections=1,
        ),
        _Endpoint(
            f"token: POST {TOKEN}",
            "refresh_token grant, success path: each refresh presents the token the last one "
            "returned (rotation)",
            refresh_chain,
            prism_chain,
        ),
        _Endpoint(
            f"security list: GET {SECURITY_LIST}",
            "valid bearer token",
            security_list,
            security_list,
        ),
    ]


def _load_notes(results: list[LoadResult], settings: Settings) -> list[str]:
    notes = []
    cpu = [r.server_cpu for r in results if r.server_cpu is not None]
    if cpu:
        notes.append(f"server CPU {median(cpu):.0%} of a core")
    errors = sum(r.errors for r in results)
    if errors:
        notes.append(f"{errors} errors")
    if any(r.capped for r in results):
        notes.append(f"stopped at {settings.max_requests:,} requests: rate understated")
    return notes


def ratio(value: float | None, reference: float | None) -> float | None:
    """``value / reference``, or None when either is missing or the reference is not positive."""
    if value is None or reference is None or reference <= 0:
        return None
    return value / reference


def _rounds(n: int) -> str:
    return f"median of {n} round{'s' if n != 1 else ''}"


def _load_row(
    endpoint: _Endpoint,
    results: list[LoadResult],
    settings: Settings,
    prism: list[LoadResult] | None,
) -> Row:
    notes = [endpoint.note] if endpoint.note else []
    notes += _load_notes(results, settings)
    rate = median([r.rate for r in results])
    prism_rate = median([r.rate for r in prism]) if prism else None
    if prism_rate is not None:
        notes.append(
            f"ratio: req/s vs {PRISM}, same run, alternating per round, target >= 3; "
            + _rounds(len(results))
        )
    return Row(
        TITLE,
        endpoint.what,
        rate=rate,
        p50=median([r.p50 for r in results]),
        p99=median([r.p99 for r in results]),
        ratio=ratio(rate, prism_rate),
        note="; ".join(notes),
    )


def _prism_row(endpoint: _Endpoint, results: list[LoadResult], settings: Settings) -> Row:
    notes = ["static mode, the same spec and requests"]
    if endpoint.prism_workload is not endpoint.workload:
        notes.append("any refresh token accepted; answers 200 with the spec's example")
    notes += _load_notes(results, settings)
    notes.append(_rounds(len(results)))
    return Row(
        TITLE,
        f"{PRISM}: {endpoint.what}",
        rate=median([r.rate for r in results]),
        p50=median([r.p50 for r in results]),
        p99=median([r.p99 for r in results]),
        note="; ".join(notes),
    )


def _rss(sample: tuple[int, int] | None) -> int | None:
    return sample[0] if sample else None


def _memory_rows(
    what: str, mock: tuple[int, int] | None, prism: tuple[int, int] | None, note: str
) -> list[Row]:
    mock_note = [note] if note else []
    if mock and prism:
        mock_note.append(f"ratio: RSS vs {PRISM} (node, without an npm wrapper), target <= 0.2")
    rows = [
        Row(
            TITLE,
            what,
            value=_mb(mock[0]) if mock else "n/a",
            ratio=ratio(_rss(mock), _rss(prism)),
            note="; ".join(mock_note),
        )
    ]
    if prism is not None:
        rows.append(
            Row(TITLE, f"{PRISM}: {what}", value=_mb(prism[0]), note=f"peak {_mb(prism[1])}")
        )
    return rows


def _measure(
    server_url: str, server_pid: int, workload: Workload, connections: int, settings: Settings
) -> LoadResult:
    return run_load(
        server_url,
        workload,
        generator=settings.generator,
        seconds=settings.seconds,
        max_requests=settings.max_requests,
        connections=connections,
        server_pid=server_pid,
    )


def run(settings: Settings) -> list[Row]:
    """Load each endpoint for ``settings.rounds`` rounds on the mock and on Prism in turn, then
    time ``settings.starts`` starts of each."""
    rows: list[Row] = []
    # Requests, or warm_s seconds if that comes first. Prism's JIT needs thousands of requests
    # to reach its pace (short runs see it at under half its rate); the mock has no JIT.
    warm_up, warm_s = (10, 1.0) if settings.quick else (2000, 2.0)
    skipped: str | None = None
    try:
        node, entry = ensure_prism(timeout=60.0 if settings.quick else 300.0)
    except PrismUnavailable as exc:
        skipped = str(exc)
    with contextlib.ExitStack() as stack:
        server = stack.enter_context(spawn_mock())
        api = stack.enter_context(_Http(server.base_url))
        at_start = memory(server.pid)
        prism: PrismServer | None = None
        if skipped is None:
            try:
                prism = stack.enter_context(spawn_prism(node, entry, SPEC))
            except RuntimeError as exc:
                skipped = str(exc)
        prism_at_start = memory(prism.pid) if prism else None
        load_rows: list[Row] = []
        for endpoint in _endpoints(api):
            connections = endpoint.connections or settings.connections
            # Untimed, and a check that the workload succeeds; a chain is never reused.
            warm_up_load(server.base_url, endpoint.workload(1), warm_up, warm_s)
            on_prism = prism
            if on_prism is not None:
                try:
                    warm_up_load(on_prism.base_url, endpoint.prism_workload(1), warm_up, warm_s)
                except RuntimeError as exc:
                    # Not a success path on Prism: its row says so instead of a figure.
                    load_rows.append(
                        Row(TITLE, f"{PRISM}: {endpoint.what}", value=f"skipped: {exc}")
                    )
                    on_prism = None
            results: list[LoadResult] = []
            prism_results: list[LoadResult] = []
            for _ in range(settings.rounds):
                mock_load = endpoint.workload(connections)
                results.append(
                    _measure(server.base_url, server.pid, mock_load, connections, settings)
                )
                if on_prism is not None:
                    prism_load = endpoint.prism_workload(connections)
                    prism_results.append(
                        _measure(on_prism.base_url, on_prism.pid, prism_load, connections, settings)
                    )
            rows.append(_load_row(endpoint, results, settings, prism_results or None))
            if prism_results:
                rows.append(_prism_row(endpoint, prism_results, settings))
        rows += load_rows
        after_load = memory(server.pid)
        prism_after_load = memory(prism.pid) if prism else None
        stats = api.json("GET", "/_mock/stats")
    count = stats.get("access_tokens")
    tokens = f"{count:,}" if isinstance(count, int) else "?"
    idle = (
        "ready to serve every endpoint; what only some need loads with the first such request: "
        "jsonschema and the data API validators, pydantic and the request models"
    )
    rows += _memory_rows("RSS after start", at_start, prism_at_start, idle)
    peak = f"peak {_mb(after_load[1])}; " if after_load else ""
    state = (
        f"{peak}the state holds {tokens} access tokens (about 500 bytes each with its refresh "
        "token); the first token request loaded the generated request models (pydantic and the "
        "client package), the first data API request jsonschema"
    )
    rows += _memory_rows("RSS after the load", after_load, prism_after_load, state)
    starts: list[float] = []
    prism_starts: list[float] = []
    start_prism = prism is not None
    for _ in range(settings.starts):
        with spawn_mock() as fresh:
            starts.append(fresh.ready_after)
        if start_prism:
            try:
                with spawn_prism(node, entry, SPEC) as fresh_prism:
                    prism_starts.append(fresh_prism.ready_after)
            except RuntimeError as exc:
                rows.append(Row(TITLE, f"{PRISM}: start-up", value=f"skipped: {exc}"))
                start_prism = False
                prism_starts.clear()  # a partial sample is not compared
    rows += _start_rows(starts, prism_starts)
    if skipped is not None:
        rows.append(Row(TITLE, PRISM, value=f"skipped: {skipped}"))
    return rows


def _spread(starts: list[float]) -> str:
    return f"median of {len(starts)} (min {min(starts):.2f} s, max {max(starts):.2f} s)"


def _start_rows(starts: list[float], prism_starts: list[float]) -> list[Row]:
    what = "start-up: spawn to first 200 (discovery)"
    note = _spread(starts)
    prism_median = median(prism_starts) if prism_starts else None
    if prism_median is not None:
        note += f"; ratio: time vs {PRISM}, alternating, lower is better"
    rows = [
        Row(
            TITLE,
            what,
            value=f"{median(starts):.2f} s",
            ratio=ratio(median(starts), prism_median),
            note=note,
        )
    ]
    if prism_median is not None:
        rows.append(
            Row(
                TITLE, f"{PRISM}: {what}", value=f"{prism_median:.2f} s", note=_spread(prism_starts)
            )
        )
    return rows
