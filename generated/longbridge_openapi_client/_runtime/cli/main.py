# Copied verbatim from generator/runtime/cli/main.py by `python -m generator`.
# Edit that file and regenerate; changes made here are lost and fail the drift check.
"""``main``: parse the command line, run the command's handler, and turn what it raises into a
message on stderr and an exit code (0, 1 failure, 2 usage, 130 interrupted)."""

from __future__ import annotations

import os
import sys

from .failures import failure_message
from .output import print_err
from .parser import build_parser
from .session import (
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    CliFailure,
    Run,
    UsageError,
)

# Not `from typing import TYPE_CHECKING`: typing costs a fifth of the interpreter's start-up,
# and type checkers know this constant by name.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Mapping

__all__ = ["main"]


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
    run = Run(
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


def _dispatch(args: argparse.Namespace, run: Run, parser: argparse.ArgumentParser) -> int:
    import httpx

    from ..errors import LongbridgeError

    try:
        code: int = args.handler(args, run)
        sys.stdout.flush()  # a closed pipe shows here, inside the handling below
        return code
    except UsageError as exc:
        command: argparse.ArgumentParser = getattr(args, "command_parser", parser)
        command.print_usage(sys.stderr)
        print_err(f"{command.prog}: error: {run.scrub(str(exc))}")
        return EXIT_USAGE
    except BrokenPipeError:
        raise
    except (CliFailure, LongbridgeError, httpx.HTTPError, OSError, ValueError) as exc:
        print_err(run.scrub(failure_message(exc)))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print_err("interrupted")
        return EXIT_INTERRUPTED
