"""The benchmark runs end to end and prints its table. Speed is never asserted here."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench.load import require_loopback
from bench.model import median, percentile

REPO = Path(__file__).resolve().parents[2]
ROWS = (
    "| client per call | small (1.1 kB security list): our client |",
    "| client per call | large (10,000 orders, 5.8 MB): raw httpx |",
    "| refresh under concurrency | asyncio, 1,000 concurrent calls: expired token |",
    "| refresh under concurrency | 100 threads, one call each: expired token |",
    "| conformance run | conformance checks per second |",
    "| generation and import | regenerate: python -m generator --output TMP |",
    "| generation and import | import longbridge_openapi_client (-X importtime, cumulative) |",
    "| mock server | discovery: GET /.well-known/oauth-authorization-server |",
    "| mock server | discovery, one connection |",
    "| mock server | token: POST /oauth2/token |",
    "| mock server | security list: GET /v1/quote/get_security_list?market=US&category=Overnight |",
    "| mock server | RSS after start |",
    "| mock server | RSS after the load |",
    "| mock server | start-up: spawn to first 200 (discovery) |",
    "| CLI start-up | longbridge-openapi --help |",
    "| CLI start-up | longbridge-openapi call GET security list (local mock) |",
)


def _bench(tmp_path: Path, *args: str) -> str:
    output = tmp_path / "bench.md"
    run = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--output", str(output), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=420,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    for row in ROWS:
        assert row in run.stdout, f"missing {row!r} in:\n{run.stdout}"
    assert " errors" not in run.stdout  # every measured request took the success path
    # The refresh section flags with "!!" any burst that sent other than exactly one token
    # request, failed a call, or lost one.
    assert "!!" not in run.stdout
    assert run.stdout in output.read_text()
    return run.stdout


@pytest.mark.slow
def test_quick_run_with_the_builtin_generator(tmp_path: Path) -> None:
    out = _bench(tmp_path, "--generator", "builtin")
    assert "load generator: built-in" in out


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not on PATH")
def test_quick_run_with_wrk(tmp_path: Path) -> None:
    # wrk counts whole seconds, so this run takes about a second per endpoint.
    out = _bench(tmp_path, "--generator", "wrk")
    assert "load generator: wrk" in out


def test_load_goes_to_loopback_only() -> None:
    assert require_loopback("http://127.0.0.1:8080") == ("127.0.0.1", 8080)
    for url in ("http://example.com:80", "http://10.0.0.1:80", "https://127.0.0.1:443"):
        with pytest.raises(ValueError, match="only ever sent"):
            require_loopback(url)


def test_statistics() -> None:
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert median([4.0, 1.0, 2.0, 3.0]) == 2.5
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50.0
    assert percentile(values, 99) == 99.0
    assert percentile([7.0], 99) == 7.0
