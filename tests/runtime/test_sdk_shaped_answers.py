"""Every typed method reads every answer the official SDK's structs allow (issue 15).

A canned in-process server answers each typed call with a ``data`` drawn from
``sdk_answers.DATA`` (the SDK's serde rules: ``""`` numbers, absent ``#[serde(default)]``
members, unknown enumeration values, crypto symbols, unknown members), never from our schemas;
the typed method must return its model without raising, keep what it was sent, and mark the
values the spec does not list.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_python_client.strings import snake_case
from pydantic import BaseModel

from conformance.suite.data_calls import Request
from longbridge_openapi_client import Longbridge, schemas
from longbridge_openapi_client._runtime.value_types import UnknownEnumNumber, UnknownEnumValue
from spec_reader import deref
from spec_reader.api_operations import api_operations, operation

from .sdk_answers import DATA
from .test_data_operations import _kwargs

OPERATIONS = [op.operation_id for op in api_operations()]
BASE = "http://canned.test"
KEY = ("app-key", "app-secret", "access-token")


def test_every_operation_has_an_sdk_shaped_answer() -> None:
    assert sorted(DATA) == sorted(OPERATIONS)


class Canned:
    """An in-process server that answers every request with one envelope."""

    def __init__(self) -> None:
        self.data: Any = None
        self.paths: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        body = {"code": 0, "message": "success", "data": self.data}
        return httpx.Response(200, json=body, headers={"x-trace-id": "canned"})


def _data_model(operation_id: str) -> type[BaseModel]:
    schema = deref(operation(operation_id).success_schema)
    data = next(p for p in schema["allOf"] if "properties" in p)["properties"]["data"]
    model: type[BaseModel] = getattr(schemas, data["$ref"].rsplit("/", 1)[-1])
    return model


def _walk(value: Any) -> list[Any]:
    """Every value inside ``value`` (a parsed model dumped to Python objects)."""
    if isinstance(value, BaseModel):
        return [value, *_walk(dict(value)), *_walk(value.model_extra or {})]
    if isinstance(value, dict):
        return [v for item in value.values() for v in [item, *_walk(item)]]
    if isinstance(value, list):
        return [v for item in value for v in [item, *_walk(item)]]
    return []


def _texts(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [v for item in value.values() for v in _texts(item)]
    if isinstance(value, list):
        return [v for item in value for v in _texts(item)]
    return [value]


@pytest.mark.parametrize("operation_id", OPERATIONS)
def test_typed_method_reads_what_the_sdk_reads(operation_id: str) -> None:
    canned = Canned()
    lb = Longbridge(api_key=KEY, base_url=BASE, transport=httpx.MockTransport(canned))
    method = getattr(lb, snake_case(operation_id))
    kwargs = _kwargs(method, Request.example(operation_id))
    model = _data_model(operation_id)

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=DATA[operation_id])
    def read(data: Any) -> None:
        canned.data = json.loads(json.dumps(data))  # what the wire carries
        result = method(**kwargs)
        assert isinstance(result, model)
        found = _walk(result)
        # Nothing the server sent is lost: unknown members stay reachable on the model.
        sent_extras = {k for k in _keys(data) if k.startswith("x_new_")}
        kept_extras = {k for m in found if isinstance(m, BaseModel) for k in m.model_extra or {}}
        assert sent_extras <= kept_extras
        # Money is never a float; unknown enumeration values are marked, not refused.
        assert not any(isinstance(v, float) for v in found)
        for value in found:
            if isinstance(value, UnknownEnumValue | UnknownEnumNumber):
                assert value in _texts(data)

    with lb:
        read()
    assert canned.paths, "the typed method never reached the canned server"


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


@given(st.sampled_from(["", "12.50", "0"]))
def test_empty_text_reads_as_zero_where_the_sdk_reads_zero(text: str) -> None:
    canned = Canned()
    canned.data = {"cash_max_qty": text, "margin_max_qty": "1"}
    lb = Longbridge(api_key=KEY, base_url=BASE, transport=httpx.MockTransport(canned))
    with lb:
        result = lb.estimate_max_purchase_quantity(symbol="700.HK", order_type="LO", side="Buy")
    assert result.cash_max_qty == Decimal(text or 0)
