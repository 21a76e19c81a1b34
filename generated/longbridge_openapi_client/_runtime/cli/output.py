# Copied verbatim from generator/runtime/cli/output.py by `python -m generator`.
# Edit that file and regenerate; changes made here are lost and fail the drift check.
"""What the CLI writes: server text with its control characters escaped, URLs with credential
values masked, the ``--verbose`` request log, and how a token's expiry and scope read."""

from __future__ import annotations

import sys

# Not `from typing import TYPE_CHECKING`: typing costs a fifth of the interpreter's start-up,
# and type checkers know this constant by name.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    import httpx

    from ..token import Token
    from .session import Run

REDACTED = "<redacted>"


# Query and form names whose values are credentials (RFC 6749 §4.1.2, §5.1, §6; RFC 7636 §4.1).
SECRET_NAMES = frozenset(
    {"code", "access_token", "refresh_token", "token", "client_secret", "code_verifier"}
)


# C0 and C1 controls but newline and tab, and the bidi overrides: what lets a server's text
# (error_description, a device code's URI) move the cursor, retitle or clear the terminal.
# A translate table, not a regex: the CLI imports no more than it needs before a command runs.
_CONTROL = {
    c: chr(c).encode("unicode_escape").decode("ascii")
    for r in (range(0x00, 0x09), range(0x0B, 0x20), range(0x7F, 0xA0))
    for c in r
} | {c: f"\\u{c:04x}" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def printable(text: str) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``), not obeyed."""
    return text.translate(_CONTROL)


def print_err(*lines: str) -> None:
    print(*(printable(line) for line in lines), sep="\n", file=sys.stderr, flush=True)


def masked_url(url: httpx.URL) -> str:
    """``url`` with the values of credential parameters replaced (``--verbose``)."""
    from urllib.parse import parse_qsl, urlencode

    if not url.query:
        return str(url)
    pairs = parse_qsl(url.query.decode("ascii", "replace"), keep_blank_values=True)
    masked = [(k, REDACTED if k in SECRET_NAMES else v) for k, v in pairs]
    return str(url.copy_with(query=urlencode(masked, safe="<>").encode("ascii")))


def url_of(exc: httpx.HTTPError) -> str:
    """The URL of the failed request, credentials masked; "the server" when httpx has none."""
    try:
        return masked_url(exc.request.url)
    except RuntimeError:  # httpx raises it when the error has no request
        return "the server"


def log_hooks(run: Run) -> dict[str, list[Callable[..., Any]]]:
    """httpx event hooks that write each request and its answer to stderr, masked: URLs
    without credential values, no header values but their names, never a body."""
    import time

    def on_request(request: httpx.Request) -> None:
        request.extensions["lb_started"] = time.perf_counter()
        names = ", ".join(sorted(request.headers.keys()))
        print_err(run.scrub(f"> {request.method} {masked_url(request.url)} (headers: {names})"))

    def on_response(response: httpx.Response) -> None:
        started = response.request.extensions.get("lb_started", time.perf_counter())
        took = (time.perf_counter() - started) * 1000
        trace = response.headers.get("x-trace-id", "-")
        print_err(
            run.scrub(
                f"< {response.status_code} {response.request.method} "
                f"{masked_url(response.request.url)} ({took:.0f} ms, x-trace-id {trace})"
            )
        )

    return {"request": [on_request], "response": [on_response]}


def scope_keys() -> dict[str, int]:
    from ...scopes import SCOPES

    return {s.key: s.id for s in SCOPES if s.key}


def scope_names() -> dict[str, str]:
    return {str(id_): key for key, id_ in scope_keys().items()}


def expiry_text(expires_at: float, now: float) -> str:
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


def scope_text(scope: str | None) -> str:
    if not scope:
        return "(not stated)"
    names = scope_names()
    return " ".join(f"{item} ({names[item]})" if item in names else item for item in scope.split())


def token_summary(token: Token) -> str:
    import time

    return f"expires {expiry_text(token.expires_at, time.time())}, scope {scope_text(token.scope)}"
