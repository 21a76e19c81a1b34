"""The mock's seed data, shared by the data API's areas, which import it and not one another.

The security list (``getSecurityList``) is chosen by ``--seed``: the same seed always serves the
same securities. The instruments the account trades, watches and reads news about, and the
account itself (cash, exchange rates into HKD, financing limit, stock positions), are fixed
(docs/longbridge-api.md §5.2, §5.3), so the trade area's buying power agrees with the asset
area's balance.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from .state import SecurityListEntry

__all__ = [
    "CASH",
    "INSTRUMENTS",
    "MAX_FINANCE_HKD",
    "STOCKS",
    "TO_HKD",
    "Instrument",
    "StockHolding",
    "security_list",
]

# (symbol, Chinese name): US names a real overnight list would carry; TSLA.US is the docs' row.
_US_SECURITIES = (
    ("AAPL.US", "苹果"),
    ("AMD.US", "超威半导体"),
    ("AMZN.US", "亚马逊"),
    ("BABA.US", "阿里巴巴"),
    ("BAC.US", "美国银行"),
    ("COIN.US", "Coinbase"),
    ("COST.US", "好市多"),
    ("DIS.US", "迪士尼"),
    ("GOOGL.US", "谷歌-A"),
    ("INTC.US", "英特尔"),
    ("JPM.US", "摩根大通"),
    ("KO.US", "可口可乐"),
    ("META.US", "Meta Platforms"),
    ("MSFT.US", "微软"),
    ("NFLX.US", "奈飞"),
    ("NIO.US", "蔚来"),
    ("NVDA.US", "英伟达"),
    ("PDD.US", "拼多多"),
    ("PLTR.US", "Palantir"),
    ("QQQ.US", "纳指100ETF"),
    ("SPY.US", "标普500ETF"),
    ("TSLA.US", "特斯拉"),
    ("TSM.US", "台积电"),
    ("UBER.US", "优步"),
)


def security_list(seed: int) -> list[SecurityListEntry]:
    """Sixteen securities chosen by ``seed``, TSLA.US always among them, sorted by symbol."""
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    others = [s for s in _US_SECURITIES if s[0] != "TSLA.US"]
    chosen = [("TSLA.US", "特斯拉"), *rng.sample(others, 15)]
    return [
        SecurityListEntry(symbol=symbol, name_cn=name_cn, name_hk="", name_en="")
        for symbol, name_cn in sorted(chosen)
    ]


@dataclass(frozen=True)
class Instrument:
    """A security the account can trade: its name, market, last price and board lot."""

    symbol: str
    name: str
    currency: str
    market: str
    last_price: Decimal
    lot: int  # board lot; US securities trade in single shares


INSTRUMENTS: dict[str, Instrument] = {
    s.symbol: s
    for s in (
        Instrument("700.HK", "TENCENT", "HKD", "HK", Decimal("368.20"), 100),
        Instrument("9988.HK", "BABA-W", "HKD", "HK", Decimal("82.45"), 100),
        Instrument("5.HK", "HSBC HOLDINGS", "HKD", "HK", Decimal("63.50"), 400),
        Instrument("AAPL.US", "Apple Inc.", "USD", "US", Decimal("189.50"), 1),
        Instrument("TSLA.US", "Tesla, Inc.", "USD", "US", Decimal("242.10"), 1),
        Instrument("NVDA.US", "NVIDIA Corporation", "USD", "US", Decimal("131.80"), 1),
        Instrument("MSFT.US", "Microsoft Corporation", "USD", "US", Decimal("415.30"), 1),
    )
}

# ---- the account ---------------------------------------------------------------------------

# Rates into HKD, the account's base currency; balances in other currencies divide by them.
TO_HKD: dict[str, Decimal] = {"HKD": Decimal(1), "USD": Decimal("7.7812"), "CNH": Decimal("1.0712")}
CASH: dict[str, Decimal] = {
    "HKD": Decimal("250000.00"),
    "USD": Decimal("18000.00"),
    "CNH": Decimal("30000.00"),
}
MAX_FINANCE_HKD = Decimal("500000.00")


@dataclass(frozen=True)
class StockHolding:
    symbol: str
    name: str
    quantity: Decimal
    available: Decimal
    currency: str
    market: str
    cost_price: Decimal
    last_price: Decimal  # marks the position to market for the balance


STOCKS: tuple[StockHolding, ...] = (
    StockHolding("700.HK", "TENCENT", Decimal(500), Decimal(500), "HKD", "HK",
                 Decimal("320.50"), Decimal("368.20")),
    StockHolding("9988.HK", "BABA-W", Decimal(1000), Decimal(800), "HKD", "HK",
                 Decimal("78.25"), Decimal("82.45")),
    StockHolding("AAPL.US", "Apple Inc.", Decimal(50), Decimal(50), "USD", "US",
                 Decimal("172.30"), Decimal("189.50")),
    StockHolding("TSLA.US", "Tesla, Inc.", Decimal(20), Decimal(20), "USD", "US",
                 Decimal("215.80"), Decimal("242.10")),
)  # fmt: skip
