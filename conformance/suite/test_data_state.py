"""The data API keeps consistent state: orders, watchlists and content, and idempotent submits.

Items 62 (what a write changes, the reads show) and 63 (``client_request_id`` places one order,
docs/longbridge-api.md §5.2). These write at the server: against a real one they run only with
``--profile live --allow-writes``, and the order they place is cancelled at the end.
"""

from __future__ import annotations

import secrets
from decimal import Decimal
from typing import Any

from conformance.checks import check
from conformance.suite.data_calls import DataApi, Request
from spec_reader.api_operations import operation

# A cancelled order may pass through these on its way (docs/longbridge-api.md §5.7).
CANCELLING = {"CanceledStatus", "PendingCancelStatus", "WaitToCancel"}
DONE = {"FilledStatus", "RejectedStatus", "ExpiredStatus", "CanceledStatus"}


def _submit(api: DataApi, **fields: Any) -> tuple[str, dict[str, Any]]:
    request = Request.example("submitOrder")
    request.body.update(fields)
    return str(api.data(request)["order_id"]), request.body


def _detail(api: DataApi, order_id: str) -> dict[str, Any]:
    request = Request(operation("getOrderDetail"), query={"order_id": order_id})
    detail: dict[str, Any] = api.data(request)
    return detail


def _today_ids(api: DataApi, **query: Any) -> list[str]:
    # One page as large as the spec allows: today's orders of a conformance run fit in it.
    op = operation("listTodayOrders")
    sizes = [p.get("schema", {}).get("maximum") for p in op.parameters if p["name"] == "size"]
    if sizes and sizes[0]:
        query.setdefault("size", sizes[0])
    request = Request(op, query=dict(query))
    return [str(o["order_id"]) for o in api.data(request).get("orders") or []]


def _cancel(api: DataApi, order_id: str) -> None:
    api.data(Request(operation("cancelOrder"), query={"order_id": order_id}))


@check(62, "docs/longbridge-api.md §5.2", "MUST", "state")
def test_a_submitted_order_is_listed_replaced_and_cancelled(data_api: DataApi) -> None:
    order_id, body = _submit(data_api)
    try:
        detail = _detail(data_api, order_id)
        assert str(detail["order_id"]) == order_id, f"Expected order {order_id}. Received: {detail}"
        assert detail["symbol"] == body["symbol"], f"Expected {body['symbol']}. Received: {detail}"
        assert detail["status"] not in DONE, f"Expected a live order. Received: {detail['status']}"
        today = _today_ids(data_api)
        assert order_id in today, f"Expected {order_id} among today's orders. Received: {today}"
        only_it = _today_ids(data_api, order_id=order_id)
        assert only_it == [order_id], f"Expected the order_id filter to work. Received: {only_it}"

        quantity = Decimal(body["submitted_quantity"]) * 2
        replace = Request.example("replaceOrder")
        replace.body.update({"order_id": order_id, "quantity": str(quantity)})
        data_api.data(replace)
        detail = _detail(data_api, order_id)
        assert Decimal(detail["quantity"]) == quantity, (
            f"Expected quantity {quantity} after the replace. Received: {detail['quantity']}"
        )
    finally:
        _cancel(data_api, order_id)
    detail = _detail(data_api, order_id)
    assert detail["status"] in CANCELLING, (
        f"Expected a cancelled order. Received: {detail['status']}"
    )
    listed = _today_ids(data_api, status=sorted(CANCELLING))
    assert order_id in listed, f"Expected the status filter to find it. Received: {listed}"


@check(62, "docs/longbridge-api.md §5.2", "MUST", "state")
def test_unknown_orders_cannot_be_changed(data_api: DataApi) -> None:
    unknown = str(10**17 + secrets.randbelow(10**17))
    for request in (
        Request(operation("getOrderDetail"), query={"order_id": unknown}),
        Request(operation("cancelOrder"), query={"order_id": unknown}),
    ):
        r = data_api.send(request)
        body = r.json()
        ok = 400 <= r.status_code < 500 and body.get("code") != 0
        assert ok, f"Expected a 4xx error for an unknown order. Received: {r.status_code} {r.text}"


@check(63, "docs/longbridge-api.md §5.2 (client_request_id)", "MUST", "state")
def test_client_request_id_places_one_order(data_api: DataApi) -> None:
    key = f"conformance-{secrets.token_hex(8)}"
    first, _ = _submit(data_api, client_request_id=key)
    try:
        again, _ = _submit(data_api, client_request_id=key)
        assert again == first, f"Expected the same order {first} for a repeat. Received: {again}"
        other, _ = _submit(data_api, client_request_id=f"{key}-2")
        _cancel(data_api, other)
        assert other != first, "Expected a new order for a new client_request_id"
        today = _today_ids(data_api)
        assert today.count(first) == 1, f"Expected {first} once in today's orders. Got {today}"
    finally:
        _cancel(data_api, first)


def _groups(api: DataApi) -> dict[str, dict[str, Any]]:
    data = api.data(Request(operation("listWatchlistGroups")))
    return {str(g["id"]): g for g in data.get("groups") or []}


def _symbols(group: dict[str, Any]) -> list[str]:
    return [s["symbol"] for s in group.get("securities") or []]


def _update(api: DataApi, group_id: str, **fields: Any) -> None:
    api.data(Request(operation("updateWatchlistGroup"), body={"id": group_id, **fields}))


@check(62, "docs/longbridge-api.md §5.1", "MUST", "state")
def test_watchlist_edits_persist(data_api: DataApi) -> None:
    name = f"conformance {secrets.token_hex(3)}"
    create = Request(
        operation("createWatchlistGroup"), body={"name": name, "securities": ["AAPL.US", "700.HK"]}
    )
    group_id = str(data_api.data(create)["id"])
    try:
        group = _groups(data_api).get(group_id)
        assert group is not None, f"Expected group {group_id} in the list"
        assert group["name"] == name, f"Expected name {name!r}. Received: {group['name']!r}"
        assert _symbols(group) == ["AAPL.US", "700.HK"], (
            f"Expected the securities in order. Received: {_symbols(group)}"
        )
        steps: list[tuple[dict[str, Any], list[str]]] = [
            ({"mode": "add", "securities": ["TSLA.US"]}, ["AAPL.US", "700.HK", "TSLA.US"]),
            ({"mode": "remove", "securities": ["AAPL.US"]}, ["700.HK", "TSLA.US"]),
            ({"mode": "replace", "securities": ["NVDA.US"]}, ["NVDA.US"]),
        ]
        for change, expected in steps:
            _update(data_api, group_id, **change)
            symbols = _symbols(_groups(data_api)[group_id])
            # add may put the new security first or last; membership is what must persist
            assert sorted(symbols) == sorted(expected), (
                f"Expected {expected} after {change}. Received: {symbols}"
            )
        _update(data_api, group_id, name=f"{name} renamed")
        renamed = _groups(data_api)[group_id]["name"]
        assert renamed == f"{name} renamed", f"Expected the new name. Received: {renamed!r}"
    finally:
        data_api.data(Request(operation("deleteWatchlistGroup"), query={"id": group_id}))
    assert group_id not in _groups(data_api), f"Expected group {group_id} to be deleted"


def _comments(api: DataApi, topic_id: str) -> list[dict[str, Any]]:
    request = Request(operation("listTopicComments"), path={"topic_id": topic_id})
    items: list[dict[str, Any]] = api.data(request).get("items") or []
    return items


@check(62, "docs/longbridge-api.md §5.4", "MUST", "state")
def test_a_created_topic_and_its_comments_are_listed(data_api: DataApi) -> None:
    # Content has no delete operation: against a real server this leaves one short post behind.
    text = f"conformance check {secrets.token_hex(4)}"
    create = Request(operation("createTopic"), body={"body": text, "topic_type": "post"})
    topic_id = str(data_api.data(create)["item"]["id"])
    mine = data_api.data(Request(operation("listMyTopics"), query={"size": 10}))
    listed = [str(t["id"]) for t in mine.get("items") or []]
    assert topic_id in listed, f"Expected {topic_id} among my newest topics. Received: {listed}"
    detail = data_api.data(Request(operation("getTopic"), path={"id": topic_id}))["item"]
    assert detail.get("body") == text, f"Expected the body {text!r}. Received: {detail}"
    assert detail.get("topic_type") == "post", f"Expected a post. Received: {detail}"

    path = {"topic_id": topic_id}
    first = Request(operation("createTopicComment"), path=path, body={"body": f"{text} reply"})
    comment_id = str(data_api.data(first)["item"]["id"])
    answer = Request(
        operation("createTopicComment"),
        path=path,
        body={"body": f"{text} answer", "reply_to_id": comment_id},
    )
    answer_id = str(data_api.data(answer)["item"]["id"])
    comments = {str(c["id"]): c for c in _comments(data_api, topic_id)}
    assert comment_id in comments, f"Expected reply {comment_id}. Received: {list(comments)}"
    assert comments[comment_id].get("body") == f"{text} reply", (
        f"Expected the reply's body. Received: {comments[comment_id]}"
    )
    assert answer_id in comments, f"Expected answer {answer_id}. Received: {list(comments)}"
    parent = str(comments[answer_id].get("reply_to_id"))
    assert parent == comment_id, f"Expected reply_to_id {comment_id}. Received: {parent}"
