"""Client per-call overhead: our typed client against raw httpx and the official SDK.

All three call the same endpoints of one canned loopback server (bench/canned_server.py), which
answers pre-rendered envelopes at once, so a round trip is mostly client cost:

- our client: ``Longbridge`` with a stored, unexpiring token (refreshing auth, retry wrapper,
  envelope unwrapping, typed ``data``);
- raw httpx: one reused ``httpx.Client``, ``.get(url, headers=...).json()``;
- the SDK: ``longbridge.openapi.HttpClient.from_apikey(...).request("get", path)``.

The small payload is the security list the mock answers (about 1 kB); the large one is 10,000
of the mock's today orders (about 6 MB). For the large one, the table also splits the parse
in-process, without HTTP: bytes to JSON, the envelope step, and JSON to the typed model.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from .canned_server import TRACE_ID, write_routes
from .load import require_loopback
from .model import Row, Settings, median, percentile

__all__ = ["TITLE", "run"]

TITLE = "client per call"

SMALL_PATH = "/v1/quote/get_security_list"
SMALL_QUERY = "market=US&category=Overnight"
LARGE_PATH = "/v1/trade/order/today"
LARGE_ORDERS = 10_000
REPO = Path(__file__).resolve().parent.parent
TOKEN = "bench-access-token"  # noqa: S105 - the canned server ignores auth
Call = Callable[[], object]
Samples = dict[str, list[list[float]]]  # per variant, per round, seconds per call


@dataclass(frozen=True)
class Plan:
    """How many calls per block, blocks per round, and the time bound per block."""

    calls: int
    blocks: int
    seconds: float


def plans(settings: Settings) -> tuple[Plan, Plan, Plan]:
    """(small payload, large payload, in-process parse) plans for ``settings``."""
    if settings.quick:
        return Plan(100, 3, 1.0), Plan(3, 2, 3.0), Plan(3, 2, 3.0)
    return Plan(300, 5, 3.0), Plan(5, 4, 6.0), Plan(5, 4, 6.0)


def replicate_orders(orders: Sequence[dict[str, Any]], count: int) -> list[dict[str, Any]]:
    """``count`` orders cycling through ``orders``, each with its own ``order_id``."""
    if not orders:
        raise ValueError("no orders to replicate")
    out = []
    for i in range(count):
        order = dict(orders[i % len(orders)])
        order["order_id"] = str(800_000_000_000_000_000 + i)
        out.append(order)
    return out


def envelope(data: Any) -> bytes:
    """A successful data API envelope, compact as the mock renders it."""
    body = {"code": 0, "message": "success", "data": data}
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()


def time_blocks(
    variants: Sequence[tuple[str, Call]], plan: Plan, rounds: int
) -> tuple[Samples, Samples]:
    """Per variant, per round, the wall seconds of each call, and this thread's CPU seconds.

    Variants alternate block by block (A, B, C, A, B, C...), each block bounded by
    ``plan.calls`` and ``plan.seconds``.
    """
    wall: Samples = {name: [] for name, _ in variants}
    cpu: Samples = {name: [] for name, _ in variants}
    clock, thread_clock = time.perf_counter, time.thread_time
    for _ in range(rounds):
        wall_now: dict[str, list[float]] = {name: [] for name, _ in variants}
        cpu_now: dict[str, list[float]] = {name: [] for name, _ in variants}
        for _ in range(plan.blocks):
            for name, call in variants:
                out, out_cpu = wall_now[name], cpu_now[name]
                stop = clock() + plan.seconds
                for _ in range(plan.calls):
                    start, start_cpu = clock(), thread_clock()
                    call()
                    end_cpu, end = thread_clock(), clock()
                    out.append(end - start)
                    out_cpu.append(end_cpu - start_cpu)
                    if end > stop:
                        break
        for name in wall_now:
            wall[name].append(wall_now[name])
            cpu[name].append(cpu_now[name])
    return wall, cpu


def rows_for(
    label: str,
    samples: dict[str, list[list[float]]],
    reference: str,
    notes: dict[str, str] | None = None,
) -> list[Row]:
    """One row per variant: the median of per-round medians, and its ratio to ``reference``."""
    medians = {name: median([median(r) for r in rounds]) for name, rounds in samples.items()}
    rows = []
    for name, rounds in samples.items():
        pooled = sorted(t for r in rounds for t in r)
        extra = (notes or {}).get(name, "")
        note = f"vs {reference}; median of {len(rounds)} rounds, {len(pooled)} calls" + (
            f"; {extra}" if extra else ""
        )
        rows.append(
            Row(
                TITLE,
                f"{label}: {name}",
                p50=percentile(pooled, 50),
                p99=percentile(pooled, 99),
                value=_us(medians[name]),
                ratio=medians[name] / medians[reference],
                note=note,
            )
        )
    return rows


def _us(seconds: float) -> str:
    return f"{seconds * 1e6:,.0f} µs/call" if seconds < 0.01 else f"{seconds * 1e3:,.1f} ms/call"


@dataclass(frozen=True)
class Bodies:
    small: bytes
    large: bytes
    large_data: bytes  # the ``data`` member alone, for ``model_validate_json``


def build_bodies() -> Bodies:
    """The mock's own security list, and 10,000 of its today orders (checked against the spec)."""
    from conformance.mock_server import FakeClock, MockConfig, create_app
    from conformance.mock_server.transport import SyncASGITransport
    from spec_reader import load_spec, validator_for

    base, redirect = "http://127.0.0.1:8080", "http://127.0.0.1:53682/callback"
    mock = create_app(MockConfig(), FakeClock())
    with httpx.Client(transport=SyncASGITransport(mock.app), base_url=base) as http:
        info = http.post(
            "/oauth2/register", json={"client_name": "bench", "redirect_uris": [redirect]}
        ).json()
        token = _login(http, str(info["client_id"]), redirect)
        headers = {"authorization": f"Bearer {token}"}
        small = http.get(f"{SMALL_PATH}?{SMALL_QUERY}", headers=headers)
        today = http.get(LARGE_PATH, headers=headers)
    small.raise_for_status()
    today.raise_for_status()
    orders = replicate_orders(today.json()["data"]["orders"], LARGE_ORDERS)
    data = {"orders": orders, "has_more": False}
    schema = load_spec()["components"]["schemas"]["TodayOrders"]
    # Every order is a copy of one of the mock's few (ids aside): one page covers each shape.
    validator_for(schema).validate({"orders": orders[:100], "has_more": False})
    large_data = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()
    return Bodies(small.content, envelope(data), large_data)


def _login(http: httpx.Client, client_id: str, redirect: str) -> str:
    from longbridge_openapi_client import SCOPES, Longbridge, MemoryTokenStore

    # Only to read the mock's answers once; the timed clients never touch the mock.
    with Longbridge(
        client_id,
        token_store=MemoryTokenStore(),
        transport=http._transport,
        base_url=str(http.base_url).rstrip("/"),
    ) as lb:
        request = lb.authorization_request(redirect, [s.key for s in SCOPES if s.key])
        token = lb.finish_authorization(http.get(request.url).headers["location"], request)
    return token.access_token


@contextmanager
def canned_server(bodies: Bodies) -> Iterator[tuple[str, int]]:
    """(base URL, pid) of a canned server answering ``bodies``; stopped when the block ends."""
    small = f"{SMALL_PATH}?{SMALL_QUERY}"
    # Each client spells the large call's query its own way; all get the same body.
    large = [LARGE_PATH, f"{LARGE_PATH}?page=1&size=1000", f"{LARGE_PATH}?size=1000&page=1"]
    with tempfile.TemporaryDirectory() as tmp:
        write_routes(
            Path(tmp), "routes", {small: bodies.small, **dict.fromkeys(large, bodies.large)}
        )
        proc = subprocess.Popen(
            [sys.executable, "-m", "bench.canned_server", tmp],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert proc.stdout is not None
            url = proc.stdout.readline().strip()
            require_loopback(url)
            yield url, proc.pid
        finally:
            proc.kill()
            proc.wait(timeout=10)


def _ours(url: str) -> Any:
    from longbridge_openapi_client import Longbridge, MemoryTokenStore, ServerEndpoints, Token

    store = MemoryTokenStore()
    store.save("bench", Token(TOKEN, time.time() + 10 * 365 * 86_400, "bench-refresh"))
    return Longbridge(
        "bench", base_url=url, token_store=store, endpoints=ServerEndpoints.fallback(url)
    )


def _sdk(url: str) -> Any:
    # Without a region the SDK probes the internet to pick one (docs/toolchain.md §6).
    os.environ["LONGBRIDGE_REGION"] = "global"
    from longbridge.openapi import HttpClient

    return HttpClient.from_apikey("bench-key", "bench-secret", TOKEN, http_url=url)


def _check(name: str, got: object, want: Callable[[object], bool]) -> None:
    if not want(got):
        raise RuntimeError(f"{name}: unexpected answer {str(got)[:200]}")


def _http_rows(url: str, bodies: Bodies, settings: Settings) -> list[Row]:
    small_plan, large_plan, _ = plans(settings)
    headers = {"authorization": f"Bearer {TOKEN}"}
    ours = _ours(url)
    raw = httpx.Client()
    sdk = _sdk(url)
    try:
        small: list[tuple[str, Call]] = [
            ("our client", lambda: ours.get_security_list(market="US", category="Overnight")),
            (
                "raw httpx",
                lambda: raw.get(f"{url}{SMALL_PATH}?{SMALL_QUERY}", headers=headers).json(),
            ),
            ("longbridge SDK", lambda: sdk.request("get", f"{SMALL_PATH}?{SMALL_QUERY}")),
        ]
        large: list[tuple[str, Call]] = [
            ("our client", lambda: ours.list_today_orders()),
            ("raw httpx", lambda: raw.get(f"{url}{LARGE_PATH}", headers=headers).json()),
            ("longbridge SDK", lambda: sdk.request("get", LARGE_PATH)),
        ]
        # Warm up (connections, imports, caches), and prove each answer is the payload.
        n_small = len(json.loads(bodies.small)["data"]["list"])
        for name, call in small:
            for _ in range(20):
                _check(name, call(), lambda got: _count(got, "list") == n_small)
        for name, call in large:
            _check(name, call(), lambda got: _count(got, "orders") == LARGE_ORDERS)
        small_samples, small_cpu = time_blocks(small, small_plan, settings.rounds)
        large_samples, _ = time_blocks(large, large_plan, settings.rounds)
    finally:
        ours.close()
        raw.close()
    kb = len(bodies.small) / 1024
    mb = len(bodies.large) / 1e6
    # The client's own CPU per call, free of the server's scheduling noise. Not for the SDK:
    # its Rust runtime works on threads of its own, which this thread's clock does not see.
    del small_cpu["longbridge SDK"]
    return [
        *rows_for(f"small ({kb:.1f} kB security list)", small_samples, "raw httpx"),
        *rows_for("small, this thread's CPU", small_cpu, "raw httpx"),
        *rows_for(f"large ({LARGE_ORDERS:,} orders, {mb:.1f} MB)", large_samples, "raw httpx"),
    ]


def _count(got: object, member: str) -> int:
    """How many items the answer holds, whether a typed model, an envelope, or bare data."""
    if isinstance(got, dict):
        got = got.get("data", got)
        return len(got[member]) if isinstance(got, dict) else -1
    items = getattr(got, member, None) or getattr(got, f"{member}_", None)  # list_: a keyword
    return len(items) if isinstance(items, list) else -1


def _parse_rows(bodies: Bodies, settings: Settings) -> list[Row]:
    """The large payload's parse, step by step, without HTTP."""
    from pydantic import TypeAdapter

    from longbridge_openapi_client._runtime.envelope import read_envelope, unwrap
    from longbridge_openapi_client.schemas import TodayOrders

    _, _, plan = plans(settings)
    response = httpx.Response(
        200,
        content=bodies.large,
        headers={"content-type": "application/json", "x-trace-id": TRACE_ID},
        request=httpx.Request("GET", f"http://127.0.0.1{LARGE_PATH}"),
    )
    data = json.loads(bodies.large_data)
    # The same JSON through pydantic's parser with no field types: what the value types
    # (decimal text, unix-seconds timestamps, numeric ids: Python validators) add on top.
    untyped = TypeAdapter(dict[str, Any])
    variants: list[tuple[str, Call]] = [
        ("json.loads(body)", lambda: json.loads(bodies.large)),
        ("envelope step (read_envelope)", lambda: read_envelope(response)),
        ("TodayOrders.model_validate(dict)", lambda: TodayOrders.model_validate(data)),
        (
            "TodayOrders.model_validate_json(data bytes)",
            lambda: TodayOrders.model_validate_json(bodies.large_data),
        ),
        (
            "TypeAdapter(dict[str, Any]).validate_json(data bytes)",
            lambda: untyped.validate_json(bodies.large_data),
        ),
        ("unwrap(response) to TodayOrders", lambda: _unwrap(unwrap, response, TodayOrders)),
    ]
    for _, call in variants:
        call()  # warm up
    samples, _ = time_blocks(variants, plan, settings.rounds)
    return rows_for("large parse, no HTTP", samples, "json.loads(body)")


def _unwrap(unwrap: Any, response: httpx.Response, model: Any) -> Any:
    return unwrap(response, model.model_validate)


def run(settings: Settings) -> list[Row]:
    bodies = build_bodies()
    with canned_server(bodies) as (url, _pid):
        rows = _http_rows(url, bodies, settings)
    return rows + _parse_rows(bodies, settings)
