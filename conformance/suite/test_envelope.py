"""Data API envelope invariants (checklist item 56; Part 2, choice 1)."""

from __future__ import annotations

from functools import cache
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from conformance.checks import check
from conformance.redact import BearerAuth, Secret
from conformance.suite.data_calls import Request
from spec_reader import load_spec
from spec_reader.api_operations import api_operations

FIXTURE_OK = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=25)


@cache
def _spec() -> dict[str, Any]:
    return load_spec()


def _success_schema(path: str) -> dict[str, Any]:
    spec = _spec()
    schema = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
    return {**schema["schema"], "components": spec["components"]}


def _invariants(r: httpx.Response, path: str) -> None:
    assert "x-trace-id" in r.headers, f"Expected x-trace-id. Received: {dict(r.headers)}"
    body = r.json()
    ok = isinstance(body.get("code"), int) and isinstance(body.get("message"), str)
    assert ok, f"Expected int code and str message. Received: {body}"
    ok = 200 <= r.status_code < 300
    assert (body["code"] == 0) == ok, (
        f"Expected code == 0 iff 2xx. Received: {r.status_code} {body}"
    )
    assert ok or 400 <= r.status_code < 600, f"Expected 4xx/5xx. Received: {r.status_code}"
    assert (body.get("data") is not None) == (body["code"] == 0), (
        f"Expected data non-null iff code == 0. Received: {body}"
    )
    if ok:
        errors = [e.message for e in Draft202012Validator(_success_schema(path)).iter_errors(body)]
        assert not errors, f"Expected the spec's schema. Received: {errors}"


@check(56, "Part 2 choice 1; docs/longbridge-api.md §4.1", "MUST", "envelope")
def test_envelope_invariants_for_every_operation(raw: httpx.Client, access_token: Secret) -> None:
    # Every read operation, called with its examples and without any parameter: success or
    # not, the envelope's invariants hold. (Write operations: item 61, test_data_api.py.)
    auth = BearerAuth(access_token)
    for op in api_operations():
        if op.is_write or "{" in op.path:
            continue
        example = Request.example(op.operation_id)
        for request in (example, Request(op)):
            r = request.send(raw, auth)
            _invariants(r, op.path)
            if op.legacy_only:  # a bearer call is refused
                assert r.json()["code"] != 0, f"Expected a nonzero code. Received: {r.text}"


@check(56, "Part 2 choice 1; docs/longbridge-api.md §4.2", "MUST", "envelope")
def test_missing_token_is_401001(raw: httpx.Client) -> None:
    r = raw.get("/v1/socket/token")
    _invariants(r, "/v1/socket/token")
    ok = r.status_code == 401 and r.json()["code"] == 401001
    assert ok, f"Expected 401 code 401001. Received: {r.status_code} {r.text}"


@check(56, "Part 2 choice 1; docs/longbridge-api.md §4.2", "MUST", "envelope")
def test_bogus_token_is_401004(raw: httpx.Client) -> None:
    r = raw.get("/v1/socket/token", headers={"Authorization": "Bearer bogus-token"})
    _invariants(r, "/v1/socket/token")
    ok = r.status_code == 401 and r.json()["code"] == 401004
    assert ok, f"Expected 401 code 401004. Received: {r.status_code} {r.text}"


@check(56, "Part 2 choice 1", "MUST", "envelope")
@FIXTURE_OK
@given(
    market=st.sampled_from(["US", "HK", "us", "", "XX"]),
    category=st.sampled_from(["Overnight", "overnight", "Day", "", "x"]),
)
def test_security_list_invariants_hold(
    raw: httpx.Client, access_token: Secret, market: str, category: str
) -> None:
    r = raw.get(
        "/v1/quote/get_security_list",
        params={"market": market, "category": category},
        auth=BearerAuth(access_token),
    )
    _invariants(r, "/v1/quote/get_security_list")
