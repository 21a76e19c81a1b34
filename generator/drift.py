"""Compare two generated trees file by file, as openapi-python-client's golden-record test does."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

IGNORED_PARTS = frozenset({"__pycache__", ".ruff_cache", ".mypy_cache"})
# `pip install -e .` writes its metadata next to the package, inside generated/.
IGNORED_SUFFIXES = (".egg-info",)


def _ignored(rel: tuple[str, ...]) -> bool:
    return any(part in IGNORED_PARTS or part.endswith(IGNORED_SUFFIXES) for part in rel)


@dataclass(frozen=True)
class Difference:
    """One file that is missing on a side or differs in content."""

    path: str
    kind: str  # "missing" (expected, not committed), "extra" (committed, not expected), "changed"

    def __str__(self) -> str:
        return f"{self.kind:>7}: {self.path}"


def _files(root: Path) -> dict[str, Path]:
    if not root.is_dir():
        return {}
    return {
        p.relative_to(root).as_posix(): p
        for p in root.rglob("*")
        if p.is_file() and not _ignored(p.relative_to(root).parts)
    }


def compare_trees(expected: Path, actual: Path) -> list[Difference]:
    """Every difference between ``expected`` (fresh output) and ``actual`` (committed), sorted."""
    want, have = _files(expected), _files(actual)
    diffs = [Difference(p, "missing") for p in want.keys() - have.keys()]
    diffs += [Difference(p, "extra") for p in have.keys() - want.keys()]
    diffs += [
        Difference(p, "changed")
        for p in want.keys() & have.keys()
        if want[p].read_bytes() != have[p].read_bytes()
    ]
    return sorted(diffs, key=lambda d: d.path)
