"""RFC 6749 §6 refresh and RFC 9700 §4.14.2 rotation (checklist items 45–48; Part 2, choice 7).

Items 49–51 are about the client (keep the old refresh token, single-flight, refresh once on 401)
and are tested with the client package, not here.
"""

from __future__ import annotations

from typing import Any

from conformance.checks import check
from conformance.suite.helpers import OAuthSession, as_httpx
from longbridge_openapi_client import Pkce
from longbridge_openapi_client.api.oauth import request_token
from longbridge_openapi_client.models import RefreshTokenRequest


def _ok(response: Any, what: str) -> dict[str, Any]:
    assert response.status_code == 200, (
        f"Expected 200 for {what}. Received: {response.status_code} {response.text}"
    )
    body: dict[str, Any] = response.json()
    return body


def _error(response: Any) -> str | None:
    try:
        error = response.json().get("error")
    except ValueError:
        return None
    return error if isinstance(error, str) else None


@check(45, "RFC 6749 §6; RFC 7636 §4.5", "MUST", "refresh")
def test_refresh_works_without_code_verifier(session: OAuthSession) -> None:
    tokens = session.login()
    assert "refresh_token" in tokens, f"Expected a refresh_token. Received: {sorted(tokens)}"
    # RefreshTokenRequest has no code_verifier: PKCE does not apply to refresh.
    refreshed = _ok(session.refresh(tokens["refresh_token"]), "a refresh without code_verifier")
    call = session.call_api(refreshed["access_token"])
    assert call.status_code == 200, (
        f"Expected the refreshed access token to work. Received: {call.status_code} {call.text}"
    )


@check(46, "RFC 6749 §6", "MUST", "refresh")
def test_wider_scope_is_invalid_scope(session: OAuthSession) -> None:
    grant = session.grant(pkce=Pkce.generate(), scope="6")  # account.read only
    tokens = _ok(session.exchange(grant), "the code exchange")
    body = RefreshTokenRequest(
        grant_type="refresh_token",
        refresh_token=tokens["refresh_token"],
        client_id=session.client_id,
        scope="4 6",  # adds watchlist
    )
    response = as_httpx(request_token.sync_detailed(client=session.api, body=body))
    ok = response.status_code == 400 and _error(response) == "invalid_scope"
    assert ok, (
        "Expected 400 invalid_scope for a scope wider than the grant. "
        f"Received: {response.status_code} {response.text}"
    )


@check(47, "RFC 6749 §6, §10.4", "MUST", "refresh")
def test_refresh_token_of_another_client_is_invalid_grant(session: OAuthSession) -> None:
    tokens = session.login()
    other = OAuthSession.register(session.api, session.base_url)
    try:
        response = other.refresh(tokens["refresh_token"])
    finally:
        other.close()
    ok = response.status_code == 400 and _error(response) == "invalid_grant"
    assert ok, (
        "Expected 400 invalid_grant for another client's refresh token. "
        f"Received: {response.status_code} {response.text}"
    )


@check(48, "RFC 9700 §4.14.2; Part 2 choice 7", "MUST", "refresh")
def test_each_refresh_returns_a_new_refresh_token(session: OAuthSession) -> None:
    seen = [session.login()["refresh_token"]]
    for _ in range(3):
        body = _ok(session.refresh(seen[-1]), "a refresh")
        assert "refresh_token" in body, (
            f"Expected a new refresh_token (rotation). Received: {sorted(body)}"
        )
        seen.append(body["refresh_token"])
    assert len(set(seen)) == len(seen), (
        f"Expected a different refresh token each time. Received: {len(set(seen))} distinct"
    )


@check(48, "RFC 9700 §4.14.2; Part 2 choice 7", "MUST", "refresh")
def test_superseded_refresh_token_is_invalid_grant(session: OAuthSession) -> None:
    old = session.login()["refresh_token"]
    _ok(session.refresh(old), "the first refresh")
    response = session.refresh(old)
    ok = response.status_code == 400 and _error(response) == "invalid_grant"
    assert ok, (
        "Expected 400 invalid_grant for a superseded refresh token. "
        f"Received: {response.status_code} {response.text}"
    )


@check(48, "RFC 9700 §4.14.2; Part 2 choice 7", "MUST", "refresh")
def test_reuse_revokes_the_token_family(session: OAuthSession) -> None:
    old = session.login()["refresh_token"]
    current = _ok(session.refresh(old), "the first refresh")
    session.refresh(old)  # reuse: a sign of theft
    call = session.call_api(current["access_token"])
    assert call.status_code == 401, (
        "Expected the family's current access token to stop working after reuse. "
        f"Received: {call.status_code} {call.text}"
    )
    response = session.refresh(current["refresh_token"])
    ok = response.status_code == 400 and _error(response) == "invalid_grant"
    assert ok, (
        "Expected the family's current refresh token to stop working after reuse. "
        f"Received: {response.status_code} {response.text}"
    )
