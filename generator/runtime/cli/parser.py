"""The argument parser: the common options, before the command or after it (after it they win),
and each command's subparser, contributed by its own module."""

from __future__ import annotations

import argparse
import os

from ..version import __version__
from . import call_command, login_command, register_command, token_command
from .options import PROG, common_options

# Not `from typing import TYPE_CHECKING`: typing costs a fifth of the interpreter's start-up,
# and type checkers know this constant by name.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping


def build_parser(environ: Mapping[str, str] | None = None) -> argparse.ArgumentParser:
    """The argument parser; defaults come from ``environ`` (``os.environ`` if None)."""
    env = os.environ if environ is None else environ
    # The options go before the command or after it; after it they win.
    common = common_options(env, after_command=True)
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Log in to the Longbridge OpenAPI, manage the token, call the data API.",
        epilog="Exit codes: 0 success, 1 failure (API, OAuth, network), 2 usage, 130 interrupted.",
        parents=[common_options(env, after_command=False)],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    login_command.add_parser(commands, common)
    token_command.add_parser(commands, common)
    register_command.add_parser(commands, common)
    call_command.add_parser(commands, common)
    return parser
