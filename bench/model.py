"""What every section shares: the settings of a run, the rows it reports, and small statistics."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

__all__ = ["Generator", "Row", "Section", "Settings", "median", "percentile"]

Generator = Literal["wrk", "builtin"]


@dataclass(frozen=True)
class Settings:
    """How long and how hard to measure; the defaults are the full run."""

    rounds: int = 3
    seconds: float = 3.0  # per round and endpoint
    connections: int = 32  # the same as the wrk runs in docs/toolchain.md §5
    # A second bound besides time, per round and endpoint: no loop runs on without limit.
    max_requests: int = 500_000
    starts: int = 5  # server starts for the start-up time
    generator: Generator = "builtin"
    quick: bool = False


@dataclass(frozen=True)
class Row:
    """One line of the table. Unused cells stay None or empty."""

    section: str
    what: str
    rate: float | None = None  # requests per second
    p50: float | None = None  # seconds
    p99: float | None = None  # seconds
    value: str = ""  # any other measurement, with its unit
    # Side by side: this row's median over the reference's, both measured in the same run (the
    # note names the reference). Absolute times on a shared machine are noise; ratios are not.
    ratio: float | None = None
    note: str = ""


@dataclass(frozen=True)
class Section:
    name: str  # for --section
    title: str  # the table's section column
    run: Callable[[Settings], list[Row]]


def median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    if not ordered:
        raise ValueError("median of nothing")
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def percentile(ordered: Sequence[float], p: float) -> float:
    """Nearest-rank percentile of already sorted values (what wrk reports too)."""
    if not ordered:
        return math.nan
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]
