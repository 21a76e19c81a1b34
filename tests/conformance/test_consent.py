"""The consent driver (conformance/consent.py) against servers that ask before they redirect."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from conformance import consent
from conformance.consent import AuthorizationResponse, ConsentDriver, _consent_form
from conformance.mock_server import MockConfig, OffsetClock, create_app
from conformance.mock_server.serve import run_in_thread
from longbridge_openapi_client import Pkce

REDIRECT = "http://127.0.0.1:53687/callback"


@pytest.fixture
def consenting_mock() -> Iterator[tuple[str, str]]:
    """The mock with a consent page (``consent="manual"``) and a client registered there."""
    with run_in_thread(create_app(MockConfig(consent="manual"), OffsetClock())) as running:
        registration = httpx.post(
            f"{running.base_url}/oauth2/register",
            json={"redirect_uris": [REDIRECT], "token_endpoint_auth_method": "none"},
        )
        yield running.base_url, registration.json()["client_id"]


def _params(client_id: str, **extra: str) -> dict[str, str]:
    pkce = Pkce.generate()
    return {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": REDIRECT,
        "state": "st",
        "code_challenge": pkce.challenge,
        "code_challenge_method": "S256",
        **extra,
    }


def test_follow_submits_the_consent_form(consenting_mock: tuple[str, str]) -> None:
    base_url, client_id = consenting_mock
    driver = ConsentDriver("follow", f"{base_url}/oauth2/authorize")
    response = driver.authorize(_params(client_id), consent=True)
    assert response.to_client, response.describe()
    assert response.params["state"] == "st"
    assert "code" in response.params


def test_auto_stops_at_the_consent_page(consenting_mock: tuple[str, str]) -> None:
    base_url, client_id = consenting_mock
    driver = ConsentDriver("auto", f"{base_url}/oauth2/authorize")
    response = driver.authorize(_params(client_id), consent=True)
    assert not response.redirected
    assert response.status_code == 200


def test_errors_before_consent_come_back_at_once(consenting_mock: tuple[str, str]) -> None:
    base_url, client_id = consenting_mock
    driver = ConsentDriver("follow", f"{base_url}/oauth2/authorize")
    response = driver.authorize(_params(client_id, response_type="token"))
    assert response.to_client
    assert response.params["error"] == "unsupported_response_type"
    assert "code" not in response.params


def test_the_pages_shown_on_the_way_keep_their_framing_headers(
    consenting_mock: tuple[str, str],
) -> None:
    base_url, client_id = consenting_mock
    driver = ConsentDriver("follow", f"{base_url}/oauth2/authorize")
    response = driver.authorize(_params(client_id), consent=True)
    assert response.to_client
    (page,) = response.pages  # the consent page; the redirect to the client is none
    assert page.status == 200
    assert page.url == f"{base_url}/oauth2/authorize"  # no query: it may hold a consent id
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "set-cookie" not in page.headers


def test_a_server_redirecting_at_once_shows_no_page() -> None:
    with run_in_thread(create_app(MockConfig(), OffsetClock())) as running:
        client_id = httpx.post(
            f"{running.base_url}/oauth2/register",
            json={"redirect_uris": [REDIRECT], "token_endpoint_auth_method": "none"},
        ).json()["client_id"]
        driver = ConsentDriver("follow", f"{running.base_url}/oauth2/authorize")
        response = driver.authorize(_params(client_id), consent=True)
    assert response.to_client
    assert response.pages == ()


def test_describe_and_repr_never_show_the_code() -> None:
    response = AuthorizationResponse(
        303, f"{REDIRECT}?code=SECRETCODE&state=s", REDIRECT, query={"code": "SECRETCODE"}
    )
    assert "SECRETCODE" not in response.describe()
    assert "SECRETCODE" not in repr(response)


@pytest.mark.parametrize("status", [302, 303, 301])
def test_any_redirect_but_307_and_308_is_an_authorization_response(status: int) -> None:
    response = AuthorizationResponse(status, f"{REDIRECT}?code=c", REDIRECT)
    assert response.to_client


@pytest.mark.parametrize("status", [307, 308])
def test_307_and_308_are_not_authorization_responses(status: int) -> None:
    response = AuthorizationResponse(status, f"{REDIRECT}?code=c", REDIRECT)
    assert not response.to_client


def test_a_login_form_is_not_submitted() -> None:
    login = """<form method="post" action="/login"><input type="hidden" name="uid" value="1">
    <input name="username"><input type="password" name="password">
    <button type="submit">Sign in</button></form>"""
    assert _consent_form(login) is None


def test_the_approve_button_of_a_consent_form_is_chosen() -> None:
    page = """<form method="post" action="/consent"><input type="hidden" name="id" value="7">
    <button name="decision" value="deny">Deny</button>
    <button name="decision" value="approve">Approve</button></form>"""
    form = _consent_form(page)
    assert form is not None
    assert form.fields == [("id", "7"), ("decision", "approve")]


def test_browser_mode_receives_the_code_on_the_loopback_redirect(
    consenting_mock: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """RFC 8252 §7.3: the "person" here is a thread that consents and follows the redirect."""
    base_url, client_id = consenting_mock
    followed: list[Any] = []
    threads: list[threading.Thread] = []

    def person(url: str) -> bool:
        def act() -> None:
            stand_in = ConsentDriver("follow", f"{base_url}/oauth2/authorize")
            with httpx.Client(follow_redirects=False) as agent:
                answer = stand_in._follow(agent, url, REDIRECT)
                assert answer.location is not None
                followed.append(httpx.get(answer.location, timeout=10).status_code)

        threads.append(threading.Thread(target=act, daemon=True))
        threads[-1].start()
        return True

    monkeypatch.setattr("webbrowser.open", person)
    driver = ConsentDriver("browser", f"{base_url}/oauth2/authorize")
    driver.check = next(iter(consent.BROWSER_CHECKS))
    response = driver.authorize(_params(client_id), consent=True)
    assert response.to_client
    assert "code" in response.params
    assert response.params["state"] == "st"
    assert driver.consents == 1
    threads[0].join(timeout=10)
    assert followed == [200]
