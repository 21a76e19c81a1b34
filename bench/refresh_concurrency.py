"""Refresh under concurrency: a burst of calls that all start with an expired access token.

1,000 concurrent asyncio calls on one ``AsyncLongbridge``, and 100 threads sharing one
``Longbridge`` (released together by a barrier), each burst seeded with an expired access token
and a valid refresh token. The client must send exactly one token request per burst (single
flight); the mock counts /oauth2/token requests, so the count comes from the server side. In the
same round the same burst runs with a valid token, which makes the reference for the latency the
refresh adds. A third variant seeds a token the client believes valid but the server has expired:
every call meets a 401 ``invalid_token`` and the forced refresh must still happen once.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx

from longbridge_openapi_client import (
    AsyncLongbridge,
    Longbridge,
    MemoryTokenStore,
    RetryPolicy,
    ServerEndpoints,
    Token,
    discovery_flow,
    run_sync,
)
from longbridge_openapi_client._runtime.facade import DEFAULT_LIMITS

from .mock_server import DISCOVERY, _Http, _issue_tokens, _register_client, spawn_mock
from .model import Row, Settings, median, percentile

__all__ = ["TITLE", "run"]

TITLE = "refresh under concurrency"
ASYNC_CALLS = 1_000
THREADS = 100
# The asyncio client's pool: AsyncLongbridge's default (10 connections, all kept alive).
# httpcore's pool rescans every connection for every queued request on each request's start and
# end (encode/httpcore#1035), so with 1,000 calls queued, httpx's default pool (100 connections,
# 20 kept alive) takes longer: measured too, as a row of its own.
ASYNC_POOL = DEFAULT_LIMITS
# The threads' pool: the client's default too (10 connections, all kept alive, so surplus
# keep-alive eviction cannot close a connection handed to a waiting thread, encode/httpcore#1110).
THREAD_POOL = DEFAULT_LIMITS
CALL_TIMEOUT = 30.0  # seconds, per request (connect, pool wait, read)
BURST_TIMEOUT = 60.0  # seconds, for a whole burst: a deadlock ends here, counted as hung calls
OPERATION = "getSocketToken"  # GET /v1/socket/token: no scope, a tiny body

Mode = Literal["async", "threads"]
# A seed, and for asyncio the pool: "default-pool" is a valid token with httpx's default pool.
Case = Literal["valid", "expired", "server-expired", "default-pool"]
CASES: tuple[Case, ...] = ("valid", "expired", "server-expired", "default-pool")
EXPECTED_TOKEN_REQUESTS: dict[Case, int] = {
    "valid": 0,
    "expired": 1,
    "server-expired": 1,
    "default-pool": 0,
}
CASE_LABEL: dict[Case, str] = {
    "valid": "valid token",
    "expired": "expired token",
    "server-expired": "token expired at the server only (401, then refresh)",
    "default-pool": "valid token, httpx's default pool",
}


@dataclass
class Burst:
    """One burst, timed by the client and counted by the server."""

    wall: float = 0.0  # seconds, from the release of every call to the last answer
    latencies: list[float] = field(default_factory=list)  # seconds, successful calls only
    errors: int = 0  # calls that raised
    hung: int = 0  # calls still running when the burst's time ran out
    first_error: str = ""
    token_requests: int = 0  # /oauth2/token requests the server saw during the burst
    served: int = 0  # successful OPERATION calls the server saw during the burst
    rotated: bool = False  # the store ends with another access token than it was seeded with
    unauthorized: int = 0  # 401 responses the client received (each call then retries once)

    def p(self, q: float) -> float:
        return percentile(sorted(self.latencies), q)


# --- pure: from bursts to rows --------------------------------------------------------------


def count_problems(bursts: Sequence[Burst], calls: int, case: Case) -> list[str]:
    """What went wrong in these bursts, worded for the note; empty when nothing did."""
    problems = []
    expected = EXPECTED_TOKEN_REQUESTS[case]
    counts = [b.token_requests for b in bursts]
    if any(c != expected for c in counts):
        shown = ", ".join(str(c) for c in counts)
        problems.append(f"!! token requests per burst {shown}, expected {expected}")
    errors = sum(b.errors for b in bursts)
    if errors:
        first = next(b.first_error for b in bursts if b.first_error)
        problems.append(f"!! {errors} calls failed (first: {first})")
    hung = sum(b.hung for b in bursts)
    if hung:
        problems.append(f"!! {hung} calls hung past {BURST_TIMEOUT:.0f} s (deadlock?)")
    lost = [calls - b.served for b in bursts if b.served != calls]
    if lost:
        shown = ", ".join(str(n) for n in lost)
        problems.append(f"!! the server served fewer or more than {calls} calls: short by {shown}")
    if expected and not all(b.rotated for b in bursts):
        problems.append("!! the token store kept the seeded token")
    return problems


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if abs(seconds) >= 0.0095 else f"{seconds * 1000:.1f} ms"


def _signed_ms(seconds: float) -> str:
    return ("+" if seconds >= 0 else "-") + _ms(abs(seconds))


def rows_for(
    mode: Mode, calls: int, rounds: Sequence[dict[Case, Burst]], pools: dict[Case, str]
) -> list[Row]:
    """One row per case measured; the valid-token burst of the same round is each ratio's
    reference. ``pools`` describes each case's connection pool for its note."""
    who = (
        f"asyncio, {calls:,} concurrent calls"
        if mode == "async"
        else f"{calls} threads, one call each"
    )
    reference = median([r["valid"].wall for r in rounds])
    rows = []
    for case in CASES:
        paired = [r for r in rounds if case in r]
        if not paired:
            continue
        bursts = [r[case] for r in paired]
        wall = median([b.wall for b in bursts])
        count_text = "/".join(str(b.token_requests) for b in bursts)
        value = f"burst {_ms(wall)}; token requests {count_text}"
        notes: list[str] = []
        ratio = None
        if case == "valid":
            notes.append("the reference")
        else:
            ratio = wall / reference if reference > 0 else None
            # Paired within a round: both bursts saw the same machine load.
            added = median([r[case].wall - r["valid"].wall for r in paired])
            added_p50 = median([r[case].p(50) - r["valid"].p(50) for r in paired])
            added_p99 = median([r[case].p(99) - r["valid"].p(99) for r in paired])
            value += f"; adds {_signed_ms(added)}"
            notes.append(
                f"vs valid token; added p50 {_signed_ms(added_p50)}, p99 {_signed_ms(added_p99)}"
            )
        rejected = median([b.unauthorized for b in bursts])
        if rejected:
            notes.append(f"{rejected:,.0f} calls met a 401 before the retry with the new token")
        if mode == "async" and case != "valid" and ratio is not None and ratio < 1:
            notes.append(
                "faster than the reference: calls queued behind the refresh lock reach httpcore's "
                "pool one by one, and its cost per call grows with its queue "
                "(encode/httpcore#1035)"
            )
        notes += count_problems(bursts, calls, case)
        notes.append(f"median of {len(bursts)} rounds; {pools[case]}")
        rows.append(
            Row(
                TITLE,
                f"{who}: {CASE_LABEL[case]}",
                rate=median([calls / b.wall if b.wall > 0 else 0.0 for b in bursts]),
                p50=median([b.p(50) for b in bursts]),
                p99=median([b.p(99) for b in bursts]),
                value=value,
                ratio=ratio,
                note="; ".join(notes),
            )
        )
    return rows


def describe_pool(limits: httpx.Limits) -> str:
    kept = limits.max_keepalive_connections
    alive = "all kept alive" if kept == limits.max_connections else f"{kept} kept alive"
    return f"httpx pool {limits.max_connections} connections, {alive}"


# --- measuring ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Setup:
    base_url: str
    client_id: str
    endpoints: ServerEndpoints
    api: _Http


def _stats(api: _Http) -> tuple[int, int]:
    stats = api.json("GET", "/_mock/stats")
    return int(stats["token_requests"]), int(stats["operations"].get(OPERATION, 0))


def _seed(setup: _Setup, case: Case) -> tuple[MemoryTokenStore, Token]:
    """A store holding a token fresh from the mock, in the state ``case`` names."""
    access, refresh = _issue_tokens(setup.api, setup.client_id, 1)[0]
    if case in ("expired", "server-expired"):
        # Every live access token, this one included, expires now at the server.
        setup.api.json("POST", "/_mock/tokens/expire")
    # "expired": the client knows (and refreshes before sending); "server-expired": it believes
    # the token has an hour left and learns otherwise from the 401.
    expires_at = time.time() + (-60.0 if case == "expired" else 3600.0)
    token = Token(access_token=access, expires_at=expires_at, refresh_token=refresh)
    store = MemoryTokenStore()
    store.save(setup.client_id, token)
    return store, token


def _options(setup: _Setup, store: MemoryTokenStore) -> dict[str, Any]:
    return {
        "base_url": setup.base_url,
        "endpoints": setup.endpoints,  # discovered once: the burst pays for the refresh only
        "token_store": store,
        "timeout": CALL_TIMEOUT,
        # No retries: a failed call shows as an error instead of hiding behind a repeat.
        "retry": RetryPolicy(max_attempts=1),
    }


def _measure(setup: _Setup, case: Case, burst: Callable[[MemoryTokenStore], Burst]) -> Burst:
    store, seeded = _seed(setup, case)
    tokens_before, served_before = _stats(setup.api)
    result = burst(store)
    tokens_after, served_after = _stats(setup.api)
    result.token_requests = tokens_after - tokens_before
    result.served = served_after - served_before
    final = store.load(setup.client_id)
    result.rotated = final is not None and final.access_token != seeded.access_token
    return result


class _CountingAsyncTransport(httpx.AsyncHTTPTransport):
    """Counts the 401s the client receives: the auth flow hides them from the caller."""

    def __init__(self, limits: httpx.Limits) -> None:
        super().__init__(limits=limits)
        self.unauthorized = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await super().handle_async_request(request)
        self.unauthorized += response.status_code == 401
        return response


class _CountingTransport(httpx.HTTPTransport):
    """Counts the 401s the client receives; see :class:`_CountingAsyncTransport`."""

    def __init__(self, limits: httpx.Limits) -> None:
        super().__init__(limits=limits)
        self.unauthorized = 0
        self._lock = threading.Lock()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        with self._lock:
            self.unauthorized += response.status_code == 401
        return response


def _error(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"[:160]


async def _async_burst(
    setup: _Setup, store: MemoryTokenStore, calls: int, limits: httpx.Limits
) -> Burst:
    transport = _CountingAsyncTransport(limits)
    result = Burst()
    async with AsyncLongbridge(
        setup.client_id, transport=transport, limits=limits, **_options(setup, store)
    ) as lb:
        # Open the pool first, through the same transport without auth, so that every case
        # starts from warm connections and the burst times the calls, not TCP handshakes.
        warm = httpx.AsyncClient(transport=transport, base_url=setup.base_url)
        opened = limits.max_connections or 1
        await asyncio.gather(*(warm.get(DISCOVERY) for _ in range(opened)))

        async def one() -> None:
            t0 = time.perf_counter()
            try:
                await lb.get_socket_token()
            except Exception as exc:  # every failure is counted and reported
                result.errors += 1
                result.first_error = result.first_error or _error(exc)
                return
            result.latencies.append(time.perf_counter() - t0)

        start = time.perf_counter()
        tasks = [asyncio.ensure_future(one()) for _ in range(calls)]
        _, pending = await asyncio.wait(tasks, timeout=BURST_TIMEOUT)
        result.wall = time.perf_counter() - start
        result.hung = len(pending)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        result.unauthorized = transport.unauthorized
    return result


def _thread_burst(setup: _Setup, store: MemoryTokenStore, threads: int) -> Burst:
    transport = _CountingTransport(THREAD_POOL)
    result = Burst()
    lock = threading.Lock()
    with Longbridge(
        setup.client_id, transport=transport, limits=THREAD_POOL, **_options(setup, store)
    ) as lb:
        warm = httpx.Client(transport=transport, base_url=setup.base_url)
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(lambda _: warm.get(DISCOVERY), range(threads)))
        barrier = threading.Barrier(threads + 1, timeout=BURST_TIMEOUT)

        def one() -> None:
            barrier.wait()
            t0 = time.perf_counter()
            try:
                lb.get_socket_token()
            except Exception as exc:  # every failure is counted and reported
                with lock:
                    result.errors += 1
                    result.first_error = result.first_error or _error(exc)
                return
            elapsed = time.perf_counter() - t0
            with lock:
                result.latencies.append(elapsed)

        # Daemon threads: a deadlocked call must not keep the benchmark from exiting.
        workers = [threading.Thread(target=one, daemon=True) for _ in range(threads)]
        for worker in workers:
            worker.start()
        barrier.wait()
        start = time.perf_counter()
        deadline = start + BURST_TIMEOUT
        for worker in workers:
            worker.join(max(0.0, deadline - time.perf_counter()))
        result.wall = time.perf_counter() - start
        result.hung = sum(w.is_alive() for w in workers)
        result.unauthorized = transport.unauthorized
    return result


def _setup(api: _Http, base_url: str) -> _Setup:
    client_id = _register_client(api)
    with httpx.Client(base_url=base_url, timeout=CALL_TIMEOUT) as http:
        endpoints: ServerEndpoints = run_sync(discovery_flow(base_url), http)
    return _Setup(base_url, client_id, endpoints, api)


def run(settings: Settings) -> list[Row]:
    """``settings.rounds`` rounds; in each, every asyncio case in turn, then every thread case."""
    default_pool = httpx.Limits(max_connections=100, max_keepalive_connections=20)  # httpx's

    def run_async(setup: _Setup, limits: httpx.Limits) -> Callable[[MemoryTokenStore], Burst]:
        return lambda store: asyncio.run(_async_burst(setup, store, ASYNC_CALLS, limits))

    with spawn_mock() as server, _Http(server.base_url) as api:
        setup = _setup(api, server.base_url)
        plans: dict[Mode, dict[Case, Callable[[MemoryTokenStore], Burst]]] = {
            "async": {
                "valid": run_async(setup, ASYNC_POOL),
                "expired": run_async(setup, ASYNC_POOL),
                "server-expired": run_async(setup, ASYNC_POOL),
                "default-pool": run_async(setup, default_pool),
            },
            "threads": {
                case: lambda store: _thread_burst(setup, store, THREADS)
                for case in ("valid", "expired", "server-expired")
            },
        }
        # One untimed burst each way with a valid token: imports, pools and the server warmed.
        for plan in plans.values():
            _measure(setup, "valid", plan["valid"])
        rounds: dict[Mode, list[dict[Case, Burst]]] = {"async": [], "threads": []}
        for _ in range(settings.rounds):
            for mode, plan in plans.items():
                rounds[mode].append({case: _measure(setup, case, plan[case]) for case in plan})
    common = f"warmed before the burst; retries off; {CALL_TIMEOUT:.0f} s per call"
    async_pools: dict[Case, str] = {c: f"{describe_pool(ASYNC_POOL)}, {common}" for c in CASES}
    async_pools["default-pool"] = (
        f"{describe_pool(default_pool)} (httpx's default; AsyncLongbridge's is the other rows'), "
        f"{common}"
    )
    thread_pools: dict[Case, str] = {c: f"{describe_pool(THREAD_POOL)}, {common}" for c in CASES}
    return [
        *rows_for("async", ASYNC_CALLS, rounds["async"], async_pools),
        *rows_for("threads", THREADS, rounds["threads"], thread_pools),
    ]
