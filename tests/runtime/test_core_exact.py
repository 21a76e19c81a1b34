"""Exact behaviour of the runtime's core where its tests had left room (found by mutmut):
Retry-After on errors, time zones of HTTP-dates, idempotency keys, lock and store reprs."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

import anyio
import httpx
import pytest

from longbridge_openapi_client import (
    ApiRateLimitError,
    FileTokenStore,
    RefreshLock,
    RetryingAsyncClient,
    RetryPolicy,
    read_envelope,
)
from longbridge_openapi_client._runtime.retry import parse_retry_after

GMT_1994 = 784111777.0  # Sun, 06 Nov 1994 08:49:37 GMT


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A local time zone other than UTC: a naive date read as local time would be off by hours."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def rate_limited(**headers: str) -> httpx.Response:
    return httpx.Response(
        429,
        json={"code": 429002, "message": "slow down", "data": None},
        headers=headers,
        request=httpx.Request("GET", "https://lb.test/v1/x"),
    )


@pytest.mark.parametrize(
    ("header", "retry_after"),
    [
        ({"Retry-After": "2.5"}, 2.5),
        ({"Retry-After": "-3"}, 0.0),
        ({}, None),
        ({"Retry-After": "soon"}, None),
    ],
)
def test_rate_limit_error_carries_retry_after(
    header: dict[str, str], retry_after: float | None
) -> None:
    with pytest.raises(ApiRateLimitError) as caught:
        read_envelope(rate_limited(**header))
    assert caught.value.retry_after == retry_after
    assert (caught.value.code, caught.value.http_status) == (429002, 429)


@pytest.mark.usefixtures("new_york")
@pytest.mark.parametrize(
    "value",
    [
        "Sun, 06 Nov 1994 08:49:37 -0000",
        "Sun Nov  6 08:49:37 1994",
        "Sunday, 06-Nov-94 08:49:37 GMT",
    ],
)
def test_http_dates_are_gmt_whatever_the_local_zone(value: str) -> None:
    assert parse_retry_after(value, GMT_1994 - 30) == 30.0


@pytest.mark.usefixtures("new_york")
def test_a_naive_date_header_is_gmt_too() -> None:
    response = httpx.Response(
        503,
        headers={
            "Retry-After": "Sun, 06 Nov 1994 08:49:47 GMT",
            "Date": "Sun Nov  6 08:49:37 1994",
        },
        request=httpx.Request("GET", "https://lb.test/v1/x"),
    )
    delay = RetryPolicy(jitter=False, base_delay=0.0).next_delay(1, response, 0.0, now=0.0)
    assert delay == 10.0


def test_without_date_header_or_now_the_wall_clock_is_the_reference() -> None:
    soon = format_datetime(datetime.fromtimestamp(time.time() + 5, UTC), usegmt=True)
    response = httpx.Response(
        503, headers={"Retry-After": soon}, request=httpx.Request("GET", "https://lb.test/v1/x")
    )
    delay = RetryPolicy(jitter=False, base_delay=0.0).next_delay(1, response, 0.0)
    assert delay is not None
    assert 3.0 <= delay <= 5.0


@pytest.mark.parametrize(
    ("keys", "content_type", "body", "retried"),
    [
        (("client_order_id",), "application/json", b'{"client_order_id": "x"}', True),
        ((), "application/json", b'{"client_order_id": "x"}', False),
        (("client_order_id",), "text/plain", b'{"client_order_id": "x"}', False),
        (("client_order_id",), "application/json", b'{"client_order_id": ""}', False),
        (("client_order_id",), "application/json", b"not json", False),
    ],
)
def test_post_is_retried_only_with_an_idempotency_key(
    keys: tuple[str, ...], content_type: str, body: bytes, retried: bool
) -> None:
    headers = {"Content-Type": content_type}
    request = httpx.Request("POST", "https://lb.test/v1/trade/x", content=body, headers=headers)
    assert RetryPolicy(idempotency_keys=keys).retries(request) is retried


def test_async_client_passes_stream_and_follow_redirects_through() -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(302, headers={"Location": "/new"})
        return httpx.Response(200, content=body())

    async def body() -> AsyncIterator[bytes]:
        yield b"body"

    async def main() -> None:
        for limits in (httpx.Limits(max_connections=None), httpx.Limits(max_connections=2)):
            async with RetryingAsyncClient(
                transport=httpx.MockTransport(handle), base_url="https://lb.test", limits=limits
            ) as http:
                moved = await http.get("/old", follow_redirects=True)
                assert (moved.status_code, moved.url.path) == (200, "/new")
                kept = await http.get("/old")
                assert (kept.status_code, kept.is_closed) == (302, True)
                request = http.build_request("GET", "/new")
                streamed = await http.send(request, stream=True)
                assert not streamed.is_closed  # not read: the caller streams it
                assert await streamed.aread() == b"body"
                await streamed.aclose()

    anyio.run(main)


def test_lock_and_store_reprs_name_their_paths(tmp_path: Path) -> None:
    assert repr(FileTokenStore(tmp_path)) == f"FileTokenStore({str(tmp_path)!r})"
    lock = RefreshLock(tmp_path / "l")
    assert repr(lock) == f"RefreshLock({str(tmp_path / 'l')!r}, held=False)"


def test_lock_creates_missing_parent_folders(tmp_path: Path) -> None:
    lock = RefreshLock(tmp_path / "a" / "b" / ".cid.lock")
    assert lock.try_acquire()
    try:
        assert lock.path.is_file()  # a real lock file, not the unwritable-folder fallback
        assert not RefreshLock(lock.path).try_acquire()
    finally:
        lock.release()
