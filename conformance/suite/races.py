"""Parallel requests that reach the server together: the race checks' sending side.

Each request gets its own connection, opened before the start (a request to the metadata), and
its own thread; a barrier releases them at once, so they arrive within a few milliseconds of
each other rather than one after another. A server that checks "unused" and marks "used" in two
steps lets more than one through (OAuch's Concurrency tests,
https://github.com/DistriNet/OAuch, src/OAuch/OAuch.Tests/Tests/Concurrency/).
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx

from conformance.evidence import event_hooks
from conformance.limits import http_timeout, request_timeout
from conformance.suite.helpers import OAuthSession

__all__ = ["PARALLEL", "race"]

PARALLEL = 5  # requests per race, as OAuch's single-server tests send


def race(
    session: OAuthSession, send: Callable[[OAuthSession], httpx.Response], n: int = PARALLEL
) -> list[httpx.Response]:
    """``send`` run ``n`` times in parallel, each on its own connection; the responses."""
    barrier = threading.Barrier(n)
    warm = session.endpoints.source or session.base_url
    clients = [
        httpx.Client(follow_redirects=False, timeout=http_timeout(), event_hooks=event_hooks())
        for _ in range(n)
    ]

    def one(client: httpx.Client) -> httpx.Response:
        client.get(warm)  # the connection (and TLS handshake) before the start, not in the race
        racer = copy.copy(session)
        racer.raw = client
        barrier.wait(timeout=request_timeout() * 2)
        return send(racer)

    try:
        with ThreadPoolExecutor(max_workers=n, thread_name_prefix="race") as pool:
            return list(pool.map(one, clients))
    finally:
        for client in clients:
            client.close()
