"""Legacy API-key signing (runtime/legacy_auth.py) against docs/longbridge-api.md §3.2.

Four witnesses: (a) a straight-line restatement of §3.2 written out below, independent of the
module, on fixed and on Hypothesis-generated requests; (b) the auth flow driven by hand, as
httpx's own tests do; (c) the mock's verifier (conformance/mock_server/legacy_signature.py),
in-process and on loopback, sync and async; (d) the official SDK ``longbridge``: what it sends to
the same mock verifies there, and ``sign_request`` recomputes its signatures exactly.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import hashlib
import hmac
import json
import re
import string
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conformance.mock_server import FakeClock, MockConfig, MockServer, OffsetClock, create_app
from conformance.mock_server.recorder import Recorder
from conformance.mock_server.serve import bind, run_in_thread
from conformance.mock_server.state import LegacyApp
from conformance.mock_server.transport import SyncASGITransport
from longbridge_openapi_client import AuthenticatedClient
from longbridge_openapi_client._runtime.legacy_auth import (
    ApiKeyAuth,
    encode_query,
    sign_request,
)
from longbridge_openapi_client.api.legacy import refresh_legacy_token
from longbridge_openapi_client.models import LegacyTokenResponse

JSON_UTF8 = "application/json; charset=utf-8"
SIGNED = "authorization;x-api-key;x-timestamp"
SECURITY_LIST = "/v1/quote/get_security_list"
SECURITY_LIST_PARAMS = {"market": "US", "category": "Overnight"}
REFRESH = "/v1/token/refresh"
EXPIRED_AT = "2030-01-02T03:04:05+00:00"  # colons and a "+": the query must be encoded
EXPIRED_AT_SENT = "expired_at=2030-01-02T03%3A04%3A05%2B00%3A00"


# ---------------------------------------------------------------------------------------------
# (a) §3.2 written out literally: no code shared with the module under test.


def straight_line_query(pairs: list[tuple[str, str]]) -> str:
    """§3.2 step 3, the SDK's way: keep A-Za-z0-9 * - . _, space as "+", all else %XX."""
    # quote_plus keeps "~" as well (Python's always-safe set); the SDK encodes it.
    parts = []
    for key, value in pairs:
        k = quote_plus(key, safe="*").replace("~", "%7E")
        v = quote_plus(value, safe="*").replace("~", "%7E")
        parts.append(k + "=" + v)
    return "&".join(parts)


def straight_line_signature(
    method: str,
    path: str,
    query: str,
    token: str,
    app_key: str,
    timestamp: str,
    body: bytes,
    app_secret: str,
) -> str:
    """docs/longbridge-api.md §3.2 steps 1–10, one line each."""
    step1_method = method.upper()
    step2_path = path
    step3_query = query
    step4_signed_values = (
        "authorization:"
        + token
        + "\n"
        + "x-api-key:"
        + app_key
        + "\n"
        + "x-timestamp:"
        + timestamp
        + "\n"
    )
    step5_signed_headers = "authorization;x-api-key;x-timestamp"
    step6_canonical = (
        step1_method
        + "|"
        + step2_path
        + "|"
        + step3_query
        + "|"
        + step4_signed_values
        + "|"
        + step5_signed_headers
        + "|"
    )
    step7_canonical = step6_canonical
    if len(body) > 0:
        step7_canonical += hashlib.sha1(body).hexdigest()  # noqa: S324 - the protocol's hash
    step8_string_to_sign = (
        "HMAC-SHA256|" + hashlib.sha1(step7_canonical.encode("utf-8")).hexdigest()  # noqa: S324
    )
    step9_signature = hmac.new(
        app_secret.encode("utf-8"), step8_string_to_sign.encode("utf-8"), hashlib.sha256
    ).hexdigest()
    return "HMAC-SHA256 SignedHeaders=" + step5_signed_headers + ", Signature=" + step9_signature


def test_straight_line_query_matches_the_documented_sdk_encoding() -> None:
    # What longbridge 5.3.0 sent for QuoteContext.filings (recorded on loopback; see (d)).
    symbol = "A B/ü~*'!,;:@+&=x.US"
    expected = "symbol=A+B%2F%C3%BC%7E*%27%21%2C%3B%3A%40%2B%26%3Dx.US"
    assert straight_line_query([("symbol", symbol)]) == expected
    assert encode_query([("symbol", symbol)]) == expected
    assert encode_query([("status", "A"), ("status", "B")]) == "status=A&status=B"


# Requests longbridge 5.3.0 signed (HttpClient.from_apikey("key-1", "secret-1", "tok-1") and
# QuoteContext, against a recording server on loopback): method, path, query, timestamp, body.
SDK_VECTORS = [
    (
        "GET",
        SECURITY_LIST,
        "market=US&category=Overnight",
        "1795869951",
        b"",
        "73da18898171f54049c8adac5702d0e05cfec2cd710d965d6f1d36b51f968bb4",
    ),
    (
        "POST",
        "/v1/trade/order",
        "",
        "1795869951",
        b'{"n":1,"symbol":"AAPL.US"}',
        "4478f444d99dc14e20847094926d4aea1ef9138d4da8993f4e3f7d80d57d31d9",
    ),
    (
        "GET",
        "/v1/p%20q/r%20s",  # the path is signed as sent, percent-encoded
        "",
        "1795869951",
        b"",
        "c1302c7d4e590157907c747d0d5c49b7214d1401fab8f546bf920fe27713662d",
    ),
    (
        "GET",
        "/v1/quote/filings",
        "symbol=A+B%2F%C3%BC%7E*%27%21%2C%3B%3A%40%2B%26%3Dx.US",
        "1795869982",
        b"",
        "b57a9b4ba05b28e7288ff41edd09f4d118110538a4b05e7248c7926f2310b0dd",
    ),
]


@pytest.mark.parametrize(("method", "path", "query", "ts", "body", "signature"), SDK_VECTORS)
def test_recorded_sdk_signatures(
    method: str, path: str, query: str, ts: str, body: bytes, signature: str
) -> None:
    expected = f"HMAC-SHA256 SignedHeaders={SIGNED}, Signature={signature}"
    assert straight_line_signature(method, path, query, "tok-1", "key-1", ts, body, "secret-1") == (
        expected
    )
    headers = {"Authorization": "tok-1", "X-Api-Key": "key-1", "X-Timestamp": ts}
    assert sign_request(method, path, query, headers, body, "secret-1") == expected


def test_sign_request_refuses_a_missing_signed_header() -> None:
    with pytest.raises(ValueError, match="x-timestamp"):
        sign_request("GET", "/v1/x", "", {"authorization": "t", "x-api-key": "k"}, b"", "s")


_PATH_CHARS = string.ascii_letters + string.digits + "-._~!$&'()*+,;=:@"  # sent as written
_HEADER_SAFE = string.ascii_letters + string.digits + string.punctuation


@given(
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH"]),
    # "." and ".." are dot-segments that URL parsing removes (RFC 3986 §5.2.4), so the path sent,
    # and signed, differs from the one written; the server sees the normalised one too.
    segments=st.lists(
        st.text(_PATH_CHARS, max_size=8).filter(lambda s: s not in {".", ".."}),
        min_size=1,
        max_size=4,
    ),
    fields=st.dictionaries(
        st.text(max_size=6).filter(lambda key: key != "list"), st.text(max_size=12), max_size=5
    ),
    repeated=st.lists(st.text(max_size=6), max_size=3),
    body=st.binary(max_size=64),
    app_key=st.text(_HEADER_SAFE, min_size=1, max_size=12),
    token=st.one_of(
        st.text(_HEADER_SAFE, min_size=1, max_size=16), st.just("us_m_token"), st.just("ap_x")
    ),
    secret=st.text(max_size=16),
    now=st.floats(min_value=0, max_value=10_000_000_000, allow_nan=False),
)
def test_signature_matches_the_straight_line_algorithm(
    method: str,
    segments: list[str],
    fields: dict[str, str],
    repeated: list[str],
    body: bytes,
    app_key: str,
    token: str,
    secret: str,
    now: float,
) -> None:
    path = "/" + "/".join(segments)
    # httpx groups a repeated key's values together, so only the last key repeats here.
    params = [*fields.items(), *[("list", value) for value in repeated]]
    request = httpx.Request(
        method, "https://openapi.test" + path, params=tuple(params), content=body
    )
    auth = ApiKeyAuth(app_key, secret, token, clock=lambda: now)

    sent = next(auth.sync_auth_flow(request))

    query = straight_line_query(params)
    assert sent.url.query.decode("ascii") == query
    assert sent.url.raw_path == (path + ("?" + query if query else "")).encode("ascii")
    assert sent.headers["x-timestamp"] == f"{now:.3f}"
    expected = straight_line_signature(
        method, path, query, token, app_key, sent.headers["x-timestamp"], body, secret
    )
    assert sent.headers["x-api-signature"] == expected
    assert sent.headers["x-dc-region"] == ("us" if token.startswith("us_") else "ap")
    assert sent.headers.get("content-type") == (JSON_UTF8 if body else None)
    # Signing again (a retry) keeps the query as it is: the SDK form is a fixed point.
    again = next(auth.sync_auth_flow(sent))
    assert again.url == sent.url


# ---------------------------------------------------------------------------------------------
# (b) The flow driven by hand.


def fixed_clock(*times: float) -> Callable[[], float]:
    it = iter(times)
    return lambda: next(it)


def test_sync_flow_signs_a_post_and_stops_after_the_response() -> None:
    auth = ApiKeyAuth("key-1", "secret-1", "tok-1", clock=fixed_clock(1_700_000_000.25))
    request = httpx.Request(
        "POST", "https://openapi.test/v1/trade/order", json={"symbol": "700.HK", "side": "Buy"}
    )
    flow = auth.sync_auth_flow(request)
    sent = next(flow)

    assert sent is request
    assert sent.headers["x-api-key"] == "key-1"
    assert sent.headers["authorization"] == "tok-1"  # raw, no "Bearer" (§3.1)
    assert sent.headers["x-timestamp"] == "1700000000.250"
    assert sent.headers["content-type"] == JSON_UTF8
    assert sent.headers["x-dc-region"] == "ap"
    expected = straight_line_signature(
        "POST", "/v1/trade/order", "", "tok-1", "key-1", "1700000000.250", sent.content, "secret-1"
    )
    assert sent.headers["x-api-signature"] == expected
    with pytest.raises(StopIteration):
        flow.send(httpx.Response(200, json={"code": 0, "message": "success", "data": {}}))


def test_async_flow_is_the_same_flow() -> None:
    auth = ApiKeyAuth("key-1", "secret-1", "us_tok", clock=fixed_clock(1_700_000_000.0))
    request = httpx.Request(
        "GET", "https://openapi.test" + SECURITY_LIST, params=SECURITY_LIST_PARAMS
    )

    async def drive() -> httpx.Request:
        flow = auth.async_auth_flow(request)
        sent = await flow.__anext__()
        with pytest.raises(StopAsyncIteration):
            await flow.asend(httpx.Response(200))
        return sent

    sent = asyncio.run(drive())
    assert sent.headers["x-dc-region"] == "us"
    assert "content-type" not in sent.headers  # no body, nothing hashed
    expected = straight_line_signature(
        "GET",
        SECURITY_LIST,
        "market=US&category=Overnight",
        "us_tok",
        "key-1",
        "1700000000.000",
        b"",
        "secret-1",
    )
    assert sent.headers["x-api-signature"] == expected


def test_the_query_is_put_on_the_url_in_the_sdk_form() -> None:
    auth = ApiKeyAuth("k", "s", "t", clock=lambda: 1.0)
    # httpx writes "*" as %2A and keeps "~"; a raw "+" in a URL is a space in a form query.
    request = httpx.Request("GET", "https://openapi.test/v1/x?b=~*&a=1+2&&flag&a=3")
    sent = next(auth.sync_auth_flow(request))
    assert sent.url.query == b"b=%7E*&a=1+2&flag&a=3"
    request = httpx.Request(
        "GET", "https://openapi.test" + REFRESH, params={"expired_at": EXPIRED_AT}
    )
    assert next(auth.sync_auth_flow(request)).url.query.decode() == EXPIRED_AT_SENT


def test_millisecond_timestamps_keep_a_same_second_retry_distinct() -> None:
    auth = ApiKeyAuth("k", "s", "t", clock=fixed_clock(1_700_000_000.100, 1_700_000_000.101))
    url = "https://openapi.test" + SECURITY_LIST
    first = next(auth.sync_auth_flow(httpx.Request("GET", url, params=SECURITY_LIST_PARAMS)))
    second = next(auth.sync_auth_flow(httpx.Request("GET", url, params=SECURITY_LIST_PARAMS)))
    assert (first.headers["x-timestamp"], second.headers["x-timestamp"]) == (
        "1700000000.100",
        "1700000000.101",
    )
    assert first.headers["x-api-signature"] != second.headers["x-api-signature"]


def test_caller_choices_that_are_kept() -> None:
    auth = ApiKeyAuth("k", "s", "us_t", clock=fixed_clock(1.0))
    request = httpx.Request(
        "PUT",
        "https://openapi.test/v1/upload",
        content=b"a,b\n",
        headers={"Content-Type": "text/csv", "x-dc-region": "ap", "Authorization": "Bearer x"},
    )
    sent = next(auth.sync_auth_flow(request))
    assert sent.headers["content-type"] == "text/csv"  # not JSON: left alone
    assert sent.headers["x-dc-region"] == "ap"  # set by the caller: left alone, as the SDK does
    assert sent.headers["authorization"] == "us_t"  # always the raw legacy token


def test_repr_masks_the_secret_and_the_token() -> None:
    auth = ApiKeyAuth("key-1", "very-secret", "token-value")
    text = repr(auth) + str(auth)
    assert "key-1" in text
    assert "very-secret" not in text
    assert "token-value" not in text


# ---------------------------------------------------------------------------------------------
# (c) The mock verifies our signatures.


def legacy_app(mock: MockServer) -> LegacyApp:
    return next(iter(mock.ctx.state.legacy_apps.values()))


def auth_for(app: LegacyApp, *, secret: str | None = None) -> ApiKeyAuth:
    return ApiKeyAuth(app.app_key, app.app_secret if secret is None else secret, app.access_token)


def envelope_code(response: httpx.Response) -> int:
    code: int = response.json()["code"]
    return code


def test_mock_accepts_our_signatures_in_process() -> None:
    mock = create_app(MockConfig(), FakeClock())
    app = legacy_app(mock)
    transport = SyncASGITransport(mock.app)
    with httpx.Client(base_url="http://mock.test", transport=transport, auth=auth_for(app)) as c:
        listed = c.get(SECURITY_LIST, params=SECURITY_LIST_PARAMS)
        assert envelope_code(listed) == 0, listed.text
        assert listed.json()["data"]["list"]

        refreshed = c.get(REFRESH, params={"expired_at": EXPIRED_AT})
        assert envelope_code(refreshed) == 0, refreshed.text
        assert refreshed.request.url.query.decode() == EXPIRED_AT_SENT
        new_token = refreshed.json()["data"]["token"]
        assert new_token == app.access_token  # the mock rotated the token

        # The old token is gone (§3.3); the new one signs fine.
        stale = c.get(SECURITY_LIST, params=SECURITY_LIST_PARAMS)
        assert envelope_code(stale) == 401004
    with httpx.Client(
        base_url="http://mock.test", transport=SyncASGITransport(mock.app), auth=auth_for(app)
    ) as c:
        assert envelope_code(c.get(SECURITY_LIST, params=SECURITY_LIST_PARAMS)) == 0


def test_generated_endpoint_with_the_legacy_auth() -> None:
    """The generated ``refresh_legacy_token`` sends ``isoformat()`` (with ``+00:00``)."""
    mock = create_app(MockConfig(), FakeClock())
    app = legacy_app(mock)
    http = httpx.Client(
        base_url="http://mock.test", transport=SyncASGITransport(mock.app), auth=auth_for(app)
    )
    client = AuthenticatedClient(base_url="http://mock.test", token="unused").set_httpx_client(http)
    with client:
        expired_at = datetime.datetime(2030, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
        response = refresh_legacy_token.sync_detailed(client=client, expired_at=expired_at)
    assert isinstance(response.parsed, LegacyTokenResponse), response.content
    assert response.parsed.code == 0
    assert response.parsed.data.token == app.access_token


def test_wrong_secret_is_403201() -> None:
    mock = create_app(MockConfig(), FakeClock())
    app = legacy_app(mock)
    auth = auth_for(app, secret=app.app_secret + "x")
    with httpx.Client(
        base_url="http://mock.test", transport=SyncASGITransport(mock.app), auth=auth
    ) as c:
        response = c.get(SECURITY_LIST, params=SECURITY_LIST_PARAMS)
    assert response.status_code == 403
    assert envelope_code(response) == 403201


def test_same_timestamp_is_a_replay_a_millisecond_later_is_not() -> None:
    mock = create_app(MockConfig(), FakeClock())
    app = legacy_app(mock)
    frozen = ApiKeyAuth(app.app_key, app.app_secret, app.access_token, clock=lambda: 1e9)
    ticking = ApiKeyAuth(
        app.app_key, app.app_secret, app.access_token, clock=fixed_clock(2e9, 2e9 + 0.001)
    )
    with httpx.Client(base_url="http://mock.test", transport=SyncASGITransport(mock.app)) as c:
        codes = [
            envelope_code(c.get(SECURITY_LIST, params=SECURITY_LIST_PARAMS, auth=a))
            for a in (frozen, frozen, ticking, ticking)
        ]
    assert codes == [0, 403202, 0, 0]


def test_async_client_in_process() -> None:
    mock = create_app(MockConfig(), FakeClock())
    app = legacy_app(mock)

    async def run() -> list[int]:
        transport = httpx.ASGITransport(app=mock.app)
        async with httpx.AsyncClient(
            base_url="http://mock.test", transport=transport, auth=auth_for(app)
        ) as c:
            listed = await c.get(SECURITY_LIST, params=SECURITY_LIST_PARAMS)
            refreshed = await c.get(REFRESH, params={"expired_at": EXPIRED_AT})
        return [envelope_code(listed), envelope_code(refreshed)]

    assert asyncio.run(run()) == [0, 0]


def test_loopback_sync_and_async() -> None:
    mock = create_app(MockConfig(), OffsetClock())
    with run_in_thread(mock) as running, httpx.Client(base_url=running.base_url) as plain:

        def seeded_auth() -> ApiKeyAuth:
            app = plain.get("/_mock/legacy").json()["apps"][0]
            return ApiKeyAuth(app["app_key"], app["app_secret"], app["access_token"])

        with httpx.Client(base_url=running.base_url, auth=seeded_auth(), timeout=10) as c:
            assert envelope_code(c.get(SECURITY_LIST, params=SECURITY_LIST_PARAMS)) == 0
            refreshed = c.get(REFRESH, params={"expired_at": EXPIRED_AT})
            assert envelope_code(refreshed) == 0
            assert refreshed.request.url.query.decode() == EXPIRED_AT_SENT

        async def run(auth: ApiKeyAuth) -> list[int]:
            async with httpx.AsyncClient(base_url=running.base_url, auth=auth, timeout=10) as c:
                listed = await c.get(SECURITY_LIST, params=SECURITY_LIST_PARAMS)
                refreshed = await c.get(REFRESH, params={"expired_at": EXPIRED_AT})
                return [envelope_code(listed), envelope_code(refreshed)]

        assert asyncio.run(run(seeded_auth())) == [0, 0]  # the rotated token, from the mock


# ---------------------------------------------------------------------------------------------
# (d) The official SDK: same verifier, same signature.

# The SDK runs in a child process (`python -I`) with its own HOME, working directory (it loads a
# .env from there) and environment: LONGBRIDGE_REGION set, else it probes the internet, and
# proxies pointing at a closed loopback port, so that nothing can leave the machine.
_SDK_DRIVER = r"""
import json, sys
from datetime import datetime
from longbridge.openapi import (
    Config, HttpClient, OpenApiException, QuoteContext, QuoteTransport,
)

plan = json.loads(sys.stdin.read())
url, creds = plan["http_url"], (plan["app_key"], plan["app_secret"], plan["access_token"])
http = HttpClient.from_apikey(*creds, http_url=url)
config = Config.from_apikey(
    *creds, http_url=url, quote_ws_url="ws://127.0.0.1:1", trade_ws_url="ws://127.0.0.1:1",
    quote_transport=QuoteTransport.Http,
)
kept = []


def quote():
    # Kept alive to the end: a QuoteContext dropped mid-run takes its runtime, and with it the
    # tasks of connections the SDK's shared pool later hands to another call ("SendRequest").
    if not kept:
        kept.append(QuoteContext(config))
    return kept[0]


calls = {
    "security_list": lambda: http.request("get", plan["security_list"]),
    "socket_token": lambda: http.request("get", "/v1/socket/token"),
    "post_body": lambda: http.request("post", "/v1/trade/order", body=plan["order"]),
    "filings": lambda: quote().filings(plan["symbol"]),
    "refresh": lambda: config.refresh_access_token(datetime.fromisoformat(plan["expired_at"])),
}
results = {}
for name in plan["calls"]:
    try:
        results[name] = {"data": calls[name]()}
    except OpenApiException as exc:
        results[name] = {"error": {"code": exc.code, "message": exc.message}}
print(json.dumps(results, default=repr), flush=True)
"""
SDK_SYMBOL = "A B/ü~*'!,;:@+&=x.US"


def _closed_port() -> int:
    sock = bind()
    port: int = sock.getsockname()[1]
    sock.close()
    return port


@contextlib.contextmanager
def recorded_mock() -> Iterator[tuple[str, MockServer, Recorder]]:
    mock = create_app(MockConfig(), OffsetClock())
    recorder = Recorder(mock.app)
    mock.app = recorder
    with run_in_thread(mock) as running:
        yield running.base_url, mock, recorder


def run_sdk(tmp_path: Path, plan: dict[str, Any]) -> dict[str, Any]:
    home, cwd = tmp_path / "home", tmp_path / "cwd"
    home.mkdir()
    cwd.mkdir()
    dead_proxy = f"http://127.0.0.1:{_closed_port()}"
    env = {
        "HOME": str(home),
        "LONGBRIDGE_REGION": "global",
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    }
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        env[name] = env[name.lower()] = dead_proxy
    proc = subprocess.run(
        [sys.executable, "-I", "-c", _SDK_DRIVER],
        input=json.dumps(plan),
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, f"the SDK driver failed ({proc.returncode}):\n{proc.stderr}"
    results: dict[str, Any] = json.loads(proc.stdout)
    return results


def test_official_sdk_signatures_verify_and_recompute(tmp_path: Path) -> None:
    pytest.importorskip(
        "longbridge.openapi",
        reason="the official SDK `longbridge` is not installed or cannot load here",
        exc_type=ImportError,
    )
    with recorded_mock() as (base_url, mock, recorder):
        app = legacy_app(mock)
        secret = app.app_secret
        # Ours first, through the very verifier the SDK's requests meet next.
        with httpx.Client(base_url=base_url, auth=auth_for(app), timeout=10) as c:
            assert envelope_code(c.get(SECURITY_LIST, params=SECURITY_LIST_PARAMS)) == 0
            ours_filings = c.get("/v1/quote/filings", params={"symbol": SDK_SYMBOL})
        ours = list(recorder.seen)
        recorder.seen.clear()

        results = run_sdk(
            tmp_path,
            {
                "http_url": base_url,
                "app_key": app.app_key,
                "app_secret": secret,
                "access_token": app.access_token,
                "security_list": SECURITY_LIST + "?market=US&category=Overnight",
                "order": {"symbol": "700.HK", "side": "Buy", "remark": "ü"},
                "symbol": SDK_SYMBOL,
                "expired_at": EXPIRED_AT,
                # post_body last: its 405 leaves the request body unread, so the server closes
                # that connection, and the SDK's pool may race to reuse it ("SendRequest").
                "calls": ["security_list", "socket_token", "filings", "refresh", "post_body"],
            },
        )
        sdk = [s for s in recorder.seen if s.headers.get("user-agent") == "openapi-sdk"]

    # The mock's verifier accepted every signed SDK request that reached a route.
    assert "error" not in results["security_list"], results
    assert results["security_list"]["data"]["list"]
    assert "error" not in results["socket_token"], results
    assert "error" not in results["refresh"], results
    assert results["refresh"]["data"] == app.access_token  # the mock's new token
    assert len(sdk) == 5, sdk

    for seen in sdk:
        # What the SDK sends (§3.1): raw token, integer-second timestamp, JSON content type.
        assert seen.headers["authorization"] != ""
        assert not seen.headers["authorization"].startswith("Bearer ")
        assert re.fullmatch(r"[0-9]{10}", seen.headers["x-timestamp"]), seen.headers
        assert seen.headers["content-type"] == JSON_UTF8
        assert seen.headers["x-dc-region"] == "ap"
        # Our pure function recomputes the SDK's header exactly, and so does the straight line.
        path = seen.raw_path.partition("?")[0]
        recomputed = sign_request(seen.method, path, seen.query, seen.headers, seen.body, secret)
        assert recomputed == seen.headers["x-api-signature"], seen
        assert seen.headers["x-api-signature"] == straight_line_signature(
            seen.method,
            path,
            seen.query,
            seen.headers["authorization"],
            seen.headers["x-api-key"],
            seen.headers["x-timestamp"],
            seen.body,
            secret,
        )

    by_path = {s.raw_path.partition("?")[0]: s for s in sdk}
    assert by_path["/v1/trade/order"].body  # a body was hashed into that signature
    # The SDK's typed calls encode queries as ApiKeyAuth re-encodes httpx's (§3.2 step 3).
    sdk_filings = by_path["/v1/quote/filings"].query
    assert sdk_filings == encode_query([("symbol", SDK_SYMBOL)])
    assert ours_filings.request.url.query.decode() == sdk_filings
    assert [s.query for s in ours if s.raw_path.startswith("/v1/quote/filings")] == [sdk_filings]
    # Config.refresh_access_token sends UTC with "Z" and whole seconds, colons encoded.
    assert by_path[REFRESH].query == encode_query([("expired_at", "2030-01-02T03:04:05Z")])
