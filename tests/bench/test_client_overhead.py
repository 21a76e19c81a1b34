"""Pure logic of the client-overhead section: the canned server's parsing, the payloads, the rows,
and the runtime's single-parse URL join (which must give httpx's own URL)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from bench.canned_server import parse_requests, render
from bench.client_overhead import envelope, replicate_orders, rows_for
from longbridge_openapi_client._runtime.envelope import unwrap
from longbridge_openapi_client._runtime.errors import LongbridgeApiError, UnexpectedResponseError
from longbridge_openapi_client._runtime.retry import RetryingClient


def test_parse_requests_takes_whole_requests_only() -> None:
    buffer = bytearray(
        b"GET /a?x=1 HTTP/1.1\r\nHost: h\r\n\r\n"
        b"POST /b HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"
        b"GET /c HTTP/1.1\r\n"
    )
    assert parse_requests(buffer) == [("GET", "/a?x=1"), ("POST", "/b")]
    assert buffer == bytearray(b"GET /c HTTP/1.1\r\n")
    buffer += b"\r\n"
    assert parse_requests(buffer) == [("GET", "/c")]
    assert buffer == bytearray()


def test_render_frames_the_body() -> None:
    head, _, body = render(b'{"code":0}').partition(b"\r\n\r\n")
    assert body == b'{"code":0}'
    assert b"content-length: 10" in head
    assert b"x-trace-id: " in head


def test_replicated_orders_cycle_with_unique_ids() -> None:
    orders = replicate_orders(
        [{"order_id": "1", "symbol": "A"}, {"order_id": "2", "symbol": "B"}], 5
    )
    assert [o["symbol"] for o in orders] == ["A", "B", "A", "B", "A"]
    assert len({o["order_id"] for o in orders}) == 5
    with pytest.raises(ValueError, match="no orders"):
        replicate_orders([], 1)


def test_envelope_is_compact_success() -> None:
    assert json.loads(envelope({"x": "é"})) == {"code": 0, "message": "success", "data": {"x": "é"}}
    assert b" " not in envelope({"a": [1, 2]})


def test_rows_carry_ratio_to_the_reference() -> None:
    samples = {"ref": [[1.0, 1.0, 1.0], [2.0]], "b": [[3.0], [3.0, 3.0]]}
    rows = {row.what: row for row in rows_for("x", samples, "ref")}
    assert rows["x: ref"].ratio == 1.0
    assert rows["x: b"].ratio == pytest.approx(3.0 / 1.5)
    assert "median of 2 rounds, 4 calls" in rows["x: ref"].note


PATHS = ["/v1/a", "/./x", "/a/../b", "/a b/ü", "/a%2Fb", "/", "//x", "/a;b", "/q?x=1", "rel"]
PARAMS: list[Any] = [None, {}, {"a": "1 2", "b": ["x", "y"], "c": True, "d": None}, {"ü": "é&="}]
BASES = ["http://127.0.0.1:1", "http://h/p/", "https://h:443/x%20y", "http://h/?k=v"]


@pytest.mark.parametrize("base", BASES)
def test_joined_url_is_the_one_httpx_builds(base: str) -> None:
    with httpx.Client(base_url=base) as plain, RetryingClient(base_url=base) as ours:
        for path in PATHS:
            for params in PARAMS:
                want = plain.build_request("GET", path, params=params).url
                got = ours.build_request("GET", path, params=params).url
                assert (str(got), got.raw_path) == (str(want), want.raw_path), (path, params)


def _response(body: Any, status: int = 200) -> httpx.Response:
    request = httpx.Request("GET", "http://127.0.0.1/x")
    return httpx.Response(status, content=json.dumps(body).encode(), request=request)


def test_unwrap_fast_path_keeps_the_general_outcomes() -> None:
    from pydantic import BaseModel

    class Item(BaseModel):
        n: int

    assert (
        unwrap(_response({"code": 0, "message": "ok", "data": {"n": 1}}), Item.model_validate).n
        == 1
    )
    with pytest.raises(LongbridgeApiError):
        unwrap(_response({"code": 401004, "message": "bad"}, 401), Item.model_validate)
    with pytest.raises(UnexpectedResponseError, match="without data"):
        unwrap(_response({"code": 0, "message": "ok"}), Item.model_validate)
    with pytest.raises(UnexpectedResponseError, match="does not match"):
        unwrap(_response({"code": 0, "message": "ok", "data": {"n": "x"}}), Item.model_validate)
    with pytest.raises(UnexpectedResponseError, match="envelope"):
        unwrap(_response({"code": "0", "message": "ok", "data": {"n": 1}}), Item.model_validate)
