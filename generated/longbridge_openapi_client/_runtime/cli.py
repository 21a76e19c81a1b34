# Copied verbatim from generator/runtime/cli.py by `python -m generator`.
# Edit that file and regenerate; changes made here are lost and fail the drift check.
"""``longbridge-openapi``: log in, look after the token and call the data API from a terminal.

Commands::

    longbridge-openapi login [--scope S ...] [--port N] [--timeout SECONDS] [--no-browser]
    longbridge-openapi login --device [--scope S ...]
    longbridge-openapi token show | refresh | revoke
    longbridge-openapi register [--name NAME] [--redirect-uri URI ...] [--confidential]
    longbridge-openapi call METHOD PATH [-p KEY=VALUE ...] [--json BODY]

Every command takes ``--base-url URL`` (default ``LONGBRIDGE_HTTP_URL``), ``--region global|cn``
(default ``LONGBRIDGE_REGION``, else global), ``--client-id ID`` (default
``LONGBRIDGE_CLIENT_ID``) and ``--token-dir DIR`` (default ``LONGBRIDGE_TOKEN_DIR``, else
``~/.longbridge/openapi-client/tokens``). Each ``LONGBRIDGE_`` variable falls back to
``LONGPORT_``, as in the official SDK. A confidential client's secret is read from
``LONGBRIDGE_CLIENT_SECRET`` only: a command line is visible to other users of the machine.

``login`` runs the authorization code flow with PKCE and a loopback redirect (RFC 8252 §7.3):
a one-shot HTTP server on 127.0.0.1 (an ephemeral port unless ``--port``) receives
``http://127.0.0.1:<port>/callback``. The authorization URL is always printed to stderr, and also
opened in a browser unless ``--no-browser``. ``login --device`` runs the device flow (RFC 8628)
for machines without a browser. ``--scope`` takes keys or ids: watchlist (4), account.read (6),
trade.read (10), trade.write (11).

Nothing here prints or logs a token, not even in part: ``token show`` prints ``<redacted>`` in
their place, and error messages are scrubbed of the stored credentials. The one exception is
``register``, which prints the new client's ``client_secret`` and ``registration_access_token``
once, because the user must save them.

Exit codes:

- 0: success.
- 1: the server, the OAuth flow or the network failed: an API error (``error: <message>
  (code=…, trace_id=…)``), an OAuth error, no token stored (log in), no redirect before the
  timeout, a refused refresh.
- 2: usage error: unknown option, bad ``KEY=VALUE`` or JSON, no client id.
- 130: interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import datetime
import hmac
import html
import json
import os
import queue
import re
import sys
import threading
import time
import webbrowser
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

from ..scopes import SCOPES
from .errors import (
    LongbridgeApiError,
    LongbridgeError,
    NotAuthenticatedError,
    OAuthError,
    StateMismatchError,
    TokenRefreshError,
)
from .facade import Longbridge
from .flows import run_sync
from .refreshing_auth import RefreshingBearerAuth
from .rfc6749_client import DeviceAuthorization, register_flow
from .rfc8414_discovery import base_url_for, discovery_flow
from .token import Token
from .token_store import DEFAULT_TOKEN_DIR, FileTokenStore

__all__ = ["main"]

PROG = "longbridge-openapi"
DEFAULT_REDIRECT_URI = "http://127.0.0.1/callback"
DEFAULT_LOGIN_TIMEOUT = 300.0  # seconds, as the official SDK waits for its callback
CALLBACK_PATH = "/callback"
EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
_SCOPE_KEYS = {s.key: s.id for s in SCOPES if s.key}
_SCOPE_NAMES = {str(s.id): s.key for s in SCOPES if s.key}
_REDACTED = "<redacted>"

OpenBrowser = Callable[[str], object]


class UsageError(Exception):
    """A mistake on the command line (exit 2)."""


class CliFailure(Exception):
    """A failure with a message of its own (exit 1)."""


@dataclass
class _Run:
    """What one ``main`` call works with: the injectable pieces and the secrets to scrub."""

    environ: Mapping[str, str]
    open_browser: OpenBrowser
    sleep: Callable[[float], None] | None
    secrets: set[str] = field(default_factory=set)
    client: Longbridge | None = None

    def scrub(self, text: str) -> str:
        """``text`` without any credential this run has seen (defence in depth)."""
        values = set(self.secrets)
        lb = self.client
        if lb is not None:
            if lb.credentials and lb.credentials.client_secret:
                values.add(lb.credentials.client_secret)
            tokens: list[Token | None] = []
            if isinstance(lb.auth, RefreshingBearerAuth):
                tokens.append(lb.auth._token)
            try:
                tokens.append(lb.token)
            except (OSError, ValueError):
                pass
            for token in tokens:
                if token is not None:
                    values.update(v for v in (token.access_token, token.refresh_token) if v)
        for value in sorted(values, key=len, reverse=True):
            if len(value) >= 6:
                text = text.replace(value, _REDACTED)
        return text


def _env(name: str, environ: Mapping[str, str]) -> str | None:
    return environ.get(f"LONGBRIDGE_{name}") or environ.get(f"LONGPORT_{name}") or None


# C0 and C1 controls but newline and tab, and the bidi overrides: what lets a server's text
# (error_description, a device code's URI) move the cursor, retitle or clear the terminal.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _printable(text: str) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``), not obeyed."""
    return _CONTROL.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


def _err(*lines: str) -> None:
    print(*(_printable(line) for line in lines), sep="\n", file=sys.stderr, flush=True)


# -- the command line ---------------------------------------------------------------------------


def _scopes(text: str) -> list[str]:
    """``--scope``: keys or ids, separated by spaces or commas."""
    items = text.replace(",", " ").split()
    for item in items:
        if item not in _SCOPE_KEYS and item not in _SCOPE_NAMES:
            known = ", ".join(f"{key} ({id_})" for key, id_ in _SCOPE_KEYS.items())
            raise argparse.ArgumentTypeError(f"unknown scope {item!r}; use {known}")
    return items


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError("the timeout must be more than 0 seconds")
    return value


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError("a port is between 0 and 65535 (0: any free port)")
    return value


def _common_options(env: Mapping[str, str], *, after_command: bool) -> argparse.ArgumentParser:
    """--base-url, --region, --client-id, --token-dir. After the command their defaults are
    suppressed, so that a value given before the command stands."""

    def default(value: str | None) -> str | None:
        return argparse.SUPPRESS if after_command else value

    common = argparse.ArgumentParser(add_help=False)
    where = common.add_argument_group("server and client")
    where.add_argument(
        "--base-url",
        default=default(_env("HTTP_URL", env)),
        metavar="URL",
        help="server base URL (default: LONGBRIDGE_HTTP_URL, else the --region host)",
    )
    where.add_argument(
        "--region",
        choices=["global", "cn"],
        default=default(_env("REGION", env)),
        help="global: openapi.longbridge.com, cn: openapi.longbridge.cn "
        "(default: LONGBRIDGE_REGION, else global)",
    )
    where.add_argument(
        "--client-id",
        default=default(_env("CLIENT_ID", env)),
        metavar="ID",
        help="the registered OAuth client (default: LONGBRIDGE_CLIENT_ID)",
    )
    where.add_argument(
        "--token-dir",
        default=default(_env("TOKEN_DIR", env) or str(DEFAULT_TOKEN_DIR)),
        metavar="DIR",
        help=f"where tokens are stored (default: LONGBRIDGE_TOKEN_DIR, else {DEFAULT_TOKEN_DIR})",
    )
    return common


def build_parser(environ: Mapping[str, str] | None = None) -> argparse.ArgumentParser:
    """The argument parser; defaults come from ``environ`` (``os.environ`` if None)."""
    env = os.environ if environ is None else environ
    # The options go before the command or after it; after it they win.
    common = _common_options(env, after_command=True)
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Log in to the Longbridge OpenAPI, manage the token, call the data API.",
        epilog="Exit codes: 0 success, 1 failure (API, OAuth, network), 2 usage, 130 interrupted.",
        parents=[_common_options(env, after_command=False)],
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    login = commands.add_parser(
        "login",
        parents=[common],
        help="log in (browser and loopback redirect, or --device)",
        description="Authorization code flow with PKCE and a loopback redirect "
        "http://127.0.0.1:<port>/callback (RFC 8252), or the device flow (RFC 8628).",
    )
    login.add_argument(
        "--scope",
        action="append",
        type=_scopes,
        metavar="SCOPE",
        help="watchlist, account.read, trade.read, trade.write or their ids 4, 6, 10, 11 "
        "(repeatable; default: the server's)",
    )
    login.add_argument(
        "--device", action="store_true", help="device flow: show a code to enter elsewhere"
    )
    login.add_argument(
        "--port",
        type=_port,
        default=0,
        help="loopback port of the redirect (default: any free port)",
    )
    login.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_LOGIN_TIMEOUT,
        metavar="SECONDS",
        help="how long to wait for the browser's redirect "
        f"(default {DEFAULT_LOGIN_TIMEOUT:g}; the device flow waits as long as its code lives)",
    )
    login.add_argument(
        "--no-browser", action="store_true", help="only print the URL; do not open a browser"
    )
    login.set_defaults(handler=_login, command_parser=login)

    token = commands.add_parser(
        "token", parents=[common], help="show, refresh or revoke the stored token"
    )
    token_commands = token.add_subparsers(dest="token_command", required=True, metavar="ACTION")
    for name, handler, text in (
        ("show", _token_show, "client, expiry and scope of the stored token (never the token)"),
        ("refresh", _token_refresh, "refresh the token now"),
        ("revoke", _token_revoke, "revoke the token at the server and delete it"),
    ):
        action = token_commands.add_parser(name, parents=[common], help=text, description=text)
        action.set_defaults(handler=handler, command_parser=action)

    register = commands.add_parser(
        "register",
        parents=[common],
        help="register a new OAuth client (RFC 7591)",
        description="Register a client and print its information as JSON, credentials included: "
        "save them, nothing prints them again.",
    )
    register.add_argument("--name", default=PROG, help=f"client_name (default {PROG!r})")
    register.add_argument(
        "--redirect-uri",
        action="append",
        metavar="URI",
        help=f"repeatable (default {DEFAULT_REDIRECT_URI}; loopback redirects may use any port)",
    )
    register.add_argument(
        "--confidential",
        action="store_true",
        help="a confidential client (client_secret_basic) instead of a public one",
    )
    register.set_defaults(handler=_register, command_parser=register)

    call = commands.add_parser(
        "call",
        parents=[common],
        help="call any data API endpoint and print its data as JSON",
        description="Send METHOD PATH with the stored token and print the envelope's data.",
    )
    call.add_argument("method", metavar="METHOD", help="GET, POST, PUT or DELETE")
    call.add_argument("path", metavar="PATH", help="e.g. /v1/quote/get_security_list")
    call.add_argument(
        "-p",
        "--param",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a query parameter (repeatable)",
    )
    call.add_argument("--json", metavar="BODY", help="a JSON request body")
    call.set_defaults(handler=_call, command_parser=call)
    return parser


# -- shared pieces ------------------------------------------------------------------------------


def _base_url(args: argparse.Namespace) -> str:
    try:
        return base_url_for(args.region, args.base_url)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _client(args: argparse.Namespace, run: _Run) -> Longbridge:
    if not args.client_id:
        raise UsageError(
            "no client id: pass --client-id or set LONGBRIDGE_CLIENT_ID "
            f"(`{PROG} register` creates a client)"
        )
    store = FileTokenStore(args.token_dir)
    try:
        store.path(args.client_id)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    secret = _env("CLIENT_SECRET", run.environ)
    if secret:
        run.secrets.add(secret)
    lb = Longbridge(
        args.client_id, client_secret=secret, base_url=_base_url(args), token_store=store
    )
    run.client = lb
    return lb


def _not_logged_in(lb: Longbridge) -> NotAuthenticatedError:
    assert lb.credentials is not None
    return NotAuthenticatedError(f"no token stored for client {lb.credentials.client_id}")


def _when(expires_at: float, now: float) -> str:
    stamp = datetime.datetime.fromtimestamp(expires_at, datetime.UTC)
    left = int(expires_at - now)
    span = abs(left)
    days, rest = divmod(span, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = [f"{days} d" if days else "", f"{hours} h" if hours else "", f"{minutes} min"]
    text = " ".join(p for p in parts if p)
    relative = f"in {text}" if left > 0 else f"expired {text} ago"
    return f"{stamp.strftime('%Y-%m-%dT%H:%M:%SZ')} ({relative})"


def _scope_text(scope: str | None) -> str:
    if not scope:
        return "(not stated)"
    return " ".join(
        f"{item} ({_SCOPE_NAMES[item]})" if item in _SCOPE_NAMES else item for item in scope.split()
    )


def _summary(token: Token) -> str:
    return f"expires {_when(token.expires_at, time.time())}, scope {_scope_text(token.scope)}"


# -- login ------------------------------------------------------------------------------------


def _page(title: str, text: str) -> bytes:
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head>\n"
        f"<body><h1>{html.escape(title)}</h1><p>{html.escape(text)}</p></body></html>\n"
    ).encode()


class _CallbackHandler(BaseHTTPRequestHandler):
    """Answers the browser's redirect; anything else gets 404 and is ignored."""

    server: _CallbackHTTPServer
    timeout = 10  # seconds a connection may idle (a browser's speculative connection, say)
    server_version = PROG
    sys_version = ""

    def do_GET(self) -> None:
        owner = self.server.owner
        parts = urlsplit(self.path)
        if parts.path != CALLBACK_PATH:
            self._answer(404, "Not found", "This server only waits for the login redirect.")
            return
        query = parse_qs(parts.query, keep_blank_values=True)
        state = query.get("state", [])
        if len(state) != 1 or not hmac.compare_digest(state[0].encode(), owner.state.encode()):
            # A stale tab or another page: not the login in progress, so keep waiting.
            self._answer(
                400, "Wrong login", "This redirect does not belong to the login in the terminal."
            )
            _err("ignored a redirect whose state does not match this login")
            return
        if "error" in query:
            error = query["error"][0]
            self._answer(200, "Login refused", f"The server answered {error}. See the terminal.")
        else:
            self._answer(
                200,
                "Authorization received",
                "You can close this tab; the terminal finishes the login.",
            )
        owner.deliver(f"{owner.origin}{self.path}")

    def _answer(self, status: int, title: str, text: str) -> None:
        body = _page(title, text)
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Referrer-Policy", "no-referrer")
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: the request line carries the authorization code."""


class _CallbackHTTPServer(ThreadingHTTPServer):
    owner: CallbackServer
    # A handler left over (an idle speculative connection) must not hold up the exit.
    block_on_close = False
    daemon_threads = True


class CallbackServer:
    """A one-shot loopback server for the redirect of one login (RFC 8252 §7.3)."""

    def __init__(self, port: int = 0, host: str = "127.0.0.1") -> None:
        self.state = ""
        self._received: queue.Queue[str] = queue.Queue(maxsize=1)
        self._httpd = _CallbackHTTPServer((host, port), _CallbackHandler)
        self._httpd.owner = self
        self.port: int = self._httpd.server_address[1]
        self.origin = f"http://{host}:{self.port}"
        self.redirect_uri = f"{self.origin}{CALLBACK_PATH}"
        self._thread: threading.Thread | None = None

    def start(self, state: str) -> None:
        """Serve from a thread, so a browser opened by this process can finish its redirect."""
        self.state = state
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="login-callback",
            daemon=True,
        )
        self._thread.start()

    def deliver(self, url: str) -> None:
        try:
            self._received.put_nowait(url)
        except queue.Full:
            pass  # a reload of the page: the first redirect counts

    def wait(self, timeout: float) -> str:
        """The callback URL; raises :class:`CliFailure` after ``timeout`` seconds."""
        try:
            return self._received.get(timeout=timeout)
        except queue.Empty:
            raise CliFailure(
                f"no redirect reached {self.redirect_uri} within {timeout:g} s; "
                "run login again (or use login --device)"
            ) from None

    def close(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
        self._httpd.server_close()

    def __enter__(self) -> CallbackServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _open(open_browser: OpenBrowser, url: str) -> None:
    try:
        opened = open_browser(url)
    except Exception as exc:  # a browser that fails to start is not a reason to give up
        _err(f"could not open a browser ({type(exc).__name__}); open the URL yourself")
        return
    if opened is False:
        _err("no browser opened; open the URL yourself")


def _show_device_code(device: DeviceAuthorization) -> None:
    lines = [
        f"To log in, open {device.verification_uri}",
        f"and enter the code: {device.user_code}",
    ]
    if device.verification_uri_complete:
        lines.append(f"(or open {device.verification_uri_complete})")
    lines.append(f"The code expires in {device.expires_in} s. Waiting for approval...")
    _err(*lines)


def _login(args: argparse.Namespace, run: _Run) -> int:
    scope = [item for group in args.scope or [] for item in group] or None
    with _client(args, run) as lb:
        if args.device:
            token = lb.device_login(_show_device_code, scope, sleep=run.sleep)
        else:
            try:
                server = CallbackServer(args.port)
            except OSError as exc:
                raise CliFailure(f"cannot listen on 127.0.0.1:{args.port}: {exc}") from None
            with server:
                request = lb.authorization_request(server.redirect_uri, scope)
                server.start(request.state)
                _err(
                    "Open this URL in a browser to log in:",
                    "",
                    f"    {request.url}",
                    "",
                    f"Waiting up to {args.timeout:g} s for the redirect to {server.redirect_uri}",
                )
                if not args.no_browser:
                    _open(run.open_browser, request.url)
                callback = server.wait(args.timeout)
            token = lb.finish_authorization(callback, request)
        assert lb.credentials is not None
        _err(
            f"Logged in: client {lb.credentials.client_id}, {_summary(token)}.",
            f"Token stored in {args.token_dir}.",
        )
    return EXIT_OK


# -- token ------------------------------------------------------------------------------------


def _token_show(args: argparse.Namespace, run: _Run) -> int:
    with _client(args, run) as lb:
        token = lb.token
        if token is None:
            raise _not_logged_in(lb)
        assert lb.credentials is not None
        store = lb.token_store
        assert isinstance(store, FileTokenStore)
        rows = [
            ("client_id", lb.credentials.client_id),
            ("server", lb.base_url),
            ("stored in", str(store.path(lb.credentials.client_id))),
            ("token_type", token.token_type),
            ("scope", _scope_text(token.scope)),
            ("expires_at", _when(token.expires_at, time.time())),
            ("access_token", _REDACTED),
            ("refresh_token", _REDACTED if token.refresh_token else "(none: log in again)"),
        ]
        width = max(len(name) for name, _ in rows)
        print(_printable("\n".join(f"{name:<{width}}  {value}" for name, value in rows)))
    return EXIT_OK


def _token_refresh(args: argparse.Namespace, run: _Run) -> int:
    with _client(args, run) as lb:
        token = lb.refresh()
        _err(f"Refreshed: {_summary(token)}.")
    return EXIT_OK


def _token_revoke(args: argparse.Namespace, run: _Run) -> int:
    with _client(args, run) as lb:
        if lb.token is None:
            _err("No token stored; nothing to revoke.")
            return EXIT_OK
        lb.revoke()
        _err("Revoked at the server and deleted from the store.")
    return EXIT_OK


# -- register ---------------------------------------------------------------------------------


def _register(args: argparse.Namespace, run: _Run) -> int:
    base_url = _base_url(args)
    metadata: dict[str, Any] = {
        "client_name": args.name,
        "redirect_uris": args.redirect_uri or [DEFAULT_REDIRECT_URI],
    }
    if args.confidential:
        metadata["token_endpoint_auth_method"] = "client_secret_basic"  # noqa: S105
    with httpx.Client(timeout=30.0) as http:
        endpoints = run_sync(discovery_flow(base_url), http)
        info = run_sync(register_flow(endpoints.registration_endpoint, metadata), http)
    # The one place that prints credentials: the user has no other way to learn them.
    print(json.dumps(info.to_dict(), indent=2, ensure_ascii=False))
    lines = [f"Registered client {info.client_id}."]
    shown = [
        name
        for name in ("client_secret", "registration_access_token")
        if isinstance(getattr(info, name), str)
    ]
    if shown:
        lines.append(
            f"Save the output above now: {' and '.join(shown)} "
            f"{'are credentials' if len(shown) > 1 else 'is a credential'} "
            "that nothing prints again."
        )
    lines.append(f"Then: export LONGBRIDGE_CLIENT_ID={info.client_id}")
    if isinstance(info.client_secret, str):
        lines.append("and set LONGBRIDGE_CLIENT_SECRET to the saved client_secret.")
    _err(*lines)
    return EXIT_OK


# -- call -------------------------------------------------------------------------------------


def _params(pairs: Sequence[str]) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UsageError(f"-p takes KEY=VALUE, not {pair!r}")
        params.setdefault(key, []).append(value)
    return params


def _call(args: argparse.Namespace, run: _Run) -> int:
    method = args.method.upper()
    if not method.isascii() or not method.isalpha():
        raise UsageError(f"not an HTTP method: {args.method!r}")
    path: str = args.path
    if not path.startswith("/") or path.startswith("//"):
        raise UsageError(f"PATH is a path on the server like /v1/quote/..., not {path!r}")
    params = _params(args.param)
    body: Any = None
    if args.json is not None:
        try:
            body = json.loads(args.json)
        except ValueError as exc:
            raise UsageError(f"--json is not valid JSON: {exc}") from None
    with _client(args, run) as lb:
        data = lb.request(method, path, params=params or None, json=body)
    print(_printable(json.dumps(data, indent=2, ensure_ascii=False)))
    return EXIT_OK


# -- main -------------------------------------------------------------------------------------


def _failure(exc: BaseException) -> str:
    """The message of an error that ends a command with exit code 1."""
    if isinstance(exc, LongbridgeApiError):
        return f"error: {exc.message} (code={exc.code}, trace_id={exc.trace_id})"
    if isinstance(exc, NotAuthenticatedError):
        reason = str(exc).removesuffix("; log in")
        return f"error: not logged in: {reason}; log in with `{PROG} login`"
    if isinstance(exc, TokenRefreshError):
        return f"error: the token could not be refreshed: {exc}; log in again with `{PROG} login`"
    if isinstance(exc, OAuthError):
        return f"error: the server refused: {exc}"
    if isinstance(exc, StateMismatchError):
        return f"error: {exc}; not using this redirect, log in again"
    if isinstance(exc, httpx.TimeoutException):
        return f"error: the server did not answer in time ({type(exc).__name__})"
    if isinstance(exc, httpx.HTTPError):
        return f"error: cannot reach the server: {exc}"
    return f"error: {exc}"


def _exit_code(code: object) -> int:
    if code is None:
        return EXIT_OK
    return code if isinstance(code, int) else EXIT_USAGE


def main(
    argv: list[str] | None = None,
    *,
    open_browser: OpenBrowser | None = None,
    sleep: Callable[[float], None] | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    """Run the CLI; returns the exit code. ``open_browser`` (default ``webbrowser.open``),
    ``sleep`` (between device-flow polls) and ``environ`` are for tests."""
    run = _Run(
        environ=os.environ if environ is None else environ,
        open_browser=open_browser or webbrowser.open,
        sleep=sleep,
    )
    parser = build_parser(run.environ)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error argparse already reported
        return _exit_code(exc.code)
    try:
        code: int = args.handler(args, run)
        return code
    except UsageError as exc:
        command: argparse.ArgumentParser = getattr(args, "command_parser", parser)
        command.print_usage(sys.stderr)
        _err(f"{command.prog}: error: {run.scrub(str(exc))}")
        return EXIT_USAGE
    except (CliFailure, LongbridgeError, httpx.HTTPError, OSError, ValueError) as exc:
        _err(run.scrub(_failure(exc)))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        _err("interrupted")
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    raise SystemExit(main())
