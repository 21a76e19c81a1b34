"""``python -m generator [--check] [--output DIR]``."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from generator.build import build
from generator.drift import compare_trees
from generator.paths import GENERATED_DIR, ROOT
from generator.tools import GenerationError


def _replace_tree(fresh: Path, target: Path) -> None:
    # Rebuild the target from scratch so files that the spec no longer produces disappear.
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(fresh, target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument(
        "--check",
        action="store_true",
        help="regenerate into a temporary folder and fail, listing every differing file, "
        "when generated/ does not match",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=GENERATED_DIR,
        help="where to write (default: generated/); with --check, what to compare against",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="lb-generated-") as tmp:
        fresh = Path(tmp) / "generated"
        try:
            build(fresh)
        except GenerationError as exc:
            print(f"generation failed: {exc}", file=sys.stderr)
            return 2
        if args.check:
            diffs = compare_trees(fresh, args.output)
            if diffs:
                print(
                    f"{args.output} does not match the spec and runtime sources:", file=sys.stderr
                )
                for diff in diffs:
                    print(f"  {diff}", file=sys.stderr)
                print("To update it, run: python -m generator", file=sys.stderr)
                return 1
            print(f"{_show(args.output)} is up to date ({time.perf_counter() - started:.1f} s)")
            return 0
        _replace_tree(fresh, args.output)
    print(f"wrote {_show(args.output)} ({time.perf_counter() - started:.1f} s)")
    return 0


def _show(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
