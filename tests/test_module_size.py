"""No hand-written module is over 600 lines: a module that long holds several ideas, and one idea
per module is what lets a reader find it by its name (ARCHITECTURE.md).

generated/ is a build product, tests/ are read a test at a time; build and tool folders
(build/, .venv, .nox, .cache, any dot-folder) hold copies or installs, not the project's source.
"""

from __future__ import annotations

import os
from pathlib import Path

from spec_reader import ROOT

MAX_LINES = 600
# Left out when they are the first folder of a path (relative to the repository).
TOP_EXCLUDED = frozenset({"generated", "tests", "build"})


def line_counts(root: Path) -> dict[str, int]:
    """Lines of every ``.py`` file under ``root`` outside the excluded folders, by posix path."""
    counts = {}
    for folder, subfolders, files in os.walk(root):
        here = Path(folder).relative_to(root)
        # Pruned, not filtered afterwards: .venv alone holds thousands of modules.
        subfolders[:] = [
            name
            for name in subfolders
            if not name.startswith(".") and (here.parts or name not in TOP_EXCLUDED)
        ]
        for name in files:
            if name.endswith(".py"):
                with (Path(folder) / name).open(encoding="utf-8") as file:
                    counts[(here / name).as_posix()] = sum(1 for _ in file)
    return counts


def oversized(counts: dict[str, int]) -> dict[str, int]:
    return {name: n for name, n in sorted(counts.items()) if n > MAX_LINES}


def test_no_module_outside_generated_and_tests_is_over_600_lines() -> None:
    over = oversized(line_counts(ROOT))
    assert over == {}, f"split these modules (at most {MAX_LINES} lines each): {over}"


def test_the_count_sees_a_long_module_and_skips_the_excluded_folders(tmp_path: Path) -> None:
    long = "x = 1\n" * (MAX_LINES + 1)
    for name in ("pkg/long.py", "generated/long.py", "tests/long.py", ".venv/long.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(long, encoding="utf-8")
    (tmp_path / "pkg/short.py").write_text("x = 1\n" * MAX_LINES, encoding="utf-8")
    counts = line_counts(tmp_path)
    assert counts == {"pkg/long.py": MAX_LINES + 1, "pkg/short.py": MAX_LINES}
    assert oversized(counts) == {"pkg/long.py": MAX_LINES + 1}
