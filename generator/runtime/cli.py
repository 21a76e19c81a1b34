"""``longbridge-openapi``: log in, look after the token and call the data API from a terminal.

Commands::

    longbridge-openapi login [--scope S ...] [--port N] [--timeout SECONDS] [--no-browser]
    longbridge-openapi login --device [--scope S ...]
    longbridge-openapi token show [--json] | refresh | revoke
    longbridge-openapi register [--name NAME] [--redirect-uri URI ...] [--confidential]
    longbridge-openapi call GET|POST|PUT|DELETE PATH [-p KEY=VALUE ...] [--json BODY]
    longbridge-openapi --version

Every command takes ``--base-url URL`` (default ``LONGBRIDGE_HTTP_URL``), ``--region global|cn``
(default ``LONGBRIDGE_REGION``, else global), ``--client-id ID`` (default
``LONGBRIDGE_CLIENT_ID``), ``--token-dir DIR`` (default ``LONGBRIDGE_TOKEN_DIR``, else
``~/.longbridge/openapi-client/tokens``) and ``--verbose`` (each request and its answer on
stderr, credentials masked). Each ``LONGBRIDGE_`` variable falls back to
``LONGPORT_``, as in the official SDK. A confidential client's secret is read from
``LONGBRIDGE_CLIENT_SECRET`` only: a command line is visible to other users of the machine.

``login`` runs the authorization code flow with PKCE and a loopback redirect (RFC 8252 §7.3):
a one-shot HTTP server on 127.0.0.1 (an ephemeral port unless ``--port``) receives
``http://127.0.0.1:<port>/callback``. The authorization URL is always printed to stderr, and also
opened in a browser unless ``--no-browser``; the URL is fetched once first (redirects not
followed), so that a server refusing it (an unknown client id, RFC 6749 §4.1.2.1) ends the
command at once with the server's error instead of a wait. ``login --device`` runs the device
flow (RFC 8628) for machines without a browser. ``--scope`` takes keys or ids: watchlist (4),
account.read (6), trade.read (10), trade.write (11).

Nothing here prints or logs a token, not even in part: ``token show`` prints ``<redacted>`` in
their place, and error messages are scrubbed of the stored credentials. The one exception is
``register``, which prints the new client's ``client_secret`` and ``registration_access_token``
once, because the user must save them.

Shell completion: install ``argcomplete`` and run
``eval "$(register-python-argcomplete longbridge-openapi)"``.

Start-up: only ``argparse`` is imported up front, the rest when a command needs it, so that
``--help`` answers within 3x ``python -c pass`` (``scripts/bench``, section ``cli``).

Exit codes:

- 0: success (also when the reader of stdout goes away, as ``| head -1`` does).
- 1: the server, the OAuth flow or the network failed: an API error (``error: <message>
  (code=…, trace_id=…)``), an OAuth error, no token stored (log in), no redirect before the
  timeout, a refused refresh.
- 2: usage error: unknown option, bad ``KEY=VALUE`` or JSON, no client id.
- 130: interrupted (Ctrl-C).
"""

from __future__ import annotations

# PYTHON_ARGCOMPLETE_OK
import argparse
import os
import sys

from .version import __version__

# Not `from typing import TYPE_CHECKING`: typing costs a fifth of the interpreter's start-up,
# and type checkers know this constant by name.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from typing import Any

    import httpx

    from ..endpoints import Endpoint
    from .facade import Longbridge
    from .rfc6749_client import DeviceAuthorization
    from .token import Token

    OpenBrowser = Callable[[str], object]

__all__ = ["main"]

PROG = "longbridge-openapi"
DEFAULT_REDIRECT_URI = "http://127.0.0.1/callback"
DEFAULT_LOGIN_TIMEOUT = 300.0  # seconds, as the official SDK waits for its callback
# token_store.DEFAULT_TOKEN_DIR, written out: --help must not import the token store.
DEFAULT_TOKEN_DIR = "~/.longbridge/openapi-client/tokens"  # noqa: S105 (a folder, not a secret)
METHODS = ("GET", "POST", "PUT", "DELETE")
EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
_REDACTED = "<redacted>"
# Query and form names whose values are credentials (RFC 6749 §4.1.2, §5.1, §6; RFC 7636 §4.1).
_SECRET_NAMES = frozenset(
    {"code", "access_token", "refresh_token", "token", "client_secret", "code_verifier"}
)


class UsageError(Exception):
    """A mistake on the command line (exit 2)."""


class CliFailure(Exception):
    """A failure with a message of its own (exit 1)."""


class _Run:
    """What one ``main`` call works with: the injectable pieces and the secrets to scrub."""

    def __init__(
        self,
        environ: Mapping[str, str],
        open_browser: OpenBrowser | None,
        sleep: Callable[[float], None] | None,
    ) -> None:
        self.environ = environ
        self._open_browser = open_browser
        self.sleep = sleep
        self.secrets: set[str] = set()
        self.client: Longbridge | None = None
        self.verbose = False

    def open_browser(self, url: str) -> object:
        if self._open_browser is not None:
            return self._open_browser(url)
        import webbrowser

        return webbrowser.open(url)

    def scrub(self, text: str) -> str:
        """``text`` without any credential this run has seen (defence in depth)."""
        from .errors import TokenFileError
        from .refreshing_auth import RefreshingBearerAuth

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
            except (OSError, ValueError, TokenFileError):
                pass  # an unreadable file holds no token this run could print
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
# A translate table, not a regex: the CLI imports no more than it needs before a command runs.
_CONTROL = {
    c: chr(c).encode("unicode_escape").decode("ascii")
    for r in (range(0x00, 0x09), range(0x0B, 0x20), range(0x7F, 0xA0))
    for c in r
} | {c: f"\\u{c:04x}" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def _printable(text: str) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``), not obeyed."""
    return text.translate(_CONTROL)


def _err(*lines: str) -> None:
    print(*(_printable(line) for line in lines), sep="\n", file=sys.stderr, flush=True)


# -- the command line ---------------------------------------------------------------------------


def _scope_keys() -> dict[str, int]:
    from ..scopes import SCOPES

    return {s.key: s.id for s in SCOPES if s.key}


def _scope_names() -> dict[str, str]:
    return {str(id_): key for key, id_ in _scope_keys().items()}


def _scopes(text: str) -> list[str]:
    """``--scope``: keys or ids, separated by spaces or commas."""
    items = text.replace(",", " ").split()
    keys, names = _scope_keys(), _scope_names()
    for item in items:
        if item not in keys and item not in names:
            known = ", ".join(f"{key} ({id_})" for key, id_ in keys.items())
            raise argparse.ArgumentTypeError(f"unknown scope {item!r}; use {known}")
    return items


def _method(text: str) -> str:
    """``call``'s METHOD: one of the methods its help lists, in any case."""
    method = text.upper()
    if method not in METHODS:
        raise argparse.ArgumentTypeError(
            f"not an HTTP method this command sends: {text!r}; use {', '.join(METHODS)}"
        )
    return method


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
    common.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS if after_command else False,
        help="log each request and its answer to stderr (credentials masked)",
    )
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
        default=default(_env("TOKEN_DIR", env) or DEFAULT_TOKEN_DIR),
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
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
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
        if name == "show":
            action.add_argument(
                "--json", action="store_true", help="one JSON object (the tokens as <redacted>)"
            )

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
        description="Send METHOD PATH with the stored token and print the envelope's data. "
        'Amounts are decimal text in --json ("300.5"): a JSON number with a fraction is '
        "refused, since it has been through a binary float.",
    )
    call.add_argument("method", type=_method, metavar="METHOD", help=", ".join(METHODS))
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
    from .rfc8414_discovery import base_url_for

    try:
        return base_url_for(args.region, args.base_url)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _skip_httpx_cli() -> None:
    """Keep ``import httpx`` from importing httpx's own command line.

    httpx's ``__init__`` imports ``httpx._main`` (click, rich, pygments) whenever those happen to
    be installed: up to half of this CLI's start, for a command line it never runs. A stand-in
    module takes its place in this process only, and loads the real one if anything calls it.
    """
    if "httpx" in sys.modules or "httpx._main" in sys.modules:
        return
    import types

    def main(*args: object, **kwargs: object) -> object:
        del sys.modules["httpx._main"]
        from httpx._main import main as real

        return real(*args, **kwargs)

    stand_in = types.ModuleType("httpx._main")
    stand_in.main = main  # type: ignore[attr-defined]
    sys.modules["httpx._main"] = stand_in


def _client(args: argparse.Namespace, run: _Run) -> Longbridge:
    from .facade import Longbridge
    from .token_store import FileTokenStore

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
        args.client_id,
        client_secret=secret,
        base_url=_base_url(args),
        token_store=store,
        transport=_transport(),
        limits=_limits(),
    )
    if run.verbose:
        lb._http.event_hooks = _log_hooks(run)
    run.client = lb
    return lb


def _limits() -> httpx.Limits:
    from .facade import DEFAULT_LIMITS

    return DEFAULT_LIMITS


def _transport() -> httpx.BaseTransport:
    """No CA bundle loaded for a command that only talks to an ``http://`` server (the mock)."""
    from .lazy_tls_transport import LazyTlsTransport

    return LazyTlsTransport(_limits())


def _stored(lb: Longbridge) -> Token | None:
    """The stored token; an unreadable token file fails naming the file and the fix
    (:class:`TokenFileError` says both)."""
    from .errors import TokenFileError

    try:
        return lb.token
    except TokenFileError as exc:
        raise CliFailure(str(exc)) from None


def _not_logged_in(lb: Longbridge) -> Exception:
    from .errors import NotAuthenticatedError

    assert lb.credentials is not None
    return NotAuthenticatedError(f"no token stored for client {lb.credentials.client_id}")


def _masked_url(url: httpx.URL) -> str:
    """``url`` with the values of credential parameters replaced (``--verbose``)."""
    from urllib.parse import parse_qsl, urlencode

    if not url.query:
        return str(url)
    pairs = parse_qsl(url.query.decode("ascii", "replace"), keep_blank_values=True)
    masked = [(k, _REDACTED if k in _SECRET_NAMES else v) for k, v in pairs]
    return str(url.copy_with(query=urlencode(masked, safe="<>").encode("ascii")))


def _log_hooks(run: _Run) -> dict[str, list[Callable[..., Any]]]:
    """httpx event hooks that write each request and its answer to stderr, masked: URLs
    without credential values, no header values but their names, never a body."""
    import time

    def on_request(request: httpx.Request) -> None:
        request.extensions["lb_started"] = time.perf_counter()
        names = ", ".join(sorted(request.headers.keys()))
        _err(run.scrub(f"> {request.method} {_masked_url(request.url)} (headers: {names})"))

    def on_response(response: httpx.Response) -> None:
        started = response.request.extensions.get("lb_started", time.perf_counter())
        took = (time.perf_counter() - started) * 1000
        trace = response.headers.get("x-trace-id", "-")
        _err(
            run.scrub(
                f"< {response.status_code} {response.request.method} "
                f"{_masked_url(response.request.url)} ({took:.0f} ms, x-trace-id {trace})"
            )
        )

    return {"request": [on_request], "response": [on_response]}


def _when(expires_at: float, now: float) -> str:
    import datetime

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
    names = _scope_names()
    return " ".join(f"{item} ({names[item]})" if item in names else item for item in scope.split())


def _summary(token: Token) -> str:
    import time

    return f"expires {_when(token.expires_at, time.time())}, scope {_scope_text(token.scope)}"


# -- login ------------------------------------------------------------------------------------


def _open(open_browser: Callable[[str], object], url: str) -> None:
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


def _check_authorization_url(url: str, run: _Run) -> None:
    """Fetch the authorization URL once, redirects not followed: a server that refuses the
    request (RFC 6749 §4.1.2.1: unknown client_id or redirect_uri, answered without a redirect)
    ends the login now with its error, instead of after the whole wait."""
    import httpx

    from .errors import oauth_error_from_response

    hooks = _log_hooks(run) if run.verbose else {}
    with httpx.Client(
        timeout=30.0, follow_redirects=False, event_hooks=hooks, transport=_transport()
    ) as http:
        response = http.get(url)
    if response.status_code >= 400:
        raise oauth_error_from_response(response)


def _login(args: argparse.Namespace, run: _Run) -> int:
    from .rfc8252_loopback import CallbackServer

    scope = [item for group in args.scope or [] for item in group] or None
    with _client(args, run) as lb:
        if args.device:
            token = lb.device_login(_show_device_code, scope, sleep=run.sleep)
        else:
            try:
                server = CallbackServer(args.port, warn=_err)
            except OSError as exc:
                raise CliFailure(f"cannot listen on 127.0.0.1:{args.port}: {exc}") from None
            with server:
                request = lb.authorization_request(server.redirect_uri, scope)
                _check_authorization_url(request.url, run)
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
            if callback is None:
                raise CliFailure(
                    f"no redirect reached {server.redirect_uri} within {args.timeout:g} s; "
                    "run login again (or use login --device)"
                )
            token = lb.finish_authorization(callback, request)
        assert lb.credentials is not None
        _err(
            f"Logged in: client {lb.credentials.client_id}, {_summary(token)}.",
            f"Token stored in {args.token_dir}.",
        )
    return EXIT_OK


# -- token ------------------------------------------------------------------------------------


def _token_show(args: argparse.Namespace, run: _Run) -> int:
    import json
    import time

    from .token_store import FileTokenStore

    with _client(args, run) as lb:
        token = _stored(lb)
        if token is None:
            raise _not_logged_in(lb)
        assert lb.credentials is not None
        store = lb.token_store
        assert isinstance(store, FileTokenStore)
        path = str(store.path(lb.credentials.client_id))
        if args.json:
            info = {
                "client_id": lb.credentials.client_id,
                "server": lb.base_url,
                "stored_in": path,
                "token_type": token.token_type,
                "scope": token.scope.split() if token.scope else [],
                "expires_at": int(token.expires_at),
                "expires_in": int(token.expires_at - time.time()),
                "access_token": _REDACTED,
                "refresh_token": _REDACTED if token.refresh_token else None,
            }
            print(json.dumps(info, indent=2))
            return EXIT_OK
        rows = [
            ("client_id", lb.credentials.client_id),
            ("server", lb.base_url),
            ("stored in", path),
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
        _stored(lb)
        token = lb.refresh()
        _err(f"Refreshed: {_summary(token)}.")
    return EXIT_OK


def _token_revoke(args: argparse.Namespace, run: _Run) -> int:
    from .errors import TokenFileError

    with _client(args, run) as lb:
        try:
            token = lb.token
        except TokenFileError as exc:
            # Nothing in it can be revoked; deleting it is what the user asked for.
            assert lb.credentials is not None
            lb.token_store.delete(lb.credentials.client_id)
            _err(
                f"The stored token file was unreadable ({exc.reason}); deleted it. "
                "Nothing was revoked at the server."
            )
            return EXIT_OK
        if token is None:
            _err("No token stored; nothing to revoke.")
            return EXIT_OK
        lb.revoke()
        _err("Revoked at the server and deleted from the store.")
    return EXIT_OK


# -- register ---------------------------------------------------------------------------------


def _register(args: argparse.Namespace, run: _Run) -> int:
    import json

    import httpx

    from .flows import run_sync
    from .rfc6749_client import register_flow
    from .rfc8414_discovery import discovery_flow

    base_url = _base_url(args)
    metadata: dict[str, Any] = {
        "client_name": args.name,
        "redirect_uris": args.redirect_uri or [DEFAULT_REDIRECT_URI],
    }
    if args.confidential:
        metadata["token_endpoint_auth_method"] = "client_secret_basic"  # noqa: S105
    hooks = _log_hooks(run) if run.verbose else {}
    with httpx.Client(timeout=30.0, event_hooks=hooks, transport=_transport()) as http:
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


def _no_float(text: str) -> Any:
    """``--json``'s numbers with a fraction: refused, as the README says amounts never are
    floats (a binary float cannot hold 0.1 exactly; the API takes decimal text)."""
    raise UsageError(
        f'--json has the number {text}: send amounts as decimal text, "{text}", '
        "not a JSON number with a fraction"
    )


def _body(text: str | None) -> Any:
    import json

    if text is None:
        return None
    try:
        return json.loads(text, parse_float=_no_float)
    except ValueError as exc:
        raise UsageError(f"--json is not valid JSON: {exc}") from None


def _call(args: argparse.Namespace, run: _Run) -> int:
    import json

    from .errors import LongbridgeApiError, UnexpectedResponseError

    method: str = args.method
    path: str = args.path
    if not path.startswith("/") or path.startswith("//"):
        raise UsageError(f"PATH is a path on the server like /v1/quote/..., not {path!r}")
    params = _params(args.param)
    body = _body(args.json)
    with _client(args, run) as lb:
        if _stored(lb) is None:
            raise _not_logged_in(lb)
        try:
            data = lb.request(method, path, params=params or None, json=body)
        except LongbridgeApiError as exc:
            raise CliFailure(_api_failure(exc, args, run, params, body)) from None
        except UnexpectedResponseError as exc:
            if exc.http_status == 404:
                raise CliFailure(_not_found(method, path, exc)) from None
            raise
    print(_printable(json.dumps(data, indent=2, ensure_ascii=False)))
    return EXIT_OK


def _endpoint(method: str, path: str) -> Endpoint | None:
    from ..endpoints import find

    return find(method, path)


def _api_failure(
    exc: Any, args: argparse.Namespace, run: _Run, params: Mapping[str, Any], body: Any
) -> str:
    """The API error, and what to do about it where the spec says (scope, parameters)."""
    lines = [_api_error_line(exc)]
    endpoint = _endpoint(args.method, args.path)
    if exc.code == 403308:
        assert run.client is not None
        lines.append(_scope_hint(endpoint, args, run, run.client))
    elif str(exc.code).startswith("3") and endpoint is not None:
        lines.extend(_parameter_hints(endpoint, params, body))
    return "\n".join(line for line in lines if line)


def _scope_hint(
    endpoint: Endpoint | None, args: argparse.Namespace, run: _Run, lb: Longbridge
) -> str:
    """403308 (docs/longbridge-api.md §4.2 lists the code; the scope comes from the spec)."""
    if endpoint is None or endpoint.scope is None:
        return "The token lacks the scope this call needs; log in again with that --scope."
    try:
        token = lb.token
    except ValueError:
        token = None
    names = _scope_names()
    held = [names.get(item, item) for item in (token.scope or "").split()] if token else []
    wanted = [s for s in held if s in _scope_keys()]
    if endpoint.scope not in wanted:
        wanted.append(endpoint.scope)
    assert lb.credentials is not None
    # The options the environment would not supply again, so the command works as pasted.
    env = run.environ
    where = ""
    if args.base_url and args.base_url != _env("HTTP_URL", env):
        where += f" --base-url {args.base_url}"
    if args.token_dir != (_env("TOKEN_DIR", env) or DEFAULT_TOKEN_DIR):
        where += f" --token-dir {args.token_dir}"
    command = (
        f"{PROG} login --client-id {lb.credentials.client_id}{where} --scope {','.join(wanted)}"
    )
    return (
        f"{endpoint.method} {endpoint.path} needs the scope {endpoint.scope}, which the token "
        f"lacks. Log in again with it:\n    {command}"
    )


def _parameter_hints(endpoint: Endpoint, params: Mapping[str, Any], body: Any) -> list[str]:
    """The parameters the spec says are missing or wrong, for a 3xxxxx (bad request) answer."""
    given: dict[str, list[str]] = {k: [str(v) for v in vs] for k, vs in params.items()}
    if isinstance(body, dict):
        given.update({k: [str(v)] for k, v in body.items()})
    hints = []
    flag = {"query": "-p {}=VALUE", "body": "--json '{{\"{}\": ...}}'"}
    for param in endpoint.parameters:
        values = given.get(param.name)
        if values is None:
            if param.required:
                hints.append(
                    f"missing {param.name} (required by the spec; "
                    f"{flag[param.where].format(param.name)})"
                )
            continue
        if param.allowed:
            wrong = [v for v in values if v not in param.allowed]
            if wrong:
                hints.append(
                    f"{param.name}={wrong[0]} is not one the spec allows: "
                    f"{', '.join(param.allowed)}"
                )
    known = {param.name for param in endpoint.parameters}
    for name in sorted(set(given) - known):
        hints.append(f"{name} is not a parameter of {endpoint.method} {endpoint.path} in the spec")
    if not hints:
        names = ", ".join(
            f"{p.name}{' (required)' if p.required else ''}" for p in endpoint.parameters
        )
        hints.append(
            f"the spec's parameters of {endpoint.method} {endpoint.path}: {names or 'none'}"
        )
    return hints


def _not_found(method: str, path: str, exc: Any) -> str:
    from ..endpoints import methods_of

    methods = methods_of(path)
    if methods:
        known = f"the spec has {path} for {', '.join(methods)}, not {method}"
    else:
        known = f"{path} is not an endpoint of the spec"
    return f"error: the server has no {method} {path} (HTTP 404, trace_id={exc.trace_id}); {known}"


# -- main -------------------------------------------------------------------------------------


def _api_error_line(exc: Any) -> str:
    return f"error: {exc.message} (code={exc.code}, trace_id={exc.trace_id})"


def _failure(exc: BaseException) -> str:
    """The message of an error that ends a command with exit code 1."""
    import httpx

    from .errors import (
        LongbridgeApiError,
        NotAuthenticatedError,
        OAuthError,
        StateMismatchError,
        TokenRefreshError,
    )

    if isinstance(exc, CliFailure):
        text = str(exc)
        return text if text.startswith("error: ") else f"error: {text}"
    if isinstance(exc, LongbridgeApiError):
        return _api_error_line(exc)
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
        return f"error: {_url_of(exc)} did not answer in time ({type(exc).__name__})"
    if isinstance(exc, httpx.TransportError):
        return (
            f"error: cannot reach {_url_of(exc)}: {exc}; check --base-url "
            "(or LONGBRIDGE_HTTP_URL) and that the server is running"
        )
    if isinstance(exc, httpx.HTTPError):
        return f"error: {_url_of(exc)}: {exc}"
    return f"error: {exc}"


def _url_of(exc: httpx.HTTPError) -> str:
    """The URL of the failed request, credentials masked; "the server" when httpx has none."""
    try:
        return _masked_url(exc.request.url)
    except RuntimeError:  # httpx raises it when the error has no request
        return "the server"


def _exit_code(code: object) -> int:
    if code is None:
        return EXIT_OK
    return code if isinstance(code, int) else EXIT_USAGE


def _stdout_gone() -> int:
    """The reader of stdout went away (``| head -1``): end quietly, as a Unix filter does. The
    rest of the output goes to devnull so that the interpreter's final flush does not fail too
    (https://docs.python.org/3/library/signal.html#note-on-sigpipe)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_OK


def _complete(parser: argparse.ArgumentParser, environ: Mapping[str, str]) -> None:
    """Shell completion when argcomplete (optional) is installed and the shell asks for it."""
    if "_ARGCOMPLETE" not in environ:
        return
    try:
        import argcomplete
    except ImportError:
        return
    argcomplete.autocomplete(parser)


def main(
    argv: list[str] | None = None,
    *,
    open_browser: Callable[[str], object] | None = None,
    sleep: Callable[[float], None] | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    """Run the CLI; returns the exit code. ``open_browser`` (default ``webbrowser.open``),
    ``sleep`` (between device-flow polls) and ``environ`` are for tests."""
    run = _Run(
        environ=os.environ if environ is None else environ,
        open_browser=open_browser,
        sleep=sleep,
    )
    parser = build_parser(run.environ)
    _complete(parser, run.environ)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error argparse already reported
        return _exit_code(exc.code)
    run.verbose = bool(args.verbose)
    _skip_httpx_cli()
    try:
        return _dispatch(args, run, parser)
    except BrokenPipeError:
        return _stdout_gone()


def _dispatch(args: argparse.Namespace, run: _Run, parser: argparse.ArgumentParser) -> int:
    import httpx

    from .errors import LongbridgeError

    try:
        code: int = args.handler(args, run)
        sys.stdout.flush()  # a closed pipe shows here, inside the handling below
        return code
    except UsageError as exc:
        command: argparse.ArgumentParser = getattr(args, "command_parser", parser)
        command.print_usage(sys.stderr)
        _err(f"{command.prog}: error: {run.scrub(str(exc))}")
        return EXIT_USAGE
    except BrokenPipeError:
        raise
    except (CliFailure, LongbridgeError, httpx.HTTPError, OSError, ValueError) as exc:
        _err(run.scrub(_failure(exc)))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        _err("interrupted")
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    raise SystemExit(main())
