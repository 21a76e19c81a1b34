"""Generation and import: a full regenerate, ``--check``, and the import time of the package.

Every measurement runs in a fresh interpreter, so nothing is cached in ``sys.modules``. The
regenerate writes into a temporary folder, never into generated/. Import time is compared with
``import httpx`` alone, which the package cannot avoid: the target is under twice that.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .model import Row, Settings, median

__all__ = ["TITLE", "Cost", "ImportLine", "costs", "cumulative_us", "parse_importtime", "run"]

TITLE = "generation and import"
REPO = Path(__file__).resolve().parents[1]
PACKAGE = "longbridge_openapi_client"
REFERENCE = "httpx"
REGENERATE_TARGET = 10.0  # seconds (the target)
IMPORT_TARGET = 2.0  # times httpx's import time
TIMEOUT = 120.0  # seconds for any one child process: a hung generator must not hang the bench
TOP = 10


@dataclass(frozen=True)
class ImportLine:
    """One line of ``python -X importtime``: times in microseconds, depth 0 = top level."""

    module: str
    self_us: int
    cumulative_us: int
    depth: int


def parse_importtime(stderr: str) -> list[ImportLine]:
    """The import lines of ``-X importtime`` output, in their order (children before parents)."""
    lines = []
    for raw in stderr.splitlines():
        if not raw.startswith("import time:"):
            continue
        parts = raw[len("import time:") :].split("|")
        if len(parts) != 3:
            continue
        self_us, cumulative, name = parts
        if not self_us.strip().isdigit():
            continue  # the header line: "self [us] | cumulative | imported package"
        # The name is indented one space, then two more per level of nesting.
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2
        lines.append(ImportLine(name.strip(), int(self_us), int(cumulative), depth))
    return lines


def cumulative_us(lines: list[ImportLine], module: str) -> int:
    """The cumulative time of ``module``'s own import line."""
    for line in lines:
        if line.module == module:
            return line.cumulative_us
    raise ValueError(f"{module} is not in the -X importtime output")


def _subtree_start(lines: list[ImportLine], index: int) -> int:
    """Children precede their parent: ``lines[start:index]`` is what ``lines[index]`` imported."""
    start = index
    while start > 0 and lines[start - 1].depth > lines[index].depth:
        start -= 1
    return start


def _parent(lines: list[ImportLine], index: int) -> int | None:
    """The index of the module whose import imported ``lines[index]``: the next shallower line."""
    depth = lines[index].depth
    return next((j for j in range(index + 1, len(lines)) if lines[j].depth < depth), None)


@dataclass(frozen=True)
class Cost:
    """A module imported under the package: its cumulative time, and that time less what the
    reference (httpx) took inside it, which the package cannot avoid."""

    module: str
    cumulative_us: int
    beyond_reference_us: int
    chain: tuple[str, ...]  # its importers, nearest first, up to the package


def costs(lines: list[ImportLine], package: str, reference: str) -> list[Cost]:
    """Every module imported under ``package``, outside ``reference``'s subtree, costliest first.

    A pass-through (one import holding 90 % or more of its time, such as ``models.x`` importing
    the ``models`` package) is left out: the import it passes through is listed instead.
    """
    index = next((i for i, line in enumerate(lines) if line.module == package), None)
    if index is None:
        raise ValueError(f"{package} is not in the -X importtime output")
    start = _subtree_start(lines, index)
    ref = next((i for i in range(start, index) if lines[i].module == reference), None)
    excluded = range(_subtree_start(lines, ref), ref + 1) if ref is not None else range(0)
    found = []
    for i in range(start, index):
        if i in excluded:
            continue
        line = lines[i]
        children = [j for j in range(_subtree_start(lines, i), i) if _parent(lines, j) == i]
        if any(lines[j].cumulative_us >= 0.9 * line.cumulative_us for j in children):
            continue
        inside = ref is not None and _subtree_start(lines, i) <= ref < i
        chain = []
        up = _parent(lines, i)
        while up is not None and up <= index:
            chain.append(lines[up].module)
            up = _parent(lines, up) if up != index else None
        found.append(
            Cost(
                line.module,
                line.cumulative_us,
                line.cumulative_us
                - (lines[ref].cumulative_us if inside and ref is not None else 0),
                tuple(chain),
            )
        )
    found.sort(key=lambda c: c.beyond_reference_us, reverse=True)
    return found


def _python(*args: str, importtime: bool = False) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Run ``python ARGS`` in the repository; its wall time and result."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    command = [sys.executable, *(["-X", "importtime"] if importtime else []), *args]
    started = time.perf_counter()
    done = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    return time.perf_counter() - started, done


def _must(done: subprocess.CompletedProcess[str], what: str) -> None:
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed ({done.returncode}): {done.stderr[-2000:]}")


def _generation_rows(settings: Settings) -> list[Row]:
    regenerate: list[float] = []
    check: list[float] = []
    check_codes: set[int] = set()
    for _ in range(settings.rounds):
        # Alternate the two, so drift on a shared machine hits both alike.
        with tempfile.TemporaryDirectory(prefix="bench-generate-") as out:
            seconds, done = _python("-m", "generator", "--output", out)
            _must(done, "python -m generator --output TMP")
            regenerate.append(seconds)
        seconds, done = _python("-m", "generator", "--check")
        # 1: generated/ differs from what the generator would write now (say so, time it still).
        if done.returncode not in (0, 1):
            _must(done, "python -m generator --check")
        check_codes.add(done.returncode)
        check.append(seconds)
    plural = "s" if settings.rounds != 1 else ""
    rounds = f"median of {settings.rounds} round{plural} (min {{:.2f}} s, max {{:.2f}} s)"
    gen_median = median(regenerate)
    verdict = "meets" if gen_median < REGENERATE_TARGET else "MISSES"
    check_note = rounds.format(min(check), max(check))
    if 1 in check_codes:
        check_note += "; generated/ differed from the generator's output (exit 1)"
    return [
        Row(
            TITLE,
            "regenerate: python -m generator --output TMP",
            value=f"{gen_median:.2f} s",
            ratio=gen_median / REGENERATE_TARGET,
            note=f"vs the 10 s target ({verdict} it); "
            + rounds.format(min(regenerate), max(regenerate)),
        ),
        Row(
            TITLE,
            "check: python -m generator --check",
            value=f"{median(check):.2f} s",
            ratio=median(check) / gen_median,
            note=f"vs the regenerate; {check_note}",
        ),
    ]


def _import_rows(settings: Settings) -> list[Row]:
    samples = 5 if settings.quick else 15
    ours_us: list[int] = []
    httpx_us: list[int] = []
    walls: dict[str, list[float]] = {"pass": [], PACKAGE: [], REFERENCE: []}
    lines: list[ImportLine] = []
    for _ in range(samples):
        for module in (PACKAGE, REFERENCE):
            _, done = _python("-c", f"import {module}", importtime=True)
            _must(done, f"import {module}")
            parsed = parse_importtime(done.stderr)
            (ours_us if module == PACKAGE else httpx_us).append(cumulative_us(parsed, module))
            if module == PACKAGE:
                lines = parsed  # the last sample's tree names the costly imports
        for label, code in (("pass", "pass"), (PACKAGE, f"import {PACKAGE}")):
            seconds, done = _python("-c", code)
            _must(done, code)
            walls[label].append(seconds)
        seconds, done = _python("-c", f"import {REFERENCE}")
        _must(done, f"import {REFERENCE}")
        walls[REFERENCE].append(seconds)
    ours, ref = median(ours_us) / 1000, median(httpx_us) / 1000
    base = median(walls["pass"])
    ours_wall = median(walls[PACKAGE]) - base
    ref_wall = median(walls[REFERENCE]) - base
    of_samples = f"median of {samples} fresh interpreters each"
    verdict = "meets" if ours / ref < IMPORT_TARGET else "MISSES"
    rows = [
        Row(
            TITLE,
            f"import {PACKAGE} (-X importtime, cumulative)",
            value=f"{ours:.0f} ms",
            ratio=ours / ref,
            note=f"vs import httpx ({ref:.0f} ms); target < 2× ({verdict} it); {of_samples}",
        ),
        Row(
            TITLE,
            f"import {PACKAGE} (wall, minus python -c pass)",
            value=f"{ours_wall * 1000:.0f} ms",
            ratio=ours_wall / ref_wall if ref_wall > 0 else None,
            note=f"vs import httpx ({ref_wall * 1000:.0f} ms); interpreter start "
            f"{base * 1000:.0f} ms subtracted; {of_samples}",
        ),
    ]
    for cost in costs(lines, PACKAGE, REFERENCE)[:TOP]:
        short = [m.removeprefix(f"{PACKAGE}.") for m in cost.chain]
        beyond = ""
        if cost.beyond_reference_us != cost.cumulative_us:
            beyond = f"{cost.cumulative_us / 1000:.1f} ms with httpx; "
        rows.append(
            Row(
                TITLE,
                f"import cost: {cost.module.removeprefix(PACKAGE + '.')}",
                value=f"{cost.beyond_reference_us / 1000:.1f} ms",
                ratio=cost.beyond_reference_us / 1000 / ours,
                note=f"vs the whole import; {beyond}imported by {' < '.join(short)}; one sample",
            )
        )
    return rows


def run(settings: Settings) -> list[Row]:
    """Time the regenerate and the check, then the package's import against httpx's."""
    return _generation_rows(settings) + _import_rows(settings)
