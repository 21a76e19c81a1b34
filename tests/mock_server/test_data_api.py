"""The data API: envelope, REST statuses and codes, RFC 6750 challenges, trace ids, legacy mode.

Checklist H; Part 2, choices 1 and 10; docs/longbridge-api.md §2.7, §3, §4.
"""

from __future__ import annotations

import re
import time
from typing import Any

import httpx
import pytest

from conformance.mock_server import Fault, MockConfig

from .harness import Harness, LegacyApp, MakeMock, legacy_signature

TRACE_ID = re.compile(r"^[0-9a-f]{32}$")


def envelope(response: httpx.Response, status: int, code: int) -> dict[str, Any]:
    """Part 2, choice 1: ``{code, message, data}``; code 0 iff success, and only then data."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert TRACE_ID.match(response.headers["x-trace-id"])
    body: dict[str, Any] = response.json()
    assert set(body) == {"code", "message", "data"}
    assert body["code"] == code, body
    assert isinstance(body["message"], str)
    assert body["message"]
    if code == 0:
        assert 200 <= status < 300
        assert body["data"] is not None
    else:
        assert status >= 400
        assert body["data"] is None
    return body


def challenge(response: httpx.Response) -> str:
    value: str = response.headers["www-authenticate"]
    assert value.startswith('Bearer realm="longbridge"')
    return value


def test_success(mock: Harness) -> None:
    token = mock.tokens(mock.register())["access_token"]
    body = envelope(mock.security_list(token), 200, 0)
    assert body["message"] == "success"
    securities = body["data"]["list"]
    assert len(securities) == 16
    symbols = [s["symbol"] for s in securities]
    assert symbols == sorted(symbols)
    assert "TSLA.US" in symbols
    assert set(securities[0]) == {"symbol", "name_cn", "name_hk", "name_en"}
    otp = envelope(mock.api("/v1/socket/token", token), 200, 0)["data"]
    assert set(otp) == {"otp", "limit", "online"}


@pytest.mark.parametrize("category", ["Overnight", "overnight"])
def test_both_category_spellings(mock: Harness, category: str) -> None:
    token = mock.tokens(mock.register())["access_token"]
    params = {"market": "US", "category": category}
    envelope(mock.api("/v1/quote/get_security_list", token, params=params), 200, 0)


@pytest.mark.parametrize(
    "params",
    [{}, {"market": "HK", "category": "Overnight"}, {"market": "US"}, {"category": "Overnight"}],
)
def test_bad_parameters(mock: Harness, params: dict[str, str]) -> None:
    token = mock.tokens(mock.register())["access_token"]
    response = mock.api("/v1/quote/get_security_list", token, params=params)
    envelope(response, 400, 310010)


def test_repeated_query_parameter(mock: Harness) -> None:
    token = mock.tokens(mock.register())["access_token"]
    response = mock.http.get(
        "/v1/quote/get_security_list?market=US&market=US&category=Overnight",
        headers={"Authorization": f"Bearer {token}"},
    )
    # Any bad parameter of the security list is its documented 310010 (docs/longbridge-api.md §4.2).
    envelope(response, 400, 310010)


def test_no_token_401001(mock: Harness) -> None:
    response = mock.api()
    assert envelope(response, 401, 401001)["message"] == "token empty"
    # RFC 6750 §3.1: no error attribute when no credentials were sent.
    assert "error=" not in challenge(response)


@pytest.mark.parametrize("authorization", ["Bearer", "Bearer ", "Bearer    "])
def test_empty_bearer_401001(mock: Harness, authorization: str) -> None:
    response = mock.http.get("/v1/socket/token", headers={"Authorization": authorization})
    envelope(response, 401, 401001)
    challenge(response)


def test_unknown_token_401004(mock: Harness) -> None:
    response = mock.api(token="not-a-token")
    assert envelope(response, 401, 401004)["message"] == "token invalid"
    assert 'error="invalid_token"' in challenge(response)


def test_revoked_token_401004(mock: Harness) -> None:
    client = mock.register()
    token = mock.tokens(client)["access_token"]
    mock.revoke(client, token)
    response = mock.api(token=token)
    envelope(response, 401, 401004)
    assert 'error="invalid_token"' in challenge(response)


def test_expired_token_401003(mock: Harness) -> None:
    token = mock.tokens(mock.register())["access_token"]
    mock.clock.advance(2_592_000 - 1)
    envelope(mock.api(token=token), 200, 0)
    mock.clock.advance(1)
    response = mock.api(token=token)
    assert envelope(response, 401, 401003)["message"] == "token expired"
    assert 'error="invalid_token"' in challenge(response)


def test_scope_403308(mock: Harness) -> None:
    # scope=6 maps to account.read only; the security list needs watchlist (developers#1238).
    tokens = mock.tokens(mock.register(), scope="6")
    assert tokens["scope"] == "6"
    response = mock.security_list(tokens["access_token"])
    body = envelope(response, 403, 403308)
    assert body["message"] == "Target API's scope is not in authorized scopes"
    value = challenge(response)
    assert 'error="insufficient_scope"' in value
    assert 'scope="watchlist"' in value
    # An operation without a scope still works with the same token.
    envelope(mock.api("/v1/socket/token", tokens["access_token"]), 200, 0)


@pytest.mark.parametrize(("code", "message"), [(429001, "ip"), (429002, "api")])
def test_rate_limit_faults(make_mock: MakeMock, code: int, message: str) -> None:
    fault = Fault("rate_limit", "/v1/", seconds=7, code=code)
    mock = make_mock(MockConfig(faults=(fault,)))
    response = mock.api()
    body = envelope(response, 429, code)
    assert message in body["message"]
    assert response.headers["retry-after"] == "7"


def test_status_fault_500000(make_mock: MakeMock) -> None:
    mock = make_mock(MockConfig(faults=(Fault("status", "/v1/", status=500),)))
    envelope(mock.api(token="whatever"), 500, 500000)
    mock = make_mock(MockConfig(faults=(Fault("status", "/v1/", status=503),)))
    envelope(mock.api(), 503, 500000)


def test_every_401_has_a_challenge(mock: Harness) -> None:
    app = mock.legacy_app()
    wrong_token = LegacyApp(app.app_key, app.app_secret, "mock-legacy-wrong")
    token = mock.tokens(mock.register())["access_token"]
    responses = [
        mock.api(),
        mock.api(token="bogus"),
        mock.http.get("/v1/socket/token", headers={"Authorization": "Basic dTpw"}),
        mock.http.get("/v1/socket/token", headers={"Authorization": "token-without-scheme"}),
        mock.http.get("/v1/token/refresh", headers={"Authorization": f"Bearer {token}"}),
        mock.legacy_get(wrong_token),
        mock.http.get("/v1/socket/token", headers={"X-Api-Key": app.app_key}),
    ]
    for response in responses:
        assert response.status_code == 401, response.text
        assert response.headers.get("www-authenticate"), response.request.headers


def test_trace_id_on_every_response(mock: Harness) -> None:
    client = mock.register()
    responses = [
        mock.api(),
        mock.security_list(mock.tokens(client)["access_token"]),
        mock.http.get("/.well-known/oauth-authorization-server"),
        mock.http.post("/oauth2/register", json={}),
        mock.authorize(client),
        mock.post_form("/oauth2/token", {}),
        mock.http.get("/no/such/path"),
        mock.http.get("/v1/no/such/api"),
        mock.http.delete("/v1/socket/token"),  # 405
        mock.http.get("/_mock/clock"),
    ]
    ids = set()
    for response in responses:
        assert TRACE_ID.match(response.headers["x-trace-id"]), response.request.url
        ids.add(response.headers["x-trace-id"])
    assert len(ids) == len(responses)  # one per response
    assert mock.http.get("/no/such/path").status_code == 404


def test_sdk_headers_are_accepted_in_oauth_mode(mock: Harness) -> None:
    # Part 2, choice 10: what the official SDK sends besides the bearer token.
    client = mock.register()
    token = mock.tokens(client)["access_token"]
    headers = {
        "x-api-key": client.client_id,
        "x-timestamp": str(int(time.time())),
        "x-dc-region": "ap",
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "openapi-sdk",
        "Accept-Language": "zh-CN",
        "x-papertrading": "true",
    }
    params = {"market": "US", "category": "Overnight"}
    response = mock.api("/v1/quote/get_security_list", token, params=params, headers=headers)
    envelope(response, 200, 0)


@pytest.mark.parametrize("scheme", ["bearer", "BEARER", "BeArEr"])
def test_bearer_scheme_is_case_insensitive(mock: Harness, scheme: str) -> None:
    token = mock.tokens(mock.register())["access_token"]
    response = mock.http.get("/v1/socket/token", headers={"Authorization": f"{scheme} {token}"})
    envelope(response, 200, 0)


def test_oversized_body(make_mock: MakeMock) -> None:
    mock = make_mock(MockConfig(max_body_bytes=1024))
    response = mock.http.request("GET", "/v1/socket/token", content=b"x" * 1025)
    envelope(response, 413, 400000)


# Legacy API-key mode (docs/longbridge-api.md §3)


def test_legacy_signed_request(mock: Harness) -> None:
    app = mock.legacy_app()
    body = envelope(mock.legacy_get(app), 200, 0)
    assert len(body["data"]["list"]) == 16
    # A new timestamp makes a new request; the docs' float seconds work too.
    envelope(mock.legacy_get(app, "/v1/socket/token", "", timestamp="1767225600.123"), 200, 0)


def test_legacy_signature_covers_the_encoded_query(mock: Harness) -> None:
    app = mock.legacy_app()
    query = "expired_at=2030-01-01T00%3A00%3A00Z"
    body = envelope(mock.legacy_get(app, "/v1/token/refresh", query), 200, 0)["data"]
    assert body["expired_at"] == "1893456000"
    assert set(body) == {"token", "expired_at", "issued_at", "account_info"}
    # docs/longbridge-api.md §3.3: the old token stops working, the new one works.
    envelope(mock.legacy_get(app, timestamp="1"), 401, 401004)
    renewed = LegacyApp(app.app_key, app.app_secret, body["token"])
    envelope(mock.legacy_get(renewed, timestamp="2"), 200, 0)


def test_legacy_refresh_needs_a_time_zone(mock: Harness) -> None:
    app = mock.legacy_app()
    for query in ("expired_at=2030-01-01T00%3A00%3A00", "expired_at=soon", ""):
        envelope(mock.legacy_get(app, "/v1/token/refresh", query), 400, 400000)


@pytest.mark.parametrize(
    "tamper",
    ["signature", "query", "path", "timestamp", "secret", "header_format", "missing"],
)
def test_legacy_bad_signature_403201(mock: Harness, tamper: str) -> None:
    app = mock.legacy_app()
    ts = str(int(mock.clock.now()))
    query = "market=US&category=Overnight"
    path = "/v1/quote/get_security_list"
    good = legacy_signature(app, "GET", path, query, ts)
    signature = {
        "signature": good[:-1] + ("0" if good[-1] != "0" else "1"),
        "query": legacy_signature(app, "GET", path, "category=Overnight&market=US", ts),
        "path": legacy_signature(app, "GET", "/v1/socket/token", query, ts),
        "timestamp": legacy_signature(app, "GET", path, query, str(int(ts) + 1)),
        "secret": legacy_signature(
            LegacyApp(app.app_key, "x", app.access_token), "GET", path, query, ts
        ),
        "header_format": good.replace("HMAC-SHA256 ", "HMAC-SHA1 "),
        "missing": "",
    }[tamper]
    headers = {
        "X-Api-Key": app.app_key,
        "Authorization": app.access_token,
        "X-Timestamp": ts,
        "X-Api-Signature": signature,
    }
    response = mock.http.get(f"{path}?{query}", headers=headers)
    assert envelope(response, 403, 403201)["message"] == "signature invalid"


def test_legacy_replay_403202(mock: Harness) -> None:
    app = mock.legacy_app()
    envelope(mock.legacy_get(app, timestamp="1767225600"), 200, 0)
    replay = mock.legacy_get(app, timestamp="1767225600")
    assert envelope(replay, 403, 403202)["message"] == "duplicate request"
    envelope(mock.legacy_get(app, timestamp="1767225601"), 200, 0)


def test_legacy_bad_app_key_403203(mock: Harness) -> None:
    app = mock.legacy_app()
    stranger = LegacyApp("unknown-app-key", app.app_secret, app.access_token)
    response = mock.legacy_get(stranger)
    assert envelope(response, 403, 403203)["message"] == "apikey illegal"


def test_legacy_token_expires_after_90_days(mock: Harness) -> None:
    app = mock.legacy_app()
    mock.clock.advance(90 * 86_400)
    envelope(mock.legacy_get(app), 401, 401003)


def test_legacy_credentials_depend_on_the_seed(make_mock: MakeMock) -> None:
    first, same, other = (make_mock(MockConfig(seed=s)).legacy_app() for s in (1, 1, 2))
    assert first == same
    assert first.app_key != other.app_key
    assert first.app_secret != other.app_secret


def test_ip_allow_list_answers_403205(make_mock: MakeMock) -> None:
    # The in-process transport's peer is 127.0.0.1.
    refused = make_mock(MockConfig(ip_allowlist=frozenset({"10.1.2.3"})))
    token = refused.tokens(refused.register())["access_token"]
    response = refused.api(token=token)
    assert response.status_code == 403
    assert response.json()["code"] == 403205
    allowed = make_mock(MockConfig(ip_allowlist=frozenset({"127.0.0.1"})))
    assert allowed.api(token=allowed.tokens(allowed.register())["access_token"]).json()["code"] == 0
