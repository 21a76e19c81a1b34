"""Response headers the mock adds around its OAuth endpoints' replies.

- Pages a person sees (the consent page, the device verification page) cannot be framed: RFC
  9700 §4.16 (https://www.rfc-editor.org/rfc/rfc9700#section-4.16) requires authorization servers
  to prevent clickjacking, naming X-Frame-Options and CSP ``frame-ancestors``; and they send no
  Referer onwards, RFC 9700 §4.2.4's referrer policy.
- Token responses carry ``Pragma: no-cache`` beside ``Cache-Control: no-store`` (RFC 6749 §5.1);
  a deviation drops it.
"""

from __future__ import annotations

from dataclasses import replace

from .config import Deviation
from .context import Context
from .http import Reply

__all__ = ["ANTI_FRAMING", "REFERRER_POLICY", "with_page_headers"]

ANTI_FRAMING = {"X-Frame-Options": "DENY", "Content-Security-Policy": "frame-ancestors 'none'"}
REFERRER_POLICY = {"Referrer-Policy": "no-referrer"}


def with_page_headers(ctx: Context, reply: Reply) -> Reply:
    """``reply`` with the headers above (the core's own headers win), minus what deviates."""
    headers = dict(reply.headers)
    if ctx.deviates(Deviation.OMIT_PRAGMA):
        headers = {k: v for k, v in headers.items() if k.lower() != "pragma"}
    if reply.media_type == "text/html" and isinstance(reply.body, str):
        if not ctx.deviates(Deviation.NO_ANTI_FRAMING):
            headers = {**ANTI_FRAMING, **headers}
        if not ctx.deviates(Deviation.NO_REFERRER_POLICY):
            headers = {**REFERRER_POLICY, **headers}
    return replace(reply, headers=headers)
