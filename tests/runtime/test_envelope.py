"""Envelope unwrapping and the typed errors (runtime/envelope.py, runtime/errors.py)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import longbridge_openapi_client as lb
from longbridge_openapi_client.models import SecurityList


def response(status: int, body: Any, **headers: str) -> httpx.Response:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return httpx.Response(status, content=content, headers=headers)


def test_success_returns_typed_data() -> None:
    data = {"list": [{"symbol": "TSLA.US", "name_cn": "特斯拉", "name_hk": "", "name_en": ""}]}
    result = lb.unwrap(
        response(200, {"code": 0, "message": "success", "data": data}), SecurityList.from_dict
    )
    assert isinstance(result, SecurityList)
    assert result.list_[0].symbol == "TSLA.US"


@pytest.mark.parametrize(
    ("code", "status", "cls"),
    [
        (401001, 401, lb.ApiAuthError),
        (401003, 401, lb.ApiAuthError),
        (403201, 403, lb.ApiPermissionError),
        (403308, 403, lb.ApiPermissionError),
        (429002, 429, lb.ApiRateLimitError),
        (500000, 500, lb.ApiServerError),
        (310010, 400, lb.LongbridgeApiError),
    ],
)
def test_nonzero_code_raises_the_family_error(
    code: int, status: int, cls: type[lb.LongbridgeApiError]
) -> None:
    resp = response(
        status, {"code": code, "message": "nope", "data": None}, **{"x-trace-id": "t-1"}
    )
    with pytest.raises(cls) as caught:
        lb.read_envelope(resp)
    err = caught.value
    assert type(err) is cls
    assert (err.code, err.message, err.http_status, err.trace_id) == (code, "nope", status, "t-1")
    assert "t-1" in str(err)
    assert str(code) in str(err)


def test_catalogued_code_has_a_meaning() -> None:
    with pytest.raises(lb.ApiAuthError) as caught:
        lb.read_envelope(response(401, {"code": 401003, "message": "token expired"}))
    assert caught.value.meaning == lb.ERROR_CODES[401003].meaning
    with pytest.raises(lb.LongbridgeApiError) as unknown:
        lb.read_envelope(response(400, {"code": 123456, "message": "?"}))
    assert unknown.value.meaning is None


def test_rate_limit_error_keeps_retry_after() -> None:
    resp = response(
        429, {"code": 429002, "message": "api request is limited"}, **{"Retry-After": "3"}
    )
    with pytest.raises(lb.ApiRateLimitError) as caught:
        lb.read_envelope(resp)
    assert caught.value.retry_after == 3.0


def test_html_from_a_proxy_keeps_status_and_excerpt() -> None:
    html = b"<html><head><title>502 Bad Gateway</title></head><body>" + b"x" * 5000 + b"</body>"
    with pytest.raises(lb.UnexpectedResponseError) as caught:
        lb.read_envelope(response(502, html, **{"x-trace-id": "t-2"}))
    err = caught.value
    assert err.http_status == 502
    assert err.trace_id == "t-2"
    assert err.excerpt.startswith("<html><head><title>502 Bad Gateway")
    assert len(err.excerpt) <= 200


@pytest.mark.parametrize(
    "body",
    [
        {"code": 0, "message": "success"},
        {"code": 0, "message": "success", "data": None},
        {"code": "0", "message": "success", "data": {}},
        {"message": "no code"},
        {"code": 0, "msg": "legacy key", "data": {}},
        [1, 2],
    ],
)
def test_malformed_envelopes_are_unexpected(body: Any) -> None:
    with pytest.raises(lb.UnexpectedResponseError):
        lb.read_envelope(response(200, body))


def test_code_zero_with_error_status_is_unexpected() -> None:
    with pytest.raises(lb.UnexpectedResponseError, match="HTTP status 500"):
        lb.read_envelope(response(500, {"code": 0, "message": "success", "data": {}}))


@given(
    code=st.integers().filter(lambda c: c != 0),
    message=st.text(),
    status=st.sampled_from([200, 400, 401, 403, 429, 500, 503]),
)
def test_every_nonzero_code_raises_an_api_error(code: int, message: str, status: int) -> None:
    with pytest.raises(lb.LongbridgeApiError) as caught:
        lb.read_envelope(response(status, {"code": code, "message": message, "data": None}))
    assert caught.value.code == code
    assert caught.value.message == message
    assert caught.value.http_status == status


def test_oauth_error_str() -> None:
    err = lb.OAuthError("invalid_grant", "code expired", 400)
    assert str(err) == "invalid_grant: code expired (http_status=400)"
    assert isinstance(err, lb.LongbridgeError)
