"""One implementation of each multi-step protocol, for sync and async callers alike.

A flow is a generator that yields an ``httpx.Request`` (and gets the response back) or a
:class:`Sleep`, and returns its result, the way ``httpx.Auth.auth_flow`` works. ``run_sync`` and
``run_async`` drive it with a client; tests drive it by hand.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Generator
from dataclasses import dataclass
from typing import TypeVar

import httpx

__all__ = ["Flow", "Sleep", "fetch", "run_async", "run_sync"]

T = TypeVar("T")


@dataclass(frozen=True)
class Sleep:
    seconds: float


Flow = Generator[httpx.Request | Sleep, httpx.Response | None, T]


def fetch(request: httpx.Request) -> Flow[httpx.Response]:
    """``response = yield from fetch(request)`` inside a flow."""
    response = yield request
    if response is None:
        raise RuntimeError("a flow driver sent no response for a request")
    return response


def run_sync(flow: Flow[T], http: httpx.Client, sleep: Callable[[float], object] = time.sleep) -> T:
    """Run ``flow`` with a synchronous client."""
    try:
        step = next(flow)
        while True:
            if isinstance(step, Sleep):
                sleep(step.seconds)
                step = flow.send(None)
            else:
                response = http.send(step, auth=None)  # OAuth calls carry no bearer token
                response.read()
                step = flow.send(response)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]


async def run_async(
    flow: Flow[T],
    http: httpx.AsyncClient,
    sleep: Callable[[float], Awaitable[None]] | None = None,
) -> T:
    """Run ``flow`` with an asynchronous client; ``sleep`` defaults to :func:`asyncio.sleep`."""
    if sleep is None:
        import asyncio  # here, not at the top: importing asyncio costs ~10 ms of package import

        sleep = asyncio.sleep
    try:
        step = next(flow)
        while True:
            if isinstance(step, Sleep):
                await sleep(step.seconds)
                step = flow.send(None)
            else:
                response = await http.send(step, auth=None)
                await response.aread()
                step = flow.send(response)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
