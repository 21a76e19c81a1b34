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
from generator.paths import ROOT
from longbridge_openapi_client import ClientCredentials, OAuthClient, ServerEndpoints, run_sync


def run(*args: str, report_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "conformance", "--report-dir", str(report_dir), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.slow
def test_passes_against_the_mock_by_url(tmp_path: Path) -> None:
    with spawn() as server:
        result = run("--base-url", server.base_url, report_dir=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "is valid OpenAPI 3.1" in result.stdout
    assert f"target: {server.base_url}" in result.stdout
    assert (tmp_path / "conformance.xml").is_file()


@pytest.mark.slow
def test_fails_against_a_broken_server(tmp_path: Path) -> None:
    with spawn(["--deviation", "issuer_mismatch"]) as server:
        result = run("--base-url", server.base_url, report_dir=tmp_path)
    assert result.returncode != 0
    assert "issuer" in result.stdout


@pytest.mark.slow
def test_live_profile_only_reads_and_never_prints_the_token(tmp_path: Path) -> None:
    with spawn() as server, httpx.Client(base_url=server.base_url) as http:
        redirect = "http://127.0.0.1:1/cb"
        client_id = http.post("/oauth2/register", json={"redirect_uris": [redirect]}).json()[
            "client_id"
        ]
        oauth = OAuthClient(ServerEndpoints.fallback(server.base_url), ClientCredentials(client_id))
        request = oauth.authorization_request(redirect)
        code = oauth.parse_callback(http.get(request.url).headers["location"], request)
        token = run_sync(oauth.exchange_code_flow(code, request), http).access_token
        clients_before = http.get("/_mock/stats").json()["clients"]
        env = {**os.environ, "LONGBRIDGE_ACCESS_TOKEN": token}
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "conformance",
                "--profile",
                "live",
                "--base-url",
                server.base_url,
                "--report-dir",
                str(tmp_path),
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        clients_after = http.get("/_mock/stats").json()["clients"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert "profile: live" in result.stdout
    assert clients_after == clients_before  # nothing registered: the live profile only reads
    assert token not in result.stdout + result.stderr
    assert token not in (tmp_path / "conformance.xml").read_text()
    groups = {row["group"] for row in json.loads((tmp_path / "results.json").read_text())}
    assert groups <= {"discovery", "bearer", "envelope"}
    assert "envelope" in groups
