# Copied verbatim from generator/runtime/cli/session.py by `python -m generator`.
# Edit that file and regenerate; changes made here are lost and fail the drift check.
"""One run of the CLI: its injectable pieces, the credentials to scrub from what it prints, the
client a command opens, and the two failures a command raises (usage: exit 2; failure: exit 1)."""

from __future__ import annotations

from .options import PROG, env_var
from .output import REDACTED, log_hooks

# Not `from typing import TYPE_CHECKING`: typing costs a fifth of the interpreter's start-up,
# and type checkers know this constant by name.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Mapping

    import httpx

    from ..facade import Longbridge
    from ..token import Token

    OpenBrowser = Callable[[str], object]

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class UsageError(Exception):
    """A mistake on the command line (exit 2)."""


class CliFailure(Exception):
    """A failure with a message of its own (exit 1)."""


class Run:
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
        from ..errors import TokenFileError
        from ..refreshing_auth import RefreshingBearerAuth

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
                text = text.replace(value, REDACTED)
        return text


def base_url_of(args: argparse.Namespace) -> str:
    from ..rfc8414_discovery import base_url_for

    try:
        return base_url_for(args.region, args.base_url)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def open_client(args: argparse.Namespace, run: Run) -> Longbridge:
    from ..facade import Longbridge
    from ..token_store import FileTokenStore

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
    secret = env_var("CLIENT_SECRET", run.environ)
    if secret:
        run.secrets.add(secret)
    lb = Longbridge(
        args.client_id,
        client_secret=secret,
        base_url=base_url_of(args),
        token_store=store,
        transport=transport(),
        limits=_limits(),
    )
    if run.verbose:
        lb._http.event_hooks = log_hooks(run)
    run.client = lb
    return lb


def _limits() -> httpx.Limits:
    from ..facade import DEFAULT_LIMITS

    return DEFAULT_LIMITS


def transport() -> httpx.BaseTransport:
    """No CA bundle loaded for a command that only talks to an ``http://`` server (the mock)."""
    from ..lazy_tls_transport import LazyTlsTransport

    return LazyTlsTransport(_limits())


def stored_token(lb: Longbridge) -> Token | None:
    """The stored token; an unreadable token file fails naming the file and the fix
    (:class:`TokenFileError` says both)."""
    from ..errors import TokenFileError

    try:
        return lb.token
    except TokenFileError as exc:
        raise CliFailure(str(exc)) from None


def not_logged_in(lb: Longbridge) -> Exception:
    from ..errors import NotAuthenticatedError

    assert lb.credentials is not None
    return NotAuthenticatedError(f"no token stored for client {lb.credentials.client_id}")
