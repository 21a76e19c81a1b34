"""read_envelope's errors, field by field (found by mutmut)."""

from __future__ import annotations

import httpx
import pytest

from longbridge_openapi_client import (
    TRACE_ID_HEADER,
    ApiAuthError,
    UnexpectedResponseError,
    read_envelope,
    unwrap,
)
from longbridge_openapi_client._runtime import envelope as envelope_module
from longbridge_openapi_client.schemas import SecurityList


def response(status: int, content: bytes, trace: str | None = "t-1") -> httpx.Response:
    headers = {TRACE_ID_HEADER: trace} if trace else {}
    return httpx.Response(status, content=content, headers=headers)


@pytest.mark.parametrize(
    ("status", "content", "reason"),
    [
        (200, b"<html>proxy</html>", "response body is not JSON"),
        (200, b"[1]", "response body is not a JSON object"),
        (
            200,
            b'{"code": "0", "message": ""}',
            "response body is not a {code, message, data} envelope",
        ),
        (
            200,
            b'{"code": 0, "message": 5}',
            "response body is not a {code, message, data} envelope",
        ),
        (
            200,
            b'{"code": true, "message": ""}',
            "response body is not a {code, message, data} envelope",
        ),
        (502, b'{"code": 0, "message": "", "data": {}}', "code 0 with HTTP status 502"),
        (200, b'{"code": 0, "message": "", "data": null}', "code 0 without data"),
    ],
)
def test_malformed_envelopes_say_exactly_why(status: int, content: bytes, reason: str) -> None:
    with pytest.raises(UnexpectedResponseError) as caught:
        read_envelope(response(status, content))
    error = caught.value
    assert (error.reason, error.http_status, error.trace_id) == (reason, status, "t-1")
    assert error.excerpt == content.decode()


def test_a_missing_trace_id_is_none() -> None:
    with pytest.raises(UnexpectedResponseError) as caught:
        read_envelope(response(200, b"x", trace=None))
    assert caught.value.trace_id is None


def test_an_error_code_keeps_every_field() -> None:
    body = b'{"code": 401004, "message": "token invalid", "data": null}'
    with pytest.raises(ApiAuthError) as caught:
        read_envelope(response(401, body))
    error = caught.value
    assert (error.code, error.message, error.http_status, error.trace_id) == (
        401004,
        "token invalid",
        401,
        "t-1",
    )


class _NoJson:
    """Stands in for the json module: the one-pass path must not parse the body twice."""

    @staticmethod
    def loads(text: object) -> object:
        raise AssertionError("json.loads was called")


SECURITY_LIST = (
    b'{"code": 0, "message": "", "data": {"list": [{"symbol": "TSLA.US", "name_cn": "a", '
    b'"name_hk": "b", "name_en": "c"}]}}'
)


def test_unwrap_validates_a_model_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(envelope_module, "json", _NoJson)
    data = unwrap(response(200, SECURITY_LIST), SecurityList.model_validate)
    assert [s.symbol for s in data.list_] == ["TSLA.US"]


@pytest.mark.parametrize(
    ("status", "content"),
    [
        (502, SECURITY_LIST),  # not a success: the general path, which raises
        (200, b'{"code": 1, "message": "x", "data": {"list": []}}'),  # an error code
    ],
)
def test_unwrap_leaves_the_rest_to_the_general_path(
    monkeypatch: pytest.MonkeyPatch, status: int, content: bytes
) -> None:
    monkeypatch.setattr(envelope_module, "json", _NoJson)
    with pytest.raises(AssertionError, match=r"json\.loads was called"):
        unwrap(response(status, content), SecurityList.model_validate)


def test_unwrap_with_a_plain_function_takes_the_general_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(envelope_module, "json", _NoJson)
    with pytest.raises(AssertionError, match=r"json\.loads was called"):
        unwrap(response(200, SECURITY_LIST), lambda data: data)


def test_unwrap_data_that_does_not_match_says_so_with_every_field() -> None:
    content = b'{"code": 0, "message": "", "data": {"list": [{"symbol": 5}]}}'
    with pytest.raises(UnexpectedResponseError) as caught:
        unwrap(response(200, content), SecurityList.model_validate)
    error = caught.value
    assert error.reason.startswith("data does not match the spec: ")
    assert "  " not in error.reason  # whitespace folded
    assert len(error.reason) <= len("data does not match the spec: ") + 300
    assert (error.http_status, error.trace_id, error.excerpt) == (200, "t-1", content.decode())
