"""OAuthClient's flows, exactly: the refresh's scope and error type, the device flow's fields,
errors and waits, the revocation hint and region (found by mutmut)."""

from __future__ import annotations

from urllib.parse import parse_qs

import httpx
import pytest

from longbridge_openapi_client import (
    ClientCredentials,
    DeviceAuthorization,
    OAuthClient,
    OAuthError,
    ServerEndpoints,
    Sleep,
    Token,
    TokenRefreshError,
    run_sync,
)

ENDPOINTS = ServerEndpoints.fallback("https://lb.test")


def client(clock: float = 0.0) -> OAuthClient:
    return OAuthClient(ENDPOINTS, ClientCredentials("cid"), lambda: clock)


def answering(status: int, body: object) -> tuple[list[httpx.Request], httpx.Client]:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, json=body)

    return seen, httpx.Client(transport=httpx.MockTransport(handle))


def form(request: httpx.Request) -> dict[str, list[str]]:
    return parse_qs(request.content.decode())


def test_refresh_flow_sends_the_scope_and_keeps_the_refresh_token() -> None:
    seen, http = answering(200, {"access_token": "new", "token_type": "Bearer"})
    with http:
        token = run_sync(client().refresh_flow(Token("old", 0.0, "us_r1", "4 6"), "4"), http)
    assert form(seen[0]) == {
        "grant_type": ["refresh_token"],
        "refresh_token": ["us_r1"],
        "scope": ["4"],
        "client_id": ["cid"],
    }
    assert seen[0].headers["x-dc-region"] == "us"
    assert (token.access_token, token.refresh_token, token.scope) == ("new", "us_r1", "4 6")


def test_refresh_flow_failure_is_a_token_refresh_error() -> None:
    _, http = answering(400, {"error": "invalid_grant", "error_description": "used"})
    with http, pytest.raises(TokenRefreshError) as caught:
        run_sync(client().refresh_flow(Token("old", 0.0, "r1")), http)
    assert (caught.value.error, caught.value.error_description) == ("invalid_grant", "used")
    _, bad = answering(200, {"token_type": "Bearer"})
    with bad, pytest.raises(TokenRefreshError) as invalid:
        run_sync(client().refresh_flow(Token("old", 0.0, "r1")), bad)
    assert invalid.value.error == "invalid_response"


DEVICE = {
    "device_code": "us_dc",
    "user_code": "WDJB-MJHT",
    "verification_uri": "https://lb.test/device",
    "expires_in": 600,
}


@pytest.mark.parametrize(("extra", "interval"), [({}, 5), ({"interval": 7}, 7)])
def test_device_authorization_fields(extra: dict[str, object], interval: int) -> None:
    seen, http = answering(200, {**DEVICE, **extra})
    with http:
        device = run_sync(client().device_authorization_flow(["4", "6"]), http)
    assert device == DeviceAuthorization(
        "us_dc", "WDJB-MJHT", "https://lb.test/device", None, 600, interval
    )
    assert form(seen[0]) == {"scope": ["4 6"], "client_id": ["cid"]}


def test_device_authorization_errors() -> None:
    _, http = answering(400, {"error": "invalid_client", "error_description": "who?"})
    with http, pytest.raises(OAuthError) as caught:
        run_sync(client().device_authorization_flow(), http)
    assert (caught.value.error, caught.value.error_description, caught.value.http_status) == (
        "invalid_client",
        "who?",
        400,
    )
    _, bad = answering(200, {"user_code": "X"})
    with bad, pytest.raises(OAuthError) as invalid:
        run_sync(client().device_authorization_flow(), bad)
    assert (invalid.value.error, invalid.value.error_description) == (
        "invalid_response",
        "bad device authorization response",
    )


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_device_polls_sleep_only_what_is_left_and_name_the_region() -> None:
    clock = Clock()
    oauth = OAuthClient(ENDPOINTS, ClientCredentials("cid"), clock)
    flow = oauth.device_token_flow(DeviceAuthorization("us_dc", "U", "https://x", None, 3, 2))
    assert next(flow) == Sleep(2)
    clock.now = 2.6  # a slow answer ate into the code's life
    request = flow.send(None)
    assert isinstance(request, httpx.Request)
    assert request.headers["x-dc-region"] == "us"
    assert form(request)["device_code"] == ["us_dc"]
    step = flow.send(httpx.Response(400, json={"error": "authorization_pending"}))
    assert isinstance(step, Sleep)
    assert step.seconds == pytest.approx(0.4)
    clock.now = 3.0
    with pytest.raises(OAuthError) as caught:
        flow.send(None)
    assert (caught.value.error, caught.value.error_description) == (
        "expired_token",
        "the device code expired before approval",
    )


@pytest.mark.parametrize("hint", ["access_token", "refresh_token", None])
def test_revocation_sends_the_hint_and_the_tokens_region(hint: str | None) -> None:
    seen, http = answering(200, {})
    with http:
        run_sync(client().revocation_flow("us_tok", hint), http)  # type: ignore[arg-type]
    expected = {"token": ["us_tok"], "client_id": ["cid"]}
    if hint:
        expected["token_type_hint"] = [hint]
    assert form(seen[0]) == expected
    assert seen[0].headers["x-dc-region"] == "us"


def test_revocation_errors_are_typed() -> None:
    _, http = answering(503, {"error": "temporarily_unavailable"})
    with http, pytest.raises(OAuthError) as caught:
        run_sync(client().revocation_flow("tok"), http)
    assert (caught.value.error, caught.value.http_status) == ("temporarily_unavailable", 503)
