"""The asset area of the data API: balances, cash flow, positions, margin, statements, FX.

One seeded account (docs/longbridge-api.md §5.3): cash in HKD, USD and CNH; stocks in HK and US;
two funds; a cash-flow history of 150 rows over the last 90 days; daily and monthly statements.
Every amount is derived from the same few constants (the account's cash, rates and stocks are in
``seed_data``, shared with the trade area), so the balance, the positions and the exchange rates
agree with one another. Values are decimal text and timestamps strings of unix seconds, as the
real API sends them (§5); the only exception is the exchange rates, which the SDK reads as JSON
numbers (``f64`` in rust/src/portfolio/types.rs).
"""

from __future__ import annotations

import hashlib
import hmac
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from .context import Context
from .handler_call import bad_parameter
from .real_shapes import sometimes
from .seed_data import CASH, MAX_FINANCE_HKD, STOCKS, TO_HKD

if TYPE_CHECKING:
    # data_api imports this module's HANDLERS; the type alone avoids an import cycle.
    from .handler_call import Call

__all__ = [
    "ACCOUNT_CHANNEL",
    "EXAMPLE_DAILY_KEY",
    "EXAMPLE_MONTHLY_KEY",
    "HANDLERS",
    "AssetState",
]

ACCOUNT_CHANNEL = "lb"
CENT = Decimal("0.01")
DAY = 86_400

FROZEN_CASH: dict[str, Decimal] = {
    "HKD": Decimal("3205.00"),
    "USD": Decimal("0.00"),
    "CNH": Decimal("0.00"),
}
FROZEN_FEE_HKD = Decimal("12.50")  # fee held back for an open HK order


@dataclass(frozen=True)
class FundHolding:
    isin: str
    name: str
    currency: str
    units: Decimal
    nav: Decimal
    cost_nav: Decimal


FUNDS: tuple[FundHolding, ...] = (
    FundHolding("HK0000447943", "Example Asia Bond Fund A HKD", "HKD", Decimal("5000.00"),
                Decimal("10.2360"), Decimal("9.8540")),
    FundHolding("HK0000676327", "Example USD Money Market Fund", "USD", Decimal("1200.00"),
                Decimal("10.5120"), Decimal("10.3000")),
)  # fmt: skip

# (im_factor, mm_factor, fm_factor) per symbol; others get 400 (docs/longbridge-api.md §5.3).
MARGIN: dict[str, tuple[str, str, str]] = {
    "700.HK": ("0.40", "0.35", "0.30"),
    "9988.HK": ("0.40", "0.35", "0.30"),
    "5.HK": ("0.30", "0.25", "0.20"),
    "3690.HK": ("0.50", "0.45", "0.40"),
    "AAPL.US": ("0.25", "0.25", "0.20"),
    "TSLA.US": ("0.50", "0.40", "0.35"),
    "MSFT.US": ("0.25", "0.25", "0.20"),
    "NVDA.US": ("0.50", "0.40", "0.35"),
}
# Exchange rates the SDK's PortfolioContext reads: (base, other, average); spread ±0.1 %.
FX_PAIRS: tuple[tuple[str, str, Decimal], ...] = (
    ("USD", "HKD", TO_HKD["USD"]),
    ("CNH", "HKD", TO_HKD["CNH"]),
    ("USD", "CNH", (TO_HKD["USD"] / TO_HKD["CNH"]).quantize(Decimal("0.0001"))),
    ("HKD", "USD", (1 / TO_HKD["USD"]).quantize(Decimal("0.000001"))),
    ("HKD", "CNH", (1 / TO_HKD["CNH"]).quantize(Decimal("0.000001"))),
)
RATE_PLACES = Decimal("0.000001")

# Statement keys used in the spec's examples: they exist whatever the seed and the clock.
EXAMPLE_DAILY_DT = 20251231
EXAMPLE_DAILY_KEY = "statement/daily/20251231/example-daily.pdf"
EXAMPLE_MONTHLY_DT = 20251130
EXAMPLE_MONTHLY_KEY = "statement/monthly/20251130/example-monthly.pdf"
DAILY, MONTHLY = 1, 2
URL_LIFETIME = 600  # seconds a presigned download URL is valid

CASH_FLOW_ROWS = 150  # > 120 so that size=50 gives several pages (3 full pages)
CASH_FLOW_WINDOW = 90 * DAY


@dataclass(frozen=True)
class CashFlowRow:
    name: str
    direction: int  # 1 outflow, 2 inflow
    business_type: int  # 1 cash, 2 stock, 3 fund
    balance: Decimal
    currency: str
    time: int
    symbol: str
    description: str

    def to_json(self) -> dict[str, Any]:
        # Numbers for direction/business_type, as in the docs' example (§10 item 5).
        return {
            "transaction_flow_name": self.name,
            "direction": self.direction,
            "business_type": self.business_type,
            "balance": str(self.balance),
            "currency": self.currency,
            "business_time": str(self.time),
            "symbol": self.symbol,
            "description": self.description,
        }


@dataclass(frozen=True)
class Statement:
    kind: int  # 1 daily, 2 monthly
    dt: int  # YYYYMMDD
    file_key: str


@dataclass
class AssetState:
    seed: int
    created_at: float
    cash_flows: list[CashFlowRow] = field(default_factory=list)  # newest first
    statements: list[Statement] = field(default_factory=list)  # newest first per kind

    @classmethod
    def seeded(cls, seed: int, now: float) -> AssetState:
        rng = random.Random(seed)  # noqa: S311 - test data, not secrets
        state = cls(seed, now)
        state.cash_flows = _cash_flows(rng, int(now))
        state.statements = _statements(rng, int(now))
        return state

    def statement(self, file_key: str) -> Statement | None:
        return next((s for s in self.statements if s.file_key == file_key), None)


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _cash_flows(rng: random.Random, now: int) -> list[CashFlowRow]:
    """150 rows in the last 90 days, every kind present whatever the seed (round robin)."""
    times = [now - rng.randint(60, CASH_FLOW_WINDOW) for _ in range(CASH_FLOW_ROWS)]
    rows: list[CashFlowRow] = []
    for i, t in enumerate(times):
        kind = i % 7
        if kind == 0:
            currency = rng.choice(list(CASH))
            amount = _money(Decimal(rng.randint(1_000, 50_000)))
            rows.append(
                CashFlowRow(
                    "Deposit", 2, 1, amount, currency, t, "", f"Bank transfer in {currency}"
                )
            )
        elif kind == 1:
            currency = rng.choice(list(CASH))
            amount = _money(Decimal(rng.randint(100, 5_000)))
            rows.append(
                CashFlowRow("Withdrawal", 1, 1, amount, currency, t, "", "Withdrawal to bank")
            )
        elif kind in (2, 3):
            stock = rng.choice(STOCKS)
            lot = 100 if stock.market == "HK" else 10
            qty = lot * rng.randint(1, 3)
            price = _money(stock.cost_price * Decimal(rng.randint(90, 110)) / 100)
            amount = _money(price * qty)
            buy = kind == 2
            verb = "Buy" if buy else "Sell"
            rows.append(
                CashFlowRow(
                    f"{verb} {stock.symbol}",
                    1 if buy else 2,
                    2,
                    amount,
                    stock.currency,
                    t,
                    stock.symbol,
                    f"{'Bought' if buy else 'Sold'} {qty} shares of {stock.name} at {price}",
                )
            )
        elif kind == 4:
            stock = rng.choice(STOCKS)
            amount = _money(stock.quantity * Decimal(rng.randint(20, 150)) / 100)
            rows.append(
                CashFlowRow(
                    "Dividend",
                    2,
                    2,
                    amount,
                    stock.currency,
                    t,
                    stock.symbol,
                    f"Cash dividend of {stock.name}",
                )
            )
        elif kind == 5:
            fund = rng.choice(FUNDS)
            amount = _money(Decimal(rng.randint(1_000, 20_000)))
            subscribe = rng.random() < 0.6
            rows.append(
                CashFlowRow(
                    "Fund subscription" if subscribe else "Fund redemption",
                    1 if subscribe else 2,
                    3,
                    amount,
                    fund.currency,
                    t,
                    fund.isin,
                    fund.name,
                )
            )
        else:
            currency = rng.choice(list(CASH))
            amount = _money(Decimal(rng.randint(1, 500)) / 100)
            rows.append(CashFlowRow("Interest", 2, 1, amount, currency, t, "", "Credit interest"))
    rows.sort(key=lambda r: r.time, reverse=True)
    return rows


def _ymd(day: date) -> int:
    return day.year * 10_000 + day.month * 100 + day.day


def _statements(rng: random.Random, now: int) -> list[Statement]:
    """Daily statements for the weekdays of the last 60 days, monthly for the last 12 months."""
    today = datetime.fromtimestamp(now, UTC).date()
    daily: dict[int, str] = {}
    for back in range(1, 61):
        day = today - timedelta(days=back)
        if day.weekday() < 5:
            dt = _ymd(day)
            daily[dt] = f"statement/daily/{dt}/{rng.getrandbits(64):016x}.pdf"
    monthly: dict[int, str] = {}
    first = today.replace(day=1)
    for _ in range(12):
        last_of_previous = first - timedelta(days=1)
        dt = _ymd(last_of_previous)
        monthly[dt] = f"statement/monthly/{dt}/{rng.getrandbits(64):016x}.pdf"
        first = last_of_previous.replace(day=1)
    # The spec's examples win over a generated statement of the same date.
    daily[EXAMPLE_DAILY_DT] = EXAMPLE_DAILY_KEY
    monthly[EXAMPLE_MONTHLY_DT] = EXAMPLE_MONTHLY_KEY
    out = [Statement(DAILY, dt, key) for dt, key in sorted(daily.items(), reverse=True)]
    out += [Statement(MONTHLY, dt, key) for dt, key in sorted(monthly.items(), reverse=True)]
    return out


def _state(ctx: Context) -> AssetState:
    return ctx.state.area("asset", lambda: AssetState.seeded(ctx.config.seed, ctx.now()))


# ---- handlers ----------------------------------------------------------------------------


def _stock_value_hkd() -> Decimal:
    return sum((s.quantity * s.last_price * TO_HKD[s.currency] for s in STOCKS), Decimal(0))


FUND_ISINS = tuple(f.isin for f in FUNDS)
STOCK_SYMBOLS = tuple(s.symbol for s in STOCKS)


def _fund_value_hkd() -> Decimal:
    return sum((f.units * f.nav * TO_HKD[f.currency] for f in FUNDS), Decimal(0))


def _margin_hkd(index: int) -> Decimal:
    return sum(
        (
            s.quantity * s.last_price * TO_HKD[s.currency] * Decimal(MARGIN[s.symbol][index])
            for s in STOCKS
        ),
        Decimal(0),
    )


def _balance(currency: str, seed: int, alone: bool) -> dict[str, Any]:
    """The whole account expressed in ``currency`` (docs/longbridge-api.md §5.3).

    Some currencies (by seed) send the margins as ``""`` and, asked for alone, no
    ``cash_infos``: the SDK reads those as 0 and as an empty list (spec/DISCREPANCIES.md).
    """
    rate = TO_HKD[currency]

    def conv(hkd: Decimal) -> str:
        return str(_money(hkd / rate))

    cash_hkd = sum((CASH[c] * TO_HKD[c] for c in CASH), Decimal(0))
    net_hkd = cash_hkd + _stock_value_hkd() + _fund_value_hkd()
    init_hkd = _margin_hkd(0)
    blank = sometimes(seed, "balance-margins", currency, tuple(CASH))
    balance: dict[str, Any] = {
        "total_cash": conv(cash_hkd),
        "max_finance_amount": conv(MAX_FINANCE_HKD),
        "remaining_finance_amount": conv(MAX_FINANCE_HKD),  # nothing borrowed
        "risk_level": "0",
        "margin_call": "0",
        "currency": currency,
        "net_assets": conv(net_hkd),
        "init_margin": "" if blank else conv(init_hkd),
        "maintenance_margin": "" if blank else conv(_margin_hkd(1)),
        "buy_power": conv(cash_hkd - FROZEN_CASH["HKD"] + MAX_FINANCE_HKD),
        "cash_infos": [
            {
                "withdraw_cash": str(CASH[c] - FROZEN_CASH[c]),
                "available_cash": str(CASH[c] - FROZEN_CASH[c]),
                "frozen_cash": str(FROZEN_CASH[c]),
                "settling_cash": "0.00",
                "currency": c,
            }
            for c in CASH
        ],
        "frozen_transaction_fees": [
            {"currency": currency, "frozen_transaction_fee": conv(FROZEN_FEE_HKD)}
        ],
    }
    if alone and sometimes(seed, "balance-cash-infos", currency, tuple(CASH)):
        del balance["cash_infos"]
    return balance


def get_account_balance(ctx: Context, call: Call) -> Any:
    """GET /v1/asset/account: one entry per currency, or only ``currency`` (§5.3)."""
    wanted = call.params.get("currency")
    currencies = [wanted] if isinstance(wanted, str) else list(CASH)
    alone = len(currencies) == 1
    return {"list": [_balance(c, ctx.config.seed, alone) for c in currencies]}


def _page(params: dict[str, Any], page_names: tuple[str, ...], size_names: tuple[str, ...],
          default_size: int) -> tuple[int, int]:  # fmt: skip
    page = next((int(params[n]) for n in page_names if n in params), 1)
    size = next((int(params[n]) for n in size_names if n in params), default_size)
    return page, size


def list_cash_flow(ctx: Context, call: Call) -> Any:
    """GET /v1/asset/cashflow: a time window, optional filters, page/size (default 50, §5.3)."""
    params = call.params
    # A reversed window is empty rather than an error: no source documents an error for it.
    start, end = int(params["start_time"]), int(params["end_time"])
    business_type = params.get("business_type")
    symbol = params.get("symbol")
    rows = [
        r
        for r in _state(ctx).cash_flows
        if start <= r.time <= end
        and (business_type is None or r.business_type == int(business_type))
        and (symbol is None or r.symbol == symbol)
    ]
    page, size = _page(params, ("page",), ("size",), 50)
    chunk = rows[(page - 1) * size : page * size]
    return {"list": [r.to_json() for r in chunk]}


def _net_asset_value_day(ctx: Context) -> str:
    # Funds are priced once a day: the last midnight (UTC) before today.
    return str((int(ctx.now()) // DAY - 1) * DAY)


def list_fund_positions(ctx: Context, call: Call) -> Any:
    """GET /v1/asset/fund: fund holdings, optionally only the given ISINs (§5.3)."""
    wanted = call.params.get("symbol")
    funds = [f for f in FUNDS if not wanted or f.isin in wanted]
    day = _net_asset_value_day(ctx)
    info = [
        {
            "symbol": f.isin,
            "symbol_name": f.name,
            "currency": f.currency,
            "holding_units": str(f.units),
            "current_net_asset_value": str(f.nav),
            # A fund of unknown cost (by seed) sends "", which the SDK reads as 0.
            "cost_net_asset_value": (
                ""
                if sometimes(ctx.config.seed, "fund-cost", f.isin, FUND_ISINS)
                else str(f.cost_nav)
            ),
            "net_asset_value_day": day,
        }
        for f in funds
    ]
    return {"list": [{"account_channel": ACCOUNT_CHANNEL, "fund_info": info}] if info else []}


def list_stock_positions(ctx: Context, call: Call) -> Any:
    """GET /v1/asset/stock: stock holdings, optionally only the given symbols (§5.3)."""
    wanted = call.params.get("symbol")
    stocks = [s for s in STOCKS if not wanted or s.symbol in wanted]
    info = [
        {
            "symbol": s.symbol,
            "symbol_name": s.name,
            "quantity": str(s.quantity),
            "available_quantity": str(s.available),
            "currency": s.currency,
            "market": s.market,
            # A position of unknown cost (by seed) sends "", which the SDK reads as 0.
            "cost_price": (
                ""
                if sometimes(ctx.config.seed, "stock-cost", s.symbol, STOCK_SYMBOLS)
                else str(s.cost_price)
            ),
            "init_quantity": str(s.quantity),
        }
        for s in stocks
    ]
    return {"list": [{"account_channel": ACCOUNT_CHANNEL, "stock_info": info}] if info else []}


def get_margin_ratio(ctx: Context, call: Call) -> Any:
    """GET /v1/risk/margin-ratio: the three factors of a known symbol, else 400 (§5.3)."""
    symbol = str(call.params["symbol"])
    factors = MARGIN.get(symbol)
    if factors is None:
        raise bad_parameter(f"symbol {symbol} is not marginable or unknown")
    im, mm, fm = factors
    return {"im_factor": im, "mm_factor": mm, "fm_factor": fm}


def list_statements(ctx: Context, call: Call) -> Any:
    """GET /v1/statement/list: both parameter sets of §10 item 7; the SDK's answer form."""
    params = call.params
    kind = int(params.get("statement_type", DAILY))
    # The vendor YAML's names win over the SDK's when a client sends both.
    page, size = _page(params, ("page", "start_date"), ("page_size", "limit"), 20)
    items = [s for s in _state(ctx).statements if s.kind == kind]
    chunk = items[(page - 1) * size : page * size]
    return {"list": [{"dt": s.dt, "file_key": s.file_key} for s in chunk]}


def get_statement_download_url(ctx: Context, call: Call) -> Any:
    """GET /v1/statement/download: a presigned-looking URL for a known key, else 400 (§5.3)."""
    state = _state(ctx)
    file_key = str(call.params["file_key"])
    if state.statement(file_key) is None:
        raise bad_parameter(f"file_key {file_key} is not a statement of this account")
    issued = int(ctx.now())
    signature = hmac.new(
        f"mock-statements-{state.seed}".encode(), f"{file_key}\n{issued}".encode(), hashlib.sha256
    ).hexdigest()
    stamp = datetime.fromtimestamp(issued, UTC).strftime("%Y%m%dT%H%M%SZ")
    url = (
        f"https://statements.mock.invalid/{file_key}?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        f"&X-Amz-Date={stamp}&X-Amz-Expires={URL_LIFETIME}&X-Amz-Signature={signature}"
    )
    return {"url": url}


def get_exchange_rates(ctx: Context, call: Call) -> Any:
    """GET /v1/asset/exchange_rates: the SDK's ``exchanges[]`` with numeric rates (§5.3, §5.5).

    Rates are JSON numbers because the SDK's fields are ``f64`` and refuse strings; each float
    comes from a Decimal of at most six places, whose shortest repr is that same text.
    """
    spread = Decimal("0.001")
    exchanges = []
    for base, other, average in FX_PAIRS:
        exchanges.append(
            {
                "base_currency": base,
                "other_currency": other,
                "average_rate": float(average),
                "bid_rate": float((average * (1 - spread)).quantize(RATE_PLACES)),
                "offer_rate": float((average * (1 + spread)).quantize(RATE_PLACES)),
            }
        )
    return {"exchanges": exchanges}


HANDLERS: dict[str, Callable[[Context, Call], Any]] = {
    "getAccountBalance": get_account_balance,
    "listCashFlow": list_cash_flow,
    "listFundPositions": list_fund_positions,
    "listStockPositions": list_stock_positions,
    "getMarginRatio": get_margin_ratio,
    "listStatements": list_statements,
    "getStatementDownloadUrl": get_statement_download_url,
    "getExchangeRates": get_exchange_rates,
}
