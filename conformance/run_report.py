"""What a conformance run reports: its header, one row per check outcome, counts and verdict.

The suite's plugin (report.py) fills the rows; the CLI writes a report with only a verdict when
the suite could not run (an unreachable server) or was stopped (the deadline). Either way
:func:`write` produces ``results.json``, ``conformance.md`` and ``conformance.html``, each
passed through :func:`conformance.redact.mask` before it is written.
"""

from __future__ import annotations

import json
import os
import platform
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from conformance.checks import level_text
from conformance.evidence import Exchange
from conformance.redact import mask

__all__ = [
    "OUTCOMES",
    "Header",
    "Result",
    "counts_line",
    "markdown",
    "read_results",
    "read_verdict",
    "write",
]

# Row outcomes, in the order a reader wants them: what broke first.
OUTCOMES = ("FAIL", "ERROR", "warn", "skip", "pass")


@dataclass
class Result:
    check: str  # the test's name (a collection error: the module)
    number: int  # checklist item; 0 for a test that is not a numbered check
    rule: str
    level: str
    group: str
    result: str  # pass | FAIL | ERROR (set-up, teardown or collection) | warn | skip
    evidence: str
    exchange: Exchange | None = None
    # The RFC's own level where this run's level is a project choice ("" when it is the RFC's).
    rfc_level: str = ""

    @property
    def level_text(self) -> str:
        """The level as every report shows it: ``MUST (project choice; RFC: SHOULD)``."""
        return level_text(self.level, self.rfc_level)


def _versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for dist in ("longbridge-openapi-client", "pytest", "hypothesis", "httpx"):
        try:
            found[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return found


@dataclass
class Header:
    """Which run this is: the reader's first question."""

    target: str
    profile: str
    groups: str
    strictness: str
    hypothesis_profile: str
    date: str = field(default_factory=lambda: datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"))
    versions: dict[str, str] = field(default_factory=_versions)

    @classmethod
    def from_env(cls, hypothesis_profile: str = "") -> Header:
        """The header of a run configured by the CONFORMANCE_* variables (cli.py sets them)."""
        strict = os.environ.get("CONFORMANCE_STRICT", "") not in ("", "0")
        return cls(
            target=os.environ.get("CONFORMANCE_BASE_URL") or "the bundled mock (in-process)",
            profile=os.environ.get("CONFORMANCE_PROFILE") or "default",
            groups=os.environ.get("CONFORMANCE_SELECT") or "all",
            strictness="strict: SHOULD findings fail" if strict else "MUST findings fail",
            hypothesis_profile=hypothesis_profile or os.environ.get("HYPOTHESIS_PROFILE", ""),
        )

    def lines(self) -> list[tuple[str, str]]:
        return [
            ("target", self.target),
            ("date", self.date),
            ("profile", self.profile),
            ("groups", self.groups),
            ("strictness", self.strictness),
            ("hypothesis profile", self.hypothesis_profile or "—"),
            ("versions", ", ".join(f"{k} {v}" for k, v in self.versions.items())),
        ]


def counts_line(results: list[Result]) -> str:
    """The summary: the same four numbers pytest gives (passed, failed, errors, skipped)."""
    n = Counter(r.result for r in results)
    return (
        f"checks: {n['pass']} passed, {n['FAIL']} failed, {n['ERROR']} errors, "
        f"{n['warn']} SHOULD warnings, {n['skip']} skipped"
    )


def ordered(results: list[Result]) -> list[Result]:
    """Failures and errors first, then warnings, skips and passes; by checklist item within."""
    return sorted(results, key=lambda r: (OUTCOMES.index(r.result), r.number, r.check))


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def table_rows(results: list[Result]) -> list[str]:
    rows = ["| # | check | level | rule | result | evidence |", "|---|---|---|---|---|---|"]
    for r in ordered(results):
        evidence = r.evidence
        if r.exchange is not None and r.result in ("FAIL", "ERROR", "warn"):
            evidence += f" [{r.exchange.request_line} → {r.exchange.status}]"
        rows.append(
            f"| {r.number or ''} | {r.check} | {r.level_text} | {r.rule} | {r.result} | "
            f"{_cell(evidence)[:400]} |"
        )
    return rows


def markdown(header: Header, results: list[Result], verdict: str) -> str:
    lines = ["# Conformance report", ""]
    lines += [f"- **{name}**: {value}" for name, value in header.lines()]
    lines += ["", f"**{verdict}**", "", counts_line(results), ""]
    lines += table_rows(results)
    return "\n".join(lines) + "\n"


def read_results(directory: Path) -> list[Result]:
    """The rows a run wrote to ``results.json`` (none when it wrote nothing)."""
    path = directory / "results.json"
    if not path.is_file():
        return []
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [
        Result(**{**row, "exchange": Exchange(**row["exchange"]) if row.get("exchange") else None})
        for row in rows
    ]


def read_verdict(directory: Path) -> str:
    path = directory / "summary.json"
    if not path.is_file():
        return ""
    return str(json.loads(path.read_text(encoding="utf-8")).get("verdict", ""))


def _masked(r: Result) -> Result:
    exchange = r.exchange
    if exchange is not None:
        exchange = Exchange(mask(exchange.request_line), exchange.status, mask(exchange.excerpt))
    return replace(r, evidence=mask(r.evidence), exchange=exchange)


def write(directory: Path, header: Header, results: list[Result], verdict: str) -> None:
    """``results.json``, ``summary.json``, ``conformance.md`` and ``conformance.html``, masked."""
    from conformance.report_html import render

    directory.mkdir(parents=True, exist_ok=True)
    # Masked before rendering too: escaping hides the quotes mask() finds credential fields by.
    results = [_masked(r) for r in results]
    summary = {"verdict": verdict, "counts": counts_line(results), "header": asdict(header)}
    (directory / "summary.json").write_text(mask(json.dumps(summary, indent=2)), encoding="utf-8")
    rows = json.dumps([asdict(r) for r in results], indent=2, ensure_ascii=False)
    (directory / "results.json").write_text(mask(rows), encoding="utf-8")
    (directory / "conformance.md").write_text(
        mask(markdown(header, results, verdict)), encoding="utf-8"
    )
    (directory / "conformance.html").write_text(
        mask(render(header, results, verdict)), encoding="utf-8"
    )
