"""OAuthClient's flows, exactly: the refresh's scope and error type, the device flow's fields,
errors and waits, the revocation hint and region (found by mutmut)."""

from __future__ import annotations

from urllib.parse import parse_qs

import httpx
import pytest

from longbridge_openapi_client import (
    AuthorizationError,
    AuthorizationRequest,
    ClientCredentials,
    DeviceAuthorization,
    OAuthClient,
    OAuthError,
    ServerEndpoints,
    Sleep,
    StateMismatchError,
    Token,
    TokenRefreshError,
    run_sync,
)
from longbridge_openapi_client._runtime.rfc6749_client import register_flow

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


def pending_request() -> tuple[OAuthClient, AuthorizationRequest]:
    oauth = client()
    return oauth, oauth.authorization_request("http://127.0.0.1:1/cb")


def test_callback_errors_say_exactly_what_is_wrong() -> None:
    oauth, request = pending_request()
    with pytest.raises(StateMismatchError) as state:
        oauth.parse_callback("http://127.0.0.1:1/cb?code=c&state=forged", request)
    assert str(state.value) == "the callback's state is missing or does not match"
    with pytest.raises(AuthorizationError) as no_code:
        oauth.parse_callback(f"http://127.0.0.1:1/cb?code=&state={request.state}", request)
    assert (no_code.value.error, no_code.value.error_description) == (
        "invalid_request",
        "the callback carries no code",
    )


def test_a_blank_state_is_a_state_that_does_not_match() -> None:
    oauth, request = pending_request()
    with pytest.raises(StateMismatchError, match="repeats state"):
        # A blank value counts: two "state" parameters, one empty, are refused as a repeat.
        oauth.parse_callback(f"http://127.0.0.1:1/cb?code=c&state=&state={request.state}", request)


def test_refreshing_without_a_refresh_token_is_an_invalid_request() -> None:
    with pytest.raises(TokenRefreshError) as caught:
        client().refresh_request(Token("a", 0.0))
    assert (caught.value.error, caught.value.error_description) == (
        "invalid_request",
        "this token has no refresh token",
    )


@pytest.mark.parametrize("status", [200, 201])
def test_register_posts_json_and_accepts_200_or_201(status: int) -> None:
    seen, http = answering(status, {"client_id": "new"})
    with http:
        info = run_sync(
            register_flow("https://lb.test/oauth2/register", {"client_name": "n"}), http
        )
    assert info.client_id == "new"
    assert seen[0].method == "POST"
    assert seen[0].headers["Accept"] == "application/json"
    assert seen[0].headers["Content-Type"] == "application/json"
