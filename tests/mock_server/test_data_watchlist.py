"""The watchlist and market-data area of the mock's data API
(docs/longbridge-api.md §5.1, §10 item 9).

The handlers are tested directly and each answer is checked against the spec's schema; group
edits are also checked over HTTP.
"""

from __future__ import annotations

from typing import Any

import pytest

from conformance.mock_server.context import Context
from conformance.mock_server.data_api import Caller
from conformance.mock_server.data_watchlist import (
    EXAMPLE_DELETE_GROUP_ID,
    EXAMPLE_GROUP_ID,
    FIRST_NEW_GROUP_ID,
    HANDLERS,
)
from spec_reader import load_spec

from .harness import AreaHandlers, Harness
from .spec_schemas import conforms

CALLER = Caller("oauth", frozenset({"watchlist"}))


_AREA = AreaHandlers(HANDLERS, CALLER)
call = _AREA.call
problem = _AREA.problem


def groups(ctx: Context) -> dict[str, dict[str, Any]]:
    data = call(ctx, "listWatchlistGroups")
    conforms(data, "WatchlistGroups")
    return {g["id"]: g for g in data["groups"]}


def symbols(ctx: Context, group_id: str) -> list[str]:
    return [s["symbol"] for s in groups(ctx)[group_id]["securities"]]


def test_seeded_groups_hold_the_example_ids(ctx: Context) -> None:
    seeded = groups(ctx)
    assert list(seeded) == [EXAMPLE_GROUP_ID, EXAMPLE_DELETE_GROUP_ID]
    tencent = seeded[EXAMPLE_GROUP_ID]["securities"][0]
    assert tencent == {
        "symbol": "700.HK",
        "market": "HK",
        "name": "TENCENT",
        "watched_price": "368.20",
        "watched_at": str(int(ctx.now()) - 30 * 86_400),
        "is_pinned": True,
    }


def test_create_answers_new_ids_and_keeps_the_order(ctx: Context) -> None:
    first = call(ctx, "createWatchlistGroup", {"name": "New", "securities": ["TSLA.US", "700.HK"]})
    second = call(ctx, "createWatchlistGroup", {"name": "Empty"})
    assert first == {"id": str(FIRST_NEW_GROUP_ID)}
    assert second == {"id": str(FIRST_NEW_GROUP_ID + 1)}
    conforms(first, "WatchlistGroupCreated")
    assert symbols(ctx, first["id"]) == ["TSLA.US", "700.HK"]
    assert symbols(ctx, second["id"]) == []


def test_unknown_symbols_have_no_price(ctx: Context) -> None:
    group = call(ctx, "createWatchlistGroup", {"name": "X", "securities": ["00001.SZ"]})["id"]
    security = groups(ctx)[group]["securities"][0]
    assert (security["market"], security["name"], security["watched_price"]) == ("SZ", "00001", "")


def test_update_modes_and_rename(ctx: Context) -> None:
    gid = EXAMPLE_GROUP_ID
    call(
        ctx, "updateWatchlistGroup", {"id": gid, "securities": ["NVDA.US", "700.HK"], "mode": "add"}
    )
    assert symbols(ctx, gid) == ["700.HK", "AAPL.US", "TSLA.US", "NVDA.US"]
    call(ctx, "updateWatchlistGroup", {"id": gid, "securities": ["AAPL.US"], "mode": "remove"})
    assert symbols(ctx, gid) == ["700.HK", "TSLA.US", "NVDA.US"]
    before = groups(ctx)[gid]["securities"][0]["watched_at"]
    ctx.clock.advance(3600)
    call(ctx, "updateWatchlistGroup", {"id": gid, "securities": ["5.HK", "700.HK"]})  # replace
    kept = groups(ctx)[gid]["securities"]
    assert [s["symbol"] for s in kept] == ["5.HK", "700.HK"]
    assert kept[1]["watched_at"] == before  # a kept security keeps when it was watched
    call(ctx, "updateWatchlistGroup", {"id": gid, "name": "Renamed"})
    assert groups(ctx)[gid]["name"] == "Renamed"
    assert symbols(ctx, gid) == ["5.HK", "700.HK"]  # no securities: the list stays


def test_blank_names_and_unknown_groups_are_refused(ctx: Context) -> None:
    assert "name" in problem(ctx, "createWatchlistGroup", {"name": "   "})
    assert "not found" in problem(ctx, "updateWatchlistGroup", {"id": "1", "name": "x"})
    assert "not found" in problem(ctx, "deleteWatchlistGroup", id="1")
    call(ctx, "deleteWatchlistGroup", id=EXAMPLE_DELETE_GROUP_ID)
    assert "not found" in problem(ctx, "deleteWatchlistGroup", id=EXAMPLE_DELETE_GROUP_ID)


def test_delete_with_purge_clears_the_securities_everywhere(ctx: Context) -> None:
    other = call(ctx, "createWatchlistGroup", {"name": "O", "securities": ["9988.HK", "MSFT.US"]})
    call(ctx, "deleteWatchlistGroup", id=EXAMPLE_DELETE_GROUP_ID)  # no purge: others untouched
    assert symbols(ctx, other["id"]) == ["9988.HK", "MSFT.US"]
    call(ctx, "updateWatchlistGroup", {"id": EXAMPLE_GROUP_ID, "securities": ["MSFT.US"]})
    call(ctx, "deleteWatchlistGroup", id=EXAMPLE_GROUP_ID, purge=True)
    assert symbols(ctx, other["id"]) == ["9988.HK"]
    assert list(groups(ctx)) == [other["id"]]


def test_pins_apply_in_every_group(ctx: Context) -> None:
    call(ctx, "createWatchlistGroup", {"name": "Also", "securities": ["AAPL.US"]})
    call(ctx, "updatePinnedSecurities", {"mode": "add", "securities": ["AAPL.US"]})
    call(ctx, "updatePinnedSecurities", {"mode": "remove", "securities": ["700.HK"]})
    pinned = {
        (g["id"], s["symbol"])
        for g in groups(ctx).values()
        for s in g["securities"]
        if s["is_pinned"]
    }
    assert pinned == {(EXAMPLE_GROUP_ID, "AAPL.US"), (str(FIRST_NEW_GROUP_ID), "AAPL.US")}


def test_temperature_now_agrees_with_today_in_the_history(ctx: Context) -> None:
    now = call(ctx, "getMarketTemperature", market="HK")
    conforms(now, "WatchlistMarketTemperature")
    assert now["temperature"] == (now["valuation"] + now["sentiment"]) // 2
    assert call(ctx, "getMarketTemperature", market="US") != now
    # FakeClock starts on Thursday 2026-01-01: a trading-day row
    history = call(
        ctx, "getHistoryMarketTemperature", market="HK", start_date="20251201", end_date="20260101"
    )
    conforms(history, "WatchlistMarketTemperatureHistory")
    assert history["type"] == "daily"
    last = history["list"][-1]
    assert last["timestamp"] == "1767225600"
    assert {k: last[k] for k in ("temperature", "valuation", "sentiment")} == {
        k: now[k] for k in ("temperature", "valuation", "sentiment")
    }
    assert len(history["list"]) == 24  # the 23 weekdays of December, and Jan 1


@pytest.mark.parametrize(
    ("start", "end", "kind", "rows"),
    [("20250101", "20251231", "weekly", 53), ("20160101", "20991231", "monthly", 122)],
)
def test_long_ranges_thin_out_and_stop_at_today(
    ctx: Context, start: str, end: str, kind: str, rows: int
) -> None:
    data = call(ctx, "getHistoryMarketTemperature", market="US", start_date=start, end_date=end)
    conforms(data, "WatchlistMarketTemperatureHistory")
    assert (data["type"], len(data["list"])) == (kind, rows)
    assert int(data["list"][-1]["timestamp"]) <= ctx.now()


def test_bad_history_ranges_are_refused(ctx: Context) -> None:
    history = "getHistoryMarketTemperature"
    assert "after" in problem(ctx, history, market="HK", start_date="20250201", end_date="20250101")
    assert "after" in problem(ctx, history, market="HK", start_date="20270101", end_date="20280101")
    assert "2016" in problem(ctx, history, market="HK", start_date="20150101", end_date="20250101")
    assert "date" in problem(ctx, history, market="HK", start_date="20250231", end_date="20250301")


def test_filings_newest_first_and_none_for_unknown(ctx: Context) -> None:
    filings = call(ctx, "listFilings", symbol="AAPL.US")
    conforms(filings, "WatchlistFilings")
    dates = [int(f["publish_at"]) for f in filings["items"]]
    assert dates == sorted(dates, reverse=True)
    assert len(dates) == 3
    assert call(ctx, "listFilings", symbol="700.HK")["items"][-1]["id"] == "3"
    assert call(ctx, "listFilings", symbol="ZZZZ.US") == {"items": []}


def test_every_handler_is_in_the_spec() -> None:
    paths = load_spec()["paths"]
    ids = {
        op["operationId"] for item in paths.values() for op in item.values() if "operationId" in op
    }
    assert set(HANDLERS) <= ids


def test_edits_persist_over_http(mock: Harness) -> None:
    token: str = mock.tokens(mock.register(), scope="4")["access_token"]
    auth = {"Authorization": f"Bearer {token}"}
    created = mock.http.post(
        "/v1/watchlist/groups", json={"name": "Http", "securities": ["700.HK"]}, headers=auth
    )
    assert created.status_code == 200, created.text
    group_id = created.json()["data"]["id"]
    renamed = mock.http.put(
        "/v1/watchlist/groups", json={"id": group_id, "name": "H2"}, headers=auth
    )
    assert renamed.json() == {"code": 0, "message": "success", "data": {}}
    listed = mock.api("/v1/watchlist/groups", token).json()["data"]["groups"]
    assert {"id": group_id, "name": "H2"}.items() <= next(
        g for g in listed if g["id"] == group_id
    ).items()
    gone = mock.http.delete("/v1/watchlist/groups", params={"id": group_id}, headers=auth)
    assert gone.status_code == 200
    again = mock.http.delete("/v1/watchlist/groups", params={"id": group_id}, headers=auth)
    assert (again.status_code, again.json()["code"]) == (400, 400000)
    empty = mock.http.post("/v1/watchlist/groups", json={"name": ""}, headers=auth)
    assert (empty.status_code, empty.json()["code"]) == (400, 400000)
    no_scope: str = mock.tokens(mock.register(), scope="6")["access_token"]
    refused = mock.api("/v1/watchlist/groups", no_scope)
    assert (refused.status_code, refused.json()["code"]) == (403, 403308)
