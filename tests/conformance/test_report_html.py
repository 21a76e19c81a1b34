"""The report files of a run: one header, failures first with evidence, RFC sections linked."""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance.evidence import Exchange
from conformance.report_html import rule_html
from conformance.run_report import Header, Result, write

TOKEN = "Zq/+9x-_Y="


def _results() -> list[Result]:
    return [
        Result("test_ok", 1, "RFC 8414 §3", "MUST", "discovery", "pass", ""),
        Result(
            "test_broken",
            33,
            "RFC 6749 §4.1.2, §10.5; RFC 7636 Appendix B",
            "MUST",
            "token",
            "FAIL",
            f"AssertionError: Expected 400. Received: 200 {TOKEN}",
            Exchange(f"GET /v1/socket/token?access_token={TOKEN}", 200, f'{{"t": "{TOKEN}"}}'),
        ),
        Result("test_fixture", 20, "RFC 9700 §2.1.1", "SHOULD", "token", "ERROR", "set-up"),
        Result("test_skipped", 40, "RFC 6749 §6", "MUST", "refresh", "skip", "not here"),
    ]


def _header() -> Header:
    return Header(
        target="http://127.0.0.1:9",
        profile="live",
        groups="token,refresh",
        strictness="MUST findings fail",
        hypothesis_profile="ci",
    )


def test_the_reports_lead_with_the_header_and_the_failures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LONGBRIDGE_ACCESS_TOKEN", TOKEN)
    write(tmp_path, _header(), _results(), "FAILED: 1 MUST checks failed, 1 errors")
    page = (tmp_path / "conformance.html").read_text()
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page
    assert "<link" not in page
    assert "src=" not in page
    for field in ("http://127.0.0.1:9", "live", "token,refresh", "MUST findings fail", "python "):
        assert field in page
    assert "checks: 1 passed, 1 failed, 1 errors, 0 SHOULD warnings, 1 skipped" in page
    failures = page.index("<h2>Failures")
    assert failures < page.index("test_broken") < page.index("<h2>Every check</h2>")
    assert failures < page.index("test_fixture") < page.index("<h2>Every check</h2>")
    assert "<code>GET /v1/socket/token?access_token=[secret]</code> → <strong>200</strong>" in page
    assert '<a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.5">§10.5</a>' in page
    markdown = (tmp_path / "conformance.md").read_text()
    assert "- **profile**: live" in markdown
    assert "- **groups**: token,refresh" in markdown
    rows = [line for line in markdown.splitlines() if line.startswith("| ")][1:]
    assert [row.split(" | ")[4] for row in rows] == ["FAIL", "ERROR", "skip", "pass"]
    for path in tmp_path.iterdir():
        assert TOKEN not in path.read_text(), path.name


def test_rules_link_each_rfc_section_and_appendix() -> None:
    linked = rule_html("RFC 6749 §4.1.2, §10.5; RFC 7636 Appendix B; docs/longbridge-api.md §5")
    assert '<a href="https://www.rfc-editor.org/rfc/rfc6749">RFC 6749</a>' in linked
    assert 'href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">§4.1.2<' in linked
    assert 'href="https://www.rfc-editor.org/rfc/rfc7636#appendix-B">Appendix B<' in linked
    # A section of something that is not an RFC stays text.
    assert linked.endswith("; docs/longbridge-api.md §5")
