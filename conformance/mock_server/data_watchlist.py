"""The watchlist and market-data area of the data API: groups, pins, temperature and filings.

Two seeded groups (docs/longbridge-api.md §5.1) whose edits persist: create, rename, add / remove /
replace securities, pin and unpin, delete (with ``purge``). The market temperature is a
deterministic function of the market and the day, so the current value and the history agree;
filings are a fixed list per security. Ids and timestamps are strings, prices decimal text, as
the vendor YAML and the SDK send them (§10 item 2).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from .context import Context
from .handler_call import bad_parameter
from .real_shapes import sometimes
from .seed_data import INSTRUMENTS

if TYPE_CHECKING:
    # data_api imports this module's HANDLERS; the type alone avoids an import cycle.
    from .handler_call import Call

__all__ = [
    "EXAMPLE_DELETE_GROUP_ID",
    "EXAMPLE_GROUP_ID",
    "FIRST_NEW_GROUP_ID",
    "HANDLERS",
    "WatchlistState",
]

DAY = 86_400
# Ids used in the spec's examples: the update example edits the first group, the delete example
# removes the second, the create example answers the first new id.
EXAMPLE_GROUP_ID = "10086"
EXAMPLE_DELETE_GROUP_ID = "10087"
FIRST_NEW_GROUP_ID = 10090
EARLIEST_TEMPERATURE = date(2016, 1, 1)  # history starts in 2016 (§5.1)
MAX_HISTORY_ROWS = 400


@dataclass
class Entry:
    symbol: str
    watched_price: str  # "" when the mock has no price for the security
    watched_at: int


@dataclass
class Group:
    id: str
    name: str
    entries: list[Entry] = field(default_factory=list)

    def symbols(self) -> list[str]:
        return [e.symbol for e in self.entries]


@dataclass
class WatchlistState:
    groups: dict[str, Group]
    pinned: set[str]
    next_id: int = FIRST_NEW_GROUP_ID

    @classmethod
    def seeded(cls, now: float) -> WatchlistState:
        at = int(now) - 30 * DAY
        groups = {
            EXAMPLE_GROUP_ID: Group(EXAMPLE_GROUP_ID, "Tech", []),
            EXAMPLE_DELETE_GROUP_ID: Group(EXAMPLE_DELETE_GROUP_ID, "Holdings", []),
        }
        for symbol in ("700.HK", "AAPL.US", "TSLA.US"):
            groups[EXAMPLE_GROUP_ID].entries.append(_entry(symbol, at))
        for symbol in ("9988.HK", "5.HK", "NVDA.US"):
            groups[EXAMPLE_DELETE_GROUP_ID].entries.append(_entry(symbol, at))
        return cls(groups=groups, pinned={"700.HK"})

    def group(self, group_id: Any) -> Group:
        group = self.groups.get(str(group_id))
        if group is None:
            raise bad_parameter(f"watchlist group {group_id} not found")
        return group


def _entry(symbol: str, at: int) -> Entry:
    security = INSTRUMENTS.get(symbol)
    return Entry(symbol, "" if security is None else str(security.last_price), at)


def _state(ctx: Context) -> WatchlistState:
    return ctx.state.area("watchlist", lambda: WatchlistState.seeded(ctx.now()))


def _unique(symbols: list[str]) -> list[str]:
    return list(dict.fromkeys(symbols))


def _security_json(entry: Entry, pinned: set[str]) -> dict[str, Any]:
    security = INSTRUMENTS.get(entry.symbol)
    code, _, market = entry.symbol.rpartition(".")
    return {
        "symbol": entry.symbol,
        "market": market,
        "name": code if security is None else security.name,
        "watched_price": entry.watched_price,
        "watched_at": str(entry.watched_at),
        "is_pinned": entry.symbol in pinned,
    }


# ---- groups ------------------------------------------------------------------------------


def list_groups(ctx: Context, call: Call) -> Any:
    """GET /v1/watchlist/groups: every group with its securities in display order."""
    state = _state(ctx)
    return {
        "groups": [
            {
                "id": g.id,
                "name": g.name,
                "securities": [_security_json(e, state.pinned) for e in g.entries],
            }
            for g in state.groups.values()
        ]
    }


def create_group(ctx: Context, call: Call) -> Any:
    """POST /v1/watchlist/groups: a new group, securities in the given order."""
    state = _state(ctx)
    body: dict[str, Any] = call.body or {}
    name = str(body["name"]).strip()
    if not name:
        raise bad_parameter("name must not be empty")
    group_id = str(state.next_id)
    state.next_id += 1
    now = int(ctx.now())
    entries = [_entry(s, now) for s in _unique(list(body.get("securities") or []))]
    state.groups[group_id] = Group(group_id, name, entries)
    return {"id": group_id}


def update_group(ctx: Context, call: Call) -> Any:
    """PUT /v1/watchlist/groups: rename, and add / remove / replace securities (default replace).

    The SDK's ``SecuritiesUpdateMode`` defaults to replace; without ``securities`` the list is
    left alone whatever the mode (§5.1).
    """
    state = _state(ctx)
    body: dict[str, Any] = call.body or {}
    group = state.group(body["id"])
    if "name" in body:
        name = str(body["name"]).strip()
        if not name:
            raise bad_parameter("name must not be empty")
        group.name = name
    if "securities" in body:
        symbols = _unique(list(body["securities"] or []))
        mode = body.get("mode", "replace")
        now = int(ctx.now())
        if mode == "add":
            group.entries += [_entry(s, now) for s in symbols if s not in group.symbols()]
        elif mode == "remove":
            group.entries = [e for e in group.entries if e.symbol not in symbols]
        else:
            kept = {e.symbol: e for e in group.entries}
            group.entries = [kept.get(s) or _entry(s, now) for s in symbols]
    return {}


def delete_group(ctx: Context, call: Call) -> Any:
    """DELETE /v1/watchlist/groups: remove a group; ``purge`` drops its securities everywhere."""
    state = _state(ctx)
    group = state.group(call.params["id"])
    del state.groups[group.id]
    if call.params.get("purge"):
        gone = set(group.symbols())
        for other in state.groups.values():
            other.entries = [e for e in other.entries if e.symbol not in gone]
    return {}


def update_pinned(ctx: Context, call: Call) -> Any:
    """POST /v1/watchlist/pinned: pin (add) or unpin (remove) securities in every group."""
    state = _state(ctx)
    body: dict[str, Any] = call.body or {}
    symbols = set(body.get("securities") or [])
    if body["mode"] == "add":
        state.pinned |= symbols
    else:
        state.pinned -= symbols
    return {}


# ---- market temperature and filings -------------------------------------------------------


def _score(market: str, day: date, what: str) -> int:
    """A stable 0–100 reading for one market, day and measure."""
    digest = hashlib.sha256(f"{market}:{day.isoformat()}:{what}".encode()).digest()
    return 10 + digest[0] % 81  # 10..90: the extremes are rare in practice


def _reading(market: str, day: date) -> dict[str, int]:
    valuation = _score(market, day, "valuation")
    sentiment = _score(market, day, "sentiment")
    return {
        "temperature": (valuation + sentiment) // 2,
        "valuation": valuation,
        "sentiment": sentiment,
    }


def _describe(temperature: int) -> str:
    if temperature < 30:
        return "Temperature is low"
    if temperature < 70:
        return "Temperature is moderate"
    return "Temperature is high"


def _midnight(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())


def _today(ctx: Context) -> date:
    return datetime.fromtimestamp(ctx.now(), UTC).date()


def market_temperature(ctx: Context, call: Call) -> Any:
    """GET /v1/quote/market_temperature: today's reading of one market."""
    market = call.params["market"]
    reading: dict[str, Any] = {**_reading(market, _today(ctx))}
    # The SDK reads `timestamp` or its alias `updated_at`, and an absent description as "".
    seed = ctx.config.seed
    if not sometimes(seed, "temperature-description", market, MARKETS):
        reading["description"] = _describe(reading["temperature"])
    time_key = "timestamp" if sometimes(seed, "temperature-time", market, MARKETS) else "updated_at"
    reading[time_key] = str(int(ctx.now()) // 60 * 60)
    return reading


def _date(params: dict[str, Any], name: str) -> date:
    raw = str(params[name])
    try:
        return date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
    except ValueError:
        raise bad_parameter(f"{name} {raw} is not a date") from None


def history_market_temperature(ctx: Context, call: Call) -> Any:
    """GET /v1/quote/history_market_temperature: daily rows up to a quarter, then weekly, monthly.

    The granularity follows the span as the SDK's ``MarketTemperatureHistory.type`` reports it
    (``daily`` / ``weekly`` / ``monthly``); dates after today are cut, dates before 2016 refused
    (§5.1).
    """
    start = _date(call.params, "start_date")
    end = min(_date(call.params, "end_date"), _today(ctx))
    if start < EARLIEST_TEMPERATURE:
        raise bad_parameter("start_date must not be before 20160101")
    if start > end:
        raise bad_parameter("start_date must not be after end_date (or today)")
    span = (end - start).days
    kind, step = ("daily", 1) if span <= 93 else ("weekly", 7) if span <= 730 else ("monthly", 30)
    rows: list[dict[str, Any]] = []
    day = start
    while day <= end and len(rows) < MAX_HISTORY_ROWS:
        if kind != "daily" or day.weekday() < 5:  # daily rows are trading days
            rows.append({"timestamp": str(_midnight(day)), **_reading(call.params["market"], day)})
        day += timedelta(days=step)
    return {"type": kind, "list": rows}


@dataclass(frozen=True)
class Filing:
    id: str
    title: str
    file_name: str
    days_ago: int


FILINGS: dict[str, tuple[Filing, ...]] = {
    "700.HK": (
        Filing("1", "Annual Report", "ar.pdf", 40),
        Filing("2", "Interim Results Announcement", "interim.pdf", 120),
        Filing("3", "Notice of Annual General Meeting", "agm.pdf", 150),
    ),
    "9988.HK": (Filing("11", "Quarterly Results Announcement", "q.pdf", 20),),
    "AAPL.US": (
        Filing("21", "Form 10-K", "10k.htm", 60),
        Filing("22", "Form 10-Q", "10q.htm", 150),
        Filing("23", "Form 8-K", "8k.htm", 10),
    ),
    "TSLA.US": (Filing("31", "Form 10-Q", "10q.htm", 35),),
}


FILING_IDS = tuple((symbol, f.id) for symbol, filings in FILINGS.items() for f in filings)
MARKETS = ("HK", "US", "SG", "CN")  # WatchlistTemperatureMarket


def list_filings(ctx: Context, call: Call) -> Any:
    """GET /v1/quote/filings: a security's filings, newest first; none for an unknown symbol."""
    symbol = call.params["symbol"]
    now = int(ctx.now()) // DAY * DAY
    filings = sorted(FILINGS.get(symbol, ()), key=lambda f: f.days_ago)
    items: list[dict[str, Any]] = []
    for f in filings:
        item = {
            "id": f.id,
            "title": f.title,
            "description": "",
            "file_name": f.file_name,
            "file_urls": [f"https://filings.example.com/{symbol}/{f.id}/{f.file_name}"],
            "publish_at": str(now - f.days_ago * DAY),
        }
        if sometimes(ctx.config.seed, "filing-description", (symbol, f.id), FILING_IDS):
            del item["description"]  # the SDK's #[serde(default)]
        items.append(item)
    return {"items": items}


HANDLERS: dict[str, Callable[[Context, Call], Any]] = {
    "listWatchlistGroups": list_groups,
    "createWatchlistGroup": create_group,
    "updateWatchlistGroup": update_group,
    "deleteWatchlistGroup": delete_group,
    "updatePinnedSecurities": update_pinned,
    "getMarketTemperature": market_temperature,
    "getHistoryMarketTemperature": history_market_temperature,
    "listFilings": list_filings,
}
