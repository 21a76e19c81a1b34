"""Fault injection (config and admin endpoint) and the /_mock/ admin routes."""

from __future__ import annotations

import math
import time

import httpx
import pytest

from conformance.mock_server import Fault, MockConfig, parse_fault

from .harness import REDIRECT_URI, Harness, MakeMock


def timed(call: httpx.Client, path: str) -> tuple[httpx.Response, float]:
    start = time.perf_counter()
    response = call.get(path)
    return response, time.perf_counter() - start


# parse_fault


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ("latency", Fault("latency", seconds=0.1)),
        ("latency=0.25", Fault("latency", seconds=0.25)),
        ("latency=2@/v1/*3", Fault("latency", "/v1/", seconds=2.0, times=3)),
        ("status", Fault("status", status=503)),
        ("status=502@/oauth2/token*2", Fault("status", "/oauth2/token", status=502, times=2)),
        ("status=599", Fault("status", status=599)),
        ("rate_limit", Fault("rate_limit", seconds=1.0)),
        ("rate_limit=30@/v1/quote", Fault("rate_limit", "/v1/quote", seconds=30.0)),
        ("expire_tokens", Fault("expire_tokens")),
        ("expire_tokens@/v1/*1", Fault("expire_tokens", "/v1/", times=1)),
        ("status@/", Fault("status", "/", status=503)),
    ],
)
def test_parse_fault(text: str, fault: Fault) -> None:
    assert parse_fault(text) == fault


@pytest.mark.parametrize(
    "text",
    [
        "",
        "timeout",
        "status=404",
        "status=0",
        "status=600",
        "status=abc",
        "status=" + "9" * 400,  # overflows int()
        "rate_limit=" + "9" * 400,  # infinite Retry-After
        "latency=-1",
        "latency=1.2.3",
        "latency=.",
        "status@v1",  # a route starts with /
        "status@/v1 /x",
        "status*",
        "status*x",
        " status",
        "STATUS",
    ],
)
def test_parse_fault_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="fault"):
        parse_fault(text)


# Faults in the configuration


def test_latency_per_route(make_mock: MakeMock) -> None:
    mock = make_mock(MockConfig(faults=(parse_fault("latency=0.3@/v1/socket"),)))
    slow, slow_time = timed(mock.http, "/v1/socket/token")
    fast, fast_time = timed(mock.http, "/.well-known/oauth-authorization-server")
    assert slow.status_code == 401  # the request still runs after the delay
    assert fast.status_code == 200
    assert slow_time >= 0.3
    assert fast_time < slow_time


def test_status_fault_on_oauth_routes(make_mock: MakeMock) -> None:
    mock = make_mock(MockConfig(faults=(parse_fault("status=502@/oauth2/token"),)))
    response = mock.post_form("/oauth2/token", {})
    assert response.status_code == 502
    assert response.json() == {"error": "server_error", "error_description": "injected failure"}
    assert "x-trace-id" in response.headers
    # Other routes are not affected.
    assert mock.http.get("/.well-known/oauth-authorization-server").status_code == 200
    assert mock.api().status_code == 401


def test_rate_limit_fault_on_oauth_routes(make_mock: MakeMock) -> None:
    mock = make_mock(MockConfig(faults=(parse_fault("rate_limit=0.5@/oauth2/"),)))
    response = mock.post_form("/oauth2/token", {})
    assert response.status_code == 429
    assert response.json()["error"] == "temporarily_unavailable"
    # RFC 9110 §10.2.3: delay-seconds, a whole number (rounded up).
    assert response.headers["retry-after"] == "1"
    assert mock.api().status_code == 401


def test_global_fault_spares_admin_routes(make_mock: MakeMock) -> None:
    mock = make_mock(MockConfig(faults=(parse_fault("status=500"),)))
    assert mock.http.get("/.well-known/oauth-authorization-server").status_code == 500
    assert mock.api().json()["code"] == 500000
    assert mock.http.post("/oauth2/register", json={}).status_code == 500
    assert mock.http.get("/no/such/path").status_code == 500
    assert mock.http.get("/_mock/clock").status_code == 200


def test_times_limits_a_fault(make_mock: MakeMock) -> None:
    mock = make_mock(MockConfig(faults=(parse_fault("status=503@/v1/*2"),)))
    codes = [mock.api().status_code for _ in range(4)]
    assert codes == [503, 503, 401, 401]
    # Requests to other routes do not use up the fault... and did not here.
    mock = make_mock(MockConfig(faults=(parse_fault("status=503@/v1/*1"),)))
    assert mock.http.get("/.well-known/oauth-authorization-server").status_code == 200
    assert mock.api().status_code == 503


def test_identical_faults_count_separately(make_mock: MakeMock) -> None:
    twice = (parse_fault("status=503*1"), parse_fault("status=503*1"))
    mock = make_mock(MockConfig(faults=twice))
    # Both match the first request; the first to match answers, and both are used up.
    codes = [mock.api().status_code for _ in range(2)]
    assert codes == [503, 401]


def test_expire_tokens_fault(make_mock: MakeMock) -> None:
    mock = make_mock(MockConfig(faults=(parse_fault("expire_tokens@/v1/socket*1"),)))
    client = mock.register()
    tokens = mock.tokens(client)
    # The fault expires every live access token, then the request runs: 401003.
    assert mock.api(token=tokens["access_token"]).json()["code"] == 401003
    # Refresh tokens still work, and the fault is used up.
    fresh = mock.refresh(client, tokens["refresh_token"]).json()
    assert mock.api(token=fresh["access_token"]).json()["code"] == 0


# Admin routes


def test_admin_clock(mock: Harness) -> None:
    assert mock.http.get("/_mock/clock").json() == {"now": mock.clock.now()}
    before = mock.clock.now()
    response = mock.http.post("/_mock/clock/advance", json={"seconds": 90})
    assert response.status_code == 200
    assert response.json() == {"now": before + 90}
    assert mock.clock.now() == before + 90
    assert mock.http.post("/_mock/clock/advance", json={"seconds": 0.5}).json()["now"] == (
        before + 90.5
    )


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"{}",
        b"[]",
        b"not json",
        b'{"seconds": -1}',
        b'{"seconds": "60"}',
        b'{"seconds": true}',
        b'{"seconds": null}',
        b'{"seconds": NaN}',
        b'{"seconds": Infinity}',
        b'{"seconds": 1e999}',
        b"[" * 100_000,
    ],
)
def test_admin_clock_rejects(mock: Harness, body: bytes) -> None:
    before = mock.clock.now()
    response = mock.http.post("/_mock/clock/advance", content=body)
    assert response.status_code == 400
    assert "seconds" in response.json()["error"]
    assert mock.clock.now() == before
    assert mock.http.get("/_mock/clock").status_code == 200


def test_admin_clock_does_not_overflow(mock: Harness) -> None:
    assert mock.http.post("/_mock/clock/advance", json={"seconds": 1e308}).status_code == 200
    response = mock.http.post("/_mock/clock/advance", json={"seconds": 1e308})
    assert response.status_code == 400
    assert math.isfinite(mock.clock.now())
    assert mock.http.post("/oauth2/register", json={"redirect_uris": [REDIRECT_URI]}).is_success


def test_admin_expire_tokens(mock: Harness) -> None:
    client = mock.register()
    first, second = mock.tokens(client), mock.tokens(client)
    response = mock.http.post("/_mock/tokens/expire")
    assert response.json() == {"expired": 2}
    for tokens in (first, second):
        assert mock.api(token=tokens["access_token"]).json()["code"] == 401003
    assert mock.http.post("/_mock/tokens/expire").json() == {"expired": 0}
    fresh = mock.refresh(client, first["refresh_token"]).json()
    assert mock.api(token=fresh["access_token"]).json()["code"] == 0


def test_admin_faults(mock: Harness) -> None:
    specs = ["status=503@/v1/*1", "rate_limit=2@/oauth2/token"]
    response = mock.http.put("/_mock/faults", json={"faults": specs})
    assert response.status_code == 200
    assert response.json() == {"faults": specs}
    assert mock.api().status_code == 503
    assert mock.api().status_code == 401
    limited = mock.post_form("/oauth2/token", {})
    assert limited.status_code == 429
    assert limited.headers["retry-after"] == "2"
    # Installing the same fault again arms it again.
    mock.http.put("/_mock/faults", json={"faults": specs})
    assert mock.api().status_code == 503
    # An empty list clears them.
    assert mock.http.put("/_mock/faults", json={"faults": []}).status_code == 200
    assert mock.api().status_code == 401
    assert mock.post_form("/oauth2/token", {}).status_code == 400


def test_admin_faults_add_to_configured_ones(make_mock: MakeMock) -> None:
    mock = make_mock(MockConfig(faults=(parse_fault("status=502@/v1/socket"),)))
    mock.http.put("/_mock/faults", json={"faults": ["status=504@/oauth2/"]})
    assert mock.api().status_code == 502
    assert mock.post_form("/oauth2/token", {}).status_code == 504


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"faults": "status=503"},
        {"faults": [503]},
        {"faults": ["status=404"]},
        {"faults": ["status=503", "bogus"]},
        {"faults": None},
    ],
)
def test_admin_faults_rejects(mock: Harness, body: object) -> None:
    mock.http.put("/_mock/faults", json={"faults": ["status=503@/v1/"]})
    response = mock.http.put("/_mock/faults", json=body)
    assert response.status_code == 400
    assert "fault" in response.json()["error"]
    # The faults in place are kept.
    assert mock.api().status_code == 503


def test_admin_faults_rejects_non_json(mock: Harness) -> None:
    for content in (b"faults", b"[" * 100_000, b"\xff"):
        assert mock.http.put("/_mock/faults", content=content).status_code == 400


def test_admin_device_decide(mock: Harness) -> None:
    client = mock.register()
    body, headers = client.authenticated({})
    grant = mock.post_form("/oauth2/device/authorize", body, headers).json()
    bad = [
        {},
        {"user_code": grant["user_code"]},
        {"user_code": grant["user_code"], "decision": "maybe"},
        {"user_code": 7, "decision": "approve"},
        {"user_code": "BCDF-GHJK", "decision": "approve"},  # unknown
    ]
    for decision in bad:
        response = mock.http.post("/_mock/device/decide", json=decision)
        assert response.status_code == 400, decision
        assert "user_code" in response.json()["error"]
    ok = {"user_code": grant["user_code"], "decision": "approve"}
    response = mock.http.post("/_mock/device/decide", json=ok)
    assert response.json() == ok
    poll = {"grant_type": "urn:ietf:params:oauth:grant-type:device_code"}
    assert mock.token(client, {**poll, "device_code": grant["device_code"]}).status_code == 200
    # Already used.
    assert mock.http.post("/_mock/device/decide", json=ok).status_code == 400


def test_admin_legacy(mock: Harness) -> None:
    apps = mock.http.get("/_mock/legacy").json()["apps"]
    assert len(apps) == 1
    assert set(apps[0]) == {"app_key", "app_secret", "access_token"}
    assert apps[0]["app_key"].startswith("mock-app-key-")


def test_admin_stats(mock: Harness) -> None:
    assert mock.http.get("/_mock/stats").json() == {
        "token_requests": 0,
        "clients": 0,
        "access_tokens": 0,
        "operations": {},
        "writes": 0,
    }
    client = mock.register()
    tokens = mock.tokens(client)
    mock.refresh(client, tokens["refresh_token"])
    token = tokens["access_token"]
    mock.security_list(token)
    mock.security_list(token)
    mock.api("/v1/socket/token", token)
    mock.api("/v1/quote/get_security_list", token)  # refused (no parameters): not counted
    assert mock.http.get("/_mock/stats").json() == {
        "token_requests": 2,
        "clients": 1,
        "access_tokens": 2,
        "operations": {"getSecurityList": 2, "getSocketToken": 1},
        "writes": 0,
    }


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/_mock/clock"),
        ("GET", "/_mock/clock/advance"),
        ("GET", "/_mock/faults"),
        ("POST", "/_mock/legacy"),
    ],
)
def test_admin_methods(mock: Harness, method: str, path: str) -> None:
    assert mock.http.request(method, path).status_code == 405
