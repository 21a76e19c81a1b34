"""The conformance run beside schemathesis: wall time, checks per second, requests per second.

Both run as the user would run them, as child processes, against the same mock: a fresh one per
run, so each starts from the same state (the suite and schemathesis both register clients, revoke
tokens, place orders). The mock is wrapped in a counter of the HTTP requests it serves, which is
how the two are matched: schemathesis (without its coverage phase, whose fixed request count
alone exceeds the whole conformance run) gets ``--max-examples`` scaled round by round until it
sends about as many requests as the conformance run did.

``python -m bench.conformance_run --serve`` is that counting mock; it prints its base URL.
"""

from __future__ import annotations

import contextlib
import json
import math
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import Row, Settings, median

__all__ = ["TITLE", "checks_of", "next_max_examples", "run"]

TITLE = "conformance run"
REPO = Path(__file__).resolve().parents[1]
SPEC = REPO / "spec" / "openapi.yaml"
CONFIG = REPO / "conformance" / "schemathesis.toml"
COUNT_PATH = "/_bench/requests"
# Quick mode: two groups of the suite, and the matching operations for schemathesis.
QUICK_GROUPS = "discovery,token"
QUICK_PATHS = r"^/(\.well-known/oauth-authorization-server|oauth2/token)$"
QUICK_OPERATIONS = 2
PHASES = "examples,fuzzing,stateful"


@dataclass(frozen=True)
class Outcome:
    seconds: float
    requests: int
    checks: int  # ours: checks run; schemathesis: test cases it reported, if it said
    failed: int
    exit_code: int
    max_examples: int = 0  # schemathesis only


def checks_of(results: list[dict[str, Any]]) -> tuple[int, int]:
    """Checks run and checks failed, from the suite's results.json."""
    failed = sum(1 for r in results if r.get("result") == "fail")
    return len(results), failed


def next_max_examples(current: int, ours: int, theirs: int) -> int:
    """Scale ``--max-examples`` so schemathesis's request count approaches ours."""
    if theirs <= 0:
        return current * 2
    return max(1, round(current * ours / theirs))


@contextlib.contextmanager
def _counting_mock() -> Iterator[str]:
    """A fresh counting mock (this module with ``--serve``) as a child process."""
    from .mock_server import spawn_mock

    with spawn_mock(command=[sys.executable, "-m", "bench.conformance_run", "--serve"]) as server:
        yield server.base_url


def _requests_served(base_url: str) -> int:
    from .mock_server import _Http  # a keep-alive http.client wrapper, for setting up

    with _Http(base_url) as api:
        return int(api.json("GET", COUNT_PATH)["requests"])


def _bearer(base_url: str) -> str:
    """An access token from the real authorization code flow, for schemathesis's header."""
    from .mock_server import _Http, _issue_tokens, _register_client

    with _Http(base_url) as api:
        return _issue_tokens(api, _register_client(api), 1)[0][0]


def _timed(
    command: list[str], cwd: Path, timeout: float
) -> tuple[subprocess.CompletedProcess[str], float]:
    """The finished run of ``command`` and its wall time in seconds."""
    started = time.perf_counter()
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )
    return done, time.perf_counter() - started


def _ours(settings: Settings, timeout: float) -> Outcome:
    with _counting_mock() as url, tempfile.TemporaryDirectory(prefix="bench-conf-") as reports:
        before = _requests_served(url)  # the start-up probe; schemathesis's count excludes it too
        command = [sys.executable, "-m", "conformance", "--base-url", url, "--report-dir", reports]
        command.append("--allow-clock")  # the bench started this mock: the clock checks run too
        if settings.quick:
            command += ["--select", QUICK_GROUPS]
        done, seconds = _timed(command, REPO, timeout)
        path = Path(reports) / "results.json"
        if not path.exists():
            raise RuntimeError(f"the conformance run wrote no results: {done.stdout[-2000:]}")
        checks, failed = checks_of(json.loads(path.read_text()))
        served = _requests_served(url) - before
        return Outcome(seconds, served, checks, failed, done.returncode)


def _schemathesis(settings: Settings, max_examples: int, timeout: float) -> Outcome:
    with _counting_mock() as url, tempfile.TemporaryDirectory(prefix="bench-st-") as work:
        token = _bearer(url)
        before = _requests_served(url)
        command = [
            str(Path(sys.executable).with_name("schemathesis")),
            "--config-file",
            str(CONFIG),
            "run",
            str(SPEC),
            "--url",
            url,
            "--header",
            f"Authorization: Bearer {token}",
            "--max-examples",
            str(max_examples),
            # One worker: the suite runs its checks one after another too.
            "--workers",
            "1",
            # No replay of an earlier round's examples: every round starts alike.
            "--generation-database",
            "none",
            # Its coverage phase alone sends ~2,900 requests at --max-examples 1, more than the
            # whole conformance run: without it, the request counts can be matched.
            "--phases",
            PHASES,
            "--no-color",
        ]
        if settings.quick:
            command += ["--include-path-regex", QUICK_PATHS]
        done, seconds = _timed(command, Path(work), timeout)
        if done.returncode not in (0, 1):  # 1: it found failures, which is not ours to judge
            raise RuntimeError(f"schemathesis failed ({done.returncode}): {done.stderr[-2000:]}")
        requests = _requests_served(url) - before  # less the set-up; reading it is not counted
        return Outcome(seconds, requests, 0, 0, done.returncode, max_examples)


def _operations() -> int:
    from spec_reader import load_spec
    from spec_reader.api_operations import METHODS

    return sum(1 for item in load_spec()["paths"].values() for m in item if m in METHODS)


def run(settings: Settings) -> list[Row]:
    """Alternate the conformance run and schemathesis, ``settings.rounds`` times each."""
    timeout = 120.0 if settings.quick else 600.0  # per run: a hung run must not hang the bench
    ours: list[Outcome] = []
    theirs: list[Outcome] = []
    max_examples = 0
    for _ in range(settings.rounds):
        ours.append(_ours(settings, timeout))
        target = ours[-1].requests
        if not theirs:
            # A first guess from our request count; later rounds scale by what the last sent.
            operations = QUICK_OPERATIONS if settings.quick else _operations()
            max_examples = max(1, math.ceil(target / operations))
        else:
            max_examples = next_max_examples(max_examples, target, theirs[-1].requests)
        theirs.append(_schemathesis(settings, max_examples, timeout))
    scope = f"--select {QUICK_GROUPS}" if settings.quick else "default run, every group"
    rounds = f"median of {settings.rounds} round{'s' if settings.rounds != 1 else ''}, alternated"
    our_s = median([o.seconds for o in ours])
    st_s = median([t.seconds for t in theirs])
    our_req = median([o.requests for o in ours])
    st_req = median([t.requests for t in theirs])
    checks = median([o.checks for o in ours])
    failed = max(o.failed for o in ours)
    our_rps = median([o.requests / o.seconds for o in ours])
    st_rps = median([t.requests / t.seconds for t in theirs])
    examples = ", ".join(str(t.max_examples) for t in theirs)
    st_codes = {t.exit_code for t in theirs}
    return [
        Row(
            TITLE,
            f"python -m conformance --base-url MOCK ({scope})",
            value=f"{our_s:.1f} s",
            ratio=our_s / st_s,
            note=f"vs schemathesis's wall time ({st_s:.1f} s); {our_req:.0f} requests against "
            f"{st_req:.0f}; includes interpreter start and spec validation; {rounds}"
            + ("; quick: a subset, one round" if settings.quick else ""),
        ),
        Row(
            TITLE,
            "conformance checks per second",
            rate=checks / our_s,
            value=f"{checks:.0f} checks",
            note=f"{failed} failed; pass and xfail counted alike; {rounds}",
        ),
        Row(
            TITLE,
            "conformance run: requests per second",
            rate=our_rps,
            value=f"{our_req:.0f} requests",
            ratio=our_rps / st_rps,
            note=f"vs schemathesis's requests/s; counted at the mock; {rounds}",
        ),
        Row(
            TITLE,
            f"schemathesis run --workers 1 --phases {PHASES}",
            rate=st_rps,
            value=f"{st_req:.0f} requests in {st_s:.1f} s",
            note=f"--max-examples {examples} by round, scaled to our request count; default "
            "checks (conformance/schemathesis.toml); one bearer token from the code flow"
            + ("; found failures (exit 1)" if 1 in st_codes else "")
            + (f"; only {QUICK_PATHS}" if settings.quick else ""),
        ),
    ]


def _serve() -> None:
    """The mock as ``python -m conformance.mock_server`` serves it, behind a request counter."""
    import asyncio

    import uvicorn
    from starlette.types import ASGIApp, Receive, Scope, Send

    from conformance.mock_server import MockConfig, OffsetClock, create_app
    from conformance.mock_server.serve import base_url_of, bind

    class Counting:
        def __init__(self, app: ASGIApp) -> None:
            self.app = app
            self.requests = 0

        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] == "http":
                if scope["path"] == COUNT_PATH:
                    body = json.dumps({"requests": self.requests}).encode()
                    headers = [(b"content-type", b"application/json")]
                    await send({"type": "http.response.start", "status": 200, "headers": headers})
                    await send({"type": "http.response.body", "body": body})
                    return
                self.requests += 1
            await self.app(scope, receive, send)

    mock = create_app(MockConfig(), OffsetClock())
    sock = bind("127.0.0.1", 0)
    # The same options as conformance.mock_server.serve.uvicorn_server.
    config = uvicorn.Config(
        Counting(mock.app),
        log_level="warning",
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=2,
    )
    server = uvicorn.Server(config)

    async def serve() -> None:
        task = asyncio.create_task(server.serve(sockets=[sock]))
        while not server.started and not task.done():
            await asyncio.sleep(0.005)
        if server.started:
            print(base_url_of(sock), flush=True)
        await task

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve())


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        _serve()
