"""The trade area's order book: the order model, its seeding, its state changes and its fees.

One seeded account (docs/longbridge-api.md §5.2, §5.7) trading HK and US securities: a book of more
than 70 history orders over the last 90 days (enough for several pages of 20), a handful of
today's orders in several statuses, and the executions of every filled or partially filled
order. The handlers of ``data_trade`` read and change it.

The mock's "today" is the 24 hours before the clock's now, so that the answers do not depend on
the hour at which a test runs; history queries cover older orders only. Values are decimal text
and timestamps strings of unix seconds, as the real API sends them (§5); fields that do not apply
are ``""`` (§5.2).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, ROUND_UP, Decimal
from typing import Any

from .seed_data import INSTRUMENTS, Instrument

__all__ = [
    "DAY",
    "EXAMPLE_CANCEL_ORDER_ID",
    "EXAMPLE_ESTIMATE_ORDER_ID",
    "EXAMPLE_FILLED_TODAY_ID",
    "EXAMPLE_HISTORY_ORDER_ID",
    "EXAMPLE_OPEN_ORDER_ID",
    "HISTORY_ORDERS",
    "HISTORY_WINDOW",
    "NEEDS_PRICE",
    "NEEDS_TRIGGER",
    "OPEN_STATUSES",
    "TODAY",
    "Execution",
    "Order",
    "TradeState",
    "charge_detail",
    "optional_text",
]

DAY = 86_400
TODAY = DAY  # the mock's "today": the last 24 hours (see the module docstring)
HISTORY_WINDOW = 90 * DAY  # default window of the history queries (§5.2)
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
            "price": optional_text(self.price),
            # "0" before the first fill: the SDK reads this field as a decimal and only then
            # treats zero as "none" (decimal_opt_0_is_none); "" fails it (spec/DISCREPANCIES.md).
            "executed_price": str(self.executed_price or 0),
            "submitted_at": str(self.submitted_at),
            "side": self.side,
            "symbol": self.symbol,
            "order_type": self.order_type,
            "last_done": optional_text(self.executed_price),
            "trigger_price": optional_text(self.trigger_price),
            "msg": self.msg,
            "tag": "Gtc" if self.time_in_force == "GTC" else "Normal",  # the SDK's spelling
            "time_in_force": self.time_in_force,
            "expire_date": self.expire_date,
            "updated_at": str(self.updated_at or self.submitted_at),
            "trigger_at": "" if self.trigger_at is None else str(self.trigger_at),
            "trailing_amount": optional_text(self.trailing_amount),
            "trailing_percent": optional_text(self.trailing_percent),
            "limit_offset": optional_text(self.limit_offset),
            "trigger_status": trigger_status,
            "currency": self.security.currency,
            "outside_rth": self.outside_rth,
            "remark": self.remark,
            "limit_depth_level": self.limit_depth_level,
            "monitor_price": optional_text(self.monitor_price),
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


def optional_text(value: Decimal | None) -> str:
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


# ---- fees --------------------------------------------------------------------------------


def _fee(code: str, name: str, amount: Decimal, currency: str) -> dict[str, str]:
    # A fee that comes to nothing is "", which the SDK reads as 0 (decimal_empty_is_0).
    text = str(_money(amount))
    return {"code": code, "name": name, "amount": "" if _money(amount) == 0 else text,
            "currency": currency}  # fmt: skip


def charge_detail(order: Order) -> dict[str, Any]:
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
