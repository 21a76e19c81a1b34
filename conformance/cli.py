"""``python -m conformance``: validate the spec, then run the suite against a server.

Without ``--base-url`` the bundled mock is started on loopback for the run; with it, the suite
targets that server on the endpoints its metadata advertises (conformance/endpoints.py), and
the consent driver (``--consent``, conformance/consent.py) gets through its login and consent
steps. ``--profile`` chooses the rules (conformance/profiles.py).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

from openapi_spec_validator import validate

from conformance.checks import GROUPS
from conformance.clients import (
    ENV_CLIENT2_ID,
    ENV_CLIENT2_SECRET,
    ENV_CLIENT_ID,
    ENV_CLIENT_SECRET,
    ENV_REDIRECT_URI,
)
from conformance.consent import ENV_CONSENT
from conformance.endpoints import ENV_RESOURCE, ENV_SCOPE
from conformance.limits import DEFAULT_DEADLINE, DEFAULT_TIMEOUT, ENV_TIMEOUT
from conformance.profiles import ENV_PROFILE, PROFILES
from conformance.reachability import unreachable
from conformance.redact import mask_files
from conformance.run_report import Header, read_results, read_verdict, write
from conformance.supervise import run_masked
from conformance.target import ENV_ALLOW_CLOCK, ENV_BASE_URL, ENV_MIN_INTERVAL
from spec_reader import ROOT, SPEC, read_spec

SUITE = Path(__file__).resolve().parent / "suite"

# Exit statuses (also in --help): each says something different to a CI job.
EXIT_PASSED = 0
EXIT_FAILED = 1
EXIT_UNREACHABLE = 2
EXIT_INCOMPLETE = 3
EXIT_USAGE = 4
EPILOG = """\
exit statuses:
  0  every MUST check passed (SHOULD findings are warnings unless --strict)
  1  a MUST check failed or could not be set up (with --strict: a SHOULD check too)
  2  the server could not be reached, or stopped answering during the run
  3  the run did not finish: --deadline reached, interrupted, or an internal error
  4  usage error, or no check selected

--strict fails against the bundled mock unless it runs with --require-pkce and
--access-token-ttl 3600: the mock accepts authorization requests without PKCE by default
(checklist item 20, a SHOULD) and issues Longbridge's 30-day access tokens (item 73, RFC 6750
§5.3 asks for an hour or less, a SHOULD), so start it with
`python -m conformance.mock_server --require-pkce --access-token-ttl 3600` and pass its
--base-url.

Reports (secrets masked): REPORT_DIR/conformance.html (read this one), conformance.md,
conformance.xml (JUnit), results.json.
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse exits 2 on a usage error; 2 here means "server unreachable".
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="python -m conformance",
        description=__doc__,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
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
        "--strict",
        action="store_true",
        help="SHOULD findings fail the run too (not only MUST); fails on the bundled mock "
        "unless it runs with --require-pkce --access-token-ttl 3600 (see below)",
    )
    p.add_argument(
        "--profile",
        choices=[*PROFILES, "default"],
        default="longbridge",
        help="longbridge (default): the RFC rules plus Longbridge's own; rfc: only what the "
        "OAuth RFCs require of any authorization server, at their own MUST/SHOULD levels; "
        "live: a real Longbridge server; only checks that need no consent and change nothing, "
        "with LONGBRIDGE_ACCESS_TOKEN, at most 2 requests a second",
    )
    p.add_argument(
        "--consent",
        choices=["auto", "follow", "browser"],
        help="how authorization requests reach the redirect back: auto (the server redirects "
        "at once; default for the bundled mock), follow (follow the server's own redirects "
        "with cookies and submit a simple consent form; default for --base-url), browser (a "
        "person approves in their browser; the code arrives on the loopback redirect URI)",
    )
    p.add_argument("--scope", help="the scope to request (default: the server's scopes_supported)")
    p.add_argument(
        "--resource",
        metavar="URL",
        help="a protected resource the access tokens open: proves a token alive or dead where "
        "the server offers no introspection (RFC 7662)",
    )
    p.add_argument(
        "--client-id", help="a pre-registered client (for servers without open registration)"
    )
    p.add_argument(
        "--client-secret", help="its secret, if it is confidential (or CONFORMANCE_CLIENT_SECRET)"
    )
    p.add_argument(
        "--client2-id", help="a second pre-registered client, for the checks that need two"
    )
    p.add_argument(
        "--client2-secret", help="its secret, if confidential (or CONFORMANCE_CLIENT2_SECRET)"
    )
    p.add_argument(
        "--redirect-uri",
        help="the redirect URI registered for the clients (default http://127.0.0.1:53682/callback)",
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
        "under the server's rate limits (docs/longbridge-api.md §4.3)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"longest wait for each request (default {DEFAULT_TIMEOUT:g})",
    )
    p.add_argument(
        "--deadline",
        type=float,
        default=DEFAULT_DEADLINE,
        metavar="SECONDS",
        help=f"longest whole run; then it stops with the checks done so far reported "
        f"(default {DEFAULT_DEADLINE:g}; 0: none)",
    )
    p.add_argument(
        "--allow-clock",
        action="store_true",
        help="let checks move a --base-url mock's clock (it expires every token that mock "
        "issued, to anyone); without it they run only on a mock this run starts itself",
    )
    p.add_argument(
        "-v", "--verbose", action="store_true", help="every check's row, not only the failures"
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

        # The same variables the official SDK reads (docs/longbridge-api.md §6.3).
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


def _verdict_only(args: argparse.Namespace, target: str, verdict: str) -> None:
    """Reports for a run whose suite did not run to its end: the rows so far and why."""
    header = Header(
        target=target,
        profile=args.profile,
        groups=args.select or "all",
        strictness="strict: SHOULD findings fail" if args.strict else "MUST findings fail",
        hypothesis_profile=args.hypothesis_profile,
    )
    write(args.report_dir, header, read_results(args.report_dir), verdict)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.select:
        unknown = {g.strip() for g in args.select.split(",")} - set(GROUPS)
        if unknown:
            parser.error(f"unknown groups {sorted(unknown)}; known: {', '.join(GROUPS)}")
    if args.min_interval is not None and args.min_interval < 0:
        parser.error("--min-interval must not be negative")
    if args.timeout <= 0 or args.deadline < 0:
        parser.error("--timeout must be positive and --deadline not negative")
    started = time.perf_counter()
    validate(read_spec(SPEC))
    print(f"spec: {SPEC.relative_to(ROOT)} is valid OpenAPI 3.1", flush=True)
    args.report_dir.mkdir(parents=True, exist_ok=True)
    for stale in ("results.json", "summary.json"):  # a report never shows an earlier run's rows
        (args.report_dir / stale).unlink(missing_ok=True)
    live = args.profile == "live"
    code = EXIT_INCOMPLETE
    try:
        code = _run(args, live)
    finally:
        mask_files(args.report_dir)
    print(f"conformance run took {time.perf_counter() - started:.1f} s", flush=True)
    print(f"reports: {args.report_dir / 'conformance.html'} (also .md, .xml)", flush=True)
    return code


def _run(args: argparse.Namespace, live: bool) -> int:
    with _target(args.base_url, live) as base_url:
        bundled = not args.base_url and not live
        print(f"target: {base_url}{' (the bundled mock)' if bundled else ''}", flush=True)
        if live:
            print("profile: live (read-only checks that need no consent)", flush=True)
        else:
            print(f"profile: {args.profile}", flush=True)
        if bundled and args.strict:
            print(
                "note: --strict fails on the bundled mock, which accepts authorization without "
                "PKCE (item 20) and issues 30-day access tokens (item 73); run the mock with "
                "--require-pkce --access-token-ttl 3600 and pass --base-url",
                flush=True,
            )
        problem = unreachable(base_url, args.timeout, args.ca_file)
        if problem is not None:
            print(f"error: cannot reach {base_url}: {problem}", file=sys.stderr, flush=True)
            _verdict_only(args, base_url, f"UNREACHABLE: {base_url}: {problem}")
            return EXIT_UNREACHABLE
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
            "-v" if args.verbose else "-q",
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
            ENV_TIMEOUT: str(args.timeout),
            # The mock this run started may have its clock moved; another only when allowed.
            ENV_ALLOW_CLOCK: "1" if bundled or args.allow_clock else "",
            ENV_CONSENT: args.consent or ("auto" if bundled else "follow"),
            ENV_SCOPE: args.scope or "",
            ENV_RESOURCE: args.resource or "",
            # The options, else the same variables from the environment (a secret is better
            # kept out of the command line, which other users can list).
            ENV_CLIENT_ID: args.client_id or os.environ.get(ENV_CLIENT_ID, ""),
            ENV_CLIENT_SECRET: args.client_secret or os.environ.get(ENV_CLIENT_SECRET, ""),
            ENV_CLIENT2_ID: args.client2_id or os.environ.get(ENV_CLIENT2_ID, ""),
            ENV_CLIENT2_SECRET: args.client2_secret or os.environ.get(ENV_CLIENT2_SECRET, ""),
            ENV_REDIRECT_URI: args.redirect_uri or os.environ.get(ENV_REDIRECT_URI, ""),
        }
        if args.ca_file:
            # SSL_CERT_FILE: every httpx client of the suite trusts it too.
            env["CONFORMANCE_CA_FILE"] = env["SSL_CERT_FILE"] = str(args.ca_file.resolve())
        finished = run_masked(command, ROOT, env, args.deadline or None)
    if finished.deadline_reached:
        verdict = f"STOPPED: the deadline of {args.deadline:g} s (--deadline) was reached"
        print(verdict, flush=True)
        _verdict_only(args, base_url, verdict)
        return EXIT_INCOMPLETE
    if read_verdict(args.report_dir).startswith("STOPPED"):
        return EXIT_UNREACHABLE  # the server stopped answering (limits.py)
    if not (args.report_dir / "summary.json").is_file():
        status = finished.returncode
        _verdict_only(args, base_url, f"INCOMPLETE: the suite ended with status {status}")
    # pytest: 0 passed, 1 failures, 2 interrupted, 3 internal error, 4 usage, 5 nothing collected.
    return {0: EXIT_PASSED, 1: EXIT_FAILED, 4: EXIT_USAGE, 5: EXIT_USAGE}.get(
        finished.returncode, EXIT_INCOMPLETE
    )


if __name__ == "__main__":
    sys.exit(main())
