"""``python -m bench``: run the sections, print one table, write it to reports/bench.md."""

from __future__ import annotations

import argparse
import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

from .load import describe, wrk_version
from .model import Generator, Row, Settings
from .report import render
from .sections import SECTIONS

REPO = Path(__file__).resolve().parents[1]
QUICK = Settings(rounds=1, seconds=0.25, connections=8, starts=2, quick=True)
FULL = Settings()


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="scripts/bench",
        description="Measure client, mock, conformance run and build; print one table.",
    )
    p.add_argument(
        "--quick",
        action="store_true",
        help="a smoke run: 1 round of 0.25 s, 8 connections, 2 starts",
    )
    p.add_argument("--rounds", type=int, help=f"rounds per endpoint (default {FULL.rounds})")
    p.add_argument("--seconds", type=float, help=f"per round (default {FULL.seconds:g})")
    p.add_argument(
        "--connections", type=int, help=f"concurrent connections (default {FULL.connections})"
    )
    p.add_argument(
        "--max-requests",
        type=int,
        help=f"bound per round besides time (default {FULL.max_requests:,})",
    )
    p.add_argument("--starts", type=int, help=f"server starts to time (default {FULL.starts})")
    p.add_argument(
        "--generator",
        choices=["auto", "wrk", "builtin"],
        default="auto",
        help="auto: wrk when on PATH and rounds last 1 s or more (wrk counts whole seconds)",
    )
    p.add_argument(
        "--section",
        action="append",
        choices=[s.name for s in SECTIONS],
        help="run only this section (repeatable)",
    )
    p.add_argument(
        "--output",
        type=Path,
        default=REPO / "reports" / "bench.md",
        help="Markdown file to write (default reports/bench.md)",
    )
    return p


def _settings(args: argparse.Namespace) -> Settings:
    base = QUICK if args.quick else FULL
    seconds: float = base.seconds if args.seconds is None else args.seconds
    generator: Generator
    if args.generator == "auto":
        generator = "wrk" if wrk_version() and seconds >= 1 else "builtin"
    else:
        generator = args.generator
    settings = Settings(
        rounds=base.rounds if args.rounds is None else args.rounds,
        seconds=seconds,
        connections=base.connections if args.connections is None else args.connections,
        max_requests=base.max_requests if args.max_requests is None else args.max_requests,
        starts=base.starts if args.starts is None else args.starts,
        generator=generator,
        quick=args.quick,
    )
    positive = ("rounds", "seconds", "connections", "max_requests", "starts")
    for name in positive:
        if getattr(settings, name) <= 0:
            raise ValueError(f"--{name.replace('_', '-')} must be positive")
    if generator == "wrk" and wrk_version() is None:
        raise ValueError("--generator wrk: wrk is not on PATH (Debian: apt-get install wrk)")
    return settings


def _context(settings: Settings) -> list[str]:
    seconds = max(1, round(settings.seconds)) if settings.generator == "wrk" else settings.seconds
    return [
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {os.cpu_count()} CPUs, {platform.system()} "
        f"{platform.machine()}, Python {platform.python_version()}; load shares the machine",
        f"load generator: {describe(settings.generator, settings.connections)}",
        f"each load row: median of {settings.rounds} round(s) × {seconds:g} s, closed loop, "
        f"at most {settings.max_requests:,} requests a round; loopback only",
    ]


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = _settings(args)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    rows: list[Row] = []
    for section in SECTIONS:
        if args.section is None or section.name in args.section:
            print(f"bench: {section.title} ...", file=sys.stderr, flush=True)
            rows += section.run(settings)
    text = render(rows, _context(settings))
    print(text, end="")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("# Benchmark\n\n" + text)
    print(f"bench: written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
