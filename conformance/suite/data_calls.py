"""Requests for every data API operation, built from the spec's own examples.

Each operation's parameters and body come from the examples in spec/openapi.yaml. Where an
example names something that must already exist at the server (an order id, a watchlist group, a
statement key, a topic), a *preparer* finds or creates it first through the API itself, so the
same requests work on the mock and on any other server.
"""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from conformance.redact import BearerAuth, Secret
from spec_reader import deref, validator_for
from spec_reader.api_operations import ApiOperation, operation

__all__ = ["PREPARERS", "DataApi", "Request", "schema_errors"]


@dataclass
class Request:
    """One call of an operation: its query, path parameters and JSON body."""

    op: ApiOperation
    query: dict[str, Any] = field(default_factory=dict)
    path: dict[str, Any] = field(default_factory=dict)
    body: Any = None

    @classmethod
    def example(cls, operation_id: str) -> Request:
        op = operation(operation_id)
        query, path = op.example_params()
        return cls(op, query, path, copy.deepcopy(op.example_body()))

    def url(self) -> str:
        url = self.op.path
        for name, value in self.path.items():
            url = url.replace("{" + name + "}", quote(str(value), safe=""))
        return url

    def without(self, name: str) -> Request:
        """The same request with one parameter or top-level body field left out."""
        body = self.body
        if isinstance(body, dict):
            body = {k: v for k, v in body.items() if k != name}
        return Request(
            self.op,
            {k: v for k, v in self.query.items() if k != name},
            {k: v for k, v in self.path.items() if k != name},
            body,
        )

    def required_only(self) -> Request:
        """The same request without its optional query parameters (filters)."""
        required = {p["name"] for p in self.op.parameters if p.get("required")}
        query = {k: v for k, v in self.query.items() if k in required}
        return Request(self.op, query, dict(self.path), self.body)

    def required_inputs(self) -> list[str]:
        """Required query parameters and required top-level body fields, by name."""
        names = [p["name"] for p in self.op.parameters if p.get("required") and p["in"] == "query"]
        schema = self.op.body_schema
        if schema is not None:
            names += list(deref(schema).get("required", []))
        return names

    def send(self, http: httpx.Client, auth: httpx.Auth | None = None) -> httpx.Response:
        params = [
            (k, str(item).lower() if isinstance(item, bool) else str(item))
            for k, v in self.query.items()
            for item in (v if isinstance(v, list) else [v])
        ]
        kwargs: dict[str, Any] = {"params": params, "headers": {}}
        if auth is not None:
            kwargs["auth"] = auth
        if self.body is not None:
            kwargs["content"] = json.dumps(self.body).encode()
            kwargs["headers"]["Content-Type"] = "application/json"
        return http.request(self.op.method, self.url(), **kwargs)


def schema_errors(op: ApiOperation, body: Any) -> list[str]:
    """Where ``body`` breaks the operation's success schema, as ``path: message`` lines."""
    errors = validator_for(op.success_schema).iter_errors(body)
    return [
        f"{'.'.join(str(p) for p in e.absolute_path) or '(body)'}: {e.message}"[:200]
        for e in sorted(errors, key=lambda e: list(map(str, e.absolute_path)))
    ]


class DataApi:
    """The target's data API seen through one access token."""

    def __init__(self, http: httpx.Client, token: Secret) -> None:
        self.http = http
        # The token stays inside the auth object: a traceback never prints it (redact.py).
        self.auth = BearerAuth(token)

    def send(self, request: Request) -> httpx.Response:
        return request.send(self.http, self.auth)

    def data(self, request: Request) -> Any:
        """The ``data`` of a call that must succeed; a failure names the operation."""
        r = self.send(request)
        body = r.json() if r.headers.get("content-type", "").startswith("application/json") else {}
        ok = r.status_code == 200 and body.get("code") == 0
        assert ok, (
            f"Expected {request.op.operation_id} to succeed. "
            f"Received: {r.status_code} {r.text[:300]}"
        )
        return body["data"]

    def prepared(self, operation_id: str, now: float | None = None) -> Request:
        """The example request, with ids that exist at this server and a recent time window.

        ``now`` is the server's clock (the mock's may be moved); the local clock otherwise.
        """
        request = Request.example(operation_id)
        _recent_window(request, time.time() if now is None else now)
        preparer = PREPARERS.get(operation_id)
        if preparer is not None:
            preparer(self, request)
        return request


# Time-window parameters (unix seconds, docs/longbridge-api.md §5.2, §5.3): the examples' fixed
# dates
# would find nothing on a server whose data is recent, so the window is the last 90 days.
_WINDOW_STARTS = ("start_at", "start_time")
_WINDOW_ENDS = ("end_at", "end_time")
WINDOW = 90 * 86_400


def _recent_window(request: Request, now: float) -> None:
    for name in request.query:
        if name in _WINDOW_STARTS:
            request.query[name] = int(now) - WINDOW
        elif name in _WINDOW_ENDS:
            request.query[name] = int(now)


def _first(items: Iterable[Any], key: str, what: str) -> Any:
    for item in items:
        if isinstance(item, dict) and item.get(key) not in (None, ""):
            return item[key]
    pytest.skip(f"the server has no {what} to use")


def _an_order_id(api: DataApi) -> Any:
    today = api.data(Request.example("listTodayOrders").without("page"))
    orders = list(today.get("orders") or [])
    if not orders:
        history = api.data(Request(operation("listHistoryOrders")))
        orders = list(history.get("orders") or [])
    return _first(orders, "order_id", "order")


def _new_order_id(api: DataApi) -> Any:
    return api.data(Request.example("submitOrder"))["order_id"]


def _new_group_id(api: DataApi) -> Any:
    return api.data(Request.example("createWatchlistGroup"))["id"]


def _a_topic_id(api: DataApi) -> Any:
    mine = api.data(Request(operation("listMyTopics")))
    items = _items(mine)
    if not items:
        symbol_topics = Request.example("listTopics")
        items = _items(api.data(symbol_topics))
    return _first(items, "id", "topic")


def _items(data: Any) -> list[Any]:
    """The list in a listing's ``data``, whatever the field is called."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for value in data.values():
            if isinstance(value, list):
                return value
    return []


def _order_detail(api: DataApi, request: Request) -> None:
    request.query["order_id"] = _an_order_id(api)


def _replace(api: DataApi, request: Request) -> None:
    request.body["order_id"] = _new_order_id(api)


def _cancel(api: DataApi, request: Request) -> None:
    request.query["order_id"] = _new_order_id(api)


def _update_group(api: DataApi, request: Request) -> None:
    request.body["id"] = _new_group_id(api)


def _delete_group(api: DataApi, request: Request) -> None:
    request.query["id"] = _new_group_id(api)


def _statement_download(api: DataApi, request: Request) -> None:
    listing = api.data(Request.example("listStatements"))
    request.query["file_key"] = _first(_items(listing), "file_key", "statement")


def _topic(api: DataApi, request: Request) -> None:
    for name in request.path:
        request.path[name] = _a_topic_id(api)


def _comment(api: DataApi, request: Request) -> None:
    _topic(api, request)
    if isinstance(request.body, dict):
        request.body.pop("reply_to_id", None)  # the example's comment belongs to another topic


PREPARERS: dict[str, Callable[[DataApi, Request], None]] = {
    "getOrderDetail": _order_detail,
    "replaceOrder": _replace,
    "cancelOrder": _cancel,
    "updateWatchlistGroup": _update_group,
    "deleteWatchlistGroup": _delete_group,
    "getStatementDownloadUrl": _statement_download,
    "getTopic": _topic,
    "listTopicComments": _topic,
    "createTopicComment": _comment,
}
