# Copied verbatim from generator/runtime/cli/token_command.py by `python -m generator`.
# Edit that file and regenerate; changes made here are lost and fail the drift check.
"""``token show | refresh | revoke``: the stored token, shown without its secrets, refreshed now,
or revoked at the server (RFC 7009) and deleted."""

from __future__ import annotations

from .output import REDACTED, expiry_text, print_err, printable, scope_text, token_summary
from .session import EXIT_OK, not_logged_in, open_client, stored_token

# Not `from typing import TYPE_CHECKING`: typing costs a fifth of the interpreter's start-up,
# and type checkers know this constant by name.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from .session import Run


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """``token``'s subparser, with one of its own per action."""
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


def _token_show(args: argparse.Namespace, run: Run) -> int:
    import json
    import time

    from ..token_store import FileTokenStore

    with open_client(args, run) as lb:
        token = stored_token(lb)
        if token is None:
            raise not_logged_in(lb)
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
                "access_token": REDACTED,
                "refresh_token": REDACTED if token.refresh_token else None,
            }
            print(json.dumps(info, indent=2))
            return EXIT_OK
        rows = [
            ("client_id", lb.credentials.client_id),
            ("server", lb.base_url),
            ("stored in", path),
            ("token_type", token.token_type),
            ("scope", scope_text(token.scope)),
            ("expires_at", expiry_text(token.expires_at, time.time())),
            ("access_token", REDACTED),
            ("refresh_token", REDACTED if token.refresh_token else "(none: log in again)"),
        ]
        width = max(len(name) for name, _ in rows)
        print(printable("\n".join(f"{name:<{width}}  {value}" for name, value in rows)))
    return EXIT_OK


def _token_refresh(args: argparse.Namespace, run: Run) -> int:
    with open_client(args, run) as lb:
        stored_token(lb)
        token = lb.refresh()
        print_err(f"Refreshed: {token_summary(token)}.")
    return EXIT_OK


def _token_revoke(args: argparse.Namespace, run: Run) -> int:
    from ..errors import TokenFileError

    with open_client(args, run) as lb:
        try:
            token = lb.token
        except TokenFileError as exc:
            # Nothing in it can be revoked; deleting it is what the user asked for.
            assert lb.credentials is not None
            lb.token_store.delete(lb.credentials.client_id)
            print_err(
                f"The stored token file was unreadable ({exc.reason}); deleted it. "
                "Nothing was revoked at the server."
            )
            return EXIT_OK
        if token is None:
            print_err("No token stored; nothing to revoke.")
            return EXIT_OK
        lb.revoke()
        print_err("Revoked at the server and deleted from the store.")
    return EXIT_OK
