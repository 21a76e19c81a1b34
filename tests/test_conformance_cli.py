"""``python -m conformance`` (./scripts/conformance) against servers on loopback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conformance.mock_server.serve import spawn
from generator.paths import ROOT


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
