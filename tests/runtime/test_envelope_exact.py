"""read_envelope's errors, field by field (found by mutmut)."""

from __future__ import annotations

import httpx
import pytest

from longbridge_openapi_client import (
    TRACE_ID_HEADER,
    ApiAuthError,
    UnexpectedResponseError,
    read_envelope,
)


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
