"""``login``: the authorization code flow with PKCE and a loopback redirect (RFC 8252 §7.3), or
the device flow (RFC 8628) with ``--device``."""

from __future__ import annotations

import argparse

from .output import log_hooks, print_err, scope_keys, scope_names, token_summary
from .session import EXIT_OK, CliFailure, open_client, transport

# Not `from typing import TYPE_CHECKING`: typing costs a fifth of the interpreter's start-up,
# and type checkers know this constant by name.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from ..rfc6749_client import DeviceAuthorization
    from .session import Run

DEFAULT_LOGIN_TIMEOUT = 300.0  # seconds, as the official SDK waits for its callback


def _scopes(text: str) -> list[str]:
    """``--scope``: keys or ids, separated by spaces or commas."""
    items = text.replace(",", " ").split()
    keys, names = scope_keys(), scope_names()
    for item in items:
        if item not in keys and item not in names:
            known = ", ".join(f"{key} ({id_})" for key, id_ in keys.items())
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


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """``login``'s subparser."""
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


def _open(open_browser: Callable[[str], object], url: str) -> None:
    try:
        opened = open_browser(url)
    except Exception as exc:  # a browser that fails to start is not a reason to give up
        print_err(f"could not open a browser ({type(exc).__name__}); open the URL yourself")
        return
    if opened is False:
        print_err("no browser opened; open the URL yourself")


def _show_device_code(device: DeviceAuthorization) -> None:
    lines = [
        f"To log in, open {device.verification_uri}",
        f"and enter the code: {device.user_code}",
    ]
    if device.verification_uri_complete:
        lines.append(f"(or open {device.verification_uri_complete})")
    lines.append(f"The code expires in {device.expires_in} s. Waiting for approval...")
    print_err(*lines)


def _check_authorization_url(url: str, run: Run) -> None:
    """Fetch the authorization URL once, redirects not followed: a server that refuses the
    request (RFC 6749 §4.1.2.1: unknown client_id or redirect_uri, answered without a redirect)
    ends the login now with its error, instead of after the whole wait."""
    import httpx

    from ..errors import oauth_error_from_response

    hooks = log_hooks(run) if run.verbose else {}
    with httpx.Client(
        timeout=30.0, follow_redirects=False, event_hooks=hooks, transport=transport()
    ) as http:
        response = http.get(url)
    if response.status_code >= 400:
        raise oauth_error_from_response(response)


def _login(args: argparse.Namespace, run: Run) -> int:
    from ..rfc8252_loopback import CallbackServer

    scope = [item for group in args.scope or [] for item in group] or None
    with open_client(args, run) as lb:
        if args.device:
            token = lb.device_login(_show_device_code, scope, sleep=run.sleep)
        else:
            try:
                server = CallbackServer(args.port, warn=print_err)
            except OSError as exc:
                raise CliFailure(f"cannot listen on 127.0.0.1:{args.port}: {exc}") from None
            with server:
                request = lb.authorization_request(server.redirect_uri, scope)
                _check_authorization_url(request.url, run)
                server.start(request.state)
                print_err(
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
        print_err(
            f"Logged in: client {lb.credentials.client_id}, {token_summary(token)}.",
            f"Token stored in {args.token_dir}.",
        )
    return EXIT_OK
