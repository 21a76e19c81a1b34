"""Every typed data API method of the generated client against the in-process mock.

Each operation of the spec is called through its typed method, sync and async, with arguments
taken from the spec's examples (ids made real by the conformance suite's preparers). The mock
counts successful calls per operationId, so each test proves that its call reached the operation
it names; ``test_every_operation_is_reached_by_its_typed_method`` fails when an operation of the
spec is reached by no typed call.
"""

from __future__ import annotations

import asyncio
import datetime
import inspect
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from openapi_python_client.strings import snake_case
from pydantic import BaseModel

from conformance.mock_server import FakeClock, MockConfig, MockServer, create_app
from conformance.mock_server.transport import SyncASGITransport
from conformance.redact import Secret
from conformance.suite.data_calls import DataApi, Request
from longbridge_openapi_client import SCOPES, AsyncLongbridge, Longbridge, MemoryTokenStore, schemas
from spec_reader import deref
from spec_reader.api_operations import api_operations, operation

from .conftest import BASE, REDIRECT, register

ALL_SCOPES = [s.key for s in SCOPES if s.key]
OPERATIONS = [op.operation_id for op in api_operations()]


@pytest.fixture
def mock() -> MockServer:
    return create_app(MockConfig(), FakeClock())


@pytest.fixture
def http(mock: MockServer) -> Iterator[httpx.Client]:
    with httpx.Client(transport=SyncASGITransport(mock.app), base_url=BASE) as client:
        yield client


def _client_id(http: httpx.Client) -> str:
    return str(register(http)["client_id"])


def _login(lb: Longbridge, http: httpx.Client) -> None:
    request = lb.authorization_request(REDIRECT, ALL_SCOPES)
    lb.finish_authorization(http.get(request.url).headers["location"], request)


def _clients(
    mock: MockServer, http: httpx.Client, operation_id: str
) -> tuple[Longbridge, AsyncLongbridge]:
    """A logged-in sync client and an async one sharing its token (API-key mode if legacy)."""
    common: dict[str, Any] = {"base_url": BASE}
    if operation(operation_id).legacy_only:
        creds = http.get("/_mock/legacy").json()["apps"][0]
        key = (creds["app_key"], creds["app_secret"], creds["access_token"])
        return (
            Longbridge(api_key=key, transport=SyncASGITransport(mock.app), **common),
            AsyncLongbridge(api_key=key, transport=httpx.ASGITransport(mock.app), **common),
        )
    store = MemoryTokenStore()
    client_id = _client_id(http)
    lb = Longbridge(client_id, token_store=store, transport=SyncASGITransport(mock.app), **common)
    _login(lb, http)
    alb = AsyncLongbridge(
        client_id, token_store=store, transport=httpx.ASGITransport(mock.app), **common
    )
    return lb, alb


def _convert(value: Any, annotation: Any) -> Any:
    """A JSON example value as the typed method takes it (dates and datetimes are objects)."""
    text = str(annotation)
    if isinstance(value, str) and "datetime.datetime" in text:
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if isinstance(value, str) and "datetime.date" in text:
        return datetime.date.fromisoformat(value)
    return value


def _kwargs(method: Any, request: Request) -> dict[str, Any]:
    """The typed method's keyword arguments for a request built from the spec's examples."""
    params = inspect.signature(method).parameters
    values = {**request.query, **request.path, **(request.body or {})}
    kwargs: dict[str, Any] = {}
    for json_name, value in values.items():
        name = snake_case(json_name)
        assert name in params, f"{method.__name__} has no parameter {name} (JSON {json_name})"
        kwargs[name] = _convert(value, params[name].annotation)
    return kwargs


def _hits(http: httpx.Client, operation_id: str) -> int:
    count: int = http.get("/_mock/stats").json()["operations"].get(operation_id, 0)
    return count


def _data_model(operation_id: str) -> type[BaseModel]:
    schema = deref(operation(operation_id).success_schema)
    data = next(p for p in schema["allOf"] if "properties" in p)["properties"]["data"]
    model: type[BaseModel] = getattr(schemas, data["$ref"].rsplit("/", 1)[-1])
    return model


def _request(mock: MockServer, http: httpx.Client, lb: Longbridge, operation_id: str) -> Request:
    """The spec's example call, with ids that exist at the mock (the suite's preparers)."""
    if lb.token is None:  # API-key mode: the legacy operation's example needs nothing
        return Request.example(operation_id)
    return DataApi(http, Secret(lb.token.access_token)).prepared(operation_id, mock.clock.now())


def test_every_operation_is_reached_by_its_typed_method(
    mock: MockServer, http: httpx.Client
) -> None:
    """The rule of the data API issue: no operation of the spec without a client test.

    Measured at the server: after one typed call per operation, the mock's per-operation
    success counters must name every operation of the spec.
    """
    for operation_id in OPERATIONS:
        lb, _ = _clients(mock, http, operation_id)
        with lb:
            method = getattr(lb, snake_case(operation_id))
            result = method(**_kwargs(method, _request(mock, http, lb, operation_id)))
        assert isinstance(result, _data_model(operation_id)), (operation_id, type(result))
    reached = set(http.get("/_mock/stats").json()["operations"])
    assert sorted(set(OPERATIONS) - reached) == []


@pytest.mark.parametrize("operation_id", OPERATIONS)
def test_async_twin(operation_id: str, mock: MockServer, http: httpx.Client) -> None:
    lb, alb = _clients(mock, http, operation_id)
    with lb:
        request = _request(mock, http, lb, operation_id)
    before = _hits(http, operation_id)

    async def call() -> Any:
        async with alb:
            method = getattr(alb, snake_case(operation_id))
            return await method(**_kwargs(method, request))

    result = asyncio.run(call())
    assert isinstance(result, _data_model(operation_id)), type(result)
    assert _hits(http, operation_id) == before + 1
