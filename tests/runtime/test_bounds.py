"""Bounds on what a server controls: answer sizes, the time a request takes, device-flow waits."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator

import anyio
import httpx
import pytest

from longbridge_openapi_client import (
    ClientCredentials,
    DeviceAuthorization,
    MemoryTokenStore,
    OAuthClient,
    OAuthError,
    RefreshingBearerAuth,
    ResponseLimitError,
    ServerEndpoints,
    Sleep,
    Token,
    discovery_flow,
    run_async,
    run_sync,
)
from longbridge_openapi_client._runtime.flows import MAX_BODY, deadline_of
from longbridge_openapi_client._runtime.rfc6749_client import (
    MAX_DEVICE_INTERVAL,
    MAX_DEVICE_WAIT,
)

BASE = "https://lb.test"
ENDPOINTS = ServerEndpoints.fallback(BASE)
CHUNK = 64 * 1024


class Endless:
    """A body that never ends, counting what the client took of it."""

    def __init__(self, pause: float = 0.0, chunk: bytes = b" " * CHUNK) -> None:
        self.sent = 0
        self.pause = pause
        self.chunk = chunk

    def __iter__(self) -> Iterator[bytes]:
        while True:
            if self.pause:
                time.sleep(self.pause)
            self.sent += len(self.chunk)
            yield self.chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while True:
            if self.pause:
                await anyio.sleep(self.pause)
            self.sent += len(self.chunk)
            yield self.chunk


def serving(body: Endless, *, asynchronous: bool = False) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=stream(body, asynchronous))

    return httpx.MockTransport(handle)


def stream(body: Endless, asynchronous: bool) -> Iterator[bytes] | AsyncIterator[bytes]:
    return body.__aiter__() if asynchronous else iter(body)


def test_deadline_of_the_clients_timeout() -> None:
    assert deadline_of(httpx.Timeout(2.0)) == 2.0
    assert deadline_of(httpx.Timeout(1.0, connect=5.0)) == 5.0
    assert deadline_of(httpx.Timeout(None)) is None


def test_a_huge_discovery_document_is_not_read_whole() -> None:
    body = Endless()
    with httpx.Client(transport=serving(body)) as http, pytest.raises(ResponseLimitError) as caught:
        run_sync(discovery_flow(BASE), http)
    assert body.sent <= MAX_BODY + CHUNK
    assert caught.value.url == f"{BASE}/.well-known/oauth-authorization-server"
    assert f"more than {MAX_BODY} bytes" in str(caught.value)


def test_a_body_of_exactly_the_limit_is_read() -> None:
    doc = b'{"issuer": "https://lb.test"}'
    body = doc + b" " * (MAX_BODY - len(doc))
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
    with httpx.Client(transport=transport) as http:
        assert run_sync(discovery_flow(BASE), http).discovered
    with (
        httpx.Client(
            transport=httpx.MockTransport(lambda request: httpx.Response(200, content=body + b" "))
        ) as http,
        pytest.raises(ResponseLimitError),
    ):
        run_sync(discovery_flow(BASE), http)


def test_a_trickling_answer_meets_the_whole_request_deadline() -> None:
    body = Endless(pause=0.02, chunk=b" ")
    started = time.monotonic()
    with (
        httpx.Client(transport=serving(body), timeout=0.3) as http,
        pytest.raises(ResponseLimitError, match="past the deadline"),
    ):
        run_sync(discovery_flow(BASE), http)
    assert 0.3 <= time.monotonic() - started < 1.5


def test_async_bounds_size_and_time() -> None:
    async def main() -> None:
        big = Endless()
        async with httpx.AsyncClient(transport=serving(big, asynchronous=True)) as http:
            with pytest.raises(ResponseLimitError, match="bytes"):
                await run_async(discovery_flow(BASE), http)
        assert big.sent <= MAX_BODY + CHUNK
        slow = Endless(pause=0.02, chunk=b" ")
        started = time.monotonic()
        transport = serving(slow, asynchronous=True)
        async with httpx.AsyncClient(transport=transport, timeout=0.3) as http:
            with pytest.raises(ResponseLimitError, match="past the deadline"):
                await run_async(discovery_flow(BASE), http)
        assert 0.3 <= time.monotonic() - started < 1.5

    anyio.run(main)


def refreshing(
    body: Endless, *, asynchronous: bool = False
) -> tuple[RefreshingBearerAuth, MemoryTokenStore, httpx.MockTransport]:
    store = MemoryTokenStore()
    store.save("cid", Token("old", 0.0, "r1"))
    auth = RefreshingBearerAuth(
        ClientCredentials("cid"), store, endpoints=ENDPOINTS, clock=lambda: 1.0
    )
    auth.deadline = 0.3

    def handle(request: httpx.Request) -> httpx.Response:
        if str(request.url) == ENDPOINTS.token_endpoint:
            return httpx.Response(200, content=stream(body, asynchronous))
        # The caller's own answer is not bounded: data can be large.
        return httpx.Response(200, content=b"x" * (2 * MAX_BODY))

    return auth, store, httpx.MockTransport(handle)


@pytest.mark.parametrize("body", [Endless(), Endless(pause=0.02, chunk=b" ")], ids=["big", "slow"])
def test_the_refreshing_auth_bounds_the_token_answer(body: Endless) -> None:
    auth, store, transport = refreshing(body)
    with httpx.Client(transport=transport, auth=auth) as http:
        with pytest.raises(ResponseLimitError):
            http.get(f"{BASE}/v1/x")
        saved = store.load("cid")
        assert saved is not None
        assert saved.access_token == "old"


@pytest.mark.parametrize("slow", [False, True], ids=["big", "slow"])
def test_the_async_refreshing_auth_bounds_the_token_answer(slow: bool) -> None:
    body = Endless(pause=0.02, chunk=b" ") if slow else Endless()
    auth, _, transport = refreshing(body, asynchronous=True)

    async def main() -> None:
        async with httpx.AsyncClient(transport=transport, auth=auth) as http:
            with pytest.raises(ResponseLimitError, match="deadline" if slow else "bytes"):
                await http.get(f"{BASE}/v1/x")

    anyio.run(main)


def test_the_callers_own_answer_is_read_whole() -> None:
    store = MemoryTokenStore()
    store.save("cid", Token("fresh", 10_000.0, "r1"))
    auth = RefreshingBearerAuth(
        ClientCredentials("cid"), store, endpoints=ENDPOINTS, clock=lambda: 1.0
    )
    _, _, transport = refreshing(Endless())
    with httpx.Client(transport=transport, auth=auth) as http:
        assert len(http.get(f"{BASE}/v1/x").content) == 2 * MAX_BODY


# -- the device flow ---------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def device(interval: int, expires_in: int) -> DeviceAuthorization:
    return DeviceAuthorization("dc", "UC", "https://lb.test/device", None, expires_in, interval)


def poll_until_refused(
    interval: int, expires_in: int, error: str
) -> tuple[list[float], OAuthError]:
    """Drive the device flow with a server that always answers ``error``; the sleeps taken."""
    clock = Clock()
    oauth = OAuthClient(ENDPOINTS, ClientCredentials("cid"), clock)
    flow = oauth.device_token_flow(device(interval, expires_in))
    sleeps: list[float] = []
    step = next(flow)
    try:
        while True:
            assert isinstance(step, Sleep)
            sleeps.append(step.seconds)
            clock.now += step.seconds
            step = flow.send(None)
            assert isinstance(step, httpx.Request)
            step = flow.send(httpx.Response(400, json={"error": error}))
    except OAuthError as refused:
        return sleeps, refused


@pytest.mark.parametrize(
    ("interval", "expires_in", "first_sleep", "total"),
    [
        (10**9, 10**9, MAX_DEVICE_INTERVAL, MAX_DEVICE_WAIT),
        (5, 10**9, 5, MAX_DEVICE_WAIT),
        (10**9, 100, MAX_DEVICE_INTERVAL, 100),  # 60 s, then the 40 s left: not past the end
        (0, 3, 1, 3),
    ],
)
def test_device_waits_are_capped(
    interval: int, expires_in: int, first_sleep: int, total: int
) -> None:
    sleeps, refused = poll_until_refused(interval, expires_in, "authorization_pending")
    assert refused.error == "expired_token"
    assert sleeps[0] == first_sleep
    assert max(sleeps) <= MAX_DEVICE_INTERVAL
    assert sum(sleeps) == total


def test_device_slow_down_is_capped_by_the_whole_wait() -> None:
    sleeps, refused = poll_until_refused(MAX_DEVICE_INTERVAL, 10**9, "slow_down")
    assert refused.error == "expired_token"
    assert sleeps[:3] == [60, 65, 70]  # RFC 8628 §3.5: 5 s more each time
    assert sum(sleeps) == MAX_DEVICE_WAIT


@pytest.mark.parametrize("expires_in", ["1e400", "NaN", '"soon"'])
def test_device_authorization_with_impossible_numbers_is_refused(expires_in: str) -> None:
    text = (
        '{"device_code": "d", "user_code": "U", "verification_uri": "https://lb.test/d", '
        f'"expires_in": {expires_in}}}'
    )
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=text.encode()))
    oauth = OAuthClient(ENDPOINTS, ClientCredentials("cid"))
    with httpx.Client(transport=transport) as http, pytest.raises(OAuthError) as caught:
        run_sync(oauth.device_authorization_flow(), http)
    assert caught.value.error == "invalid_response"
