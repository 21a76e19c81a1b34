"""The trade area of the mock's data API (docs/longbridge-api.md §5.2, §5.7, §10 items 4 and 8).

The handlers are tested directly, and each answer is checked against the spec's schema, and the
spec's request examples are played against the mock. The same behaviour is also checked over
HTTP.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from conformance.mock_server import FakeClock, MockConfig
from conformance.mock_server.context import Context
from conformance.mock_server.data_api import Caller
from conformance.mock_server.data_trade import HANDLERS
from conformance.mock_server.order_book import (
    EXAMPLE_CANCEL_ORDER_ID,
    EXAMPLE_ESTIMATE_ORDER_ID,
    EXAMPLE_FILLED_TODAY_ID,
    EXAMPLE_HISTORY_ORDER_ID,
    EXAMPLE_OPEN_ORDER_ID,
    OPEN_STATUSES,
)
from spec_reader import load_spec

from .harness import AreaHandlers, Harness
from .spec_schemas import conforms

NOW = 1_767_225_600  # FakeClock's start, 2026-01-01T00:00:00Z
DAY = 86_400
CALLER = Caller("oauth", frozenset({"trade.read", "trade.write"}))
EXAMPLE_IDS = (
    EXAMPLE_OPEN_ORDER_ID,
    EXAMPLE_CANCEL_ORDER_ID,
    EXAMPLE_FILLED_TODAY_ID,
    EXAMPLE_ESTIMATE_ORDER_ID,
    EXAMPLE_HISTORY_ORDER_ID,
)


PATHS: dict[str, Any] = load_spec()["paths"]


_AREA = AreaHandlers(HANDLERS, CALLER)
call = _AREA.call
problem = _AREA.problem


def lo(**extra: Any) -> dict[str, Any]:
    """A valid limit order body; ``extra`` overrides or adds fields."""
    body = {
        "symbol": "AAPL.US",
        "order_type": "LO",
        "side": "Buy",
        "submitted_quantity": "3",
        "submitted_price": "180.00",
        "time_in_force": "Day",
    }
    body.update(extra)
    return {k: v for k, v in body.items() if v is not None}


def all_pages(ctx: Context, op: str, items: str, size: int, **params: Any) -> list[list[Any]]:
    pages: list[list[Any]] = []
    page = 1
    while True:
        data = call(ctx, op, page=page, size=size, **params)
        pages.append(data[items])
        assert len(data[items]) <= size
        if not data["has_more"]:
            return pages
        assert len(data[items]) == size  # has_more only after a full page
        page += 1


# ---- the seeded book ---------------------------------------------------------------------


def test_book_is_deterministic_per_seed_and_has_the_example_ids() -> None:
    for seed in (0, 1, 7):
        a = Context(MockConfig(seed=seed), FakeClock())
        b = Context(MockConfig(seed=seed), FakeClock())
        assert call(a, "listHistoryOrders") == call(b, "listHistoryOrders")
        assert call(a, "listTodayOrders") == call(b, "listTodayOrders")
        for order_id in EXAMPLE_IDS:
            assert call(a, "getOrderDetail", order_id=order_id)["order_id"] == order_id
    one = Context(MockConfig(seed=1), FakeClock())
    two = Context(MockConfig(seed=2), FakeClock())
    assert call(one, "listHistoryOrders") != call(two, "listHistoryOrders")


def test_seeded_answers_conform_to_the_spec(ctx: Context) -> None:
    conforms(call(ctx, "listTodayOrders"), "TodayOrders")
    history = call(ctx, "listHistoryOrders")
    conforms(history, "HistoryOrders")
    conforms(call(ctx, "listTodayExecutions"), "TodayExecutions")
    conforms(call(ctx, "listHistoryExecutions"), "HistoryExecutions")
    for order in history["orders"][:15] + call(ctx, "listTodayOrders")["orders"]:
        conforms(call(ctx, "getOrderDetail", order_id=order["order_id"]), "OrderDetail")


def test_book_is_realistic(ctx: Context) -> None:
    history = call(ctx, "listHistoryOrders")["orders"]
    today = call(ctx, "listTodayOrders")["orders"]
    assert len(history) >= 60
    assert {"700.HK", "9988.HK", "AAPL.US", "TSLA.US", "NVDA.US"} <= {o["symbol"] for o in history}
    assert {"FilledStatus", "CanceledStatus"} <= {o["status"] for o in history}
    assert {"NewStatus", "FilledStatus"} <= {o["status"] for o in today}
    times = [int(o["submitted_at"]) for o in history]
    assert times == sorted(times, reverse=True)  # newest first
    assert min(times) >= NOW - 90 * DAY
    assert max(times) <= NOW - DAY
    for order in history + today:
        assert order["currency"] == ("HKD" if order["symbol"].endswith(".HK") else "USD")
        if order["order_type"] == "MO":
            assert order["price"] == ""  # not applicable: empty string (§5.2)


def test_executions_correspond_to_filled_orders(ctx: Context) -> None:
    trades = (
        call(ctx, "listHistoryExecutions")["trades"] + call(ctx, "listTodayExecutions")["trades"]
    )
    orders = call(ctx, "listHistoryOrders")["orders"] + call(ctx, "listTodayOrders")["orders"]
    executed: dict[str, Decimal] = {}
    for trade in trades:
        executed[trade["order_id"]] = executed.get(trade["order_id"], Decimal(0)) + Decimal(
            trade["quantity"]
        )
    by_id = {o["order_id"]: o for o in orders}
    assert set(executed) <= set(by_id)
    for order in orders:
        done = Decimal(order["executed_quantity"])
        assert executed.get(order["order_id"], Decimal(0)) == done
        if order["status"] == "FilledStatus":
            assert done == Decimal(order["quantity"])
        elif order["status"] in ("PartialFilledStatus", "PartialWithdrawal"):
            assert 0 < done < Decimal(order["quantity"])
        else:
            assert done == 0
    today = call(ctx, "listTodayExecutions", order_id=EXAMPLE_FILLED_TODAY_ID)["trades"]
    assert [t["quantity"] for t in today] == ["200"]


# ---- listing, filtering and paging -------------------------------------------------------


def test_history_orders_page_by_20_without_overlap(ctx: Context) -> None:
    everything = call(ctx, "listHistoryOrders")
    assert everything["has_more"] is False
    pages = all_pages(ctx, "listHistoryOrders", "orders", 20)
    assert len(pages) >= 3
    ids = [o["order_id"] for page in pages for o in page]
    assert len(ids) == len(set(ids))  # disjoint
    assert ids == [o["order_id"] for o in everything["orders"]]  # the union, in order
    beyond = call(ctx, "listHistoryOrders", page=len(pages) + 1, size=20)
    assert beyond == {"has_more": False, "orders": []}


def test_history_orders_window_and_filters(ctx: Context) -> None:
    everything = call(ctx, "listHistoryOrders")["orders"]
    start, end = NOW - 30 * DAY, NOW - 10 * DAY
    window = call(ctx, "listHistoryOrders", start_at=start, end_at=end)["orders"]
    assert window == [o for o in everything if start <= int(o["submitted_at"]) <= end]
    assert 0 < len(window) < len(everything)
    # Today's orders are not history, even inside the window.
    today_ids = {o["order_id"] for o in call(ctx, "listTodayOrders")["orders"]}
    wide = call(ctx, "listHistoryOrders", start_at=0, end_at=NOW + DAY)["orders"]
    assert not today_ids & {o["order_id"] for o in wide}
    filled_hk_buys = call(
        ctx, "listHistoryOrders", status=["FilledStatus"], side="Buy", market="HK"
    )["orders"]
    assert filled_hk_buys
    assert filled_hk_buys == [
        o
        for o in everything
        if o["status"] == "FilledStatus" and o["side"] == "Buy" and o["symbol"].endswith(".HK")
    ]
    tencent = call(ctx, "listHistoryOrders", symbol="700.HK")["orders"]
    assert tencent
    assert {o["symbol"] for o in tencent} == {"700.HK"}


def test_today_orders_filters_and_paging(ctx: Context) -> None:
    everything = call(ctx, "listTodayOrders")["orders"]
    assert len(everything) >= 8
    us = call(ctx, "listTodayOrders", market="US")["orders"]
    assert us
    assert all(o["symbol"].endswith(".US") for o in us)
    sells = call(ctx, "listTodayOrders", side="Sell")["orders"]
    assert all(o["side"] == "Sell" for o in sells)
    assert EXAMPLE_CANCEL_ORDER_ID in {o["order_id"] for o in sells}
    open_ = call(ctx, "listTodayOrders", status=["NewStatus", "PartialFilledStatus"])["orders"]
    assert open_ == [o for o in everything if o["status"] in ("NewStatus", "PartialFilledStatus")]
    one = call(ctx, "listTodayOrders", order_id=EXAMPLE_OPEN_ORDER_ID)["orders"]
    assert [o["order_id"] for o in one] == [EXAMPLE_OPEN_ORDER_ID]
    assert call(ctx, "listTodayOrders", symbol="NOPE.US")["orders"] == []
    pages = all_pages(ctx, "listTodayOrders", "orders", 5)
    assert [o for page in pages for o in page] == everything


def test_history_executions_page_and_filter(ctx: Context) -> None:
    everything = call(ctx, "listHistoryExecutions")["trades"]
    pages = all_pages(ctx, "listHistoryExecutions", "trades", 20)
    assert len(pages) >= 3
    assert [t for page in pages for t in page] == everything
    times = [int(t["trade_done_at"]) for t in everything]
    assert times == sorted(times, reverse=True)
    one = call(ctx, "listHistoryExecutions", order_id=EXAMPLE_HISTORY_ORDER_ID)["trades"]
    assert [(t["quantity"], t["price"]) for t in one] == [("200", "359.80")]
    tencent = call(ctx, "listHistoryExecutions", symbol="700.HK")["trades"]
    assert tencent
    assert all(t["symbol"] == "700.HK" for t in tencent)


# ---- submit ------------------------------------------------------------------------------


def test_submit_places_a_new_order_seen_today_and_in_detail(ctx: Context) -> None:
    before = len(call(ctx, "listTodayOrders")["orders"])
    data = call(ctx, "submitOrder", lo(remark="first"))
    conforms(data, "SubmittedOrder")
    order_id = data["order_id"]
    assert isinstance(order_id, str)
    assert order_id.isdigit()
    today = call(ctx, "listTodayOrders")["orders"]
    assert len(today) == before + 1
    assert today[0]["order_id"] == order_id  # newest first
    detail = call(ctx, "getOrderDetail", order_id=order_id)
    conforms(detail, "OrderDetail")
    assert detail["status"] == "NewStatus"
    assert detail["submitted_at"] == str(NOW)
    assert (detail["quantity"], detail["price"], detail["remark"]) == ("3", "180.00", "first")
    assert detail["outside_rth"] == "RTH_ONLY"  # the US default
    assert [h["status"] for h in detail["history"]] == ["NewStatus"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (lo(submitted_price=None), "submitted_price"),
        (lo(order_type="ELO", submitted_price=None), "submitted_price"),
        (lo(order_type="LIT"), "trigger_price"),
        (lo(order_type="MIT", submitted_price=None), "trigger_price"),
        (lo(order_type="TSLPAMT", submitted_price=None, limit_offset="0.1"), "trailing_amount"),
        (lo(order_type="TSLPPCT", submitted_price=None, limit_offset="0.1"), "trailing_percent"),
        (lo(time_in_force="GTD"), "expire_date"),
        (lo(time_in_force="GTD", expire_date="2025-12-30"), "expire_date"),
        (lo(time_in_force="GTD", expire_date="2026-02-30"), "expire_date"),
        (lo(symbol="NOPE.US"), "symbol"),
        (lo(symbol="700.HK", submitted_quantity="150"), "submitted_quantity"),
        # Beyond Decimal's 28 digits, where its % raises DivisionImpossible (once a 500).
        (lo(symbol="5.HK", submitted_quantity="1" + "0" * 31 + "1"), "submitted_quantity"),
        (lo(submitted_quantity="0"), "submitted_quantity"),
        (lo(submitted_price="0"), "submitted_price"),
        (lo(outside_rth=""), "outside_rth"),
    ],
)
def test_submit_refuses_what_section_5_2_requires(
    ctx: Context, body: dict[str, Any], field: str
) -> None:
    before = call(ctx, "listTodayOrders")
    assert field in problem(ctx, "submitOrder", body)
    assert call(ctx, "listTodayOrders") == before  # nothing placed


def test_a_whole_number_of_lots_beyond_decimal_precision_is_placed(ctx: Context) -> None:
    quantity = "1" + "0" * 31  # 2.5e28 lots of 400
    placed = call(ctx, "submitOrder", lo(symbol="5.HK", submitted_quantity=quantity))
    assert call(ctx, "getOrderDetail", order_id=placed["order_id"])["quantity"] == quantity


def test_submit_accepts_each_conditional_type_with_its_fields(ctx: Context) -> None:
    bodies = [
        lo(order_type="MO", submitted_price=None),
        lo(order_type="LIT", trigger_price="175.00"),
        lo(order_type="MIT", submitted_price=None, trigger_price="175.00"),
        lo(order_type="TSLPAMT", submitted_price=None, trailing_amount="2", limit_offset="0.1"),
        lo(order_type="TSLPPCT", submitted_price=None, trailing_percent="1.5"),
        lo(time_in_force="GTD", expire_date="2026-01-31"),
        lo(symbol="700.HK", submitted_quantity="50", order_type="ODD", submitted_price="368"),
    ]
    for body in bodies:
        order_id = call(ctx, "submitOrder", body)["order_id"]
        detail = call(ctx, "getOrderDetail", order_id=order_id)
        conforms(detail, "OrderDetail")
        assert detail["order_type"] == body["order_type"]
    gtd = call(ctx, "listTodayOrders", status=["NewStatus"])["orders"]
    assert "2026-01-31" in {o["expire_date"] for o in gtd}


def test_client_request_id_makes_submission_idempotent(ctx: Context) -> None:
    body = lo(client_request_id="req-0001")
    first = call(ctx, "submitOrder", body)["order_id"]
    count = len(call(ctx, "listTodayOrders")["orders"])
    again = call(ctx, "submitOrder", dict(body))["order_id"]
    assert again == first
    assert len(call(ctx, "listTodayOrders")["orders"]) == count  # nothing new
    message = problem(ctx, "submitOrder", lo(client_request_id="req-0001", submitted_quantity="4"))
    assert "client_request_id" in message
    assert first in message
    assert len(call(ctx, "listTodayOrders")["orders"]) == count
    # Without an id, or with another, the same body places another order.
    other = call(ctx, "submitOrder", lo(client_request_id="req-0002"))["order_id"]
    plain = call(ctx, "submitOrder", lo())["order_id"]
    assert len({first, other, plain}) == 3


# ---- replace and cancel ------------------------------------------------------------------


def test_replace_changes_the_order_and_records_it(ctx: Context) -> None:
    assert call(ctx, "replaceOrder", {"order_id": EXAMPLE_OPEN_ORDER_ID, "quantity": "20",
                                      "price": "186.50", "remark": "r" * 255}) == {}  # fmt: skip
    detail = call(ctx, "getOrderDetail", order_id=EXAMPLE_OPEN_ORDER_ID)
    conforms(detail, "OrderDetail")
    assert (detail["quantity"], detail["price"]) == ("20", "186.50")
    assert detail["status"] == "ReplacedStatus"
    assert detail["remark"] == "r" * 255  # 255 accepted (§10 item 8)
    assert detail["history"][0]["status"] == "ReplacedStatus"
    assert (detail["history"][0]["quantity"], detail["history"][0]["price"]) == ("20", "186.50")
    assert detail["updated_at"] == str(NOW)
    # A replaced order is still open: it can be replaced again and cancelled.
    call(ctx, "replaceOrder", {"order_id": int(EXAMPLE_OPEN_ORDER_ID), "quantity": "15"})
    assert call(ctx, "getOrderDetail", order_id=EXAMPLE_OPEN_ORDER_ID)["quantity"] == "15"


def test_replace_and_cancel_refuse_final_and_unknown_orders(ctx: Context) -> None:
    finals = [
        o
        for o in call(ctx, "listHistoryOrders")["orders"]
        if o["status"] in ("FilledStatus", "CanceledStatus", "RejectedStatus")
    ]
    assert {o["status"] for o in finals} >= {"FilledStatus", "CanceledStatus"}
    for order in finals[:10]:
        assert "cannot be" in problem(
            ctx, "replaceOrder", {"order_id": order["order_id"], "quantity": "100"}
        )
        assert "cannot be" in problem(ctx, "cancelOrder", order_id=order["order_id"])
    off_lot = {"order_id": EXAMPLE_ESTIMATE_ORDER_ID, "quantity": "150"}  # 700.HK: lots of 100
    assert "quantity must be a multiple of the board lot (100)" in problem(
        ctx, "replaceOrder", off_lot
    )
    assert "not found" in problem(ctx, "replaceOrder", {"order_id": "1", "quantity": "1"})
    assert "not found" in problem(ctx, "cancelOrder", order_id="1")
    assert "not found" in problem(ctx, "getOrderDetail", order_id="1")


def test_cancel_then_nothing_more(ctx: Context) -> None:
    assert call(ctx, "cancelOrder", order_id=EXAMPLE_CANCEL_ORDER_ID) == {}
    detail = call(ctx, "getOrderDetail", order_id=EXAMPLE_CANCEL_ORDER_ID)
    assert detail["status"] == "CanceledStatus"
    assert detail["history"][0]["status"] == "CanceledStatus"
    canceled = call(ctx, "listTodayOrders", status=["CanceledStatus"])["orders"]
    assert EXAMPLE_CANCEL_ORDER_ID in {o["order_id"] for o in canceled}
    problem(ctx, "cancelOrder", order_id=EXAMPLE_CANCEL_ORDER_ID)
    problem(ctx, "replaceOrder", {"order_id": EXAMPLE_CANCEL_ORDER_ID, "quantity": "5"})


def test_cancel_of_a_partly_filled_order_is_a_partial_withdrawal(ctx: Context) -> None:
    partial = call(ctx, "listTodayOrders", status=["PartialFilledStatus"])["orders"]
    assert partial
    order_id = partial[0]["order_id"]
    executed = partial[0]["executed_quantity"]
    assert "executed quantity" in problem(
        ctx, "replaceOrder", {"order_id": order_id, "quantity": executed}
    )
    call(ctx, "cancelOrder", order_id=order_id)
    detail = call(ctx, "getOrderDetail", order_id=order_id)
    assert (detail["status"], detail["executed_quantity"]) == ("PartialWithdrawal", executed)


def test_open_statuses_are_exactly_the_cancellable_ones(ctx: Context) -> None:
    for order in call(ctx, "listTodayOrders")["orders"]:
        if order["status"] in OPEN_STATUSES:
            call(ctx, "cancelOrder", order_id=order["order_id"])
        else:
            problem(ctx, "cancelOrder", order_id=order["order_id"])


# ---- detail and estimate -----------------------------------------------------------------


def test_detail_has_history_and_charges(ctx: Context) -> None:
    detail = call(ctx, "getOrderDetail", order_id=EXAMPLE_FILLED_TODAY_ID)
    assert [h["status"] for h in detail["history"]] == ["FilledStatus", "NewStatus"]
    charges = detail["charge_detail"]
    total = sum(Decimal(f["amount"]) for item in charges["items"] for f in item["fees"])
    assert Decimal(charges["total_amount"]) == total > 0
    assert {item["code"] for item in charges["items"]} == {"BROKER_FEES", "THIRD_FEES"}
    unfilled = call(ctx, "getOrderDetail", order_id=EXAMPLE_OPEN_ORDER_ID)["charge_detail"]
    assert unfilled == {"total_amount": "0.00", "currency": "USD", "items": []}


def test_estimate_is_plausible(ctx: Context) -> None:
    base: dict[str, Any] = {"symbol": "700.HK", "order_type": "LO", "side": "Buy"}
    est = call(ctx, "estimateMaxPurchaseQuantity", **base)
    conforms(est, "MaxPurchaseQuantity")
    cash, margin = Decimal(est["cash_max_qty"]), Decimal(est["margin_max_qty"])
    assert 0 < cash < margin
    assert cash % 100 == 0
    assert margin % 100 == 0
    cheaper = call(ctx, "estimateMaxPurchaseQuantity", price="184.10", **base)
    assert Decimal(cheaper["cash_max_qty"]) >= 2 * cash - 100  # half the price, twice as many
    # Replacing an open buy order frees what it holds.
    replacing = call(ctx, "estimateMaxPurchaseQuantity", order_id=EXAMPLE_ESTIMATE_ORDER_ID, **base)
    assert Decimal(replacing["cash_max_qty"]) >= cash + 100
    # A new open buy order holds cash back.
    call(ctx, "submitOrder", lo(symbol="700.HK", submitted_quantity="1000",
                                submitted_price="368.20"))  # fmt: skip
    after = call(ctx, "estimateMaxPurchaseQuantity", **base)
    assert Decimal(after["cash_max_qty"]) == cash - 1000
    sell = call(ctx, "estimateMaxPurchaseQuantity", symbol="AAPL.US", order_type="LO", side="Sell")
    assert sell == {"cash_max_qty": "50", "margin_max_qty": "50"}  # the position (asset area)
    frac = call(ctx, "estimateMaxPurchaseQuantity", symbol="NVDA.US", order_type="MO",
                side="Buy", fractional_shares=True)  # fmt: skip
    assert "." in frac["cash_max_qty"]
    conforms(frac, "MaxPurchaseQuantity")
    assert "symbol" in problem(ctx, "estimateMaxPurchaseQuantity", symbol="NOPE.US",
                               order_type="LO", side="Buy")  # fmt: skip
    assert "order_id" in problem(ctx, "estimateMaxPurchaseQuantity", order_id="1", **base)


# ---- the spec's examples -----------------------------------------------------------------


def _operation(path: str, method: str) -> dict[str, Any]:
    operation: dict[str, Any] = PATHS[path][method]
    return operation


def _param_examples(operation: dict[str, Any]) -> dict[str, Any]:
    return {p["name"]: p["example"] for p in operation.get("parameters", [])}


def test_spec_examples_work_against_the_mock(ctx: Context) -> None:
    for path, method, op in [
        ("/v1/trade/order", "get", "getOrderDetail"),
        ("/v1/trade/order/today", "get", "listTodayOrders"),
        ("/v1/trade/order/history", "get", "listHistoryOrders"),
        ("/v1/trade/execution/today", "get", "listTodayExecutions"),
        ("/v1/trade/execution/history", "get", "listHistoryExecutions"),
        ("/v1/trade/estimate/buy_limit", "get", "estimateMaxPurchaseQuantity"),
        ("/v1/trade/order", "delete", "cancelOrder"),
    ]:
        operation = _operation(path, method)
        assert operation["operationId"] == op
        call(ctx, op, **_param_examples(operation))
    for method, op in (("post", "submitOrder"), ("put", "replaceOrder")):
        operation = _operation("/v1/trade/order", method)
        example = operation["requestBody"]["content"]["application/json"]["example"]
        call(ctx, op, dict(example))
    # The submit example has no client_request_id: replaying it places a new order each time
    # (a conformance run must not get back an order an earlier run cancelled).
    example = _operation("/v1/trade/order", "post")["requestBody"]["content"]["application/json"]
    assert "client_request_id" not in example["example"]
    first = call(ctx, "submitOrder", dict(example["example"]))["order_id"]
    assert call(ctx, "submitOrder", dict(example["example"]))["order_id"] != first


def test_spec_response_examples_conform() -> None:
    names = {
        "submitOrder": "SubmittedOrder",
        "replaceOrder": "EmptyData",
        "cancelOrder": "EmptyData",
        "getOrderDetail": "OrderDetail",
        "listTodayOrders": "TodayOrders",
        "listHistoryOrders": "HistoryOrders",
        "listTodayExecutions": "TodayExecutions",
        "listHistoryExecutions": "HistoryExecutions",
        "estimateMaxPurchaseQuantity": "MaxPurchaseQuantity",
    }
    seen: set[str] = set()
    for item in PATHS.values():
        for operation in item.values():
            op = operation.get("operationId") if isinstance(operation, dict) else None
            if op in names:
                example = operation["responses"]["200"]["content"]["application/json"]["example"]
                assert example["code"] == 0
                conforms(example["data"], names[op])
                seen.add(op)
    assert seen == set(names)


# ---- over HTTP ----------------------------------------


def _token(mock: Harness, scope: str = "10 11") -> str:
    token: str = mock.tokens(mock.register(), scope=scope)["access_token"]
    return token


def test_http_submit_list_replace_cancel(mock: Harness) -> None:
    token = _token(mock)
    auth = {"Authorization": f"Bearer {token}"}
    body = lo(client_request_id="http-1")
    placed = mock.http.post("/v1/trade/order", json=body, headers=auth)
    assert placed.status_code == 200, placed.text
    order_id = placed.json()["data"]["order_id"]
    again = mock.http.post("/v1/trade/order", json=body, headers=auth)
    assert again.json()["data"]["order_id"] == order_id
    today = mock.api("/v1/trade/order/today", token, params={"order_id": order_id})
    assert [o["status"] for o in today.json()["data"]["orders"]] == ["NewStatus"]
    replaced = mock.http.put(
        "/v1/trade/order", json={"order_id": order_id, "quantity": "4"}, headers=auth
    )
    assert replaced.status_code == 200, replaced.text
    cancelled = mock.http.delete("/v1/trade/order", params={"order_id": order_id}, headers=auth)
    assert cancelled.status_code == 200, cancelled.text
    detail = mock.api("/v1/trade/order", token, params={"order_id": order_id}).json()["data"]
    assert (detail["status"], detail["quantity"]) == ("CanceledStatus", "4")
    twice = mock.http.delete("/v1/trade/order", params={"order_id": order_id}, headers=auth)
    assert twice.status_code == 400
    assert twice.json()["code"] == 400000


def test_http_validation_scope_and_paging(mock: Harness) -> None:
    token = _token(mock)
    auth = {"Authorization": f"Bearer {token}"}
    no_price = mock.http.post("/v1/trade/order", json=lo(submitted_price=None), headers=auth)
    assert no_price.status_code == 400
    assert "submitted_price" in no_price.json()["message"]
    long_remark = mock.http.post("/v1/trade/order", json=lo(remark="x" * 256), headers=auth)
    assert long_remark.status_code == 400
    depth = mock.http.post("/v1/trade/order", json=lo(limit_depth_level=6), headers=auth)
    assert depth.status_code == 400
    read_only = _token(mock, "10")
    refused = mock.http.post(
        "/v1/trade/order", json=lo(), headers={"Authorization": f"Bearer {read_only}"}
    )
    assert refused.status_code == 403
    assert refused.json()["code"] == 403308
    statuses = mock.http.get(
        "/v1/trade/order/history?status=FilledStatus&status=CanceledStatus&size=20",
        headers=auth,
    )
    assert statuses.status_code == 200, statuses.text
    data = statuses.json()["data"]
    assert data["has_more"] is True
    assert len(data["orders"]) == 20
    assert {o["status"] for o in data["orders"]} <= {"FilledStatus", "CanceledStatus"}
