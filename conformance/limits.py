"""Bounded time: every request of a run has a timeout, and the whole run a deadline.

``--timeout`` reaches the suite as ``CONFORMANCE_TIMEOUT`` (seconds per request, default 10);
``--deadline`` is kept by the CLI, which stops the suite when it is reached. A server that stops
answering ends the run too: after :data:`MAX_TIMEOUTS_IN_A_ROW` checks in a row failed on a
request timeout, the suite stops with that verdict instead of waiting out every check.
"""

from __future__ import annotations

import os

import httpx

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_TIMEOUT",
    "ENV_TIMEOUT",
    "MAX_TIMEOUTS_IN_A_ROW",
    "http_timeout",
    "request_timeout",
]

ENV_TIMEOUT = "CONFORMANCE_TIMEOUT"
DEFAULT_TIMEOUT = 10.0
# A whole run against the mock took 47-75 s here (dev profile, two shared cores): thirty minutes
# leaves room for the thorough profile and a live run at two requests a second.
DEFAULT_DEADLINE = 30 * 60.0
MAX_TIMEOUTS_IN_A_ROW = 3


def request_timeout() -> float:
    """Seconds a request may take (connect, each read, each write): --timeout, else 10."""
    given = os.environ.get(ENV_TIMEOUT)
    return float(given) if given else DEFAULT_TIMEOUT


def http_timeout() -> httpx.Timeout:
    return httpx.Timeout(request_timeout())
