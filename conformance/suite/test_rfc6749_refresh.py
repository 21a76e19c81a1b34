"""RFC 6749 §6 refresh and RFC 9700 §4.14.2 rotation (checklist items 45–48; Part 2, choice 7).

Items 49–51 are about the client (keep the old refresh token, single-flight, refresh once on 401)
and are tested with the client package, not here.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from conformance.checks import check
from conformance.profiles import rfc_profile
from conformance.suite.helpers import OAuthSession, json_of


def _ok(response: httpx.Response, what: str) -> dict[str, Any]:
    assert response.status_code == 200, (
        f"Expected 200 for {what}. Received: {response.status_code} {response.text}"
    )
    body: dict[str, Any] = response.json()
    return body


def _error(response: httpx.Response) -> str | None:
    error = json_of(response).get("error")
    return error if isinstance(error, str) else None


def _rotating(session: OAuthSession) -> None:
    """RFC 9700 §4.14.2 requires rotation (or sender-constraining) of public clients' tokens."""
    if rfc_profile() and not session.credentials.public:
        pytest.skip("a confidential client: RFC 9700 §4.14.2 requires rotation for public ones")


@check(45, "RFC 6749 §6; RFC 7636 §4.5", "MUST", "refresh")
def test_refresh_works_without_code_verifier(session: OAuthSession) -> None:
    tokens = session.login()
    refresh_token = session.refresh_token_of(tokens)
    # RefreshTokenRequest has no code_verifier: PKCE does not apply to refresh.
    refreshed = _ok(session.refresh(refresh_token), "a refresh without code_verifier")
    assert session.token_works(refreshed["access_token"]), (
        "Expected the refreshed access token to work. Received: it does not"
    )


@check(46, "RFC 6749 §6", "MUST", "refresh")
def test_wider_scope_is_invalid_scope(session: OAuthSession) -> None:
    scopes = session.endpoints.scopes
    if len(scopes) < 2:
        pytest.skip("needs two scopes (--scope or scopes_supported) to ask for a wider one")
    tokens = session.login(scope=scopes[0])
    response = session.refresh(session.refresh_token_of(tokens), scope=" ".join(scopes[:2]))
    ok = response.status_code == 400 and _error(response) == "invalid_scope"
    assert ok, (
        "Expected 400 invalid_scope for a scope wider than the grant. "
        f"Received: {response.status_code} {response.text}"
    )


@check(47, "RFC 6749 §6, §10.4", "MUST", "refresh")
def test_refresh_token_of_another_client_is_invalid_grant(session: OAuthSession) -> None:
    refresh_token = session.refresh_token_of(session.login())
    response = OAuthSession.second(session.server).refresh(refresh_token)
    ok = response.status_code == 400 and _error(response) == "invalid_grant"
    assert ok, (
        "Expected 400 invalid_grant for another client's refresh token. "
        f"Received: {response.status_code} {response.text}"
    )


@check(48, "RFC 9700 §4.14.2; Part 2 choice 7", "MUST", "refresh")
def test_each_refresh_returns_a_new_refresh_token(session: OAuthSession) -> None:
    _rotating(session)
    seen = [session.refresh_token_of(session.login())]
    for _ in range(3):
        body = _ok(session.refresh(seen[-1]), "a refresh")
        assert "refresh_token" in body, (
            f"Expected a new refresh_token (rotation). Received: {sorted(body)}"
        )
        seen.append(body["refresh_token"])
    assert len(set(seen)) == len(seen), (
        f"Expected a different refresh token each time. Received: {len(set(seen))} distinct"
    )


def _rotated(session: OAuthSession) -> tuple[str, dict[str, Any]]:
    """A superseded refresh token and the refresh response that superseded it."""
    _rotating(session)
    old = session.refresh_token_of(session.login())
    current = _ok(session.refresh(old), "the first refresh")
    if rfc_profile() and current.get("refresh_token") in (None, old):
        pytest.skip("the server does not rotate refresh tokens (test_each_refresh_... checks it)")
    return old, current


@check(48, "RFC 9700 §4.14.2; Part 2 choice 7", "MUST", "refresh")
def test_superseded_refresh_token_is_invalid_grant(session: OAuthSession) -> None:
    # A MUST in the rfc profile too, where it runs only for a public client of a rotating server:
    # RFC 6749 §6 alone "MAY revoke the old refresh token", but RFC 9700 §2.2.2 says a public
    # client's refresh tokens "MUST be sender-constrained or use refresh token rotation", and
    # rotation is "The previous refresh token is invalidated" (§4.14.2); bearer tokens are not
    # sender-constrained.
    old, _ = _rotated(session)
    response = session.refresh(old)
    ok = response.status_code == 400 and _error(response) == "invalid_grant"
    assert ok, (
        "Expected 400 invalid_grant for a superseded refresh token. "
        f"Received: {response.status_code} {response.text}"
    )


@check(48, "RFC 9700 §4.14.2; Part 2 choice 7", "MUST", "refresh", rfc="SHOULD")
def test_reuse_revokes_the_token_family(session: OAuthSession) -> None:
    # §4.14.2 describes it ("it will revoke the active refresh token") without a MUST.
    old, current = _rotated(session)
    session.refresh(old)  # reuse: a sign of theft
    assert not session.token_works(current["access_token"]), (
        "Expected the family's current access token to stop working after reuse."
    )
    response = session.refresh(current["refresh_token"])
    ok = response.status_code == 400 and _error(response) == "invalid_grant"
    assert ok, (
        "Expected the family's current refresh token to stop working after reuse. "
        f"Received: {response.status_code} {response.text}"
    )
