# Copied verbatim from generator/runtime/cli/options.py by `python -m generator`.
# Edit that file and regenerate; changes made here are lost and fail the drift check.
"""The options every command takes (``--verbose``, ``--base-url``, ``--region``,
``--client-id``, ``--token-dir``) and their ``LONGBRIDGE_`` (else ``LONGPORT_``) defaults."""

from __future__ import annotations

import argparse

# Not `from typing import TYPE_CHECKING`: typing costs a fifth of the interpreter's start-up,
# and type checkers know this constant by name.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

PROG = "longbridge-openapi"


# token_store.DEFAULT_TOKEN_DIR, written out: --help must not import the token store.
DEFAULT_TOKEN_DIR = "~/.longbridge/openapi-client/tokens"  # noqa: S105 (a folder, not a secret)


def env_var(name: str, environ: Mapping[str, str]) -> str | None:
    return environ.get(f"LONGBRIDGE_{name}") or environ.get(f"LONGPORT_{name}") or None


def common_options(env: Mapping[str, str], *, after_command: bool) -> argparse.ArgumentParser:
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
        default=default(env_var("HTTP_URL", env)),
        metavar="URL",
        help="server base URL (default: LONGBRIDGE_HTTP_URL, else the --region host)",
    )
    where.add_argument(
        "--region",
        choices=["global", "cn"],
        default=default(env_var("REGION", env)),
        help="global: openapi.longbridge.com, cn: openapi.longbridge.cn "
        "(default: LONGBRIDGE_REGION, else global)",
    )
    where.add_argument(
        "--client-id",
        default=default(env_var("CLIENT_ID", env)),
        metavar="ID",
        help="the registered OAuth client (default: LONGBRIDGE_CLIENT_ID)",
    )
    where.add_argument(
        "--token-dir",
        default=default(env_var("TOKEN_DIR", env) or DEFAULT_TOKEN_DIR),
        metavar="DIR",
        help=f"where tokens are stored (default: LONGBRIDGE_TOKEN_DIR, else {DEFAULT_TOKEN_DIR})",
    )
    return common
