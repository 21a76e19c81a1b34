"""A check the longbridge profile holds at another level than the RFC's own words is a project
choice, and every report of the run says so: terminal, Markdown, HTML, JUnit properties, JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from conformance.checks import CheckInfo
from generator.paths import ROOT

CHOICE = "MUST (project choice; RFC: SHOULD)"
# RFC 7009 §2 (revoking access tokens is a SHOULD there), held at MUST by the longbridge profile.
CHOSEN = "test_revoking_an_access_token_stops_it"
PLAIN = "test_revoked_refresh_token_is_refused"  # RFC 7009 §2: MUST in both


def test_a_level_other_than_the_rfcs_is_labelled_a_project_choice() -> None:
    assert CheckInfo(59, "RFC 7009 §2", "MUST", "revoke", rfc="SHOULD").label() == CHOICE
    assert CheckInfo(59, "RFC 7009 §2.1", "MUST", "revoke").label() == "MUST"
    assert CheckInfo(60, "RFC 8628 §3.5", "SHOULD", "device", rfc="SHOULD").label() == "SHOULD"
    no_rfc = CheckInfo(38, "RFC 6749 §5.1", "MUST", "token", rfc="no")
    assert no_rfc.label() == "MUST (project choice; RFC: none)"
    # Longbridge's own API: no RFC speaks of it, so nothing is chosen against one.
    assert CheckInfo(56, "Part 2 choice 1", "MUST", "envelope", rfc="no").label() == "MUST"


def _run(tmp_path: Path, profile: str) -> tuple[str, Path]:
    """The revocation checks against the bundled mock (started by the suite), with every report."""
    reports = tmp_path / profile
    env = {
        **os.environ,
        "CONFORMANCE_PROFILE": profile,
        "CONFORMANCE_REPORT_DIR": str(reports),
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
    }
    env.pop("CONFORMANCE_BASE_URL", None)
    command = [
        sys.executable,
        "-m",
        "pytest",
        str(ROOT / "conformance" / "suite" / "test_rfc7009_revoke.py"),
        "-k",
        f"{CHOSEN} or {PLAIN}",
        "-v",
        "-p",
        "no:cacheprovider",
        "-p",
        "_hypothesis_pytestplugin",
        "-p",
        "pytest_timeout",
        f"--junitxml={reports / 'conformance.xml'}",
    ]
    proc = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    return proc.stdout, reports


def test_every_report_of_a_longbridge_run_marks_the_project_choice(tmp_path: Path) -> None:
    terminal, reports = _run(tmp_path, "longbridge")
    row = next(line for line in terminal.splitlines() if f"| {CHOSEN} |" in line)
    assert f"| {CHOICE} |" in row
    plain_row = next(line for line in terminal.splitlines() if f"| {PLAIN} |" in line)
    assert "| MUST |" in plain_row
    assert "project choice" not in plain_row
    markdown = (reports / "conformance.md").read_text()
    assert f"| {CHOSEN} | {CHOICE} |" in markdown
    assert f"| {PLAIN} | MUST |" in markdown
    html = (reports / "conformance.html").read_text()
    assert f"<td>{CHOSEN}</td><td>revoke</td><td>{CHOICE}</td>" in html
    rows = {r["check"]: r for r in json.loads((reports / "results.json").read_text())}
    assert (rows[CHOSEN]["level"], rows[CHOSEN]["rfc_level"]) == ("MUST", "SHOULD")
    assert rows[PLAIN]["rfc_level"] == ""
    junit = ET.parse(reports / "conformance.xml")  # noqa: S314 (written by this run)
    cases = {c.get("name"): c for c in junit.iter("testcase")}
    properties = {p.get("name"): p.get("value") for p in cases[CHOSEN].iter("property")}
    assert properties["level"] == CHOICE
    assert properties["rule"] == "RFC 7009 §2"
    plain = {p.get("name"): p.get("value") for p in cases[PLAIN].iter("property")}
    assert plain["level"] == "MUST"


def test_an_rfc_run_holds_each_check_at_the_rfcs_level_unmarked(tmp_path: Path) -> None:
    # Without a protected resource the rfc profile cannot tell whether the access token still
    # works, so CHOSEN skips; its row still shows its level there.
    terminal, reports = _run(tmp_path, "rfc")
    rows = {r["check"]: r for r in json.loads((reports / "results.json").read_text())}
    assert (rows[CHOSEN]["level"], rows[CHOSEN]["rfc_level"]) == ("SHOULD", "")
    for text in (terminal, *(p.read_text() for p in reports.iterdir())):
        assert "project choice" not in text
