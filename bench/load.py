"""Closed-loop HTTP load on loopback, from wrk or from a built-in generator.

Each connection keeps one request in flight for a fixed time or a fixed number of requests,
whichever ends first. The built-in generator runs in worker processes, apart from the benchmark
and the server, each with raw asyncio streams over keep-alive connections: async httpx on two
cores tops out near 320 req/s (docs/toolchain.md §5), which would measure the client.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import queue
import shutil
import subprocess
import tempfile
import time
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Event
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from .model import Generator, percentile
from .proc import cpu_seconds

__all__ = [
    "Fixed",
    "LoadResult",
    "RefreshChain",
    "Workload",
    "describe",
    "require_loopback",
    "run_load",
    "warm_up",
    "wrk_version",
]

LOOPBACK = "127.0.0.1"
FORM = "application/x-www-form-urlencoded"
# A run must end even when the server hangs: this much beyond its planned length, it is stopped.
GRACE_SECONDS = 30.0


@dataclass(frozen=True)
class Fixed:
    """The same request every time; ``expect`` is the status that counts as success."""

    method: str
    target: str  # path and query
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    expect: int = 200


@dataclass(frozen=True)
class RefreshChain:
    """``refresh_token`` grants at /oauth2/token. Refresh tokens rotate, so each connection runs
    its own chain: every success returns the token that its next request presents. Needs one
    unused refresh token per connection."""

    client_id: str
    refresh_tokens: tuple[str, ...]


Workload = Fixed | RefreshChain


@dataclass(frozen=True)
class LoadResult:
    ok: int  # responses with the expected status
    errors: int  # other statuses, and connection errors
    elapsed: float  # seconds, from the start to the last response
    p50: float  # seconds, over every response
    p99: float
    capped: bool  # stopped by the request bound rather than by time
    server_cpu: float | None = None  # the server's CPU time over the run, in cores (1.0: one)

    @property
    def rate(self) -> float:
        return self.ok / self.elapsed if self.elapsed > 0 else 0.0


def require_loopback(base_url: str) -> tuple[str, int]:
    """Host and port of ``base_url``, which must be plain http on 127.0.0.1."""
    parts = urlsplit(base_url)
    if parts.scheme != "http" or parts.hostname != LOOPBACK or parts.port is None:
        raise ValueError(f"load is only ever sent to http://{LOOPBACK}:PORT, not {base_url!r}")
    return LOOPBACK, parts.port


def wrk_version() -> str | None:
    """``wrk 4.1.0`` when wrk is on PATH, else None."""
    wrk = shutil.which("wrk")
    if wrk is None:
        return None
    out = subprocess.run([wrk, "-v"], capture_output=True, text=True, timeout=10, check=False)
    first = (out.stdout or out.stderr).strip().splitlines()
    return " ".join(first[0].split()[:2]) if first else "wrk"


def worker_count(connections: int) -> int:
    # Leave a core to the server, which runs in one process.
    return max(1, min((os.cpu_count() or 2) - 1, connections))


def describe(generator: Generator, connections: int) -> str:
    if generator == "wrk":
        threads = worker_count(connections)
        thread_s = "1 thread" if threads == 1 else f"{threads} threads"
        return f"{wrk_version() or 'wrk'}, {thread_s}, {connections} connections"
    workers = worker_count(connections)
    processes = "1 process" if workers == 1 else f"{workers} processes"
    return (
        f"built-in: {processes} (one core left to the server), {connections} keep-alive "
        "connections, raw asyncio streams"
    )


def run_load(
    base_url: str,
    workload: Workload,
    *,
    generator: Generator,
    seconds: float,
    max_requests: int,
    connections: int,
    server_pid: int | None = None,
) -> LoadResult:
    """One closed-loop run against ``base_url`` (loopback only), bounded in time and count.

    With ``server_pid``, also how busy the server was: near 1.0 for a one-process server means
    the server, not the load generator, set the pace.
    """
    host, port = require_loopback(base_url)
    if isinstance(workload, RefreshChain) and len(workload.refresh_tokens) < connections:
        raise ValueError("a refresh chain needs one refresh token per connection")
    probe = _CpuProbe(server_pid)
    if generator == "wrk":
        result = _run_wrk(base_url, workload, seconds, max_requests, connections, probe)
    else:
        result = _run_builtin(host, port, workload, seconds, max_requests, connections, probe)
    return replace(result, server_cpu=probe.cores())


class _CpuProbe:
    """CPU time of a process between :meth:`start` and :meth:`stop`, over the wall time."""

    def __init__(self, pid: int | None) -> None:
        self.pid = pid
        self._cpu: list[float] = []
        self._wall: list[float] = []

    def _mark(self) -> None:
        cpu = cpu_seconds(self.pid) if self.pid is not None else None
        if cpu is not None:
            self._cpu.append(cpu)
            self._wall.append(time.perf_counter())

    def start(self) -> None:
        self._mark()

    def stop(self) -> None:
        self._mark()

    def cores(self) -> float | None:
        if len(self._cpu) != 2 or self._wall[1] <= self._wall[0]:
            return None
        return (self._cpu[1] - self._cpu[0]) / (self._wall[1] - self._wall[0])


def warm_up(base_url: str, workload: Workload, requests: int, seconds: float) -> None:
    """Send up to ``requests`` requests for up to ``seconds`` on one connection, and fail unless
    every one succeeds.

    Proves the workload is the success path it claims to be before anything is timed. A
    :class:`RefreshChain` used here has advanced: do not reuse it for a run.
    """
    host, port = require_loopback(base_url)
    script = _scripts(workload, f"{host}:{port}", [0])[0]
    ok, errors, _, _, problem = asyncio.run(
        _drive(host, port, [script], seconds=seconds, cap=requests, ready=None)
    )
    if errors or problem or not ok:
        raise RuntimeError(f"warm-up failed: {ok} ok, {errors} errors; {problem or ''}")


# --- the built-in generator ---------------------------------------------------------------------


class _Script:
    """What one connection sends next, and whether a response is a success."""

    def request(self) -> bytes:
        raise NotImplementedError

    def response(self, status: int, body: bytes) -> bool:
        raise NotImplementedError


def _raw(
    method: str, target: str, host: str, headers: Sequence[tuple[str, str]], body: bytes
) -> bytes:
    lines = [f"{method} {target} HTTP/1.1", f"Host: {host}"]
    lines += [f"{name}: {value}" for name, value in headers]
    if body or method in ("POST", "PUT", "PATCH"):
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class _FixedScript(_Script):
    def __init__(self, workload: Fixed, host: str) -> None:
        w = workload
        self._raw = _raw(w.method, w.target, host, w.headers, w.body)
        self._expect = w.expect

    def request(self) -> bytes:
        return self._raw

    def response(self, status: int, body: bytes) -> bool:
        return status == self._expect


class _RefreshScript(_Script):
    def __init__(self, client_id: str, token: str, host: str) -> None:
        self._client_id = client_id
        self._token = token
        self._host = host

    def request(self) -> bytes:
        form = {"grant_type": "refresh_token", "refresh_token": self._token}
        body = urlencode({**form, "client_id": self._client_id}).encode()
        return _raw("POST", "/oauth2/token", self._host, [("Content-Type", FORM)], body)

    def response(self, status: int, body: bytes) -> bool:
        if status != 200:
            return False
        try:
            token = json.loads(body).get("refresh_token")
        except (ValueError, AttributeError):
            return False
        if not isinstance(token, str):
            return False
        self._token = token
        return True


def _scripts(workload: Workload, host: str, indices: Sequence[int]) -> list[_Script]:
    if isinstance(workload, Fixed):
        return [_FixedScript(workload, host) for _ in indices]
    return [_RefreshScript(workload.client_id, workload.refresh_tokens[i], host) for i in indices]


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    if status < 200 or status in (204, 304):
        return status, b""
    lower = head.lower()
    start = lower.find(b"\r\ncontent-length:")
    if start >= 0:
        end = lower.index(b"\r\n", start + 2)
        length = int(lower[start + 17 : end])
        return status, (await reader.readexactly(length)) if length else b""
    if b"\r\ntransfer-encoding: chunked" in lower:
        chunks = []
        while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
            chunks.append(await reader.readexactly(size))
            await reader.readexactly(2)
        await reader.readuntil(b"\r\n")  # no trailers expected
        return status, b"".join(chunks)
    raise ValueError("a response without Content-Length or chunked encoding")


# ok, errors, elapsed, latencies, what went wrong
_Outcome = tuple[int, int, float, "array[float]", str | None]
# ("ready" | "done" | "failed", ok, errors, elapsed, latencies as bytes, what went wrong)
_Message = tuple[str, int, int, float, bytes, str | None]
_RESPONSE_ERRORS = (OSError, ValueError, asyncio.IncompleteReadError, asyncio.LimitOverrunError)


async def _drive(
    host: str,
    port: int,
    scripts: list[_Script],
    *,
    seconds: float,
    cap: int,
    ready: Callable[[], None] | None,
) -> _Outcome:
    """Open one connection per script and send one untimed request on each; then call
    ``ready``, which returns at the start, and run until the time or the cap is up."""
    conns = [await asyncio.open_connection(host, port) for _ in scripts]
    latencies: array[float] = array("d")
    errors = 0
    sent = 0
    try:
        if ready is not None:
            # Connection set-up and first requests stay out of the figures.
            for (reader, writer), script in zip(conns, scripts, strict=True):
                writer.write(script.request())
                status, body = await _read_response(reader)
                if not script.response(status, body):
                    raise RuntimeError(f"the first request failed with {status}: {body[:200]!r}")
            # Blocks the loop on purpose: nothing runs until every worker is ready.
            ready()
        start = last = time.perf_counter()
        deadline = start + seconds

        async def loop(i: int) -> None:
            nonlocal errors, sent, last
            reader, writer = conns[i]
            script = scripts[i]
            clock = time.perf_counter
            while sent < cap and clock() < deadline:
                sent += 1
                t0 = clock()
                try:
                    writer.write(script.request())
                    status, body = await _read_response(reader)
                except _RESPONSE_ERRORS:
                    errors += 1
                    writer.close()
                    reader, writer = conns[i] = await asyncio.open_connection(host, port)
                    continue
                t1 = clock()
                latencies.append(t1 - t0)
                if not script.response(status, body):
                    errors += 1
                last = t1

        problem = None
        try:
            async with asyncio.timeout(seconds + GRACE_SECONDS):
                await asyncio.gather(*(loop(i) for i in range(len(scripts))))
        except TimeoutError:
            problem = "timed out"
        return len(latencies) - errors, errors, last - start, latencies, problem
    finally:
        for _, writer in conns:
            writer.close()


def _worker(
    host: str,
    port: int,
    workload: Workload,
    indices: list[int],
    seconds: float,
    cap: int,
    go: Event,
    results: Queue[_Message],
) -> None:
    """One load process: connects, reports "ready", waits for ``go``, runs, reports."""

    def ready() -> None:
        results.put(("ready", 0, 0, 0.0, b"", None))
        if not go.wait(timeout=GRACE_SECONDS):
            raise RuntimeError("no start signal")

    scripts = _scripts(workload, f"{host}:{port}", indices)
    try:
        ok, errors, elapsed, lat, problem = asyncio.run(
            _drive(host, port, scripts, seconds=seconds, cap=cap, ready=ready)
        )
    except Exception as exc:  # the parent raises it
        results.put(("failed", 0, 0, 0.0, b"", f"{type(exc).__name__}: {exc}"))
        return
    results.put(("done", ok, errors, elapsed, lat.tobytes(), problem))


def _receive(
    results: Queue[_Message], procs: list[BaseProcess], kind: str, timeout: float
) -> list[_Message]:
    """One ``kind`` message from each worker; raises when one fails, dies or is too slow."""
    deadline = time.monotonic() + timeout
    got: list[_Message] = []
    while len(got) < len(procs):
        try:
            message = results.get(timeout=0.1)
        except queue.Empty:
            dead = [p.exitcode for p in procs if p.exitcode not in (None, 0)]
            if dead:
                raise RuntimeError(f"a load worker exited with code {dead[0]}") from None
            if time.monotonic() > deadline:
                raise RuntimeError(f"load workers not {kind} after {timeout:g} s") from None
            continue
        if message[0] == "failed" or message[5]:
            raise RuntimeError(f"load worker failed: {message[5]}")
        got.append(message)
    return got


def _run_builtin(
    host: str,
    port: int,
    workload: Workload,
    seconds: float,
    max_requests: int,
    connections: int,
    probe: _CpuProbe,
) -> LoadResult:
    workers = worker_count(connections)
    # spawn, not fork: the parent may have threads, and a child should not inherit its state.
    mp = multiprocessing.get_context("spawn")
    go = mp.Event()
    results: Queue[_Message] = mp.Queue()
    per_worker = -(-max_requests // workers)
    procs: list[BaseProcess] = []
    try:
        for w in range(workers):
            indices = list(range(w, connections, workers))
            args = (host, port, workload, indices, seconds, per_worker, go, results)
            procs.append(mp.Process(target=_worker, args=args, daemon=True))
            procs[-1].start()
        _receive(results, procs, "ready", GRACE_SECONDS)
        go.set()
        probe.start()
        outs = _receive(results, procs, "done", seconds + GRACE_SECONDS)
        probe.stop()
    finally:
        for p in procs:
            p.join(timeout=5)
            if p.is_alive():
                p.terminate()
                p.join()
    latencies: list[float] = []
    for o in outs:
        latencies.extend(array("d", o[4]))
    latencies.sort()
    ok = sum(o[1] for o in outs)
    errors = sum(o[2] for o in outs)
    return LoadResult(
        ok=ok,
        errors=errors,
        elapsed=max(o[3] for o in outs),
        p50=percentile(latencies, 50),
        p99=percentile(latencies, 99),
        capped=ok + errors >= per_worker * workers,
    )


# --- wrk ----------------------------------------------------------------------------------------


def _lua(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + escaped.replace("\r", "\\r") + '"'


# Per-thread request bound and the summary line; wrk has no request-count option of its own.
_WRK_COMMON = """
local cap = {cap}
local seen = 0
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
end
function count()
  seen = seen + 1
  if seen >= cap then wrk.thread:stop() end
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d %d %d %.1f %.1f\\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
"""

_WRK_FIXED = """
wrk.method = {method}
wrk.path = {target}
wrk.body = {body}
{headers}
function response(status, headers, body)
  count()
end
"""

# wrk keeps one Lua state per thread, not per connection: each thread holds a pool of refresh
# tokens, takes one per request and puts back the one each success returns.
_WRK_REFRESH = """
local tokens = {{ {tokens} }}
local nthreads = {threads}
local pool = {{}}
function init(args)
  for i = index, #tokens, nthreads do pool[#pool + 1] = tokens[i] end
end
function request()
  local token = table.remove(pool) or "pool-exhausted"
  return wrk.format("POST", "/oauth2/token", {{["Content-Type"] = {form}}},
    "grant_type=refresh_token&refresh_token=" .. token .. "&client_id=" .. {client_id})
end
function response(status, headers, body)
  count()
  local token = body:match('"refresh_token"%s*:%s*"([^"]+)"')
  if status == 200 and token then pool[#pool + 1] = token end
end
"""


def _wrk_script(workload: Workload, threads: int, cap: int) -> str:
    common = _WRK_COMMON.format(cap=cap)
    if isinstance(workload, Fixed):
        headers = "\n".join(
            f"wrk.headers[{_lua(name)}] = {_lua(value)}" for name, value in workload.headers
        )
        return common + _WRK_FIXED.format(
            method=_lua(workload.method),
            target=_lua(workload.target),
            body=_lua(workload.body.decode("latin-1")),
            headers=headers,
        )
    return common + _WRK_REFRESH.format(
        tokens=", ".join(_lua(t) for t in workload.refresh_tokens),
        threads=threads,
        form=_lua(FORM),
        # Refresh tokens and client ids are URL-safe, so they go into the form as they are.
        client_id=_lua(workload.client_id),
    )


def _run_wrk(
    base_url: str,
    workload: Workload,
    seconds: float,
    max_requests: int,
    connections: int,
    probe: _CpuProbe,
) -> LoadResult:
    threads = worker_count(connections)
    cap = -(-max_requests // threads)
    # wrk takes whole seconds only.
    duration = max(1, round(seconds))
    with tempfile.TemporaryDirectory(prefix="bench-wrk-") as tmp:
        script = Path(tmp) / "load.lua"
        script.write_text(_wrk_script(workload, threads, cap))
        wrk = shutil.which("wrk")
        if wrk is None:
            raise RuntimeError("wrk is not on PATH")
        argv = [wrk, f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "5s"]
        with subprocess.Popen(
            [*argv, "-s", str(script), base_url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        ) as proc:
            # wrk connects within milliseconds; the probe's error is that small.
            probe.start()
            try:
                stdout, stderr = proc.communicate(timeout=duration + GRACE_SECONDS)
            except subprocess.TimeoutExpired:
                proc.kill()
                raise
            probe.stop()
    line = next((x for x in stdout.splitlines() if x.startswith("BENCH ")), None)
    if proc.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed ({proc.returncode}): {stderr.strip() or stdout}")
    fields = line.split()[1:]
    total, duration_us, connect, read, write, status, timeout = (int(f) for f in fields[:7])
    p50_us, p99_us = (float(f) for f in fields[7:])
    return LoadResult(
        ok=total - status,
        errors=connect + read + write + status + timeout,
        elapsed=duration_us / 1e6,
        p50=p50_us / 1e6,
        p99=p99_us / 1e6,
        capped=total >= cap * threads,
    )
