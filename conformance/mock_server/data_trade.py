"""The trade area of the data API: orders, executions and purchase estimates.

The handlers over the seeded order book (``order_book``): orders placed through ``submitOrder``
join today's book; replace and cancel change them in place and add to their status history.
``client_request_id`` makes a submission idempotent (SDK 4.4.0, docs/longbridge-api.md §5.2).
Today's queries cover the last 24 hours, history queries older orders only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from decimal import ROUND_DOWN, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from .context import Context
from .handler_call import bad_parameter
from .order_book import (
    HISTORY_WINDOW,
    NEEDS_PRICE,
    NEEDS_TRIGGER,
    TODAY,
    Execution,
    Order,
    TradeState,
    charge_detail,
    optional_text,
)
from .real_shapes import sometimes
from .seed_data import CASH, INSTRUMENTS, MAX_FINANCE_HKD, STOCKS, TO_HKD, Instrument

if TYPE_CHECKING:
    # data_api imports this module's HANDLERS; the type alone avoids an import cycle.
    from .handler_call import Call

__all__ = ["HANDLERS"]

MAX_PAGE = 1000  # at most 1000 orders per history query (§5.2); also the default size


def _state(ctx: Context) -> TradeState:
    return ctx.state.area("trade", lambda: TradeState.seeded(ctx.config.seed, ctx.now()))


# ---- input helpers -----------------------------------------------------------------------


def _decimal(body: dict[str, Any], name: str, *, positive: bool = True) -> Decimal | None:
    """A decimal field of the body (the spec's pattern already holds), or None when absent."""
    raw = body.get(name)
    if raw is None:
        return None
    try:
        value = Decimal(str(raw))
    except InvalidOperation:
        raise bad_parameter(f"{name} must be a decimal number") from None
    if positive and value <= 0:
        raise bad_parameter(f"{name} must be greater than 0")
    return value


def _security(symbol: str) -> Instrument:
    security = INSTRUMENTS.get(symbol)
    if security is None:
        raise bad_parameter(f"symbol {symbol} is unknown or not tradable")
    return security


def _order(state: TradeState, order_id: Any) -> Order:
    order = state.orders.get(str(order_id))
    if order is None:
        raise bad_parameter(f"order_id {order_id} not found")
    return order


def _fingerprint(body: dict[str, Any]) -> str:
    rest = {k: v for k, v in body.items() if k != "client_request_id"}
    return json.dumps(rest, sort_keys=True, separators=(",", ":"))


def _page(params: dict[str, Any], items: list[Any]) -> tuple[list[Any], bool]:
    page = int(params.get("page", 1))
    size = int(params.get("size", MAX_PAGE))
    chunk = items[(page - 1) * size : page * size]
    return chunk, page * size < len(items)


def _window(ctx: Context, params: dict[str, Any]) -> tuple[int, int]:
    end = int(params.get("end_at", int(ctx.now())))
    start = int(params.get("start_at", end - HISTORY_WINDOW))
    return start, end


def _matches(order: Order, params: dict[str, Any]) -> bool:
    statuses = params.get("status")
    return (
        ("symbol" not in params or order.symbol == params["symbol"])
        and (not statuses or order.status in statuses)
        and ("side" not in params or order.side == params["side"])
        and ("market" not in params or order.security.market == params["market"])
        and ("order_id" not in params or order.order_id == str(params["order_id"]))
    )


def _newest_first(orders: Iterable[Order]) -> list[Order]:
    return sorted(orders, key=lambda o: (o.submitted_at, o.order_id), reverse=True)


# ---- handlers ----------------------------------------------------------------------------


def submit_order(ctx: Context, call: Call) -> Any:
    """POST /v1/trade/order: validate per §5.2, place a NewStatus order, honour the request id."""
    state = _state(ctx)
    body: dict[str, Any] = call.body or {}
    request_id = body.get("client_request_id")
    if isinstance(request_id, str) and request_id in state.requests:
        fingerprint, order_id = state.requests[request_id]
        if fingerprint != _fingerprint(body):
            raise bad_parameter(
                f"client_request_id {request_id} was already used for a different order "
                f"({order_id}); use a new id for a new order"
            )
        return {"order_id": order_id}  # the same order again: nothing new is placed
    security = _security(str(body["symbol"]))
    order_type = str(body["order_type"])
    tif = str(body["time_in_force"])
    quantity = _decimal(body, "submitted_quantity")
    assert quantity is not None  # required by the spec
    _check_quantity(security, order_type, quantity)
    price = _decimal(body, "submitted_price")
    trigger = _decimal(body, "trigger_price")
    trailing_amount = _decimal(body, "trailing_amount")
    trailing_percent = _decimal(body, "trailing_percent")
    if order_type in NEEDS_PRICE and price is None:
        raise bad_parameter(f"submitted_price is required for {order_type} orders")
    if order_type in NEEDS_TRIGGER and trigger is None:
        raise bad_parameter(f"trigger_price is required for {order_type} orders")
    if order_type in ("TSLPAMT", "TSMAMT") and trailing_amount is None:
        raise bad_parameter(f"trailing_amount is required for {order_type} orders")
    if order_type in ("TSLPPCT", "TSMPCT") and trailing_percent is None:
        raise bad_parameter(f"trailing_percent is required for {order_type} orders")
    if trailing_percent is not None and trailing_percent >= 100:
        raise bad_parameter("trailing_percent must be less than 100")
    expire_date = _expire_date(ctx, body, tif)
    outside_rth = body.get("outside_rth")
    if outside_rth in ("", "UnknownOutsideRth"):
        raise bad_parameter(f"outside_rth {outside_rth!r} cannot be requested")
    if outside_rth is None:
        outside_rth = "RTH_ONLY" if security.market == "US" else ""
    now = int(ctx.now())
    order = state.add(
        Order(
            order_id=state.new_id(now),
            symbol=security.symbol,
            side=str(body["side"]),
            order_type=order_type,
            quantity=quantity,
            price=price,
            time_in_force=tif,
            submitted_at=now,
            expire_date=expire_date,
            trigger_price=trigger,
            trailing_amount=trailing_amount,
            trailing_percent=trailing_percent,
            limit_offset=_decimal(body, "limit_offset"),
            monitor_price=_decimal(body, "monitor_price"),
            outside_rth=str(outside_rth),
            remark=str(body.get("remark", "")),
            limit_depth_level=int(body.get("limit_depth_level", 0)),
            trigger_count=int(body.get("trigger_count", 0)),
        )
    )
    order.record("NewStatus", now)
    if isinstance(request_id, str):
        state.requests[request_id] = (_fingerprint(body), order.order_id)
    return {"order_id": order.order_id}


def _check_quantity(
    security: Instrument, order_type: str, quantity: Decimal, name: str = "submitted_quantity"
) -> None:
    if security.market != "US" and quantity != quantity.to_integral_value():
        raise bad_parameter(f"{name} must be a whole number for HK securities")
    # Odd-lot orders (ODD) are the only way to trade less than a board lot in HK (§5.7).
    # In whole numbers (an HK quantity is one by now): Decimal's % refuses a quotient beyond its
    # 28-digit precision, and the spec's pattern allows any number of digits.
    if security.market == "HK" and order_type != "ODD" and int(quantity) % security.lot:
        raise bad_parameter(
            f"{name} must be a multiple of the board lot ({security.lot}) of {security.symbol}"
        )


def _expire_date(ctx: Context, body: dict[str, Any], tif: str) -> str:
    raw = body.get("expire_date")
    if raw is None:
        if tif == "GTD":
            raise bad_parameter("expire_date is required when time_in_force is GTD")
        return ""
    try:
        day = date.fromisoformat(str(raw))
    except ValueError:
        raise bad_parameter(f"expire_date {raw} is not a valid date (YYYY-MM-DD)") from None
    if day < datetime.fromtimestamp(ctx.now(), UTC).date():
        raise bad_parameter(f"expire_date {raw} is in the past")
    return day.isoformat()


def replace_order(ctx: Context, call: Call) -> Any:
    """PUT /v1/trade/order: new quantity / prices of an open order, recorded in its history."""
    state = _state(ctx)
    body: dict[str, Any] = call.body or {}
    order = _order(state, body["order_id"])
    if not order.is_open:
        raise bad_parameter(f"order {order.order_id} is {order.status} and cannot be replaced")
    if order.order_type == "SLO":
        raise bad_parameter("SLO orders cannot be replaced")
    quantity = _decimal(body, "quantity")
    assert quantity is not None  # required by the spec
    _check_quantity(order.security, order.order_type, quantity, "quantity")
    if quantity <= order.executed_quantity:
        raise bad_parameter(
            f"quantity must be greater than the executed quantity {order.executed_quantity}"
        )
    price = _decimal(body, "price")
    if price is not None and order.order_type == "MO":
        raise bad_parameter("a market order has no price to replace")
    order.quantity = quantity
    order.price = price if price is not None else order.price
    for name in ("trigger_price", "limit_offset", "trailing_amount", "trailing_percent",
                 "monitor_price"):  # fmt: skip
        value = _decimal(body, name)
        if value is not None:
            setattr(order, name, value)
    if "remark" in body:
        order.remark = str(body["remark"])
    if "limit_depth_level" in body:
        order.limit_depth_level = int(body["limit_depth_level"])
    if "trigger_count" in body:
        order.trigger_count = int(body["trigger_count"])
    # A partly filled order stays PartialFilledStatus; an untouched one reports the replace.
    status = "PartialFilledStatus" if order.executed_quantity else "ReplacedStatus"
    order.record(status, int(ctx.now()), "Order replaced")
    return {}


def cancel_order(ctx: Context, call: Call) -> Any:
    """DELETE /v1/trade/order: an open order becomes CanceledStatus (PartialWithdrawal if part
    of it was executed); a final or unknown order is refused (§5.2)."""
    state = _state(ctx)
    order = _order(state, call.params["order_id"])
    if not order.is_open:
        raise bad_parameter(f"order {order.order_id} is {order.status} and cannot be cancelled")
    status = "PartialWithdrawal" if order.executed_quantity else "CanceledStatus"
    order.record(status, int(ctx.now()), "Cancelled by user")
    return {}


_CLOSING = frozenset({"CanceledStatus", "PartialWithdrawal", "ExpiredStatus", "RejectedStatus"})


def get_order_detail(ctx: Context, call: Call) -> Any:
    """GET /v1/trade/order: the order, its status history and its charges (§5.2)."""
    order = _order(_state(ctx), call.params["order_id"])
    return {
        **order.to_json(),
        # Commission-free and deduction programmes do not apply to the mock's account.
        "free_status": "None",
        "free_amount": "",
        "free_currency": "",
        "deductions_status": "NONE",
        "deductions_amount": "",
        "deductions_currency": "",
        "platform_deducted_status": "NONE",
        "platform_deducted_amount": "",
        "platform_deducted_currency": "",
        # Newest change first, as the order detail page shows it.
        "history": [
            {
                "price": optional_text(h.price),
                # A closing entry of some orders (by seed) sends "" (the SDK reads 0).
                "quantity": (
                    ""
                    if h.status in _CLOSING
                    and sometimes(ctx.config.seed, "history", order.order_id)
                    else str(h.quantity)
                ),
                "status": h.status,
                "msg": h.msg,
                "time": str(h.time),
            }
            for h in reversed(order.history)
        ],
        "charge_detail": charge_detail(order),
    }


def list_today_orders(ctx: Context, call: Call) -> Any:
    """GET /v1/trade/order/today: orders of the last 24 hours, filtered, paged (§5.2)."""
    since = int(ctx.now()) - TODAY
    state = _state(ctx)
    orders = _newest_first(
        o for o in state.orders.values() if o.submitted_at > since and _matches(o, call.params)
    )
    chunk, has_more = _page(call.params, orders)
    return {"orders": [o.to_json() for o in chunk], "has_more": has_more}


def list_history_orders(ctx: Context, call: Call) -> Any:
    """GET /v1/trade/order/history: orders before today in [start_at, end_at], newest first."""
    before_today = int(ctx.now()) - TODAY
    start, end = _window(ctx, call.params)
    orders = _newest_first(
        o
        for o in _state(ctx).orders.values()
        if start <= o.submitted_at <= min(end, before_today) and _matches(o, call.params)
    )
    chunk, has_more = _page(call.params, orders)
    return {"has_more": has_more, "orders": [o.to_json() for o in chunk]}


def _executions(
    state: TradeState, params: dict[str, Any], keep: Callable[[int], bool]
) -> list[Execution]:
    return [
        e
        for e in state.executions
        if keep(e.time)
        and ("symbol" not in params or e.symbol == params["symbol"])
        and ("order_id" not in params or e.order_id == str(params["order_id"]))
    ]


def list_today_executions(ctx: Context, call: Call) -> Any:
    """GET /v1/trade/execution/today: fills of the last 24 hours, newest first (§5.2)."""
    since = int(ctx.now()) - TODAY
    trades = _executions(_state(ctx), call.params, lambda t: t > since)
    return {"trades": [e.to_json() for e in trades]}


def list_history_executions(ctx: Context, call: Call) -> Any:
    """GET /v1/trade/execution/history: older fills in [start_at, end_at], paged (§5.2)."""
    before_today = int(ctx.now()) - TODAY
    start, end = _window(ctx, call.params)
    trades = _executions(_state(ctx), call.params, lambda t: start <= t <= min(end, before_today))
    chunk, has_more = _page(call.params, trades)
    return {"has_more": has_more, "trades": [e.to_json() for e in chunk]}


def _frozen_hkd(state: TradeState, except_id: str | None) -> Decimal:
    """Cash held back by open buy orders (the replaced order's own amount is free again)."""
    total = Decimal(0)
    for o in state.orders.values():
        if o.is_open and o.side == "Buy" and o.order_id != except_id:
            price = o.price or o.security.last_price
            total += (o.quantity - o.executed_quantity) * price * TO_HKD[o.security.currency]
    return total


def estimate_max_purchase_quantity(ctx: Context, call: Call) -> Any:
    """GET /v1/trade/estimate/buy_limit: quantities from the seeded cash, price and lot (§5.2).

    Buy: cash (all currencies, in HKD) less what open buy orders hold, divided by the price;
    with margin the financing limit is added. Sell: the position's available quantity.
    """
    state = _state(ctx)
    params = call.params
    security = _security(str(params["symbol"]))
    currency = params.get("currency")
    if currency is not None and currency not in TO_HKD:
        raise bad_parameter(f"currency {currency} is not one the account holds (HKD, USD, CNH)")
    order_id = params.get("order_id")
    if order_id is not None:
        _order(state, order_id)
    price = security.last_price
    if "price" in params:
        price = Decimal(str(params["price"]))
        if price <= 0:
            raise bad_parameter("price must be greater than 0")
    fractional = bool(params.get("fractional_shares")) and security.market == "US"
    step = Decimal("0.0001") if fractional else Decimal(security.lot)

    def whole(quantity: Decimal) -> str:
        steps = max((quantity / step).to_integral_value(ROUND_DOWN), Decimal(0))
        return format((steps * step).normalize(), "f")  # "600", never "6E+2"

    if params["side"] == "Sell":
        held = next((s.available for s in STOCKS if s.symbol == security.symbol), None)
        if held is None:  # nothing to sell: "" as real answers send it (longbridge/openapi#140)
            return {"cash_max_qty": "", "margin_max_qty": ""}
        return {"cash_max_qty": whole(held), "margin_max_qty": whole(held)}
    cash_hkd = sum((CASH[c] * TO_HKD[c] for c in CASH), Decimal(0))
    cash_hkd -= _frozen_hkd(state, None if order_id is None else str(order_id))
    price_hkd = price * TO_HKD[security.currency]
    cash_qty = cash_hkd / price_hkd
    margin_qty = (cash_hkd + MAX_FINANCE_HKD) / price_hkd
    return {"cash_max_qty": whole(cash_qty), "margin_max_qty": whole(margin_qty)}


HANDLERS: dict[str, Callable[[Context, Call], Any]] = {
    "submitOrder": submit_order,
    "replaceOrder": replace_order,
    "cancelOrder": cancel_order,
    "getOrderDetail": get_order_detail,
    "listTodayOrders": list_today_orders,
    "listHistoryOrders": list_history_orders,
    "listTodayExecutions": list_today_executions,
    "listHistoryExecutions": list_history_executions,
    "estimateMaxPurchaseQuantity": estimate_max_purchase_quantity,
}
