"""The trade area of the data API: orders, executions and purchase estimates.

One seeded account (docs/longbridge-api.md §5.2, §5.7) trading HK and US securities: a book of more
than 70 history orders over the last 90 days (enough for several pages of 20), a handful of
today's orders in several statuses, and the executions of every filled or partially filled
order. Orders placed through ``submitOrder`` join today's book; replace and cancel change them in
place and add to their status history. ``client_request_id`` makes a submission idempotent
(SDK 4.4.0, §5.2).

The mock's "today" is the 24 hours before the clock's now, so that the answers do not depend on
the hour at which a test runs; history queries cover older orders only. Values are decimal text
and timestamps strings of unix seconds, as the real API sends them (§5); fields that do not apply
are ``""`` (§5.2).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from .context import Context
from .data_call import bad_parameter
from .real_shapes import sometimes
from .seed_data import CASH, INSTRUMENTS, MAX_FINANCE_HKD, STOCKS, TO_HKD, Instrument

if TYPE_CHECKING:
    # data_api imports this module's HANDLERS; the type alone avoids an import cycle.
    from .data_call import Call

__all__ = [
    "EXAMPLE_CANCEL_ORDER_ID",
    "EXAMPLE_ESTIMATE_ORDER_ID",
    "EXAMPLE_FILLED_TODAY_ID",
    "EXAMPLE_HISTORY_ORDER_ID",
    "EXAMPLE_OPEN_ORDER_ID",
    "HANDLERS",
    "HISTORY_ORDERS",
    "OPEN_STATUSES",
    "TradeState",
]

DAY = 86_400
TODAY = DAY  # the mock's "today": the last 24 hours (see the module docstring)
HISTORY_WINDOW = 90 * DAY  # default window of the history queries (§5.2)
MAX_PAGE = 1000  # at most 1000 orders per history query (§5.2); also the default size
HISTORY_ORDERS = 72  # generated history orders (plus the example one): 4 pages of 20
CENT = Decimal("0.01")

# Ids used in the spec's examples: they exist whatever the seed and the clock.
EXAMPLE_OPEN_ORDER_ID = "706388312699592704"  # today, AAPL.US buy, open (replace example)
EXAMPLE_CANCEL_ORDER_ID = "706388312699592705"  # today, TSLA.US sell, open (cancel example)
EXAMPLE_FILLED_TODAY_ID = "706388312699592706"  # today, 700.HK buy, filled (detail example)
EXAMPLE_ESTIMATE_ORDER_ID = "706388312699592707"  # today, 700.HK buy, open (estimate example)
EXAMPLE_HISTORY_ORDER_ID = "701276261045858304"  # 5 days ago, 700.HK buy, filled

# Orders that can still be replaced or cancelled (§5.7); the others are final.
OPEN_STATUSES = frozenset(
    {
        "NotReported",
        "ReplacedNotReported",
        "ProtectedNotReported",
        "VarietiesNotReported",
        "WaitToNew",
        "NewStatus",
        "WaitToReplace",
        "PendingReplaceStatus",
        "ReplacedStatus",
        "PartialFilledStatus",
    }
)
# Order types and the fields they need when submitted (§5.2).
NEEDS_PRICE = frozenset({"LO", "ELO", "ALO", "ODD", "LIT"})
NEEDS_TRIGGER = frozenset({"LIT", "MIT"})
# Order ids are snowflake-like, as the real ones look: milliseconds since this epoch, shifted.
ID_EPOCH = 1_600_000_000


@dataclass(frozen=True)
class HistoryEntry:
    price: Decimal | None
    quantity: Decimal
    status: str
    msg: str
    time: int


@dataclass(frozen=True)
class Execution:
    order_id: str
    trade_id: str
    symbol: str
    time: int
    quantity: Decimal
    price: Decimal
    side: str

    def to_json(self) -> dict[str, Any]:
        return {
            "order_id": self.order_id,
            "trade_id": self.trade_id,
            "symbol": self.symbol,
            "trade_done_at": str(self.time),
            "quantity": str(self.quantity),
            "price": str(self.price),
            "side": self.side,
        }


@dataclass
class Order:
    order_id: str
    symbol: str
    side: str
    order_type: str
    quantity: Decimal
    price: Decimal | None
    time_in_force: str
    submitted_at: int
    status: str = "NewStatus"
    executed_quantity: Decimal = Decimal(0)
    executed_price: Decimal | None = None
    updated_at: int = 0
    expire_date: str = ""
    trigger_price: Decimal | None = None
    trailing_amount: Decimal | None = None
    trailing_percent: Decimal | None = None
    limit_offset: Decimal | None = None
    monitor_price: Decimal | None = None
    outside_rth: str = ""
    remark: str = ""
    msg: str = ""
    limit_depth_level: int = 0
    trigger_count: int = 0
    trigger_at: int | None = None
    history: list[HistoryEntry] = field(default_factory=list)

    @property
    def security(self) -> Instrument:
        return INSTRUMENTS[self.symbol]

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def to_json(self) -> dict[str, Any]:
        """The order as §5.2 lists its fields; ``""`` where a field does not apply."""
        conditional = self.order_type in NEEDS_TRIGGER or self.order_type.startswith("TS")
        if not conditional:
            trigger_status = "NOT_USED"
        elif self.trigger_at is not None:
            trigger_status = "RELEASED"
        else:
            trigger_status = "ACTIVE" if self.is_open else "DEACTIVE"
        return {
            "order_id": self.order_id,
            "status": self.status,
            "stock_name": self.security.name,
            "quantity": str(self.quantity),
            "executed_quantity": str(self.executed_quantity),
            "price": _opt(self.price),
            # "0" before the first fill: the SDK reads this field as a decimal and only then
            # treats zero as "none" (decimal_opt_0_is_none); "" fails it (spec/DISCREPANCIES.md).
            "executed_price": str(self.executed_price or 0),
            "submitted_at": str(self.submitted_at),
            "side": self.side,
            "symbol": self.symbol,
            "order_type": self.order_type,
            "last_done": _opt(self.executed_price),
            "trigger_price": _opt(self.trigger_price),
            "msg": self.msg,
            "tag": "Gtc" if self.time_in_force == "GTC" else "Normal",  # the SDK's spelling
            "time_in_force": self.time_in_force,
            "expire_date": self.expire_date,
            "updated_at": str(self.updated_at or self.submitted_at),
            "trigger_at": "" if self.trigger_at is None else str(self.trigger_at),
            "trailing_amount": _opt(self.trailing_amount),
            "trailing_percent": _opt(self.trailing_percent),
            "limit_offset": _opt(self.limit_offset),
            "trigger_status": trigger_status,
            "currency": self.security.currency,
            "outside_rth": self.outside_rth,
            "remark": self.remark,
            "limit_depth_level": self.limit_depth_level,
            "monitor_price": _opt(self.monitor_price),
            "trigger_count": self.trigger_count,
        }

    def record(self, status: str, now: int, msg: str = "") -> None:
        """Move to ``status`` and add the change to the order's history (detail ``history[]``)."""
        self.status = status
        self.updated_at = now
        self.history.append(HistoryEntry(self.price, self.quantity, status, msg, now))


@dataclass
class TradeState:
    seed: int
    created_at: float
    orders: dict[str, Order] = field(default_factory=dict)
    executions: list[Execution] = field(default_factory=list)  # newest first
    # client_request_id -> (fingerprint of the body, order id) (SDK 4.4.0 idempotency)
    requests: dict[str, tuple[str, str]] = field(default_factory=dict)
    rng: random.Random = field(default_factory=random.Random)

    @classmethod
    def seeded(cls, seed: int, now: float) -> TradeState:
        rng = random.Random(seed)  # noqa: S311 - test data, not secrets
        state = cls(seed, now, rng=rng)
        _seed_history(state, int(now))
        _seed_today(state, int(now))
        state.executions.sort(key=lambda e: (e.time, e.trade_id), reverse=True)
        return state

    def new_id(self, at: int) -> str:
        """A fresh snowflake-like id (milliseconds since ``ID_EPOCH``, 22 random bits)."""
        while True:
            millis = max(at - ID_EPOCH, 0) * 1000 + self.rng.randrange(1000)
            order_id = str((millis << 22) | self.rng.getrandbits(22))
            if order_id not in self.orders:
                return order_id

    def add(self, order: Order) -> Order:
        self.orders[order.order_id] = order
        return order

    def fill(self, order: Order, quantity: Decimal, price: Decimal, at: int) -> None:
        """Execute ``quantity`` at ``price``: one execution, the order's averages updated."""
        done = order.executed_quantity + quantity
        value = (order.executed_price or Decimal(0)) * order.executed_quantity + price * quantity
        order.executed_price = (value / done).quantize(_tick(price), rounding=ROUND_HALF_UP)
        order.executed_quantity = done
        count = sum(1 for e in self.executions if e.order_id == order.order_id)
        trade_id = f"{order.order_id}-{count + 1}"
        self.executions.append(
            Execution(order.order_id, trade_id, order.symbol, at, quantity, price, order.side)
        )
        filled = done >= order.quantity
        order.record("FilledStatus" if filled else "PartialFilledStatus", at,
                     f"Execution of {quantity}")  # fmt: skip


def _opt(value: Decimal | None) -> str:
    return "" if value is None else str(value)


def _tick(price: Decimal) -> Decimal:
    # Prices keep their own precision; averages get one more place at most.
    exponent = price.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) else 2
    return Decimal(1).scaleb(-max(places, 2))


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


# ---- seeding -----------------------------------------------------------------------------

# (status, weight) of the generated history orders: mostly filled, as a real book is.
HISTORY_STATUSES: tuple[tuple[str, int], ...] = (
    ("FilledStatus", 55),
    ("CanceledStatus", 15),
    ("PartialWithdrawal", 8),
    ("RejectedStatus", 7),
    ("ExpiredStatus", 15),
)
ORDER_TYPES: tuple[tuple[str, int], ...] = (
    ("LO", 60),
    ("ELO", 10),
    ("MO", 10),
    ("LIT", 10),
    ("TSLPPCT", 10),
)


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([w[0] for w in weighted], weights=[w[1] for w in weighted])[0]


def _near(rng: random.Random, price: Decimal, spread: int) -> Decimal:
    """``price`` moved by up to ``spread`` per mille, at cent precision."""
    return _money(price * (1000 + rng.randint(-spread, spread)) / 1000)


def _generated_order(rng: random.Random, state: TradeState, security: Instrument, at: int,
                     order_type: str) -> Order:  # fmt: skip
    lots = rng.randint(1, 5)
    quantity = Decimal(security.lot * lots if security.market == "HK" else rng.randint(1, 40))
    # (a US order's "lot" is one share, so both markets split fills in whole lots)
    reference = _near(rng, security.last_price, 80)  # where the market was then
    side = "Buy" if rng.random() < 0.6 else "Sell"
    order = Order(
        order_id=state.new_id(at),
        symbol=security.symbol,
        side=side,
        order_type=order_type,
        quantity=quantity,
        price=None if order_type in ("MO", "TSLPPCT") else _near(rng, reference, 5),
        time_in_force=rng.choice(("Day", "Day", "Day", "GTC")),
        submitted_at=at,
        outside_rth="RTH_ONLY" if security.market == "US" else "",
    )
    if order_type == "LIT":
        order.trigger_price = _near(rng, reference, 10)
    if order_type == "TSLPPCT":
        order.trailing_percent = Decimal(rng.choice(("0.5", "1", "2", "5")))
        order.limit_offset = Decimal("0.10") if security.market == "US" else Decimal("0.20")
    order.record("NewStatus", at)
    return order


def _finish(rng: random.Random, state: TradeState, order: Order, status: str, at: int) -> None:
    """Play a submitted order through to ``status``, with its executions."""
    reference = order.price or order.security.last_price
    if order.order_type in NEEDS_TRIGGER or order.order_type.startswith("TS"):
        if status in ("FilledStatus", "PartialWithdrawal", "PartialFilledStatus"):
            order.trigger_at = at + rng.randint(30, 600)
    t = order.trigger_at or at
    if status == "RejectedStatus":
        order.record(status, at + 1, "Insufficient buying power")
        order.msg = "Insufficient buying power"
        return
    if status in ("FilledStatus", "PartialWithdrawal", "PartialFilledStatus"):
        lot = Decimal(order.security.lot)
        units = int(order.quantity / lot)  # board lots (HK) or shares (US)
        if units < 2:
            status = "FilledStatus"  # one lot cannot be partly filled
        done = units if status == "FilledStatus" else rng.randint(1, units - 1)
        parts = min(rng.randint(1, 3), done)
        cuts = sorted(rng.sample(range(1, done), parts - 1)) if parts > 1 else []
        for a, b in zip([0, *cuts], [*cuts, done], strict=True):
            t += rng.randint(1, 900)
            state.fill(order, lot * (b - a), _near(rng, reference, 2), t)
        if status == "PartialWithdrawal":
            order.record(status, t + rng.randint(60, 3600), "Cancelled by user")
        return
    if status == "CanceledStatus":
        order.record(status, at + rng.randint(60, 7200))
    elif status == "ExpiredStatus":
        order.record(status, at + rng.randint(3600, 6 * 3600), "Order expired")


def _seed_history(state: TradeState, now: int) -> None:
    rng = state.rng
    symbols = list(INSTRUMENTS.values())
    newest = now - TODAY - 3600  # history orders are all older than "today"
    times = sorted(rng.randint(now - HISTORY_WINDOW + 3600, newest) for _ in range(HISTORY_ORDERS))
    for i, at in enumerate(times):
        security = symbols[i % len(symbols)]  # round robin: every symbol in every page
        order = state.add(_generated_order(rng, state, security, at, _pick(rng, ORDER_TYPES)))
        _finish(rng, state, order, _pick(rng, HISTORY_STATUSES), at)
    # The spec's history example: 200 TENCENT bought five days ago.
    at = now - 5 * DAY
    example = state.add(
        Order(
            EXAMPLE_HISTORY_ORDER_ID,
            "700.HK",
            "Buy",
            "LO",
            Decimal(200),
            Decimal("360.00"),
            "Day",
            at,
        )
    )
    example.record("NewStatus", at)
    state.fill(example, Decimal(200), Decimal("359.80"), at + 60)


def _seed_today(state: TradeState, now: int) -> None:
    rng = state.rng
    # The spec's examples first, then a few generated orders in other statuses.
    fixed = [
        (EXAMPLE_OPEN_ORDER_ID, "AAPL.US", "Buy", Decimal(10), Decimal("185.00"), 5 * 3600),
        (EXAMPLE_CANCEL_ORDER_ID, "TSLA.US", "Sell", Decimal(5), Decimal("250.00"), 4 * 3600),
        (EXAMPLE_FILLED_TODAY_ID, "700.HK", "Buy", Decimal(200), Decimal("368.20"), 3 * 3600),
        (EXAMPLE_ESTIMATE_ORDER_ID, "700.HK", "Buy", Decimal(100), Decimal("360.00"), 2 * 3600),
    ]
    for order_id, symbol, side, quantity, price, ago in fixed:
        at = now - ago
        market = INSTRUMENTS[symbol].market
        order = state.add(
            Order(
                order_id,
                symbol,
                side,
                "LO",
                quantity,
                price,
                "Day",
                at,
                outside_rth="RTH_ONLY" if market == "US" else "",
            )
        )
        order.record("NewStatus", at)
        if order_id == EXAMPLE_FILLED_TODAY_ID:
            state.fill(order, quantity, price, at + 60)
    statuses = ("NewStatus", "PartialFilledStatus", "FilledStatus", "CanceledStatus",
                "RejectedStatus", "FilledStatus", "NewStatus", "WaitToNew")  # fmt: skip
    symbols = list(INSTRUMENTS.values())
    for i, status in enumerate(statuses):
        # Old enough that every fill and cancellation below happened before now.
        at = now - rng.randint(2 * 3600 + 60, 6 * 3600)
        security = symbols[(i + 3) % len(symbols)]
        order = state.add(_generated_order(rng, state, security, at, "LO"))
        order.time_in_force = "Day"
        if status in ("NewStatus", "WaitToNew"):
            if status == "WaitToNew":
                order.record(status, at)
            continue
        _finish(rng, state, order, status, at)


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
    if security.market == "HK" and order_type != "ODD" and quantity % security.lot:
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


def _fee(code: str, name: str, amount: Decimal, currency: str) -> dict[str, str]:
    # A fee that comes to nothing is "", which the SDK reads as 0 (decimal_empty_is_0).
    text = str(_money(amount))
    return {"code": code, "name": name, "amount": "" if _money(amount) == 0 else text,
            "currency": currency}  # fmt: skip


def _charge_detail(order: Order) -> dict[str, Any]:
    """Fees of the executed part, with HK and US schedules of the usual shape (§5.2)."""
    currency = order.security.currency
    value = (order.executed_price or Decimal(0)) * order.executed_quantity
    if not order.executed_quantity:
        return {"total_amount": "0.00", "currency": currency, "items": []}
    if order.security.market == "HK":
        broker = [
            _fee("commission", "Commission", max(value * Decimal("0.0003"), Decimal(3)), currency),
            _fee("platform_fee", "Platform fee", Decimal(15), currency),
        ]
        third = [
            _fee("stamp_duty", "Stamp duty",
                 (value * Decimal("0.001")).to_integral_value(ROUND_UP), currency),
            _fee("trading_fee", "Trading fee",
                 max(value * Decimal("0.0000565"), Decimal("0.01")), currency),
            _fee("sfc_levy", "SFC transaction levy", value * Decimal("0.000027"), currency),
        ]  # fmt: skip
    else:
        shares = order.executed_quantity
        broker = [
            _fee("commission", "Commission", max(shares * Decimal("0.0049"), Decimal("0.99")),
                 currency),
            _fee("platform_fee", "Platform fee", max(shares * Decimal("0.005"), Decimal(1)),
                 currency),
        ]  # fmt: skip
        third = [_fee("clearing_fee", "Clearing fee", shares * Decimal("0.003"), currency)]
        if order.side == "Sell":
            third.append(_fee("sec_fee", "SEC fee", value * Decimal("0.0000278"), currency))
    total = sum((Decimal(f["amount"] or 0) for f in broker + third), Decimal(0))
    return {
        "total_amount": str(_money(total)),
        "currency": currency,
        "items": [
            {"code": "BROKER_FEES", "name": "Broker fees", "fees": broker},
            {"code": "THIRD_FEES", "name": "Third-party fees", "fees": third},
        ],
    }


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
                "price": _opt(h.price),
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
        "charge_detail": _charge_detail(order),
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
