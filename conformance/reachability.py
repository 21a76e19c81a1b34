"""Reachability first: one request before the suite starts, so an unreachable server gets one
line naming the URL and the error (exit status 2), not a traceback per check.
"""

from __future__ import annotations

import ssl
from pathlib import Path

import httpx

from conformance.redact import mask

__all__ = ["PROBE_PATH", "unreachable"]

# RFC 8414 §3: the first thing the suite asks. Any HTTP answer, 404 included, means reachable.
PROBE_PATH = "/.well-known/oauth-authorization-server"


def unreachable(base_url: str, timeout: float, ca_file: Path | None = None) -> str | None:
    """Why ``base_url`` cannot be reached in ``timeout`` seconds; None when it answered.

    ``ca_file`` (``--ca-file``) is trusted as the suite's own clients trust it.
    """
    verify: ssl.SSLContext | bool = True
    if ca_file is not None:
        verify = ssl.create_default_context(cafile=str(ca_file))
    try:
        httpx.get(f"{base_url}{PROBE_PATH}", timeout=timeout, verify=verify)
    except httpx.TimeoutException:
        return f"no answer within {timeout:g} s (--timeout)"
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        return mask(f"{type(exc).__name__}: {exc}")
    return None
