"""``python -m conformance.mock_server``: serve the mock on loopback and print its base URL."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import textwrap
from pathlib import Path

from .app import create_app
from .clock import OffsetClock
from .config import Deviation, MockConfig, parse_fault
from .serve import base_url_of, bind, uvicorn_server
from .tls import server_tls


def _parser() -> argparse.ArgumentParser:
    deviations = textwrap.fill(
        ", ".join(d.value for d in Deviation), width=78, initial_indent="  ", subsequent_indent="  "
    )
    p = argparse.ArgumentParser(
        prog="python -m conformance.mock_server",
        description="A stateful Longbridge OpenAPI mock. Prints its base URL, then serves.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"deviations (--deviation NAME; each is described in "
        f"conformance/mock_server/config.py):\n{deviations}",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument(
        "--port", type=_port, default=8080, help="port; 0 picks a free one (default 8080)"
    )
    p.add_argument(
        "--access-log",
        action="store_true",
        help="one line per request on stderr: method, path, status, time, trace id "
        "(credential values masked)",
    )
    p.add_argument("--seed", type=int, default=0, help="seed of the market data (default 0)")
    p.add_argument(
        "--consent",
        choices=["auto", "manual"],
        default="auto",
        help="auto: /oauth2/authorize redirects at once; manual: a consent page first",
    )
    p.add_argument(
        "--tls",
        action="store_true",
        help="serve https with a certificate from a throwaway CA made at start; the second line "
        "of stdout is the path of the CA's PEM file, for clients to trust",
    )
    p.add_argument(
        "--ca-dir",
        type=Path,
        metavar="DIR",
        help="with --tls: write the CA's PEM (mock-ca.pem) here (default: a temporary folder)",
    )
    p.add_argument("--require-pkce", action="store_true", help="refuse authorization without PKCE")
    p.add_argument(
        "--device-approval-delay",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="the device flow's user approves this long after the code is issued (default 10)",
    )
    p.add_argument(
        "--access-token-ttl",
        type=int,
        default=2_592_000,
        metavar="SECONDS",
        help="lifetime of issued access tokens (default 2592000: 30 days, as Longbridge's)",
    )
    p.add_argument("--token-prefix", default="", help='e.g. "us_" for US-DC style credentials')
    p.add_argument(
        "--ip-allowlist",
        metavar="IP[,IP...]",
        help="serve the data API only to these addresses; others get 403205",
    )
    p.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="KIND[=VALUE][@ROUTE][*TIMES]",
        help="inject a fault: latency=SECONDS, status=5xx, rate_limit=RETRY_AFTER, expire_tokens",
    )
    p.add_argument(
        "--deviation",
        action="append",
        default=[],
        choices=[d.value for d in Deviation],
        metavar="NAME",
        help="break one rule on purpose (repeatable; the names are listed below)",
    )
    return p


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError("a port is between 0 and 65535 (0: any free port)")
    return value


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        faults = tuple(parse_fault(f) for f in args.fault)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if Deviation.PLAIN_HTTP_TOO in args.deviation and args.tls:
        # Two uvicorn servers in the main thread would fight over the signal handlers.
        print(
            "error: plain_http_too is only served in-process (serve.run_in_thread)", file=sys.stderr
        )
        return 2
    config = MockConfig(
        consent=args.consent,
        require_pkce=args.require_pkce,
        device_approval_delay=args.device_approval_delay,
        access_token_ttl=args.access_token_ttl,
        token_prefix=args.token_prefix,
        ip_allowlist=frozenset(args.ip_allowlist.split(",")) if args.ip_allowlist else None,
        seed=args.seed,
        faults=faults,
        deviations=frozenset(Deviation(d) for d in args.deviation),
        tls=args.tls,
    )
    mock = create_app(config, OffsetClock())
    try:
        sock = bind(args.host, args.port)
    except OSError as exc:
        print(f"error: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    stack = contextlib.ExitStack()
    tls = stack.enter_context(server_tls(config, args.ca_dir)) if args.tls else None
    server = uvicorn_server(mock, tls.context if tls else None, access_log=args.access_log)
    url = base_url_of(sock, "https" if tls else "http")

    async def serve() -> None:
        task = asyncio.create_task(server.serve(sockets=[sock]))
        while not server.started and not task.done():
            await asyncio.sleep(0.005)
        if server.started:
            # The first line of stdout is the base URL, for scripts and tests to read.
            print(url, flush=True)
            if tls:
                print(tls.ca_file, flush=True)
            legacy = next(iter(mock.ctx.state.legacy_apps.values()))
            print(
                f"legacy app key: {legacy.app_key} (secret and token: GET {url}/_mock/legacy)",
                file=sys.stderr,
                flush=True,
            )
        await task

    with stack:
        try:
            asyncio.run(serve())
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
