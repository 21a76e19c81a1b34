"""RFC 6749 §5.1, §5.2: token responses and token errors (checklist items 37–39, 41–43, 58).

Part 2, choice 6: ``expires_in`` is RECOMMENDED only, so its absence is a SHOULD finding.
"""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from conformance.checks import check
from conformance.suite.helpers import REDIRECT, Grant, OAuthSession, query
from conformance.target import Target
from longbridge_openapi_client import Client, Pkce

TOKEN_ERRORS = {
    "invalid_request",
    "invalid_client",
    "invalid_grant",
    "unauthorized_client",
    "unsupported_grant_type",
    "invalid_scope",
}
# RFC 6749 §5.2: error_description and error_uri use %x20-21 / %x23-5B / %x5D-7E only.
SAFE_TEXT = re.compile(r"[\x20-\x21\x23-\x5b\x5d-\x7e]*")


def _login(session: OAuthSession) -> httpx.Response:
    response = session.exchange(session.grant(pkce=Pkce.generate()))
    assert response.status_code == 200, (
        f"Expected 200 from the code exchange. Received: {response.status_code} {response.text}"
    )
    return response


def _error_responses(session: OAuthSession) -> dict[str, httpx.Response]:
    """Several token error responses, each from a different mistake."""
    grant = session.grant(pkce=Pkce.generate())
    wrong_redirect = Grant(grant.code, grant.state, grant.pkce, "http://127.0.0.1:53682/other")
    return {
        "unknown grant": session.raw.post(
            "/oauth2/token", data={"grant_type": "urn:example:none", "client_id": "x"}
        ),
        "missing code": session.raw.post(
            "/oauth2/token",
            data={
                "grant_type": "authorization_code",
                "redirect_uri": REDIRECT,
                "client_id": session.client_id,
            },
        ),
        "unknown code": session.exchange(
            Grant("no-such-code", "s", None, REDIRECT), verifier=Pkce.generate().verifier
        ),
        "redirect mismatch": session.exchange(wrong_redirect),
        "unknown client": session.exchange(grant, client_id="no-such-client"),
    }


@check(37, "RFC 6749 §5.1", "MUST", "token")
def test_token_response_is_json_with_token_and_type(session: OAuthSession) -> None:
    response = _login(session)
    content_type = response.headers.get("content-type", "").split(";")[0].strip()
    assert content_type == "application/json", (
        f"Expected application/json. Received: {content_type!r}"
    )
    body: dict[str, Any] = response.json()
    for member in ("access_token", "token_type"):
        assert isinstance(body.get(member), str), (
            f"Expected {member} in the token response. Received: {sorted(body)}"
        )
        assert body[member], f"Expected {member} in the token response. Received: {sorted(body)}"


@check(37, "RFC 6749 §5.1", "SHOULD", "token")
def test_token_response_has_expires_in(session: OAuthSession) -> None:
    body = _login(session).json()
    expires_in = body.get("expires_in")
    assert isinstance(expires_in, int), (
        f"Expected a positive expires_in (RECOMMENDED). Received: {expires_in!r}"
    )
    assert expires_in > 0, f"Expected a positive expires_in (RECOMMENDED). Received: {expires_in!r}"


@check(38, "RFC 6749 §5.1, §7.1", "MUST", "token")
def test_token_type_is_bearer(session: OAuthSession) -> None:
    token_type = _login(session).json().get("token_type")
    assert isinstance(token_type, str), (
        f"Expected token_type Bearer (any case). Received: {token_type!r}"
    )
    assert token_type.lower() == "bearer", (
        f"Expected token_type Bearer (any case). Received: {token_type!r}"
    )


@check(39, "RFC 6749 §5.1", "MUST", "token")
def test_token_response_is_not_cached(session: OAuthSession) -> None:
    cache = _login(session).headers.get("cache-control", "")
    assert "no-store" in cache.lower(), f"Expected Cache-Control: no-store. Received: {cache!r}"


@check(39, "RFC 6749 §5.1, §5.2", "MUST", "token")
def test_token_errors_are_not_cached(session: OAuthSession) -> None:
    for mistake, response in _error_responses(session).items():
        cache = response.headers.get("cache-control", "")
        assert "no-store" in cache.lower(), (
            f"Expected Cache-Control: no-store on the {mistake} error. Received: {cache!r}"
        )


@check(41, "RFC 6749 §5.1; longbridge-api.md", "MUST", "token")
def test_token_response_is_not_enveloped(session: OAuthSession) -> None:
    body = _login(session).json()
    enveloped = {"code", "message", "data"} <= set(body)
    assert not enveloped, (
        f"Expected plain RFC 6749 JSON, not the data API envelope. Received: {sorted(body)}"
    )
    assert "access_token" in body, (
        f"Expected plain RFC 6749 JSON, not the data API envelope. Received: {sorted(body)}"
    )


@check(42, "RFC 6749 §5.2", "MUST", "token")
def test_token_errors_are_400_json(session: OAuthSession) -> None:
    responses = _error_responses(session)
    responses.pop("unknown client")  # invalid_client may be 401 (Part 2 choice 11)
    for mistake, response in responses.items():
        assert response.status_code == 400, (
            f"Expected 400 for {mistake}. Received: {response.status_code} {response.text}"
        )
        content_type = response.headers.get("content-type", "").split(";")[0].strip()
        assert content_type == "application/json", (
            f"Expected a JSON error for {mistake}. Received: {content_type!r}"
        )


@check(42, "RFC 6749 §5.2", "MUST", "token")
def test_wrong_basic_secret_is_401_with_challenge(api: Client, target: Target) -> None:
    confidential = OAuthSession.register(
        api, target.base_url, token_endpoint_auth_method="client_secret_basic"
    )
    try:
        form = {"grant_type": "authorization_code", "code": "x", "redirect_uri": REDIRECT}
        response = confidential.raw.post(
            "/oauth2/token", data=form, auth=(confidential.client_id, "wrong-secret")
        )
        assert response.status_code == 401, (
            f"Expected 401 invalid_client. Received: {response.status_code} {response.text}"
        )
        assert response.json().get("error") == "invalid_client", f"Received: {response.text}"
        challenge = response.headers.get("www-authenticate")
        assert challenge, f"Expected WWW-Authenticate. Received: {dict(response.headers)}"
    finally:
        confidential.close()


@check(43, "RFC 6749 §5.2", "MUST", "token")
def test_token_errors_use_rfc6749_codes_and_safe_text(session: OAuthSession) -> None:
    for mistake, response in _error_responses(session).items():
        body = response.json()
        assert body.get("error") in TOKEN_ERRORS, (
            f"Expected an RFC 6749 §5.2 error for {mistake}. Received: {response.text}"
        )
        for member in ("error_description", "error_uri"):
            text = body.get(member)
            if text is not None:
                assert isinstance(text, str), (
                    f"Expected {member} in %x20-21 / %x23-5B / %x5D-7E for {mistake}. "
                    f"Received: {text!r}"
                )
                assert SAFE_TEXT.fullmatch(text), (
                    f"Expected {member} in %x20-21 / %x23-5B / %x5D-7E for {mistake}. "
                    f"Received: {text!r}"
                )


@check(58, "RFC 9700 §2.4", "MUST", "token")
def test_password_grant_is_refused(session: OAuthSession) -> None:
    form = {
        "grant_type": "password",
        "username": "user",
        "password": "secret",
        "client_id": session.client_id,
    }
    response = session.raw.post("/oauth2/token", data=form)
    assert response.status_code in (400, 401), (
        f"Expected the password grant to be refused. Received: {response.status_code}"
    )
    assert "access_token" not in response.text, f"Received: {response.text}"


@check(58, "RFC 9700 §2.1.2", "MUST", "authorize")
@pytest.mark.parametrize("response_type", ["token", "code token"])
def test_implicit_grant_is_refused(session: OAuthSession, response_type: str) -> None:
    params = {
        "response_type": response_type,
        "client_id": session.client_id,
        "redirect_uri": REDIRECT,
        "state": "s",
    }
    response = session.raw.get("/oauth2/authorize", params=params)
    location = response.headers.get("location", "")
    refused = response.status_code == 400 or (
        response.status_code == 302 and "error" in query(location) and "#" not in location
    )
    assert refused, (
        f"Expected response_type={response_type} to be refused. Received: "
        f"{response.status_code} {location}"
    )
    assert "access_token" not in location, (
        f"Expected response_type={response_type} to be refused. Received: "
        f"{response.status_code} {location}"
    )
    assert "code" not in query(location), (
        f"Expected response_type={response_type} to be refused. Received: "
        f"{response.status_code} {location}"
    )
