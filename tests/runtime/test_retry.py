"""Retries (runtime/retry.py): the pure policy, its properties, and the clients against the mock."""

from __future__ import annotations

import asyncio
import random
import threading
import time
from collections.abc import Callable, Generator, Iterator
from datetime import UTC, datetime
from email.utils import format_datetime

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conformance.mock_server import MockConfig, create_app, parse_fault
from conformance.mock_server.clock import FakeClock
from conformance.mock_server.legacy_signature import canonical_request, sign
from conformance.mock_server.transport import SyncASGITransport
from longbridge_openapi_client._runtime.retry import (
    RetryingAsyncClient,
    RetryingClient,
    RetryPolicy,
    parse_retry_after,
)

BASE = "http://mock.test"
DISCOVERY = "/.well-known/oauth-authorization-server"
NOW = 1_767_225_600.0  # 2026-01-01T00:00:00Z


def http_date(t: float) -> str:
    return format_datetime(datetime.fromtimestamp(t, UTC), usegmt=True)


def reply(
    status: int, method: str = "GET", path: str = "/v1/quote/x", **headers: str
) -> httpx.Response:
    return httpx.Response(status, headers=headers, request=httpx.Request(method, BASE + path))


def fixed(**kwargs: float | int) -> RetryPolicy:
    """A policy without jitter, so delays are exact."""
    return RetryPolicy(jitter=False, **kwargs)  # type: ignore[arg-type]


# --- the policy ------------------------------------------------------------------------------


def test_backoff_doubles_then_caps() -> None:
    policy = fixed(base_delay=0.2, max_delay=1.0, max_attempts=10, max_elapsed=1000)
    delays = [policy.next_delay(n, reply(503), 0.0) for n in range(1, 7)]
    assert delays == pytest.approx([0.2, 0.4, 0.8, 1.0, 1.0, 1.0])


def test_huge_attempt_numbers_do_not_overflow() -> None:
    assert fixed(max_attempts=10**9, max_delay=5).backoff(10**8) == 5.0


def test_full_jitter_stays_within_the_exponential_ceiling() -> None:
    a = RetryPolicy(rng=random.Random(1234), max_delay=1.0)  # noqa: S311 - jitter, not secrets
    b = RetryPolicy(rng=random.Random(1234), max_delay=1.0)  # noqa: S311
    for attempt in range(1, 50):
        ceiling = min(1.0, 0.2 * 2 ** (attempt - 1))
        delay = a.backoff(attempt)
        assert 0.0 <= delay <= ceiling
        assert delay == b.backoff(attempt)  # seeded: reproducible
    draws = [a.backoff(1) for _ in range(200)]
    # Full jitter spreads over the whole of [0, ceiling].
    assert min(draws) < 0.05
    assert max(draws) > 0.15


def test_retry_after_seconds_is_the_minimum_wait() -> None:
    policy = fixed(base_delay=0.2)
    assert policy.next_delay(1, reply(429, **{"Retry-After": "3"}), 0.0) == 3.0
    # A shorter Retry-After than the backoff does not shorten the backoff.
    assert policy.next_delay(3, reply(503, **{"Retry-After": "0"}), 0.0) == pytest.approx(0.8)


def test_retry_after_http_date_relative_to_the_response_date() -> None:
    headers = {"Retry-After": http_date(NOW + 7), "Date": http_date(NOW)}
    # The local clock is an hour off: the server's Date is the reference, not `now`.
    assert fixed().next_delay(1, reply(503, **headers), 0.0, now=NOW + 3600) == 7.0


def test_retry_after_http_date_relative_to_now_without_a_date() -> None:
    response = reply(429, **{"Retry-After": http_date(NOW + 5)})
    assert fixed().next_delay(1, response, 0.0, now=NOW) == 5.0
    past = reply(429, **{"Retry-After": http_date(NOW - 60)})
    assert fixed().next_delay(1, past, 0.0, now=NOW) == pytest.approx(0.2)


def test_unparsable_retry_after_falls_back_to_backoff() -> None:
    response = reply(503, **{"Retry-After": "soon"})
    assert fixed().next_delay(1, response, 0.0) == pytest.approx(0.2)


def test_retry_after_beyond_max_delay_gives_up() -> None:
    assert fixed(max_delay=10).next_delay(1, reply(429, **{"Retry-After": "11"}), 0.0) is None
    assert fixed(max_delay=10).next_delay(1, reply(429, **{"Retry-After": "10"}), 0.0) == 10.0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("120", 120.0),
        (" 5 ", 5.0),
        ("0", 0.0),
        ("0.5", 0.5),  # not RFC 9110 delta-seconds, but the mock sends it; tolerated
        ("Thu, 01 Jan 2026 00:00:30 GMT", 30.0),  # IMF-fixdate
        ("Thursday, 01-Jan-26 00:00:30 GMT", 30.0),  # obsolete RFC 850 form
        ("Thu Jan  1 00:00:30 2026", 30.0),  # obsolete asctime form
        ("Wed, 31 Dec 2025 23:00:00 GMT", 0.0),  # in the past
        ("-1", None),
        ("", None),
        ("later", None),
        ("1e3", None),
    ],
)
def test_parse_retry_after(value: str, expected: float | None) -> None:
    assert parse_retry_after(value, NOW) == expected


def test_budget_is_never_overrun() -> None:
    policy = fixed(max_elapsed=30, base_delay=1)
    assert policy.next_delay(1, reply(503), 29.0) == 1.0
    assert policy.next_delay(1, reply(503), 29.5) is None
    # A Retry-After that would end past the budget: give up now, do not sleep first.
    assert policy.next_delay(1, reply(429, **{"Retry-After": "5"}), 26.0) is None


def test_attempts_are_bounded() -> None:
    policy = fixed(max_attempts=4)
    assert policy.next_delay(3, reply(503), 0.0) is not None
    assert policy.next_delay(4, reply(503), 0.0) is None
    assert fixed(max_attempts=1).next_delay(1, reply(503), 0.0) is None


@pytest.mark.parametrize("method", ["POST", "PATCH", "post", "CONNECT"])
def test_non_idempotent_methods_are_never_retried(method: str) -> None:
    assert fixed().next_delay(1, reply(503, method), 0.0) is None
    assert fixed().next_delay(1, reply(429, method, **{"Retry-After": "1"}), 0.0) is None


@pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"])
def test_idempotent_methods_are_retried(method: str) -> None:
    assert fixed().next_delay(1, reply(503, method), 0.0) == pytest.approx(0.2)


@pytest.mark.parametrize(
    "path",
    [
        "/oauth2/token",
        "/oauth2/token/",
        "/prefix/oauth2/token",
        "/oauth2/revoke",
        "/oauth2/device/authorize",
        "/oauth2/register",
    ],
)
@pytest.mark.parametrize("method", ["GET", "PUT", "POST"])
def test_credential_endpoints_are_never_retried(path: str, method: str) -> None:
    assert fixed().next_delay(1, reply(503, method, path), 0.0) is None
    request = httpx.Request(method, BASE + path)
    assert fixed().next_delay(1, None, 0.0, request=request) is None


@pytest.mark.parametrize("status", [200, 201, 204, 301, 400, 401, 403, 404, 409, 422, 501, 505])
def test_other_statuses_are_never_retried(status: int) -> None:
    assert fixed().next_delay(1, reply(status), 0.0) is None


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_retry_statuses(status: int) -> None:
    assert fixed().next_delay(1, reply(status), 0.0) is not None


def test_connection_errors_need_the_request() -> None:
    request = httpx.Request("GET", BASE + "/v1/quote/x")
    assert fixed().next_delay(1, None, 0.0, request=request) == pytest.approx(0.2)
    with pytest.raises(ValueError, match="request"):
        fixed().next_delay(1, None, 0.0)


@pytest.mark.parametrize(
    "kwargs",
    [{"max_attempts": 0}, {"base_delay": -1}, {"max_delay": float("inf")}, {"max_elapsed": -0.1}],
)
def test_invalid_policies_are_rejected(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=r"max_attempts|base_delay|max_delay|max_elapsed"):
        RetryPolicy(**kwargs)  # type: ignore[arg-type]


# --- properties ------------------------------------------------------------------------------

seconds = st.floats(min_value=0, max_value=120, allow_nan=False)
policies = st.builds(
    RetryPolicy,
    max_attempts=st.integers(min_value=1, max_value=12),
    base_delay=st.floats(min_value=0, max_value=5, allow_nan=False),
    max_delay=seconds,
    max_elapsed=seconds,
    jitter=st.booleans(),
    rng=st.integers(min_value=0, max_value=2**32).map(random.Random),
)
retry_after = st.one_of(
    st.none(),
    st.integers(min_value=0, max_value=10**6).map(str),
    st.integers(min_value=-600, max_value=600).map(lambda d: http_date(NOW + d)),
    st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=10),
)
statuses = st.sampled_from([200, 400, 401, 404, 429, 500, 502, 503, 504])


def _response(status: int, header: str | None) -> httpx.Response:
    return reply(status, **({"Retry-After": header} if header is not None else {}))


@given(
    policies,
    st.integers(min_value=1, max_value=20),
    seconds,
    statuses,
    retry_after,
)
def test_delay_is_within_max_delay_and_the_budget(
    policy: RetryPolicy, attempt: int, elapsed: float, status: int, header: str | None
) -> None:
    delay = policy.next_delay(attempt, _response(status, header), elapsed, now=NOW)
    if delay is not None:
        assert 0.0 <= delay <= policy.max_delay
        assert elapsed + delay <= policy.max_elapsed
        assert attempt < policy.max_attempts


@given(
    policies,
    st.lists(st.tuples(statuses, retry_after, seconds), min_size=1, max_size=30),
)
def test_a_retry_loop_respects_attempts_and_budget(
    policy: RetryPolicy, outcomes: list[tuple[int, str | None, float]]
) -> None:
    """Simulated attempts of any duration: never more than max_attempts, and every sleep ends
    within max_elapsed of the first attempt's start."""
    elapsed, attempts = 0.0, 0
    for status, header, duration in outcomes:
        attempts += 1
        elapsed += duration
        delay = policy.next_delay(attempts, _response(status, header), elapsed, now=NOW)
        if delay is None:
            break
        elapsed += delay
        assert elapsed <= policy.max_elapsed
    assert attempts <= policy.max_attempts


class FakeTime:
    """A monotonic clock that only moves when slept on or when an attempt takes time."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


@settings(max_examples=50)
@given(policies, st.floats(min_value=0, max_value=10, allow_nan=False))
def test_the_client_respects_attempts_and_budget(policy: RetryPolicy, duration: float) -> None:
    fake = FakeTime()
    starts: list[float] = []

    def always_503(request: httpx.Request) -> httpx.Response:
        starts.append(fake.now)
        fake.now += duration
        return httpx.Response(503)

    with RetryingClient(
        retry=policy,
        sleep=fake.sleep,
        clock=fake.clock,
        transport=httpx.MockTransport(always_503),
    ) as client:
        assert client.get(BASE + "/v1/quote/x").status_code == 503
    assert 1 <= len(starts) <= policy.max_attempts
    assert len(fake.sleeps) == len(starts) - 1
    # Every attempt started within the budget, counted from the start of the first one.
    assert all(start <= policy.max_elapsed for start in starts)


# --- the clients with a scripted transport ---------------------------------------------------


def scripted(
    outcomes: list[httpx.Response | Exception], seen: list[httpx.Request]
) -> httpx.MockTransport:
    script = iter(outcomes)

    def handler(request: httpx.Request) -> httpx.Response:
        # A copy: every attempt sends the same Request object, re-signed in place.
        seen.append(
            httpx.Request(
                request.method, request.url, headers=request.headers, content=request.read()
            )
        )
        outcome = next(script)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    return httpx.MockTransport(handler)


def no_sleep(seconds: float) -> None:
    pass


def test_connection_errors_are_retried_for_get() -> None:
    seen: list[httpx.Request] = []
    outcomes: list[httpx.Response | Exception] = [
        httpx.ConnectError("refused"),
        httpx.ReadTimeout("slow"),
        httpx.Response(200, json={}),
    ]
    with RetryingClient(sleep=no_sleep, transport=scripted(outcomes, seen)) as client:
        assert client.get(BASE + "/v1/quote/x").status_code == 200
    assert len(seen) == 3


def test_connection_errors_are_not_retried_for_post() -> None:
    seen: list[httpx.Request] = []
    outcomes: list[httpx.Response | Exception] = [httpx.ConnectError("refused")]
    with (
        RetryingClient(sleep=no_sleep, transport=scripted(outcomes, seen)) as client,
        pytest.raises(httpx.ConnectError),
    ):
        client.post(BASE + "/v1/trade/order", json={})
    assert len(seen) == 1


def test_persistent_connection_errors_raise_the_last_one() -> None:
    seen: list[httpx.Request] = []
    outcomes: list[httpx.Response | Exception] = [httpx.ConnectError(f"#{n}") for n in range(4)]
    with (
        RetryingClient(sleep=no_sleep, transport=scripted(outcomes, seen)) as client,
        pytest.raises(httpx.ConnectError, match="#3"),
    ):
        client.get(BASE + "/v1/quote/x")
    assert len(seen) == 4


def test_client_side_errors_are_not_retried() -> None:
    seen: list[httpx.Request] = []
    outcomes: list[httpx.Response | Exception] = [httpx.UnsupportedProtocol("ftp")]
    with (
        RetryingClient(sleep=no_sleep, transport=scripted(outcomes, seen)) as client,
        pytest.raises(httpx.UnsupportedProtocol),
    ):
        client.get(BASE + "/v1/quote/x")
    assert len(seen) == 1


class TrackedStream(httpx.SyncByteStream):
    def __init__(self, content: bytes) -> None:
        self.content = content
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        yield self.content

    def close(self) -> None:
        self.closed = True


def test_previous_responses_are_closed_and_the_body_is_resent() -> None:
    seen: list[httpx.Request] = []
    streams = [TrackedStream(b"busy"), TrackedStream(b"busy"), TrackedStream(b"ok")]
    outcomes: list[httpx.Response | Exception] = [
        httpx.Response(status, stream=stream)
        for status, stream in zip([503, 502, 200], streams, strict=True)
    ]

    def body() -> Iterator[bytes]:
        yield b'{"id": '
        yield b'"1"}'

    with RetryingClient(sleep=no_sleep, transport=scripted(outcomes, seen)) as client:
        request = client.build_request("PUT", BASE + "/v1/watchlist/groups", content=body())
        response = client.send(request, stream=True)
        assert [s.closed for s in streams] == [True, True, False]
        assert response.read() == b"ok"
        response.close()
    assert streams[2].closed
    assert [r.read() for r in seen] == [b'{"id": "1"}'] * 3


class RecordingAuth(httpx.Auth):
    """Signs each attempt with a new timestamp and records every response its flow is shown."""

    def __init__(self) -> None:
        self.stamps = iter(range(1000, 2000))
        self.seen: list[int] = []

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["X-Timestamp"] = str(next(self.stamps))
        response = yield request
        self.seen.append(response.status_code)


def test_every_attempt_runs_the_auth_flow_again() -> None:
    seen: list[httpx.Request] = []
    outcomes: list[httpx.Response | Exception] = [
        httpx.Response(503),
        httpx.Response(429, headers={"Retry-After": "1"}),
        httpx.Response(200),
    ]
    auth = RecordingAuth()
    with RetryingClient(sleep=no_sleep, transport=scripted(outcomes, seen), auth=auth) as client:
        assert client.get(BASE + "/v1/quote/x").status_code == 200
    assert [r.headers["X-Timestamp"] for r in seen] == ["1000", "1001", "1002"]
    assert auth.seen == [503, 429, 200]


def test_the_async_client_retries_with_its_own_sleep() -> None:
    seen: list[httpx.Request] = []
    outcomes: list[httpx.Response | Exception] = [
        httpx.ConnectError("refused"),
        httpx.Response(429, headers={"Retry-After": "2"}),
        httpx.Response(200),
    ]
    fake = FakeTime()

    async def run() -> int:
        async with RetryingAsyncClient(
            sleep=fake.async_sleep, clock=fake.clock, transport=scripted(outcomes, seen)
        ) as client:
            return (await client.get(BASE + "/v1/quote/x")).status_code

    assert asyncio.run(run()) == 200
    assert len(seen) == 3
    assert fake.sleeps[1] >= 2.0


def test_default_sleeps_are_the_real_ones() -> None:
    assert RetryingClient()._sleep is time.sleep
    assert RetryingAsyncClient()._sleep is asyncio.sleep


class PeakTransport(httpx.AsyncBaseTransport):
    """Answers 200 after a short await, recording how many requests were inside at once."""

    def __init__(self) -> None:
        self.inside = 0
        self.peak = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.inside += 1
        self.peak = max(self.peak, self.inside)
        await asyncio.sleep(0.001)
        self.inside -= 1
        return httpx.Response(200, json={"code": 0, "message": "", "data": {}})


@pytest.mark.parametrize(("limits", "peak"), [(httpx.Limits(max_connections=4), 4), (None, 100)])
def test_async_sends_in_flight_are_capped_by_the_pool_limits(
    limits: httpx.Limits | None, peak: int
) -> None:
    transport = PeakTransport()

    async def run() -> None:
        client = (
            RetryingAsyncClient(transport=transport)
            if limits is None
            else RetryingAsyncClient(transport=transport, limits=limits)
        )
        async with client:
            assert client.max_in_flight == peak
            await asyncio.gather(*(client.get(BASE + "/v1/quote/x") for _ in range(150)))

    asyncio.run(run())
    assert transport.peak == peak  # httpx's default pool is 100 connections


class ThreadPeakTransport(httpx.BaseTransport):
    """The threads' twin of :class:`PeakTransport`. Each send waits (up to 5 s) until ``expected``
    sends are inside at once, so the peak does not depend on how the threads are scheduled."""

    def __init__(self, expected: int) -> None:
        self.expected = expected
        self.condition = threading.Condition()
        self.inside = 0
        self.peak = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with self.condition:
            self.inside += 1
            self.peak = max(self.peak, self.inside)
            self.condition.notify_all()
            self.condition.wait_for(lambda: self.peak >= self.expected, timeout=5)
            self.inside -= 1
        return httpx.Response(200, json={"code": 0, "message": "", "data": {}})


@pytest.mark.parametrize(("cap", "peak"), [(4, 4), (None, 40)])
def test_sync_sends_in_flight_are_capped_by_the_pool_limits(cap: int | None, peak: int) -> None:
    transport = ThreadPeakTransport(peak)
    limits = httpx.Limits(max_connections=cap)
    barrier = threading.Barrier(40)
    with RetryingClient(transport=transport, limits=limits) as client:

        def call() -> None:
            barrier.wait()
            client.get(BASE + "/v1/quote/x")

        threads = [threading.Thread(target=call) for _ in range(40)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert transport.peak == peak


def test_an_unlimited_pool_leaves_async_sends_uncapped() -> None:
    transport = PeakTransport()

    async def run() -> None:
        limits = httpx.Limits(max_connections=None)
        async with RetryingAsyncClient(transport=transport, limits=limits) as client:
            assert client.max_in_flight is None
            await asyncio.gather(*(client.get(BASE + "/v1/quote/x") for _ in range(150)))

    asyncio.run(run())
    assert transport.peak == 150


# --- the clients against the mock's fault injection ------------------------------------------


class CountingTransport(httpx.BaseTransport):
    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.requests: list[tuple[str, str]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append((request.method, request.url.path))
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


class CountingAsyncTransport(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.requests: list[tuple[str, str]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append((request.method, request.url.path))
        return await self.inner.handle_async_request(request)


def mock_client(
    *faults: str, sleep: Callable[[float], None] = no_sleep, retry: RetryPolicy | None = None
) -> tuple[RetryingClient, CountingTransport]:
    server = create_app(MockConfig(faults=tuple(parse_fault(f) for f in faults)), FakeClock())
    transport = CountingTransport(SyncASGITransport(server.app))
    client = RetryingClient(retry=retry, sleep=sleep, transport=transport, base_url=BASE)
    return client, transport


def test_discovery_succeeds_after_two_503s() -> None:
    client, transport = mock_client("status=503@/.well-known/*2")
    with client:
        response = client.get(DISCOVERY)
    assert response.status_code == 200
    assert response.json()["token_endpoint"].endswith("/oauth2/token")
    assert transport.requests == [("GET", DISCOVERY)] * 3


def test_discovery_succeeds_after_two_503s_async() -> None:
    server = create_app(
        MockConfig(faults=(parse_fault("status=503@/.well-known/*2"),)), FakeClock()
    )
    transport = CountingAsyncTransport(httpx.ASGITransport(app=server.app))
    slept: list[float] = []

    async def record(seconds: float) -> None:
        slept.append(seconds)

    async def run() -> httpx.Response:
        async with RetryingAsyncClient(sleep=record, transport=transport, base_url=BASE) as c:
            return await c.get(DISCOVERY)

    assert asyncio.run(run()).status_code == 200
    assert transport.requests == [("GET", DISCOVERY)] * 3
    assert len(slept) == 2


def test_rate_limit_retry_after_is_honoured() -> None:
    slept: list[float] = []
    client, transport = mock_client("rate_limit=2@/.well-known/*1", sleep=slept.append)
    with client:
        response = client.get(DISCOVERY)
    assert response.status_code == 200
    assert len(transport.requests) == 2
    assert len(slept) == 1
    assert slept[0] >= 2.0


def test_rate_limit_on_the_data_api_is_honoured() -> None:
    slept: list[float] = []
    client, transport = mock_client("rate_limit=3@/v1/*1", sleep=slept.append)
    with client:
        response = client.get("/v1/socket/token")
    # The retry got past the rate limit to the data API, which wants credentials.
    assert response.status_code == 401
    assert len(transport.requests) == 2
    assert len(slept) == 1
    assert slept[0] >= 3.0


def test_token_endpoint_is_not_retried() -> None:
    client, transport = mock_client("status=503@/oauth2/token*2")
    with client:
        response = client.post(
            "/oauth2/token", data={"grant_type": "refresh_token", "refresh_token": "r"}
        )
    assert response.status_code == 503
    assert transport.requests == [("POST", "/oauth2/token")]


def test_persistent_fault_gives_up_with_the_last_response() -> None:
    slept: list[float] = []
    client, transport = mock_client(
        "status=502@/.well-known/", sleep=slept.append, retry=RetryPolicy(max_attempts=4)
    )
    with client:
        response = client.get(DISCOVERY)
    assert response.status_code == 502
    assert response.json()["error"] == "server_error"
    assert len(transport.requests) == 4
    assert len(slept) == 3


def test_legacy_signed_requests_are_signed_again_on_each_attempt() -> None:
    server = create_app(
        MockConfig(faults=(parse_fault("status=503@/v1/socket/token*2"),)), FakeClock()
    )
    app = next(iter(server.ctx.state.legacy_apps.values()))
    stamps = iter(range(1_767_225_600, 1_767_225_700))
    signatures: list[str] = []

    def legacy_sign(request: httpx.Request) -> httpx.Request:
        request.headers["X-Api-Key"] = app.app_key
        request.headers["Authorization"] = app.access_token
        request.headers["X-Timestamp"] = str(next(stamps))
        signed = "authorization;x-api-key;x-timestamp"
        headers = {k.lower(): v for k, v in request.headers.items()}
        canonical = canonical_request(
            request.method, request.url.path, request.url.query.decode(), headers, signed, b""
        )
        signature = sign(app.app_secret, canonical)
        signatures.append(signature)
        request.headers["X-Api-Signature"] = (
            f"HMAC-SHA256 SignedHeaders={signed}, Signature={signature}"
        )
        return request

    transport = CountingTransport(SyncASGITransport(server.app))
    with RetryingClient(
        sleep=no_sleep, transport=transport, base_url=BASE, auth=legacy_sign
    ) as client:
        response = client.get("/v1/socket/token")
    assert response.status_code == 200, response.text
    assert response.json()["code"] == 0
    assert len(transport.requests) == 3
    assert len(set(signatures)) == 3
