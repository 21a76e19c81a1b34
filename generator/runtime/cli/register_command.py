"""``register``: dynamic client registration (RFC 7591), the one command that prints credentials
(the new client's ``client_secret`` and ``registration_access_token``), once."""

from __future__ import annotations

from .options import PROG
from .output import log_hooks, print_err
from .session import EXIT_OK, base_url_of, transport

# Not `from typing import TYPE_CHECKING`: typing costs a fifth of the interpreter's start-up,
# and type checkers know this constant by name.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import Any

    from .session import Run

DEFAULT_REDIRECT_URI = "http://127.0.0.1/callback"


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """``register``'s subparser."""
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


def _register(args: argparse.Namespace, run: Run) -> int:
    import json

    import httpx

    from ..flows import run_sync
    from ..rfc6749_client import register_flow
    from ..rfc8414_discovery import discovery_flow

    base_url = base_url_of(args)
    metadata: dict[str, Any] = {
        "client_name": args.name,
        "redirect_uris": args.redirect_uri or [DEFAULT_REDIRECT_URI],
    }
    if args.confidential:
        metadata["token_endpoint_auth_method"] = "client_secret_basic"  # noqa: S105
    hooks = log_hooks(run) if run.verbose else {}
    with httpx.Client(timeout=30.0, event_hooks=hooks, transport=transport()) as http:
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
    print_err(*lines)
    return EXIT_OK
