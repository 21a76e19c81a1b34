# Copied verbatim from generator/runtime/retry.py by `python -m generator`.
# Edit that file and regenerate; changes made here are lost and fail the drift check.
"""Retries with capped exponential backoff, full jitter and ``Retry-After``.

Only idempotent methods are retried (RFC 9110 §9.2.2), never the OAuth endpoints that issue or
revoke credentials, and only on 429/5xx or a connection error. ``Retry-After`` (RFC 9110 §10.2.3)
is the minimum wait; when it is longer than ``max_delay`` or the remaining budget the client gives
up and returns the response rather than retry early or sleep past the budget.

The official SDK retries HTTP 429 only, up to 5 times, 100 ms doubling
(docs/longbridge-api.md §4.3);
this policy also covers 5xx and connection errors, but no POST (an order must not be placed twice)
unless its JSON body carries an idempotency key (``client_request_id``,
docs/longbridge-api.md §5.2),
with which the server answers a repeat with the order it already placed.
"""

from __future__ import annotations

import json
import math
import random
import re
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC
from email.utils import parsedate_to_datetime
from typing import Any

import anyio
import httpx
from httpx._client import UseClientDefault  # no public alias; needed to override send() exactly
from httpx._config import DEFAULT_LIMITS
from httpx._types import AuthTypes

__all__ = [
    "IDEMPOTENCY_KEYS",
    "IDEMPOTENT_METHODS",
    "NEVER_RETRIED_PATHS",
    "RETRY_STATUSES",
    "RetryPolicy",
    "RetryingAsyncClient",
    "RetryingClient",
    "parse_retry_after",
]

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# RFC 9110 §9.2.2; POST is not idempotent, PATCH need not be.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
# Each call consumes or issues a credential (a code, a refresh token, a device code, a client), so
# a blind repeat can burn a one-time value or revoke a token family: never retried, any method.
NEVER_RETRIED_PATHS = (
    "/oauth2/token",
    "/oauth2/revoke",
    "/oauth2/device/authorize",
    "/oauth2/register",
)
# docs/longbridge-api.md §5.2: the server places one order per `client_request_id` (SDK 4.4.0).
IDEMPOTENCY_KEYS = ("client_request_id",)
# Client-side mistakes that no repeat can fix.
_NOT_TRANSIENT = (httpx.UnsupportedProtocol, httpx.LocalProtocolError)
# RFC 9110 §10.2.3 delta-seconds is 1*DIGIT; a decimal fraction is tolerated (the mock sends one).
_DELTA_SECONDS = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def parse_retry_after(value: str, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (RFC 9110 §10.2.3), or None if unparsable.

    ``value`` is delta-seconds or an HTTP-date (RFC 9110 §5.6.7, all three forms, always GMT);
    a date is taken relative to ``now`` (unix seconds), and a date in the past means 0.
    """
    text = value.strip()
    if _DELTA_SECONDS.fullmatch(text):
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # asctime form or "-0000": HTTP-date is GMT by definition
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - now)


def _reference_time(response: httpx.Response, now: float | None) -> float:
    """The response's own ``Date`` (RFC 9110 §6.6.1) if it has one, so that a skewed local clock
    does not distort an HTTP-date ``Retry-After``; else ``now``, else the wall clock."""
    date = response.headers.get("date")
    if date is not None:
        try:
            sent = parsedate_to_datetime(date)
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
        else:
            return (sent if sent.tzinfo else sent.replace(tzinfo=UTC)).timestamp()
    return time.time() if now is None else now


@dataclass(frozen=True)
class RetryPolicy:
    """When to retry and how long to wait; pure, so it is tested without sleeping.

    ``max_attempts`` counts the first attempt. ``max_elapsed`` bounds the time from the start of
    the first attempt to the start of the last one. ``rng`` draws the full jitter
    (``uniform(0, backoff)``); pass a seeded :class:`random.Random` in tests.
    """

    max_attempts: int = 4
    base_delay: float = 0.2
    max_delay: float = 10.0
    max_elapsed: float = 30.0
    jitter: bool = True
    retry_statuses: frozenset[int] = RETRY_STATUSES
    idempotent_methods: frozenset[str] = IDEMPOTENT_METHODS
    never_retried_paths: tuple[str, ...] = NEVER_RETRIED_PATHS
    # JSON body fields that make a POST safe to repeat: the server deduplicates on them.
    idempotency_keys: tuple[str, ...] = IDEMPOTENCY_KEYS
    rng: random.Random = field(default_factory=random.Random, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts counts the first attempt, so it is at least 1")
        for name in ("base_delay", "max_delay", "max_elapsed"):
            value = getattr(self, name)
            if not (value >= 0 and math.isfinite(value)):
                raise ValueError(f"{name} must be a finite number >= 0, not {value!r}")

    def retries(self, request: httpx.Request) -> bool:
        """Whether ``request`` may be sent more than once at all (method, endpoint, body)."""
        if request.url.path.rstrip("/").endswith(tuple(self.never_retried_paths)):
            return False
        method = request.method.upper()
        if method in self.idempotent_methods:
            return True
        return method == "POST" and self._has_idempotency_key(request)

    def _has_idempotency_key(self, request: httpx.Request) -> bool:
        if not self.idempotency_keys or "json" not in request.headers.get("content-type", ""):
            return False
        try:
            body = json.loads(request.content)
        except (ValueError, httpx.RequestNotRead):
            return False
        return isinstance(body, dict) and any(
            isinstance(body.get(k), str) and body[k] for k in self.idempotency_keys
        )

    def backoff(self, attempt: int) -> float:
        """The wait after attempt ``attempt`` (1-based) without ``Retry-After``: full jitter over
        ``min(max_delay, base_delay * 2 ** (attempt - 1))``."""
        ceiling = min(self.max_delay, self.base_delay * 2.0 ** min(max(attempt - 1, 0), 64))
        return self.rng.uniform(0.0, ceiling) if self.jitter else ceiling

    def next_delay(
        self,
        attempt: int,
        response: httpx.Response | None,
        elapsed: float,
        *,
        request: httpx.Request | None = None,
        now: float | None = None,
    ) -> float | None:
        """Seconds to wait before the next attempt, or None to stop.

        ``attempt`` is the 1-based number of the attempt that just ended; ``response`` is its
        response, or None after a connection error (then pass ``request``); ``elapsed`` is the
        time since the first attempt started; ``now`` (unix seconds) is the reference for an
        HTTP-date ``Retry-After`` when the response has no ``Date``.
        """
        if request is None:
            if response is None:
                raise ValueError("next_delay needs the response or, after an error, the request")
            request = response.request
        if attempt >= self.max_attempts or not self.retries(request):
            return None
        if response is not None and response.status_code not in self.retry_statuses:
            return None
        delay = self.backoff(attempt)
        header = response.headers.get("retry-after") if response is not None else None
        if response is not None and header is not None:
            wait = parse_retry_after(header, _reference_time(response, now))
            if wait is not None:
                if wait > self.max_delay:
                    return None  # retrying sooner than asked would ignore RFC 9110 §10.2.3
                delay = max(delay, wait)
        if elapsed + delay > self.max_elapsed:
            return None  # give up rather than sleep past the budget
        return delay


def _retryable_error(exc: httpx.TransportError) -> bool:
    return not isinstance(exc, _NOT_TRANSIENT)


def _joined(client: httpx.Client | httpx.AsyncClient, url: Any, params: Any) -> tuple[Any, Any]:
    """``(url, params)`` for ``build_request``, joined into one absolute URL when that is safe.

    httpx joins a relative path to ``base_url`` and then merges ``params``, parsing the URL three
    times per request; for a plain path (the generated calls) one parse of the joined text gives
    the same URL. Anything else is left to httpx as it came.
    """
    if not isinstance(url, str) or not url.startswith("/") or url.startswith("//"):
        return url, params  # "//host/..." names another host: httpx resolves it
    if "?" in url or "#" in url:
        return url, params
    base = str(client.base_url)
    # Client-level params merge with the request's in httpx's own order; a base with a query
    # keeps it out of the join.
    if client.params or "?" in base or "#" in base:
        return url, params
    # The base's path ends with "/" (httpx enforces it), but a bare host prints without it.
    joined = base + url[1:] if base.endswith("/") else base + url
    if params:
        query = str(httpx.QueryParams(params))
        if query:
            joined += "?" + query
    return httpx.URL(joined), None


class RetryingClient(httpx.Client):
    """An :class:`httpx.Client` whose ``send`` retries per ``retry``.

    Every attempt runs the whole auth flow again, so a signing auth signs each attempt afresh and a
    refreshing auth sees each new response. ``sleep`` and ``clock`` (monotonic seconds) are
    injectable for tests. As :class:`RetryingAsyncClient`, at most ``limits.max_connections``
    threads send at once; the others wait before their auth flow.
    """

    def __init__(
        self,
        *,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        **kwargs: Any,
    ) -> None:
        limits: httpx.Limits = kwargs.get("limits") or DEFAULT_LIMITS
        super().__init__(**kwargs)
        self.retry = retry if retry is not None else RetryPolicy()
        self._sleep = sleep
        self._clock = clock
        cap = limits.max_connections
        self._in_flight = threading.BoundedSemaphore(cap) if cap else None
        self.max_in_flight = cap

    def _send_once(
        self,
        request: httpx.Request,
        stream: bool,
        auth: AuthTypes | UseClientDefault | None,
        follow_redirects: bool | UseClientDefault,
    ) -> httpx.Response:
        send = super().send
        if self._in_flight is None:
            return send(request, stream=stream, auth=auth, follow_redirects=follow_redirects)
        with self._in_flight:
            return send(request, stream=stream, auth=auth, follow_redirects=follow_redirects)

    def build_request(
        self, method: str, url: Any, *, params: Any = None, **kwargs: Any
    ) -> httpx.Request:
        url, params = _joined(self, url, params)
        return super().build_request(method, url, params=params, **kwargs)

    def send(
        self,
        request: httpx.Request,
        *,
        stream: bool = False,
        auth: AuthTypes | UseClientDefault | None = httpx.USE_CLIENT_DEFAULT,
        follow_redirects: bool | UseClientDefault = httpx.USE_CLIENT_DEFAULT,
    ) -> httpx.Response:
        policy = self.retry
        if policy.max_attempts == 1 or not policy.retries(request):
            return self._send_once(request, stream, auth, follow_redirects)
        request.read()  # buffer the body once so that every attempt can send it again
        start = self._clock()
        attempt = 1
        while True:
            try:
                response = self._send_once(request, stream, auth, follow_redirects)
            except httpx.TransportError as exc:
                delay = (
                    policy.next_delay(attempt, None, self._clock() - start, request=request)
                    if _retryable_error(exc)
                    else None
                )
                if delay is None:
                    raise
            else:
                delay = policy.next_delay(attempt, response, self._clock() - start)
                if delay is None:
                    return response
                response.close()
            self._sleep(delay)
            attempt += 1


class RetryingAsyncClient(httpx.AsyncClient):
    """An :class:`httpx.AsyncClient` whose ``send`` retries per ``retry``; see
    :class:`RetryingClient`. ``sleep`` defaults to :func:`asyncio.sleep`.

    At most ``limits.max_connections`` sends run at once (httpx's default pool: 100); the rest
    wait before their auth flow rather than in the pool after it. A call that waited in the pool
    carried the token of the moment it queued: when the server rejects that token, every queued
    call met its own 401 before retrying (1,000 calls, 1,000 401s). Waiting first, they pick up
    the token the first 401's refresh stored (scripts/bench, "refresh under concurrency").
    With your own ``transport``, pass its ``limits`` too: only this cap then reads them.
    """

    def __init__(
        self,
        *,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        clock: Callable[[], float] = time.monotonic,
        **kwargs: Any,
    ) -> None:
        limits: httpx.Limits = kwargs.get("limits") or DEFAULT_LIMITS
        super().__init__(**kwargs)
        if sleep is None:
            import asyncio  # here, not at the top: importing asyncio costs ~10 ms of package import

            sleep = asyncio.sleep
        self.retry = retry if retry is not None else RetryPolicy()
        self._sleep = sleep
        self._clock = clock
        cap = limits.max_connections
        self._in_flight = anyio.Semaphore(cap) if cap else None
        self.max_in_flight = cap

    async def _send_once(
        self,
        request: httpx.Request,
        stream: bool,
        auth: AuthTypes | UseClientDefault | None,
        follow_redirects: bool | UseClientDefault,
    ) -> httpx.Response:
        send = super().send
        if self._in_flight is None:
            return await send(request, stream=stream, auth=auth, follow_redirects=follow_redirects)
        async with self._in_flight:
            return await send(request, stream=stream, auth=auth, follow_redirects=follow_redirects)

    def build_request(
        self, method: str, url: Any, *, params: Any = None, **kwargs: Any
    ) -> httpx.Request:
        url, params = _joined(self, url, params)
        return super().build_request(method, url, params=params, **kwargs)

    async def send(
        self,
        request: httpx.Request,
        *,
        stream: bool = False,
        auth: AuthTypes | UseClientDefault | None = httpx.USE_CLIENT_DEFAULT,
        follow_redirects: bool | UseClientDefault = httpx.USE_CLIENT_DEFAULT,
    ) -> httpx.Response:
        policy = self.retry
        if policy.max_attempts == 1 or not policy.retries(request):
            return await self._send_once(request, stream, auth, follow_redirects)
        await request.aread()  # buffer the body once so that every attempt can send it again
        start = self._clock()
        attempt = 1
        while True:
            try:
                response = await self._send_once(request, stream, auth, follow_redirects)
            except httpx.TransportError as exc:
                delay = (
                    policy.next_delay(attempt, None, self._clock() - start, request=request)
                    if _retryable_error(exc)
                    else None
                )
                if delay is None:
                    raise
            else:
                delay = policy.next_delay(attempt, response, self._clock() - start)
                if delay is None:
                    return response
                await response.aclose()
            await self._sleep(delay)
            attempt += 1
