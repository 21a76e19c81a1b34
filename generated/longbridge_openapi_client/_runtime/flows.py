# Copied verbatim from generator/runtime/flows.py by `python -m generator`.
# Edit that file and regenerate; changes made here are lost and fail the drift check.
"""One implementation of each multi-step protocol, for sync and async callers alike.

A flow is a generator that yields an ``httpx.Request`` (and gets the response back) or a
:class:`Sleep`, and returns its result, the way ``httpx.Auth.auth_flow`` works. ``run_sync`` and
``run_async`` drive it with a client; tests drive it by hand.

The servers' answers to these flows (OAuth, discovery, registration) are bounded: at most
:data:`MAX_BODY` bytes, and a whole-request deadline taken from the client's timeout, so a server
sending a huge document or one byte at a time cannot hold the caller (httpx's own timeouts apply
to each read, not to the request).
"""

from __future__ import annotations

import math
import time
from collections.abc import Awaitable, Callable, Generator
from dataclasses import dataclass
from typing import TypeVar

import anyio
import httpx

from .errors import ResponseLimitError

__all__ = [
    "MAX_BODY",
    "Flow",
    "Sleep",
    "aread_bounded",
    "deadline_of",
    "fetch",
    "read_bounded",
    "run_async",
    "run_sync",
]

MAX_BODY = 1 << 20  # 1 MiB: metadata and token answers are a few hundred bytes

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


def deadline_of(timeout: httpx.Timeout) -> float | None:
    """Seconds one whole request may take: the longest of the client's timeouts (None: none)."""
    limits = [t for t in (timeout.connect, timeout.read, timeout.write, timeout.pool) if t]
    return max(limits) if limits else None


def _where(url: httpx.URL) -> str:
    return str(url.copy_with(query=None, fragment=None))  # a query might carry a credential


def _keep(response: httpx.Response, chunks: list[bytes]) -> None:
    # What httpx's own read() does after iterating: later .content and .json() use it.
    response._content = b"".join(chunks)


def read_bounded(
    response: httpx.Response, max_body: int = MAX_BODY, deadline: float | None = None
) -> None:
    """Read a streamed body of at most ``max_body`` bytes, by ``deadline`` (monotonic time)."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_body:
            raise ResponseLimitError(_where(response.request.url), f"more than {max_body} bytes")
        if deadline is not None and time.monotonic() > deadline:
            raise ResponseLimitError(_where(response.request.url), "past the deadline")
        chunks.append(chunk)
    _keep(response, chunks)


async def aread_bounded(response: httpx.Response, max_body: int = MAX_BODY) -> None:
    """:func:`read_bounded` for async responses; the caller bounds the time."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_body:
            raise ResponseLimitError(_where(response.request.url), f"more than {max_body} bytes")
        chunks.append(chunk)
    _keep(response, chunks)


def run_sync(flow: Flow[T], http: httpx.Client, sleep: Callable[[float], object] = time.sleep) -> T:
    """Run ``flow`` with a synchronous client.

    The deadline is checked between the chunks of a body: a blocking socket cannot be
    interrupted, so the wait for the first byte stays bounded by the client's read timeout.
    """
    seconds = deadline_of(http.timeout)
    try:
        step = next(flow)
        while True:
            if isinstance(step, Sleep):
                sleep(step.seconds)
                step = flow.send(None)
            else:
                deadline = None if seconds is None else time.monotonic() + seconds
                # OAuth calls carry no bearer token.
                response = http.send(step, auth=None, stream=True)
                try:
                    read_bounded(response, MAX_BODY, deadline)
                finally:
                    response.close()
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
                seconds = deadline_of(http.timeout)
                try:
                    with anyio.fail_after(math.inf if seconds is None else seconds):
                        response = await http.send(step, auth=None, stream=True)
                        try:
                            await aread_bounded(response)
                        finally:
                            await response.aclose()
                except TimeoutError:
                    raise ResponseLimitError(_where(step.url), "past the deadline") from None
                step = flow.send(response)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
