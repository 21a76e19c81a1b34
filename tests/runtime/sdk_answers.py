"""Answers of the data API as the official SDK's structs allow them, not as our spec says.

Built by hand from the SDK's Rust structs and serde rules (longbridge/openapi at
https://github.com/longbridge/openapi/tree/32cb424b58745bdfd832d4196cbbe2842c9ea9c0/rust/src:
``trade/types.rs``, ``trade/context.rs``, ``quote/types.rs``, ``asset/types.rs``,
``portfolio/types.rs``, ``content/types.rs``, ``serde_utils.rs``), never from our own schemas,
so a disagreement between the spec and the SDK shows up as a failing typed call:

- ``decimal_empty_is_0`` and ``decimal_opt_empty_is_none`` fields may be ``""``;
- ``timestamp_opt`` fields may be ``""``, ``"0"`` or null; ``date_opt`` fields ``""``;
- ``#[serde(default)]`` members may be absent; ``symbol_opt`` members null or ``""``;
- every enumeration read through ``impl_serde_for_enum_string`` may carry any text (the SDK
  reads an unknown value as ``Unknown``), numeric ones any integer (``num_enum(default)``);
- symbols include crypto pairs such as ``BTCUSD.HAS`` (market ``Crypto``);
- objects may carry members neither side knows yet.

Where the SDK does not read a member the documentation shows (``has_more``, the legacy token's
``expired_at``), it is sent as documented.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

Strategy = st.SearchStrategy[Any]

# ---- the SDK's value rules (serde_utils.rs) --------------------------------------------------

_DECIMALS = st.decimals(
    min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=4, allow_nan=False
).map(str)
_INTEGRAL = st.integers(min_value=0, max_value=10**9).map(str)


def decimal() -> Strategy:
    """``Decimal`` (rust_decimal reads decimal text)."""
    return st.one_of(_DECIMALS, _INTEGRAL)


def empty_is_0() -> Strategy:
    """``decimal_empty_is_0``: decimal text or ``""``."""
    return st.one_of(decimal(), st.just(""))


def empty_is_none() -> Strategy:
    """``decimal_opt_empty_is_none``: decimal text or ``""``."""
    return st.one_of(decimal(), st.just(""))


def timestamp() -> Strategy:
    """``timestamp``: unix seconds as a string."""
    return st.integers(min_value=0, max_value=4_102_444_800).map(str)


def timestamp_opt() -> Strategy:
    """``timestamp_opt``: unix seconds, ``""``, ``"0"`` or null."""
    return st.one_of(timestamp(), st.sampled_from(["", "0"]), st.none())


def date_opt() -> Strategy:
    """``date_opt``: ``YYYY-MM-DD`` or ``""``."""
    dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
    return st.one_of(dates.map(date.isoformat), st.just(""))


def int64_str() -> Strategy:
    """``int64_str`` ids: digits in a string."""
    return st.integers(min_value=0, max_value=2**63 - 1).map(str)


def text() -> Strategy:
    return st.text(max_size=12)


def open_text(*known: str) -> Strategy:
    """An enumeration read by ``impl_serde_for_enum_string``: a known value or any text."""
    return st.one_of(st.sampled_from(known), text())


def open_number(*known: int) -> Strategy:
    """A ``num_enum(default)`` code: a known value or any 32-bit integer."""
    return st.one_of(st.sampled_from(known), st.integers(min_value=-(2**31), max_value=2**31 - 1))


def symbol() -> Strategy:
    """Tickers as the SDK passes them through (``String``), crypto pairs included."""
    listed = st.sampled_from(["700.HK", "AAPL.US", "BRK.B.US", "BTCUSD.HAS", "ETHUSD.HAS"])
    crypto = st.from_regex(r"\A[A-Z]{3,5}USD\.HAS\Z")
    return st.one_of(listed, crypto)


def symbol_opt() -> Strategy:
    """``symbol_opt``: a symbol, ``""`` or null."""
    return st.one_of(symbol(), st.just(""), st.none())


def currency() -> Strategy:
    """``currency: String``: codes, crypto codes, anything."""
    return st.one_of(st.sampled_from(["HKD", "USD", "CNH", "USDT"]), text())


def i32() -> Strategy:
    return st.integers(min_value=-(2**31), max_value=2**31 - 1)


_EXTRA = st.dictionaries(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8).map("x_new_".__add__),
    st.one_of(st.integers(), st.text(max_size=5), st.none(), st.lists(st.integers(), max_size=2)),
    max_size=2,
)


def obj(required: dict[str, Strategy], optional: dict[str, Strategy] | None = None) -> Strategy:
    """A struct: its required members, any of its ``#[serde(default)]`` ones, unknown extras."""
    base = st.fixed_dictionaries(required, optional=optional or {})
    return st.tuples(base, _EXTRA).map(lambda pair: {**pair[1], **pair[0]})


def lists(item: Strategy) -> Strategy:
    return st.lists(item, max_size=3)


# ---- trade (trade/types.rs, trade/context.rs) ------------------------------------------------

ORDER_STATUS = open_text(
    "NotReported", "ReplacedNotReported", "ProtectedNotReported", "VarietiesNotReported",
    "FilledStatus", "WaitToNew", "NewStatus", "WaitToReplace", "PendingReplaceStatus",
    "ReplacedStatus", "PartialFilledStatus", "WaitToCancel", "PendingCancelStatus",
    "RejectedStatus", "CanceledStatus", "ExpiredStatus", "PartialWithdrawal",
    "DelayedNotReported",
)  # fmt: skip
ORDER_TYPE = open_text(
    "LO", "ELO", "MO", "AO", "ALO", "ODD", "LIT", "MIT", "TSLPAMT", "TSLPPCT", "TSMAMT", "TSMPCT",
    "SLO",
)  # fmt: skip
SIDE = open_text("Buy", "Sell")
TAG = open_text("Normal", "Gtc", "Grey")
TIME_IN_FORCE = open_text("Day", "GTC", "GTD")
TRIGGER_STATUS = open_text("NOT_USED", "DEACTIVE", "ACTIVE", "RELEASED")
OUTSIDE_RTH = open_text(
    "UnknownOutsideRth", "RTH_ONLY", "ANY_TIME", "OVERNIGHT", "OPTION_PRE_MARKET"
)  # fmt: skip

ATTACHED_ORDER = obj(
    {
        "order_id": int64_str(),
        "attached_type_display": open_text("PROFIT_TAKER", "STOP_LOSS", "BRACKET"),
        "trigger_price": empty_is_none(),
        "quantity": decimal(),
        "executed_qty": decimal(),
        "status": ORDER_STATUS,
        "updated_at": timestamp(),
        "withdrawn": st.booleans(),
        "gtd": date_opt(),
        "time_in_force": TIME_IN_FORCE,
        "counter_id": text(),
        "trigger_status": TRIGGER_STATUS,
        "executed_amount": decimal(),
        "tag": TAG,
        "submitted_at": timestamp(),
        "executed_price": empty_is_none(),
        "force_only_rth": OUTSIDE_RTH,
        "reviewed": st.booleans(),
        "activate_order_type": ORDER_TYPE,
        "activate_rth": OUTSIDE_RTH,
        "submit_price": empty_is_none(),
    }
)

_ORDER_FIELDS: dict[str, Strategy] = {
    "order_id": int64_str(),
    "status": ORDER_STATUS,
    "stock_name": text(),
    "quantity": decimal(),
    "executed_quantity": decimal(),
    "price": empty_is_none(),
    "executed_price": decimal(),  # decimal_opt_0_is_none: a decimal, "0" for none
    "submitted_at": timestamp(),
    "side": SIDE,
    "symbol": symbol(),
    "order_type": ORDER_TYPE,
    "last_done": empty_is_none(),
    "trigger_price": empty_is_none(),
    "msg": text(),
    "tag": TAG,
    "time_in_force": TIME_IN_FORCE,
    "expire_date": date_opt(),
    "updated_at": timestamp_opt(),
    "trigger_at": timestamp_opt(),
    "trailing_amount": empty_is_none(),
    "trailing_percent": empty_is_none(),
    "limit_offset": empty_is_none(),
    "trigger_status": TRIGGER_STATUS,
    "currency": currency(),
    "outside_rth": OUTSIDE_RTH,
    "limit_depth_level": i32(),
    "trigger_count": i32(),
    "monitor_price": empty_is_none(),
    "remark": text(),
}
_ATTACHED = {"attached_orders": lists(ATTACHED_ORDER)}  # #[serde(default)]
ORDER = obj(_ORDER_FIELDS, _ATTACHED)

_DEDUCTION = open_text("NONE", "NO_DATA", "PENDING", "DONE")
_FEE = obj({"code": text(), "name": text(), "amount": empty_is_0(), "currency": currency()})
_CHARGE_ITEM = obj(
    {"code": open_text("BROKER_FEES", "THIRD_FEES"), "name": text(), "fees": lists(_FEE)}
)
_CHARGE_DETAIL = obj(
    {"total_amount": decimal(), "currency": currency(), "items": lists(_CHARGE_ITEM)}
)
_HISTORY = obj(
    {
        "price": empty_is_0(),
        "quantity": empty_is_0(),
        "status": ORDER_STATUS,
        "msg": text(),
        "time": timestamp(),
    }
)
ORDER_DETAIL = obj(
    {
        **_ORDER_FIELDS,
        "free_status": open_text("None", "Calculated", "Pending", "Ready"),
        "free_amount": empty_is_none(),
        "free_currency": symbol_opt(),
        "deductions_status": _DEDUCTION,
        "deductions_amount": empty_is_none(),
        "deductions_currency": symbol_opt(),
        "platform_deducted_status": _DEDUCTION,
        "platform_deducted_amount": empty_is_none(),
        "platform_deducted_currency": symbol_opt(),
        "history": lists(_HISTORY),
    },
    {**_ATTACHED, "charge_detail": st.one_of(_CHARGE_DETAIL, st.none())},  # an Option
)
EXECUTION = obj(
    {
        "order_id": int64_str(),
        "trade_id": text(),
        "symbol": symbol(),
        "trade_done_at": timestamp(),
        "quantity": decimal(),
        "price": decimal(),
        "side": SIDE,
    }
)

# ---- asset (trade/types.rs, asset/types.rs, portfolio/types.rs) ------------------------------

_CASH_INFO = obj(
    {
        "withdraw_cash": decimal(),
        "available_cash": decimal(),
        "frozen_cash": decimal(),
        "settling_cash": decimal(),
        "currency": currency(),
    }
)
ACCOUNT_BALANCE = obj(
    {
        "total_cash": decimal(),
        "max_finance_amount": decimal(),
        "remaining_finance_amount": decimal(),
        # serde_utils::risk_level: any integer text, "" read as 0
        "risk_level": st.one_of(st.sampled_from(["0", "1", "2", "3", ""]), i32().map(str)),
        "margin_call": decimal(),
        "currency": currency(),
        "net_assets": empty_is_0(),
        "init_margin": empty_is_0(),
        "maintenance_margin": empty_is_0(),
        "buy_power": empty_is_0(),
        "frozen_transaction_fees": lists(
            obj({"currency": currency(), "frozen_transaction_fee": decimal()})
        ),
    },
    {"cash_infos": lists(_CASH_INFO)},
)
CASH_FLOW = obj(
    {
        "transaction_flow_name": text(),
        "direction": open_number(1, 2),
        "business_type": open_number(1, 2, 3),
        "balance": decimal(),
        "currency": currency(),
        "business_time": timestamp(),
        "symbol": symbol_opt(),
        "description": text(),
    }
)
FUND_POSITION = obj(
    {
        "symbol": text(),
        "current_net_asset_value": empty_is_0(),
        "net_asset_value_day": timestamp(),
        "symbol_name": text(),
        "currency": currency(),
        "cost_net_asset_value": empty_is_0(),
        "holding_units": empty_is_0(),
    }
)
STOCK_POSITION = obj(
    {
        "symbol": symbol(),
        "symbol_name": text(),
        "quantity": decimal(),
        "available_quantity": decimal(),
        "currency": currency(),
        "cost_price": empty_is_0(),
        "market": open_text("US", "HK", "CN", "SG", "Crypto"),
        "init_quantity": empty_is_none(),
    }
)
_RATE = st.floats(min_value=0, max_value=1e6, allow_nan=False)  # f64 in the SDK

# ---- quote (quote/types.rs, quote/context.rs) ------------------------------------------------

TEMPERATURE_TIME = st.sampled_from(["timestamp", "updated_at"])  # `alias = "updated_at"`


def temperature() -> Strategy:
    """``MarketTemperature``: the time under ``timestamp`` or its alias, description default."""
    reading = obj(
        {"temperature": i32(), "valuation": i32(), "sentiment": i32()},
        {"description": text()},
    )
    return st.tuples(reading, TEMPERATURE_TIME, timestamp()).map(lambda t: {**t[0], t[1]: t[2]})


WATCHLIST_SECURITY = obj(
    {
        "symbol": symbol(),
        "market": open_text("US", "HK", "CN", "SG", "Crypto"),
        "name": text(),
        "watched_price": empty_is_none(),
        "watched_at": timestamp(),
    },
    {"is_pinned": st.booleans()},
)

# ---- content (content/types.rs) --------------------------------------------------------------

_AUTHOR = obj({}, {"member_id": text(), "name": text(), "avatar": text()})
_IMAGE = obj({}, {"url": text(), "sm": text(), "lg": text()})
TOPIC = obj(
    {"id": int64_str(), "author": _AUTHOR, "created_at": timestamp(), "updated_at": timestamp()},
    {
        "title": text(),
        "description": text(),
        "body": text(),
        "tickers": lists(symbol()),
        "hashtags": lists(text()),
        "images": lists(_IMAGE),
        "likes_count": i32(),
        "comments_count": i32(),
        "views_count": i32(),
        "shares_count": i32(),
        "topic_type": open_text("article", "post"),
        "detail_url": text(),
    },
)
SUMMARY = obj(
    {
        "id": int64_str(),
        "url": text(),
        "published_at": timestamp(),
        "comments_count": i32(),
        "likes_count": i32(),
        "shares_count": i32(),
    },
    {"title": text(), "description": text()},
)
REPLY = obj(
    {"id": int64_str(), "topic_id": int64_str(), "author": _AUTHOR, "created_at": timestamp()},
    {
        "body": text(),
        "reply_to_id": st.one_of(int64_str(), st.just("")),
        "images": lists(_IMAGE),
        "likes_count": i32(),
        "comments_count": i32(),
    },
)

EMPTY = obj({})

# ---- the `data` of every operation -----------------------------------------------------------

DATA: dict[str, Strategy] = {
    # QuoteContext
    "listWatchlistGroups": obj(
        {
            "groups": lists(
                obj({"id": int64_str(), "name": text(), "securities": lists(WATCHLIST_SECURITY)})
            )
        }
    ),
    "createWatchlistGroup": obj({"id": int64_str()}),
    "updateWatchlistGroup": EMPTY,
    "deleteWatchlistGroup": EMPTY,
    "updatePinnedSecurities": EMPTY,
    "getSecurityList": obj(
        {
            "list": lists(
                obj({"symbol": symbol(), "name_cn": text(), "name_en": text(), "name_hk": text()})
            )
        }
    ),
    "getMarketTemperature": temperature(),
    "getHistoryMarketTemperature": obj(
        {"type": open_text("daily", "weekly", "monthly"), "list": lists(temperature())}
    ),
    "listFilings": obj(
        {
            "items": lists(
                obj(
                    {
                        "id": text(),
                        "title": text(),
                        "file_name": text(),
                        "file_urls": lists(text()),
                        "publish_at": timestamp(),
                    },
                    {"description": text()},
                )
            )
        }
    ),
    # TradeContext
    "getAccountBalance": obj({"list": lists(ACCOUNT_BALANCE)}),
    "listCashFlow": obj({"list": lists(CASH_FLOW)}),
    "listFundPositions": obj(
        {"list": lists(obj({"account_channel": text()}, {"fund_info": lists(FUND_POSITION)}))}
    ),
    "listStockPositions": obj(
        {"list": lists(obj({"account_channel": text()}, {"stock_info": lists(STOCK_POSITION)}))}
    ),
    "getMarginRatio": obj({"im_factor": decimal(), "mm_factor": decimal(), "fm_factor": decimal()}),
    "listTodayOrders": obj({"orders": lists(ORDER)}, {"has_more": st.booleans()}),
    "listHistoryOrders": obj({"orders": lists(ORDER), "has_more": st.booleans()}),
    "listTodayExecutions": obj({"trades": lists(EXECUTION)}),
    "listHistoryExecutions": obj({"trades": lists(EXECUTION), "has_more": st.booleans()}),
    "estimateMaxPurchaseQuantity": obj(
        {"cash_max_qty": empty_is_0(), "margin_max_qty": empty_is_0()}
    ),
    "submitOrder": obj({"order_id": int64_str()}),
    "getOrderDetail": ORDER_DETAIL,
    "replaceOrder": EMPTY,
    "cancelOrder": EMPTY,
    # AssetContext, PortfolioContext
    "listStatements": obj(
        {
            "list": lists(
                obj(
                    {
                        "dt": st.dates(min_value=date(2000, 1, 1)).map(
                            lambda d: int(d.strftime("%Y%m%d"))
                        ),
                        "file_key": st.text(min_size=1, max_size=12),
                    }
                )
            )
        }
    ),
    "getStatementDownloadUrl": obj({"url": text()}),
    "getExchangeRates": obj(
        {
            "exchanges": lists(
                obj(
                    {
                        "base_currency": currency(),
                        "other_currency": currency(),
                        "average_rate": _RATE,
                        "bid_rate": _RATE,
                        "offer_rate": _RATE,
                    }
                )
            )
        }
    ),
    # ContentContext
    "listMyTopics": obj({"items": lists(TOPIC)}),
    "getTopic": obj({"item": TOPIC}),
    "createTopic": obj({"item": obj({"id": int64_str()})}),
    "listNews": obj({"items": lists(SUMMARY)}),
    "listTopics": obj({"items": lists(SUMMARY)}),
    "listTopicComments": obj({"items": lists(REPLY)}),
    "createTopicComment": obj({"item": REPLY}),
    # Not typed calls of the SDK: the socket token (its websocket client) and the legacy token
    # refresh (Config::refresh_access_token reads only `token`); sent as documented.
    "getSocketToken": obj(
        {
            "otp": st.text(min_size=1, max_size=12),
            "limit": st.integers(min_value=0, max_value=10),
            "online": st.integers(min_value=0, max_value=10),
        }
    ),
    "refreshLegacyToken": obj(
        {
            "token": st.text(min_size=1, max_size=12),
            "expired_at": text(),
            "issued_at": text(),
            "account_info": obj(
                {"member_id": int64_str(), "aaid": text(), "account_channel": text()}
            ),
        }
    ),
}
