"""The one table, as Markdown: printed, and written to reports/bench.md."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Row

__all__ = ["render"]

COLUMNS = ("section", "what", "req/s", "p50", "p99", "value", "ratio", "notes")
RIGHT = {"req/s", "p50", "p99", "ratio"}


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return ""
    ms = seconds * 1000
    return f"{ms:.2f} ms" if ms < 10 else f"{ms:.1f} ms"


def _cells(row: Row) -> list[str]:
    rate = f"{row.rate:,.0f}" if row.rate is not None else ""
    ratio = f"{row.ratio:.2f}×" if row.ratio is not None else ""
    return [row.section, row.what, rate, _ms(row.p50), _ms(row.p99), row.value, ratio, row.note]


def _escape(cell: str) -> str:
    return cell.replace("|", "\\|")


def render(rows: Sequence[Row], context: Sequence[str]) -> str:
    """``context`` lines (how it was measured) as a list, then the table."""
    lines = [f"- {line}" for line in context]
    lines += ["", "| " + " | ".join(COLUMNS) + " |"]
    lines.append("|" + "|".join("---:" if c in RIGHT else "---" for c in COLUMNS) + "|")
    lines += ["| " + " | ".join(_escape(c) for c in _cells(row)) + " |" for row in rows]
    return "\n".join(lines) + "\n"
