"""The last HTTP exchange of a check: what a failure's report shows as its evidence.

Every client the suite builds gets :func:`event_hooks`; the report plugin reads :func:`last`
when a check fails and clears it before the next (:func:`clear`). Secrets are masked here,
before the body is cut to its excerpt: a credential cut in half would no longer be recognised
by its quotes when the report is written (redact.py masks it again there).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import httpx

from conformance.redact import mask

__all__ = ["EXCERPT", "Exchange", "clear", "event_hooks", "last"]

EXCERPT = 500  # characters of the response body kept
_MASKED = 65536  # characters masked before the cut: any value reaching into the excerpt


@dataclass(frozen=True)
class Exchange:
    request_line: str  # "GET /path?query"
    status: int
    excerpt: str


_lock = threading.Lock()
_last: list[Exchange] = []


def _record(response: httpx.Response) -> None:
    request = response.request
    target = mask(request.url.raw_path.decode("ascii", "replace"))
    try:
        response.read()  # an event hook sees the body only once it is read (httpx docs)
        body = mask(response.text[:_MASKED])[:EXCERPT]
    except (httpx.HTTPError, UnicodeDecodeError):
        body = ""
    exchange = Exchange(f"{request.method} {target}", response.status_code, body)
    with _lock:
        _last[:] = [exchange]


def event_hooks() -> dict[str, list[Any]]:
    """httpx ``event_hooks`` that keep the latest response for the report."""
    return {"response": [_record]}


def last() -> Exchange | None:
    with _lock:
        return _last[0] if _last else None


def clear() -> None:
    with _lock:
        _last.clear()
