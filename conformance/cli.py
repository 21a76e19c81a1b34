"""``python -m conformance``: validate the spec, then run the suite against a server.

Without ``--base-url`` the bundled mock is started on loopback for the run; with it, the suite
targets that server, whose authorization endpoint must auto-consent (conformance-checklist.md
Part 2, choice 9).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from openapi_spec_validator import validate

from conformance.checks import GROUPS
from conformance.target import ENV_BASE_URL, ENV_MIN_INTERVAL, ENV_PROFILE
from spec_reader import ROOT, SPEC, read_spec

SUITE = Path(__file__).resolve().parent / "suite"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m conformance", description=__doc__)
    p.add_argument("--base-url", help="a running server to test (default: start the mock)")
    p.add_argument(
        "--hypothesis-profile",
        default=os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"),
        choices=["dev", "ci", "thorough"],
        help="how many examples property checks try (default: ci on CI, else dev)",
    )
    p.add_argument(
        "--select",
        metavar="GROUP[,GROUP...]",
        help=f"only these groups of checks: {', '.join(GROUPS)}",
    )
    p.add_argument(
        "--strict", action="store_true", help="SHOULD findings fail the run too (not only MUST)"
    )
    p.add_argument(
        "--profile",
        choices=["default", "live"],
        default="default",
        help="live: a real server; only checks that need no consent and change nothing, with "
        "LONGBRIDGE_ACCESS_TOKEN, at most 2 requests a second",
    )
    p.add_argument(
        "--allow-writes",
        action="store_true",
        help="with --profile live: also the checks that change things: they register clients, "
        "place then cancel a limit order, create then delete a watchlist group, and publish a "
        "short post with two replies (content has no delete: the post stays)",
    )
    p.add_argument(
        "--min-interval",
        type=float,
        metavar="SECONDS",
        help="least time between two requests (default: 0.5 with --profile live, else 0), to stay "
        "under the server's rate limits (longbridge-api.md §4.3)",
    )
    p.add_argument(
        "--ca-file",
        type=Path,
        metavar="PEM",
        help="trust this CA for an https target, e.g. the one `mock_server --tls` prints "
        "(the transport checks judge certificates against it)",
    )
    p.add_argument("--report-dir", type=Path, default=ROOT / "reports", help="where reports go")
    p.add_argument("pytest_args", nargs="*", help="extra pytest arguments, after --")
    return p


@contextlib.contextmanager
def _target(base_url: str | None, live: bool) -> Iterator[str]:
    # Imported here: a run against another server needs neither the mock nor the client (~0.5 s).
    if live and not base_url:
        from longbridge_openapi_client import base_url_for

        # The same variables the official SDK reads (longbridge-api.md §6.3).
        env_url = os.environ.get("LONGBRIDGE_HTTP_URL") or os.environ.get("LONGPORT_HTTP_URL")
        region = os.environ.get("LONGBRIDGE_REGION") or os.environ.get("LONGPORT_REGION")
        base_url = env_url or base_url_for("cn" if region == "cn" else "global")
    if base_url:
        yield base_url.rstrip("/")
        return
    from conformance.mock_server import MockConfig, OffsetClock, create_app
    from conformance.mock_server.serve import run_in_thread

    with run_in_thread(create_app(MockConfig(), OffsetClock())) as running:
        yield running.base_url


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.select:
        unknown = {g.strip() for g in args.select.split(",")} - set(GROUPS)
        if unknown:
            parser.error(f"unknown groups {sorted(unknown)}; known: {', '.join(GROUPS)}")
    if args.min_interval is not None and args.min_interval < 0:
        parser.error("--min-interval must not be negative")
    started = time.perf_counter()
    validate(read_spec(SPEC))
    print(f"spec: {SPEC.relative_to(ROOT)} is valid OpenAPI 3.1", flush=True)
    args.report_dir.mkdir(parents=True, exist_ok=True)
    live = args.profile == "live"
    with _target(args.base_url, live) as base_url:
        bundled = not args.base_url and not live
        print(f"target: {base_url}{' (the bundled mock)' if bundled else ''}", flush=True)
        if live:
            print("profile: live (read-only checks that need no consent)", flush=True)
        # pytest runs in a child process: the mock (a thread here) serves it over loopback.
        command = [
            sys.executable,
            "-m",
            "pytest",
            str(SUITE),
            "-p",
            "no:cacheprovider",
            # schemathesis's pytest plugin loads by entry point (~1.3 s); the suite does not use it.
            "-p",
            "no:schemathesis",
            f"--hypothesis-profile={args.hypothesis_profile}",
            f"--junitxml={args.report_dir / 'conformance.xml'}",
            "-q",
            *args.pytest_args,
        ]
        env = {
            **os.environ,
            ENV_BASE_URL: base_url,
            "CONFORMANCE_REPORT_DIR": str(args.report_dir),
            "CONFORMANCE_SELECT": args.select or "",
            "CONFORMANCE_STRICT": "1" if args.strict else "",
            ENV_PROFILE: args.profile,
            "CONFORMANCE_ALLOW_WRITES": "1" if args.allow_writes else "",
            ENV_MIN_INTERVAL: "" if args.min_interval is None else str(args.min_interval),
        }
        if args.ca_file:
            # SSL_CERT_FILE: every httpx client of the suite trusts it too.
            env["CONFORMANCE_CA_FILE"] = env["SSL_CERT_FILE"] = str(args.ca_file.resolve())
        code = subprocess.run(command, cwd=ROOT, env=env, check=False).returncode
    print(f"conformance run took {time.perf_counter() - started:.1f} s", flush=True)
    print(f"reports: {args.report_dir / 'conformance.md'}, {args.report_dir / 'conformance.xml'}")
    # pytest exits 0 when every MUST check passed (SHOULD findings are xfail unless --strict).
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
