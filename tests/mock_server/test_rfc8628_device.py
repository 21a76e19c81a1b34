"""RFC 8628 device authorization grant: pending, slow_down, approval, denial, expiry, single use."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from conformance.mock_server import MockConfig

from .harness import BASE_URL, Client, Harness, MakeMock

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"


def start(mock: Harness, client: Client, **extra: str) -> dict[str, Any]:
    body, headers = client.authenticated(dict(extra))
    response = mock.post_form("/oauth2/device/authorize", body, headers)
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    grant: dict[str, Any] = response.json()
    return grant


def poll(mock: Harness, client: Client, device_code: str) -> httpx.Response:
    return mock.token(client, {"grant_type": DEVICE_GRANT, "device_code": device_code})


def error_of(response: httpx.Response) -> str:
    assert response.status_code == 400, response.text
    assert response.headers["cache-control"] == "no-store"
    error: str = response.json()["error"]
    return error


def test_device_authorization_response(mock: Harness) -> None:
    grant = start(mock, mock.register())
    # §3.2 and §6.1: a short user code from an unambiguous alphabet.
    assert re.fullmatch(r"[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}", grant["user_code"])
    assert len(grant["device_code"]) >= 32
    assert grant["verification_uri"] == f"{BASE_URL}/oauth2/device/verify"
    assert grant["verification_uri_complete"] == (
        f"{BASE_URL}/oauth2/device/verify?user_code={grant['user_code']}"
    )
    assert grant["expires_in"] == 300
    assert grant["interval"] == 5


def test_pending_then_approved_after_the_delay_then_single_use(mock: Harness) -> None:
    client = mock.register()
    grant = start(mock, client, scope="4")
    assert error_of(poll(mock, client, grant["device_code"])) == "authorization_pending"
    mock.clock.advance(5)
    assert error_of(poll(mock, client, grant["device_code"])) == "authorization_pending"
    mock.clock.advance(5)  # device_approval_delay = 10 s
    response = poll(mock, client, grant["device_code"])
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    tokens = response.json()
    assert tokens["token_type"] == "Bearer"
    assert tokens["scope"] == "4"
    assert mock.security_list(tokens["access_token"]).json()["code"] == 0
    assert mock.refresh(client, tokens["refresh_token"]).status_code == 200
    mock.clock.advance(5)
    assert error_of(poll(mock, client, grant["device_code"])) == "invalid_grant"


def test_slow_down_increases_the_interval(mock: Harness) -> None:
    client = mock.register()
    code = start(mock, client)["device_code"]
    assert error_of(poll(mock, client, code)) == "authorization_pending"
    mock.clock.advance(1)
    slow = poll(mock, client, code)
    assert error_of(slow) == "slow_down"
    assert "10" in slow.json()["error_description"]  # §3.5: +5 seconds
    mock.clock.advance(5)  # the old interval is now too fast
    assert error_of(poll(mock, client, code)) == "slow_down"
    mock.clock.advance(15)  # the new interval, 10 + 5, is respected
    assert poll(mock, client, code).status_code == 200


def test_approval_at_the_verification_page(make_mock: MakeMock) -> None:
    mock = make_mock(MockConfig(device_approval_delay=3600))
    client = mock.register()
    grant = start(mock, client)
    page = mock.http.get(grant["verification_uri_complete"])
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert f'value="{grant["user_code"]}"' in page.text
    assert error_of(poll(mock, client, grant["device_code"])) == "authorization_pending"
    done = mock.http.post(
        "/oauth2/device/verify",
        data={"user_code": grant["user_code"].lower(), "decision": "approve"},
    )
    assert done.status_code == 200
    mock.clock.advance(5)
    assert poll(mock, client, grant["device_code"]).status_code == 200
    # Deciding a redeemed code again fails.
    again = mock.http.post(
        "/oauth2/device/verify", data={"user_code": grant["user_code"], "decision": "approve"}
    )
    assert again.status_code == 400


def test_verification_page_escapes_the_user_code(mock: Harness) -> None:
    page = mock.http.get("/oauth2/device/verify", params={"user_code": '"><script>x</script>'})
    assert page.status_code == 200
    assert "<script>" not in page.text


@pytest.mark.parametrize("via", ["page", "admin"])
def test_denial(mock: Harness, via: str) -> None:
    client = mock.register()
    grant = start(mock, client)
    if via == "page":
        response = mock.http.post(
            "/oauth2/device/verify", data={"user_code": grant["user_code"], "decision": "deny"}
        )
    else:
        response = mock.http.post(
            "/_mock/device/decide", json={"user_code": grant["user_code"], "decision": "deny"}
        )
    assert response.status_code == 200
    mock.clock.advance(10)
    assert error_of(poll(mock, client, grant["device_code"])) == "access_denied"


def test_expiry(mock: Harness) -> None:
    client = mock.register()
    code = start(mock, client)["device_code"]
    mock.clock.advance(300)
    assert error_of(poll(mock, client, code)) == "expired_token"


def test_device_code_is_bound_to_its_client(mock: Harness) -> None:
    client, other = mock.register(), mock.register()
    code = start(mock, client)["device_code"]
    mock.clock.advance(10)
    assert error_of(poll(mock, other, code)) == "invalid_grant"
    assert error_of(poll(mock, client, "unknown-device-code")) == "invalid_grant"
    assert poll(mock, client, code).status_code == 200


def test_confidential_device_client(mock: Harness) -> None:
    client = mock.register("client_secret_basic")
    code = start(mock, client)["device_code"]
    mock.clock.advance(10)
    assert poll(mock, client, code).status_code == 200
    anonymous = mock.http.post("/oauth2/device/authorize", data={"client_id": client.client_id})
    assert anonymous.status_code == 401
    assert anonymous.json()["error"] == "invalid_client"


def test_client_without_the_device_grant(mock: Harness) -> None:
    client = mock.register(grant_types=["authorization_code", "refresh_token"])
    body, headers = client.authenticated({})
    response = mock.post_form("/oauth2/device/authorize", body, headers)
    assert error_of(response) == "unauthorized_client"


def test_unknown_client(mock: Harness) -> None:
    response = mock.http.post("/oauth2/device/authorize", data={"client_id": "nobody"})
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"
    assert "www-authenticate" in response.headers
