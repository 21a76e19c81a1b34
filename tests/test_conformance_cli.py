"""``python -m conformance`` (./scripts/conformance) against servers on loopback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from conformance.mock_server.serve import spawn
from conformance.spec import api_operations
from generator.paths import ROOT
from longbridge_openapi_client import ClientCredentials, OAuthClient, ServerEndpoints, run_sync


def run(
    *args: str, report_dir: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "conformance", "--report-dir", str(report_dir), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.slow
def test_passes_against_the_mock_by_url(tmp_path: Path) -> None:
    with spawn() as server:
        result = run("--base-url", server.base_url, report_dir=tmp_path)
        exercised = httpx.get(f"{server.base_url}/_mock/stats").json()["operations"]
    assert result.returncode == 0, result.stdout + result.stderr
    # Every data API operation of the spec is answered successfully by some conformance check.
    unexercised = [op.operation_id for op in api_operations() if op.operation_id not in exercised]
    assert not unexercised, f"No conformance check calls {unexercised}"
    assert "is valid OpenAPI 3.1" in result.stdout
    assert f"target: {server.base_url}" in result.stdout
    assert (tmp_path / "conformance.xml").is_file()


@pytest.mark.slow
def test_fails_against_a_broken_server(tmp_path: Path) -> None:
    with spawn(["--deviation", "issuer_mismatch"]) as server:
        result = run("--base-url", server.base_url, report_dir=tmp_path)
    assert result.returncode != 0
    assert "issuer" in result.stdout


def _live_token(http: httpx.Client, base_url: str) -> str:
    """An access token from a code flow against the mock, as a user would bring one."""
    redirect = "http://127.0.0.1:1/cb"
    client_id = http.post("/oauth2/register", json={"redirect_uris": [redirect]}).json()[
        "client_id"
    ]
    oauth = OAuthClient(ServerEndpoints.fallback(base_url), ClientCredentials(client_id))
    request = oauth.authorization_request(redirect)
    code = oauth.parse_callback(http.get(request.url).headers["location"], request)
    return run_sync(oauth.exchange_code_flow(code, request), http).access_token


def _run_live(
    base_url: str, token: str, report_dir: Path, *extra: str
) -> subprocess.CompletedProcess[str]:
    return run(
        "--profile",
        "live",
        "--base-url",
        base_url,
        "--min-interval",  # the mock has no rate limit to keep under
        "0.01",
        *extra,
        report_dir=report_dir,
        env={**os.environ, "LONGBRIDGE_ACCESS_TOKEN": token},
    )


def _groups(report_dir: Path) -> set[str]:
    return {row["group"] for row in json.loads((report_dir / "results.json").read_text())}


@pytest.mark.slow
def test_live_profile_only_reads_and_never_prints_the_token(tmp_path: Path) -> None:
    with spawn() as server, httpx.Client(base_url=server.base_url) as http:
        token = _live_token(http, server.base_url)
        before = http.get("/_mock/stats").json()
        result = _run_live(server.base_url, token, tmp_path)
        after = http.get("/_mock/stats").json()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "profile: live" in result.stdout
    # Nothing registered and no order placed or watchlist edited: the live profile only reads.
    assert after["clients"] == before["clients"]
    assert after["writes"] == before["writes"] == 0
    assert after["operations"].keys() > {"getAccountBalance", "listTodayOrders"}
    assert token not in result.stdout + result.stderr
    assert token not in (tmp_path / "conformance.xml").read_text()
    groups = _groups(tmp_path)
    assert groups <= {"discovery", "bearer", "envelope", "data"}
    assert {"envelope", "data"} <= groups


@pytest.mark.slow
def test_live_profile_writes_only_when_allowed(tmp_path: Path) -> None:
    with spawn() as server, httpx.Client(base_url=server.base_url) as http:
        token = _live_token(http, server.base_url)
        result = _run_live(server.base_url, token, tmp_path, "--allow-writes", "--select", "state")
        after = http.get("/_mock/stats").json()
    assert result.returncode == 0, result.stdout + result.stderr
    assert _groups(tmp_path) == {"state"}
    assert after["writes"] > 0
    assert {"submitOrder", "cancelOrder", "createWatchlistGroup"} <= after["operations"].keys()
    assert token not in result.stdout + result.stderr
