"""The asset area of the mock's data API (docs/longbridge-api.md §5.3, §10 items 5-7).

The handlers are tested directly, and each answer is checked against the spec's schema; the same
behaviour is also checked over HTTP.
"""

from __future__ import annotations

from decimal import Decimal

from conformance.mock_server.context import Context
from conformance.mock_server.data_api import Caller
from conformance.mock_server.data_asset import (
    EXAMPLE_DAILY_KEY,
    EXAMPLE_MONTHLY_KEY,
    HANDLERS,
    AssetState,
)

from .harness import AreaHandlers, Harness
from .spec_schemas import conforms

NOW = 1_767_225_600  # FakeClock's start, 2026-01-01T00:00:00Z
READ = Caller("oauth", frozenset({"account.read"}))


_AREA = AreaHandlers(HANDLERS, READ)
call = _AREA.call
problem = _AREA.problem


# ---- balance -----------------------------------------------------------------------------


def test_balance_has_one_entry_per_currency_and_filters(ctx: Context) -> None:
    data = call(ctx, "getAccountBalance")
    conforms(data, "AssetAccountBalances")
    assert [b["currency"] for b in data["list"]] == ["HKD", "USD", "CNH"]
    only_usd = call(ctx, "getAccountBalance", currency="USD")
    assert [b["currency"] for b in only_usd["list"]] == ["USD"]
    assert only_usd["list"][0] == data["list"][1]


def test_balance_views_agree_through_the_exchange_rates(ctx: Context) -> None:
    by_currency = {b["currency"]: b for b in call(ctx, "getAccountBalance")["list"]}
    rates = {
        (r["base_currency"], r["other_currency"]): Decimal(str(r["average_rate"]))
        for r in call(ctx, "getExchangeRates")["exchanges"]
    }
    hkd = Decimal(by_currency["HKD"]["net_assets"])
    usd = Decimal(by_currency["USD"]["net_assets"])
    assert abs(usd * rates[("USD", "HKD")] - hkd) < 1
    # Every view lists the same cash per currency.
    infos = [b["cash_infos"] for b in by_currency.values()]
    assert infos[0] == infos[1] == infos[2]
    assert {i["currency"] for i in infos[0]} == {"HKD", "USD", "CNH"}


def test_balance_counts_the_positions(ctx: Context) -> None:
    hkd = call(ctx, "getAccountBalance", currency="HKD")["list"][0]
    assert Decimal(hkd["net_assets"]) > Decimal(hkd["total_cash"])  # stocks and funds held
    assert Decimal(hkd["init_margin"]) >= Decimal(hkd["maintenance_margin"]) > 0


# ---- cash flow ---------------------------------------------------------------------------


def test_cash_flow_pages_with_the_default_size_of_50(ctx: Context) -> None:
    window = {"start_time": NOW - 90 * 86_400, "end_time": NOW}
    pages = []
    page = 1
    while True:
        items = call(ctx, "listCashFlow", page=page, **window)["list"]
        pages.append(items)
        if len(items) < 50:
            break
        page += 1
    assert [len(p) for p in pages] == [50, 50, 50, 0]
    rows = [r for p in pages for r in p]
    conforms({"list": rows}, "AssetCashFlows")
    times = [int(r["business_time"]) for r in rows]
    assert times == sorted(times, reverse=True)  # newest first
    keys = [(r["business_time"], r["transaction_flow_name"], r["balance"]) for r in rows]
    assert len(set(keys)) == len(keys)  # pages do not overlap


def test_cash_flow_filters(ctx: Context) -> None:
    window = {"start_time": NOW - 90 * 86_400, "end_time": NOW, "size": 10_000}
    everything = call(ctx, "listCashFlow", **window)["list"]
    assert {r["business_type"] for r in everything} == {1, 2, 3}
    funds = call(ctx, "listCashFlow", business_type=3, **window)["list"]
    assert funds
    assert all(r["business_type"] == 3 for r in funds)
    tencent = call(ctx, "listCashFlow", symbol="700.HK", **window)["list"]
    assert tencent
    assert all(r["symbol"] == "700.HK" for r in tencent)
    recent = call(ctx, "listCashFlow", start_time=NOW - 10 * 86_400, end_time=NOW, size=10_000)
    assert 0 < len(recent["list"]) < len(everything)
    assert all(int(r["business_time"]) >= NOW - 10 * 86_400 for r in recent["list"])


def test_cash_flow_reversed_window_is_empty(ctx: Context) -> None:
    assert call(ctx, "listCashFlow", start_time=NOW, end_time=NOW - 90 * 86_400) == {"list": []}


# ---- positions ---------------------------------------------------------------------------


def test_stock_positions_and_symbol_filter(ctx: Context) -> None:
    data = call(ctx, "listStockPositions")
    conforms(data, "AssetStockPositions")
    symbols = [s["symbol"] for s in data["list"][0]["stock_info"]]
    assert {"700.HK", "9988.HK", "AAPL.US", "TSLA.US"} <= set(symbols)
    some = call(ctx, "listStockPositions", symbol=["700.HK", "AAPL.US"])
    assert [s["symbol"] for s in some["list"][0]["stock_info"]] == ["700.HK", "AAPL.US"]
    assert call(ctx, "listStockPositions", symbol=["MSFT.US"]) == {"list": []}


def test_fund_positions_and_isin_filter(ctx: Context) -> None:
    data = call(ctx, "listFundPositions")
    conforms(data, "AssetFundPositions")
    funds = data["list"][0]["fund_info"]
    assert "HK0000447943" in [f["symbol"] for f in funds]
    assert all("holding_units" in f for f in funds)
    one = call(ctx, "listFundPositions", symbol=["HK0000447943"])["list"][0]["fund_info"]
    assert [f["symbol"] for f in one] == ["HK0000447943"]


# ---- margin ratio ------------------------------------------------------------------------


def test_margin_ratio_known_and_unknown(ctx: Context) -> None:
    data = call(ctx, "getMarginRatio", symbol="700.HK")
    conforms(data, "AssetMarginRatio")
    assert data == {"im_factor": "0.40", "mm_factor": "0.35", "fm_factor": "0.30"}
    assert "NOPE.US" in problem(ctx, "getMarginRatio", symbol="NOPE.US")


# ---- statements --------------------------------------------------------------------------


def test_statement_list_accepts_both_parameter_sets(ctx: Context) -> None:
    sdk = call(ctx, "listStatements", statement_type=1, start_date=2, limit=5)
    yaml_form = call(ctx, "listStatements", statement_type=1, page=2, page_size=5)
    assert sdk == yaml_form
    conforms(sdk, "AssetStatements")
    assert len(sdk["list"]) == 5
    first = call(ctx, "listStatements", statement_type=1, limit=5)["list"]
    assert first[0] == {"dt": 20251231, "file_key": EXAMPLE_DAILY_KEY}
    assert not {s["file_key"] for s in first} & {s["file_key"] for s in sdk["list"]}
    assert len(call(ctx, "listStatements")["list"]) == 20  # daily, 20 per page by default


def test_monthly_statements_and_paging_end(ctx: Context) -> None:
    monthly = call(ctx, "listStatements", statement_type=2, limit=100)["list"]
    assert {"dt": 20251130, "file_key": EXAMPLE_MONTHLY_KEY} in monthly
    assert len(monthly) == 12
    assert call(ctx, "listStatements", statement_type=2, start_date=2, limit=100) == {"list": []}


def test_statement_download(ctx: Context) -> None:
    data = call(ctx, "getStatementDownloadUrl", file_key=EXAMPLE_DAILY_KEY)
    conforms(data, "AssetStatementDownload")
    assert data["url"].startswith(f"https://statements.mock.invalid/{EXAMPLE_DAILY_KEY}?")
    assert "X-Amz-Signature=" in data["url"]
    listed = call(ctx, "listStatements", statement_type=2, limit=1)["list"][0]["file_key"]
    assert call(ctx, "getStatementDownloadUrl", file_key=listed)["url"]
    assert "file_key" in problem(ctx, "getStatementDownloadUrl", file_key="nope.pdf")


def test_example_keys_exist_whatever_the_seed_and_clock() -> None:
    for seed, now in [(0, NOW), (7, NOW + 400 * 86_400), (99, NOW - 30 * 86_400)]:
        state = AssetState.seeded(seed, now)
        assert state.statement(EXAMPLE_DAILY_KEY) is not None
        assert state.statement(EXAMPLE_MONTHLY_KEY) is not None
        assert len(state.cash_flows) >= 120


def test_seeded_data_is_deterministic() -> None:
    assert AssetState.seeded(3, NOW) == AssetState.seeded(3, NOW)
    assert AssetState.seeded(3, NOW).cash_flows != AssetState.seeded(4, NOW).cash_flows


# ---- exchange rates ----------------------------------------------------------------------


def test_exchange_rates(ctx: Context) -> None:
    data = call(ctx, "getExchangeRates")
    conforms(data, "AssetExchangeRates")
    for rate in data["exchanges"]:
        assert isinstance(rate["average_rate"], float)  # the SDK reads f64
        assert rate["bid_rate"] < rate["average_rate"] < rate["offer_rate"]


# ---- over HTTP ----------------------------------------


def _token(mock: Harness, scope: str = "6") -> str:
    token: str = mock.tokens(mock.register(), scope=scope)["access_token"]
    return token


def test_http_balance_and_scope(mock: Harness) -> None:
    response = mock.api("/v1/asset/account", _token(mock), params={"currency": "CNH"})
    assert response.status_code == 200, response.text
    assert [b["currency"] for b in response.json()["data"]["list"]] == ["CNH"]
    # scope 4 is watchlist only: account.read is missing (403308).
    refused = mock.api("/v1/asset/account", _token(mock, "4"))
    assert refused.status_code == 403
    assert refused.json()["code"] == 403308


def test_http_validation(mock: Harness) -> None:
    token = _token(mock)
    bad_currency = mock.api("/v1/asset/account", token, params={"currency": "EUR"})
    assert bad_currency.status_code == 400
    assert bad_currency.json()["code"] == 400000
    missing_window = mock.api("/v1/asset/cashflow", token, params={"start_time": "1"})
    assert missing_window.status_code == 400
    too_big = mock.api(
        "/v1/asset/cashflow",
        token,
        params={"start_time": "0", "end_time": str(NOW), "size": "10001"},
    )
    assert too_big.status_code == 400


def test_http_cash_flow_paging_and_statements(mock: Harness) -> None:
    token = _token(mock)
    window = {"start_time": str(NOW - 90 * 86_400), "end_time": str(NOW)}
    pages = [
        mock.api("/v1/asset/cashflow", token, params={**window, "page": str(p)}).json()
        for p in (1, 2, 3, 4)
    ]
    sizes = [len(page["data"]["list"]) for page in pages]
    assert sizes == [50, 50, 50, 0]
    stocks = mock.http.get(
        "/v1/asset/stock?symbol=700.HK&symbol=TSLA.US", headers={"Authorization": f"Bearer {token}"}
    )
    assert [s["symbol"] for s in stocks.json()["data"]["list"][0]["stock_info"]] == [
        "700.HK",
        "TSLA.US",
    ]
    url = mock.api("/v1/statement/download", token, params={"file_key": EXAMPLE_DAILY_KEY})
    assert url.status_code == 200
    unknown = mock.api("/v1/statement/download", token, params={"file_key": "x"})
    assert unknown.status_code == 400
    assert unknown.json()["code"] == 400000
