"""The suite's pytest plugin: levels, group selection, and the report table.

Settings come from the environment so they hold however pytest is started:
``CONFORMANCE_STRICT=1`` (SHOULD findings fail), ``CONFORMANCE_SELECT=token,refresh`` (groups),
``CONFORMANCE_REPORT_DIR`` (where ``conformance.md`` and ``results.json`` go).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Generator
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest

from conformance.checks import GROUPS, info_of
from conformance.profiles import RFC_GROUPS, rfc_profile
from conformance.target import LIVE_GROUPS, WRITE_GROUPS, live_profile

__all__ = ["Result", "mask"]

_SECRET = re.compile(r"[A-Za-z0-9_\-~.]{24,}")


def mask(text: str) -> str:
    """Hide anything long enough to be a credential: keep four characters."""
    return _SECRET.sub(lambda m: m.group(0)[:4] + "…", text)


@dataclass
class Result:
    check: str  # the test's name
    number: int
    rule: str
    level: str
    group: str
    result: str  # pass | FAIL | warn | skip
    evidence: str


_results: list[Result] = []


def _strict() -> bool:
    return os.environ.get("CONFORMANCE_STRICT", "") not in ("", "0")


def _selected() -> set[str] | None:
    raw = os.environ.get("CONFORMANCE_SELECT", "")
    if not raw:
        return None
    groups = {g.strip() for g in raw.split(",") if g.strip()}
    unknown = groups - set(GROUPS)
    if unknown:
        raise pytest.UsageError(f"unknown groups {sorted(unknown)}; known: {', '.join(GROUPS)}")
    return groups


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    groups = _selected()
    if live_profile():
        live = set(LIVE_GROUPS)
        if os.environ.get("CONFORMANCE_ALLOW_WRITES"):
            live |= WRITE_GROUPS
        groups = live if groups is None else groups & live
    if rfc_profile():
        groups = set(RFC_GROUPS) if groups is None else groups & RFC_GROUPS
    if groups is None:
        return
    keep: list[pytest.Item] = []
    drop: list[pytest.Item] = []
    for item in items:
        info = info_of(item)
        (keep if info is not None and info.group in groups else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


def _evidence(report: pytest.TestReport) -> str:
    if report.passed:
        return ""
    crash = getattr(report.longrepr, "reprcrash", None)
    text = str(getattr(crash, "message", "")) or str(report.longrepr)
    first = " ".join(text.split())
    return mask(first)[:300]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, None]:
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    info = info_of(item)
    if info is None or (report.when != "call" and not (report.when == "setup" and report.skipped)):
        return
    evidence = _evidence(report)
    if report.failed and info.level == "SHOULD" and not _strict():
        # A SHOULD finding is a warning: shown as xfail, does not fail the run.
        report.outcome = "skipped"
        report.wasxfail = f"SHOULD ({info.rule}): {evidence}"
        result = "warn"
    elif report.skipped:
        result = "skip"
        evidence = mask(str(report.longrepr[-1]) if isinstance(report.longrepr, tuple) else "")
    else:
        result = "pass" if report.passed else "FAIL"
    _results.append(
        Result(item.name, info.number, info.rule, info.level, info.group, result, evidence)
    )


def _table(results: list[Result]) -> list[str]:
    rows = ["| # | check | level | rule | result | evidence |", "|---|---|---|---|---|---|"]
    for r in sorted(results, key=lambda r: (r.number, r.check)):
        evidence = r.evidence.replace("|", "\\|")
        rows.append(f"| {r.number} | {r.check} | {r.level} | {r.rule} | {r.result} | {evidence} |")
    return rows


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _results:
        return
    terminalreporter.section("conformance report")
    for line in _table(_results):
        terminalreporter.write_line(line)
    counts = {k: sum(r.result == k for r in _results) for k in ("pass", "FAIL", "warn", "skip")}
    terminalreporter.write_line(
        f"checks: {counts['pass']} passed, {counts['FAIL']} failed, "
        f"{counts['warn']} SHOULD warnings, {counts['skip']} skipped"
    )


def pytest_sessionfinish(session: pytest.Session) -> None:
    directory = os.environ.get("CONFORMANCE_REPORT_DIR")
    if not directory or not _results:
        return
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps([asdict(r) for r in _results], indent=2))
    (out / "conformance.md").write_text(
        "# Conformance report\n\n" + "\n".join(_table(_results)) + "\n"
    )
