"""Every data API operation of the spec: schema, input validation, scopes and paging.

Items 61 (each operation's success answer matches the spec), 64 (paging) and 65 (input
validation) extend the checklist for the REST data API (docs/longbridge-api.md §5); item 55 is the
scope rule (RFC 6750 §3.1, code 403308). Requests come from the spec's examples
(``data_calls.py``); write operations run against the mock, or with ``--allow-writes``.
"""

from __future__ import annotations

import json
import os
from typing import Any

import httpx
import pytest

from conformance.checks import check
from conformance.redact import BearerAuth, Secret
from conformance.suite.data_calls import DataApi, Request, schema_errors
from conformance.suite.helpers import OAuthSession
from conformance.target import Target, live_profile
from longbridge_openapi_client import SCOPES, ApiKeyAuth
from spec_reader.api_operations import ApiOperation, api_operations, operation

OPERATIONS = [op.operation_id for op in api_operations()]
SCOPED = [op.operation_id for op in api_operations() if op.scope and not op.legacy_only]
PAGED = [op.operation_id for op in api_operations() if op.pagination]
WITH_REQUIRED_INPUT = [
    op
    for op in OPERATIONS
    if Request.example(op).required_inputs() and not operation(op).legacy_only
]
SCOPE_IDS = {s.key: s.id for s in SCOPES if s.key}
MAX_PAGES = 60


def _skip_writes(op: ApiOperation) -> None:
    if op.is_write and live_profile() and not os.environ.get("CONFORMANCE_ALLOW_WRITES"):
        pytest.skip("a write operation: --profile live runs it only with --allow-writes")


def _json(r: httpx.Response) -> dict[str, Any]:
    try:
        body = r.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _legacy_auth(target: Target) -> ApiKeyAuth:
    if not target.is_mock:
        pytest.skip("legacy API-key mode needs the mock's seeded App Key and secret")
    creds = httpx.get(f"{target.base_url}/_mock/legacy", timeout=10).json()["apps"][0]
    return ApiKeyAuth(creds["app_key"], creds["app_secret"], creds["access_token"])


@check(61, "spec/openapi.yaml; docs/longbridge-api.md §5", "MUST", "data")
@pytest.mark.parametrize("operation_id", OPERATIONS)
def test_operation_answers_the_spec_schema(
    operation_id: str, data_api: DataApi, server_now: float, target: Target
) -> None:
    op = operation(operation_id)
    _skip_writes(op)
    request = data_api.prepared(operation_id, server_now)
    if op.legacy_only:
        auth = _legacy_auth(target)
        params = list(request.query.items())
        r = data_api.http.request(op.method, request.url(), params=params, auth=auth)
    else:
        r = data_api.send(request)
    body = _json(r)
    ok = r.status_code == 200 and body.get("code") == 0
    assert ok, f"Expected 200 with code 0. Received: {r.status_code} {r.text[:300]}"
    assert "x-trace-id" in r.headers, f"Expected x-trace-id. Received: {dict(r.headers)}"
    errors = schema_errors(op, body)
    assert not errors, f"Expected the spec's {op.operation_id} schema. Received: {errors[:5]}"


@check(65, "spec/openapi.yaml; docs/conformance-checklist.md Part 2 choice 1", "MUST", "data")
@pytest.mark.parametrize("operation_id", WITH_REQUIRED_INPUT)
def test_missing_required_input_is_400(operation_id: str, data_api: DataApi) -> None:
    op = operation(operation_id)
    _skip_writes(op)
    example = Request.example(operation_id)
    for name in example.required_inputs():
        r = data_api.send(example.without(name))
        body = _json(r)
        ok = r.status_code == 400 and body.get("code") not in (None, 0)
        assert ok, (
            f"Expected 400 with a nonzero code without {name!r}. "
            f"Received: {r.status_code} {r.text[:300]}"
        )
        assert body.get("data") is None, f"Expected data null. Received: {body}"


@check(55, "RFC 6750 §3.1; docs/longbridge-api.md §2.4, §4.2", "MUST", "bearer", rfc="no")
@pytest.mark.parametrize("operation_id", SCOPED)
def test_operation_refuses_a_token_without_its_scope(
    operation_id: str, data_client: OAuthSession, raw: httpx.Client
) -> None:
    op = operation(operation_id)
    assert op.scope is not None
    others = " ".join(str(i) for key, i in SCOPE_IDS.items() if key != op.scope)
    access = Secret(data_client.token(others))
    r = Request.example(operation_id).send(raw, BearerAuth(access))
    body = _json(r)
    ok = r.status_code == 403 and body.get("code") == 403308
    assert ok, (
        f"Expected 403 with code 403308 for a token without {op.scope!r}. "
        f"Received: {r.status_code} {r.text[:300]}"
    )


def _size_limit(op: ApiOperation, name: str, wanted: int) -> int:
    """``wanted``, kept within the page-size parameter's documented bounds."""
    for param in op.parameters:
        if param["name"] == name:
            schema = param.get("schema", {})
            low, high = int(schema.get("minimum", 1)), int(schema.get("maximum", wanted))
            return max(low, min(wanted, high))
    return wanted


def _walk(
    data_api: DataApi, request: Request, paging: dict[str, Any], size: int | None, limit: int
) -> tuple[list[str], bool]:
    """Items page by page as canonical JSON, up to ``limit`` items; True if the listing ended.

    Asserts the page-level rules on the way: no page longer than ``size``, no item twice, a
    boolean ``has_more`` where the operation has one.
    """
    seen: list[str] = []
    for page in range(1, MAX_PAGES + 1):
        request.query[paging["page"]] = page
        if size is not None:
            request.query[paging["size"]] = size
        data = data_api.data(request)
        items = data.get(paging["items"]) or []
        assert size is None or len(items) <= size, (
            f"Expected at most {size} items on page {page}. Received: {len(items)}"
        )
        for item in items:
            text = json.dumps(item, sort_keys=True)
            assert text not in seen, f"Expected disjoint pages. Received {text[:200]} twice"
            seen.append(text)
        if paging.get("has_more"):
            more = data.get(paging["has_more"])
            assert isinstance(more, bool), f"Expected a boolean has_more. Received: {data}"
            ended = not more
        else:
            ended = not items or (size is not None and len(items) < size)
        if ended or len(seen) >= limit:
            return seen, ended
    return seen, False


@check(64, "docs/longbridge-api.md §5.2–5.4 (page, size, has_more)", "MUST", "data")
@pytest.mark.parametrize("operation_id", PAGED)
def test_pages_are_disjoint_and_complete(
    operation_id: str, data_api: DataApi, server_now: float
) -> None:
    op = operation(operation_id)
    paging = dict(op.pagination or {})
    size_param = paging.get("size")
    small_size = _size_limit(op, size_param, 3) if size_param else None
    # Without the optional filters of the examples: the whole listing, as long as it is.
    small, small_ended = _walk(
        data_api,
        data_api.prepared(operation_id, server_now).required_only(),
        paging,
        small_size,
        60,
    )
    if not size_param:
        assert small_ended, f"Expected the listing to end within {MAX_PAGES} pages"
        return
    # The same listing in bigger pages holds the same items in the same order: paging loses,
    # repeats and reorders nothing (compared over what both walks saw).
    large, large_ended = _walk(
        data_api,
        data_api.prepared(operation_id, server_now).required_only(),
        paging,
        _size_limit(op, size_param, 50),
        len(small),
    )
    n = min(len(small), len(large))
    assert small[:n] == large[:n], (
        f"Expected the same items with pages of {small_size} and of 50. "
        f"Received: {small[:n][:3]} vs {large[:n][:3]}"
    )
    if small_ended and large_ended:
        assert len(small) == len(large), (
            f"Expected {len(small)} items with either page size. Received: {len(large)}"
        )
