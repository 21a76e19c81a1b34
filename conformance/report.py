"""The suite's pytest plugin: levels, group selection, the report files and the terminal summary.

Settings come from the environment so they hold however pytest is started:
``CONFORMANCE_STRICT=1`` (SHOULD findings fail), ``CONFORMANCE_SELECT=token,refresh`` (groups),
``CONFORMANCE_REPORT_DIR`` (where ``results.json``, ``conformance.md`` and ``conformance.html``
go). Every outcome pytest counts is a row: a failed set-up or teardown is an ERROR row, as pytest
counts it an error, so the report's numbers are pytest's. Everything written passes through
:func:`conformance.redact.mask`, the JUnit XML and the terminal included.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from pathlib import Path
from typing import IO, Any

import httpx
import pytest

from conformance import evidence
from conformance.checks import GROUPS, CheckInfo, info_of, level_text
from conformance.limits import MAX_TIMEOUTS_IN_A_ROW, request_timeout
from conformance.profiles import RFC_GROUPS, rfc_profile
from conformance.redact import mask
from conformance.run_report import Header, Result, counts_line, table_rows, write
from conformance.target import LIVE_GROUPS, WRITE_GROUPS, live_profile

__all__ = ["Result", "verdict"]

_results: list[Result] = []
_timeouts_in_a_row = [0]
_stopped: list[str] = []


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


class _MaskingFile:
    """The terminal's file, masking what pytest writes (tracebacks print values it was given)."""

    def __init__(self, file: IO[str]) -> None:
        self._file = file

    def write(self, text: str) -> int:
        return self._file.write(mask(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


def pytest_configure(config: pytest.Config) -> None:
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    writer = getattr(reporter, "_tw", None)
    file = getattr(writer, "_file", None)
    if file is not None and not isinstance(file, _MaskingFile):
        writer._file = _MaskingFile(file)  # type: ignore[union-attr]


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


def _evidence(report: pytest.TestReport | pytest.CollectReport) -> str:
    if report.passed:
        return ""
    if report.skipped and isinstance(report.longrepr, tuple):
        return mask(str(report.longrepr[-1]))
    crash = getattr(report.longrepr, "reprcrash", None)
    text = str(getattr(crash, "message", "")) or str(report.longrepr)
    return mask(" ".join(text.split()))[:300]


def pytest_collectreport(report: pytest.CollectReport) -> None:
    if report.failed:  # pytest counts a module that cannot be collected as an error
        _results.append(Result(report.nodeid, 0, "", "", "", "ERROR", _evidence(report)))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    evidence.clear()
    info = info_of(item)
    if info is not None:
        # JUnit XML <properties> of the test case: the check's item, level and rule.
        item.user_properties += [
            ("checklist_item", info.number),
            ("level", level_text(info.level, _project_choice(info))),
            ("rule", info.rule),
        ]


def _project_choice(info: CheckInfo) -> str:
    """The RFC's level where this run's is a project choice; none under --profile rfc."""
    return "" if rfc_profile() else (info.project_choice() or "")


def _note_timeouts(item: pytest.Item, call: pytest.CallInfo[None], failed: bool) -> None:
    """Stop the run once the server has stopped answering (limits.py)."""
    if not failed:
        _timeouts_in_a_row[0] = 0
        return
    if call.excinfo is None or not call.excinfo.errisinstance(httpx.TimeoutException):
        return
    _timeouts_in_a_row[0] += 1
    if _timeouts_in_a_row[0] >= MAX_TIMEOUTS_IN_A_ROW and not _stopped:
        reason = (
            f"the server stopped answering: {_timeouts_in_a_row[0]} checks in a row got no "
            f"answer within {request_timeout():g} s"
        )
        _stopped.append(reason)
        item.session.shouldstop = reason


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, None]:
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    info = info_of(item)
    number, rule, level, group = (
        (info.number, info.rule, info.level, info.group) if info else (0, "", "", "")
    )
    choice = _project_choice(info) if info else ""
    if report.passed and report.when != "call":
        return  # set-up and teardown that went well are not outcomes
    evidence_text = _evidence(report)
    exchange = evidence.last() if report.failed else None
    if report.when != "call":
        result = "skip" if report.skipped else "ERROR"
    elif report.failed and level == "SHOULD" and not _strict():
        # A SHOULD finding is a warning: shown as xfail, does not fail the run.
        report.outcome = "skipped"
        report.wasxfail = f"SHOULD ({rule}): {evidence_text}"
        result = "warn"
    elif report.skipped:
        result = "skip"
    else:
        result = "pass" if report.passed else "FAIL"
    if report.when != "teardown":
        _note_timeouts(item, call, report.failed)
    _results.append(
        Result(item.name, number, rule, level, group, result, evidence_text, exchange, choice)
    )


def verdict(results: list[Result], stopped: str | None = None) -> str:
    """One line: did the target pass, and if not, why."""
    failed = sum(r.result == "FAIL" for r in results)
    errors = sum(r.result == "ERROR" for r in results)
    if stopped:
        return f"STOPPED: {stopped}"
    if failed or errors:
        what = "MUST or SHOULD" if _strict() else "MUST"
        return f"FAILED: {failed} {what} checks failed, {errors} errors"
    warnings = sum(r.result == "warn" for r in results)
    return f"PASSED: every MUST check passed ({warnings} SHOULD warnings)"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _results:
        return
    terminalreporter.section("conformance report")
    verbose = terminalreporter.config.option.verbose > 0
    shown = _results if verbose else [r for r in _results if r.result in ("FAIL", "ERROR", "warn")]
    if shown:
        for line in table_rows(shown):
            terminalreporter.write_line(mask(line))
    if not verbose:
        terminalreporter.write_line("(every check's row: -v, or the HTML report)")
    terminalreporter.write_line(counts_line(_results))
    terminalreporter.write_line(verdict(_results, _stopped[0] if _stopped else None))


def pytest_sessionfinish(session: pytest.Session) -> None:
    directory = os.environ.get("CONFORMANCE_REPORT_DIR")
    if not directory:
        return
    profile = str(session.config.getoption("hypothesis_profile", None) or "")
    header = Header.from_env(profile)
    write(Path(directory), header, _results, verdict(_results, _stopped[0] if _stopped else None))


def pytest_unconfigure(config: pytest.Config) -> None:
    # The JUnit XML is written at session finish with the full tracebacks: mask it after.
    xml = getattr(config.option, "xmlpath", None)
    if xml and Path(xml).is_file():
        _mask_file(Path(xml))


def _mask_file(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="surrogateescape")
    masked = mask(text)
    if masked != text:
        path.write_text(masked, encoding="utf-8", errors="surrogateescape")
