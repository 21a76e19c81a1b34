"""Order submission and paging through the typed client, against the in-process mock.

``submit_order`` fills ``client_request_id`` itself (docs/longbridge-api.md §5.2), so a submit whose
reply is lost is retried into the same order; the ``iter_*`` methods walk every page lazily,
sync and async.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import uuid
from collections.abc import AsyncIterator, Iterator
from decimal import Decimal
from typing import Any

import httpx
import pytest

from conformance.mock_server import MockServer
from conformance.mock_server.transport import SyncASGITransport
from longbridge_openapi_client import AsyncLongbridge, Longbridge, MemoryTokenStore, RetryPolicy

from .conftest import BASE, REDIRECT, register

SCOPES = ["trade.read", "trade.write"]
ORDER: dict[str, Any] = {
    "symbol": "AAPL.US",
    "order_type": "LO",
    "side": "Buy",
    "submitted_quantity": Decimal(1),
    "submitted_price": "180.00",
    "time_in_force": "Day",
}
NO_WAIT = RetryPolicy(base_delay=0.0, jitter=False)


class Recorder(httpx.BaseTransport):
    """Passes requests to the mock and keeps them; can lose the reply to the first order POST.

    Losing the reply *after* the mock has placed the order is the case idempotency is for: the
    client cannot tell whether the order exists, so it must retry with the same request id.
    """

    def __init__(self, inner: httpx.BaseTransport, *, lose_first_submit: bool = False) -> None:
        self.inner = inner
        self.lose_first_submit = lose_first_submit
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        response = self.inner.handle_request(request)
        if self.lose_first_submit and _is_submit(request):
            self.lose_first_submit = False
            response.read()
            raise httpx.ReadError("connection reset after the request was sent", request=request)
        return response


class AsyncRecorder(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport, *, lose_first_submit: bool) -> None:
        self.inner = inner
        self.lose_first_submit = lose_first_submit
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        response = await self.inner.handle_async_request(request)
        if self.lose_first_submit and _is_submit(request):
            self.lose_first_submit = False
            await response.aread()
            raise httpx.ReadError("connection reset after the request was sent", request=request)
        return response


def _is_submit(request: httpx.Request) -> bool:
    return request.method == "POST" and request.url.path == "/v1/trade/order"


def _submitted_ids(transport: Recorder | AsyncRecorder) -> list[str]:
    return [json.loads(r.content)["client_request_id"] for r in transport.requests if _is_submit(r)]


def _login(lb: Longbridge, mock: MockServer) -> None:
    request = lb.authorization_request(REDIRECT, SCOPES)
    with httpx.Client(transport=SyncASGITransport(mock.app), base_url=BASE) as browser:
        lb.finish_authorization(browser.get(request.url).headers["location"], request)


@pytest.fixture
def store() -> MemoryTokenStore:
    return MemoryTokenStore()


@pytest.fixture
def client_id(http: httpx.Client) -> str:
    return str(register(http)["client_id"])


def _client(
    mock: MockServer, client_id: str, store: MemoryTokenStore, transport: Recorder
) -> Longbridge:
    lb = Longbridge(client_id, base_url=BASE, token_store=store, transport=transport, retry=NO_WAIT)
    if store.load(client_id) is None:
        _login(lb, mock)
    return lb


@pytest.fixture
def recorder(mock: MockServer) -> Recorder:
    return Recorder(SyncASGITransport(mock.app))


@pytest.fixture
def lb(
    mock: MockServer, client_id: str, store: MemoryTokenStore, recorder: Recorder
) -> Iterator[Longbridge]:
    with _client(mock, client_id, store, recorder) as client:
        yield client


def _today_ids(lb: Longbridge) -> list[str]:
    return [str(o.order_id) for o in lb.list_today_orders().orders]


def test_each_submit_gets_its_own_request_id(lb: Longbridge, recorder: Recorder) -> None:
    first = lb.submit_order(**ORDER)
    second = lb.submit_order(**ORDER)
    assert first.order_id != second.order_id  # two calls, two orders
    sent = _submitted_ids(recorder)
    assert len(sent) == 2
    assert sent[0] != sent[1]
    assert all(uuid.UUID(key).version == 4 for key in sent)


def test_the_same_request_id_places_one_order(lb: Longbridge) -> None:
    first = lb.submit_order(**ORDER, client_request_id="client-test-1")
    again = lb.submit_order(**ORDER, client_request_id="client-test-1")
    assert again.order_id == first.order_id
    assert _today_ids(lb).count(str(first.order_id)) == 1


def test_a_lost_reply_is_retried_into_the_same_order(
    mock: MockServer, client_id: str, store: MemoryTokenStore
) -> None:
    transport = Recorder(SyncASGITransport(mock.app), lose_first_submit=True)
    with _client(mock, client_id, store, transport) as lb:
        before = set(_today_ids(lb))
        placed = lb.submit_order(**ORDER)
        new = set(_today_ids(lb)) - before
    sent = _submitted_ids(transport)
    assert len(sent) == 2, "Expected the POST to be sent again after the lost reply"
    assert sent[0] == sent[1], "Expected the retry to carry the same client_request_id"
    assert new == {str(placed.order_id)}, f"Expected one new order. New: {new}"


def test_without_a_request_id_a_lost_reply_is_not_retried(
    mock: MockServer, client_id: str, store: MemoryTokenStore
) -> None:
    # A POST the server cannot deduplicate must not be repeated (RFC 9110 §9.2.2).
    policy = RetryPolicy(base_delay=0.0, jitter=False, idempotency_keys=())
    transport = Recorder(SyncASGITransport(mock.app), lose_first_submit=True)
    lb = Longbridge(client_id, base_url=BASE, token_store=store, transport=transport, retry=policy)
    with lb:
        _login(lb, mock)
        with pytest.raises(httpx.ReadError):
            lb.submit_order(**ORDER)
    assert len(_submitted_ids(transport)) == 1


def test_a_lost_reply_is_retried_into_the_same_order_async(
    mock: MockServer, client_id: str, store: MemoryTokenStore, recorder: Recorder
) -> None:
    with _client(mock, client_id, store, recorder) as lb:  # logs in; the store shares the token
        before = set(_today_ids(lb))
    transport = AsyncRecorder(httpx.ASGITransport(mock.app), lose_first_submit=True)

    async def submit() -> str:
        async with AsyncLongbridge(
            client_id, base_url=BASE, token_store=store, transport=transport, retry=NO_WAIT
        ) as alb:
            return str((await alb.submit_order(**ORDER)).order_id)

    order_id = asyncio.run(submit())
    with _client(mock, client_id, store, recorder) as lb:
        new = set(_today_ids(lb)) - before
    sent = _submitted_ids(transport)
    assert len(sent) == 2
    assert sent[0] == sent[1]
    assert new == {order_id}


def _pages_fetched(recorder: Recorder) -> list[str]:
    return [
        r.url.params.get("page", "")
        for r in recorder.requests
        if r.url.path == "/v1/trade/order/history"
    ]


def test_iter_history_orders_walks_every_page_lazily(lb: Longbridge, recorder: Recorder) -> None:
    everything = [o.order_id for o in lb.list_history_orders(size=1000).orders]
    assert len(everything) > 60  # the mock's book spans several pages of 20
    recorder.requests.clear()
    lazy = lb.iter_history_orders(size=20)
    first_three = [o.order_id for o in itertools.islice(lazy, 3)]
    assert _pages_fetched(recorder) == ["1"], "Expected one page fetched for three items"
    rest = [o.order_id for o in lazy]
    assert first_three + rest == everything  # each order once, in the server's order
    pages = -(-len(everything) // 20)
    assert _pages_fetched(recorder) == [str(p) for p in range(1, pages + 1)]


def test_iter_history_orders_async_matches_sync(
    mock: MockServer, lb: Longbridge, client_id: str, store: MemoryTokenStore
) -> None:
    expected = [o.order_id for o in lb.iter_history_orders(size=15)]

    async def collect() -> list[Any]:
        async with AsyncLongbridge(
            client_id, base_url=BASE, token_store=store, transport=httpx.ASGITransport(mock.app)
        ) as alb:
            orders: AsyncIterator[Any] = alb.iter_history_orders(size=15)
            return [o.order_id async for o in orders]

    assert asyncio.run(collect()) == expected
    assert len(expected) > 15


def test_iter_filters_apply_to_every_page(lb: Longbridge) -> None:
    buys = list(lb.iter_history_orders(size=7, side="Buy"))
    assert buys
    assert {o.side for o in buys} == {"Buy"}
    listed = lb.list_history_orders(side="Buy").orders
    assert [o.order_id for o in buys] == [o.order_id for o in listed]
