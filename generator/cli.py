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
from generator.readme_table import MarkersMissing, readme_is_current, update_readme
from generator.tools import GenerationError
from spec_reader import load_spec

README = ROOT / "README.md"


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
        # The README's operation table belongs to the default output only.
        writes_readme = args.output.resolve() == GENERATED_DIR.resolve()
        if args.check:
            diffs = [str(d) for d in compare_trees(fresh, args.output)]
            try:
                if writes_readme and not readme_is_current(README, load_spec()):
                    diffs.append("changed: README.md (the table of operations)")
            except MarkersMissing as exc:
                diffs.append(f"changed: README.md ({exc})")
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
        if writes_readme:
            try:
                update_readme(README, load_spec())
            except MarkersMissing as exc:
                print(f"generation failed: {exc}", file=sys.stderr)
                return 2
    print(f"wrote {_show(args.output)} ({time.perf_counter() - started:.1f} s)")
    return 0


def _show(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
