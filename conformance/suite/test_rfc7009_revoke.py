"""RFC 7009 token revocation (checklist extension: item 59, not in Part 1).

The checklist has no revocation item; these checks extend it under number 59. Revocation may
require ``client_id`` from public clients (Part 2, choice 11), so the requests send it.
"""

from __future__ import annotations

import secrets

import httpx

from conformance.checks import check
from conformance.suite.helpers import OAuthSession, as_httpx
from longbridge_openapi_client.api.oauth import revoke_token
from longbridge_openapi_client.models import RevocationRequest
from longbridge_openapi_client.models.token_type_hint import TokenTypeHint
from longbridge_openapi_client.types import UNSET


def _revoke(session: OAuthSession, token: str, hint: TokenTypeHint | None = None) -> httpx.Response:
    body = RevocationRequest(
        token=token,
        token_type_hint=hint if hint is not None else UNSET,
        client_id=session.client_id,
    )
    return as_httpx(revoke_token.sync_detailed(client=session.api, body=body))


@check(59, "RFC 7009 §2.1", "MUST", "revoke")
def test_revoking_a_refresh_token_revokes_its_grant(session: OAuthSession) -> None:
    tokens = session.login()
    response = _revoke(session, tokens["refresh_token"], "refresh_token")
    assert response.status_code == 200, (
        f"Expected 200 for a revocation. Received: {response.status_code} {response.text}"
    )
    refreshed = session.refresh(tokens["refresh_token"])
    assert refreshed.status_code == 400, (
        "Expected the revoked refresh token to be refused. "
        f"Received: {refreshed.status_code} {refreshed.text}"
    )
    call = session.call_api(tokens["access_token"])
    assert call.status_code == 401, (
        "Expected the access token of the revoked grant to stop working. "
        f"Received: {call.status_code} {call.text}"
    )


@check(59, "RFC 7009 §2.1", "MUST", "revoke")
def test_revoking_an_access_token_stops_it(session: OAuthSession) -> None:
    tokens = session.login()
    response = _revoke(session, tokens["access_token"], "access_token")
    assert response.status_code == 200, (
        f"Expected 200 for a revocation. Received: {response.status_code} {response.text}"
    )
    call = session.call_api(tokens["access_token"])
    assert call.status_code == 401, (
        f"Expected the revoked access token to stop working. Received: {call.status_code}"
    )


@check(59, "RFC 7009 §2.2", "MUST", "revoke")
def test_revoking_an_unknown_token_is_200(session: OAuthSession) -> None:
    response = _revoke(session, secrets.token_urlsafe(32))
    assert response.status_code == 200, (
        "Expected 200 for an unknown token (invalid tokens do not cause an error). "
        f"Received: {response.status_code} {response.text}"
    )
