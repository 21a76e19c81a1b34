"""Deterministic market data: the same ``--seed`` always serves the same securities."""

from __future__ import annotations

import random

from .state import Security

__all__ = ["security_list"]

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


def security_list(seed: int) -> list[Security]:
    """Sixteen securities chosen by ``seed``, TSLA.US always among them, sorted by symbol."""
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    others = [s for s in _US_SECURITIES if s[0] != "TSLA.US"]
    chosen = [("TSLA.US", "特斯拉"), *rng.sample(others, 15)]
    return [
        Security(symbol=symbol, name_cn=name_cn, name_hk="", name_en="")
        for symbol, name_cn in sorted(chosen)
    ]
