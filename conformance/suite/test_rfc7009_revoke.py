"""RFC 7009 token revocation (checklist extension: item 59, not in Part 1).

The checklist has no revocation item; these checks extend it under number 59. Revocation may
require ``client_id`` from public clients (Part 2, choice 11), so the requests send it, and
confidential clients authenticate (§2.1). Revocation is OPTIONAL in RFC 8414 §2: without a
``revocation_endpoint`` these checks skip.

§2.1 has the server validate a confidential client's credentials and verify "whether the token
was issued to the client making the revocation request"; a request failing either "is refused"
(items 100, 101). A server may refuse it with an error or answer 200 without revoking (§2.2 lets
it answer 200 for a token it will not act on), so those checks judge by whether the token still
works afterwards, not by the status. Items 100-101 are extensions listed in conformance/README.md.
"""

from __future__ import annotations

import secrets
from typing import Any

import httpx

from conformance.checks import check
from conformance.oauch import oauch
from conformance.suite.helpers import OAuthSession


def _revoked(session: OAuthSession, token: str, hint: str) -> None:
    response = session.revoke(token, hint)
    assert response.status_code == 200, (
        f"Expected 200 for a revocation. Received: {response.status_code} {response.text}"
    )


@check(59, "RFC 7009 §2.1", "MUST", "revoke")
def test_revoked_refresh_token_is_refused(session: OAuthSession) -> None:
    session.endpoints.require("revocation_endpoint")
    refresh_token = session.refresh_token_of(session.login())
    _revoked(session, refresh_token, "refresh_token")
    refreshed: httpx.Response = session.refresh(refresh_token)
    assert refreshed.status_code == 400, (
        "Expected the revoked refresh token to be refused. "
        f"Received: {refreshed.status_code} {refreshed.text}"
    )


@check(59, "RFC 7009 §2.1", "MUST", "revoke", rfc="SHOULD")
def test_revoking_a_refresh_token_revokes_its_grant(session: OAuthSession) -> None:
    # §2.1: the server SHOULD also invalidate the access tokens of the same grant.
    session.endpoints.require("revocation_endpoint")
    tokens = session.login()
    _revoked(session, session.refresh_token_of(tokens), "refresh_token")
    assert not session.token_works(tokens["access_token"]), (
        "Expected the access token of the revoked grant to stop working. Received: it works"
    )


@check(59, "RFC 7009 §2", "MUST", "revoke", rfc="SHOULD")
def test_revoking_an_access_token_stops_it(session: OAuthSession) -> None:
    # §2: servers MUST support revoking refresh tokens and SHOULD support access tokens.
    session.endpoints.require("revocation_endpoint")
    tokens = session.login()
    _revoked(session, tokens["access_token"], "access_token")
    assert not session.token_works(tokens["access_token"]), (
        "Expected the revoked access token to stop working. Received: it works"
    )


@check(59, "RFC 7009 §2.2", "MUST", "revoke")
def test_revoking_an_unknown_token_is_200(session: OAuthSession) -> None:
    response = session.revoke(secrets.token_urlsafe(32))
    assert response.status_code == 200, (
        "Expected 200 for an unknown token (invalid tokens do not cause an error). "
        f"Received: {response.status_code} {response.text}"
    )


def _still_works(session: OAuthSession, tokens: dict[str, Any], target: str) -> None:
    """The token ``target`` names (``refresh_token`` or ``access_token``) was not revoked."""
    if target == "refresh_token":
        refreshed = session.refresh(tokens["refresh_token"])
        assert refreshed.status_code == 200, (
            "Expected the refresh token to be left alone and to refresh. "
            f"Received: {refreshed.status_code} {refreshed.text}"
        )
    else:
        assert session.token_works(tokens["access_token"]), (
            "Expected the access token to be left alone and to work. Received: it was revoked"
        )


def _target(tokens: dict[str, Any]) -> str:
    # The refresh token when there is one (§2: every server revokes those), as OAuch does.
    return "refresh_token" if isinstance(tokens.get("refresh_token"), str) else "access_token"


@check(100, "RFC 7009 §2.1; RFC 6749 §2.3.1", "MUST", "revoke")
@oauch("Revocation.IsClientAuthRequiredTest")
def test_revocation_requires_the_clients_credentials(session: OAuthSession) -> None:
    url = session.endpoints.require("revocation_endpoint")
    confidential = session.confidential()
    tokens = confidential.login()
    target = _target(tokens)
    # The client's id, as a public client would send it, and no secret (§2.1, RFC 6749 §2.3).
    form = {"token": tokens[target], "token_type_hint": target, "client_id": confidential.client_id}
    confidential.token_request(form, authenticate=False, url=url)
    _still_works(confidential, tokens, target)


@check(101, "RFC 7009 §2.1", "MUST", "revoke")
@oauch("Revocation.IsBoundToClientTest")
def test_revocation_by_another_client_revokes_nothing(session: OAuthSession) -> None:
    session.endpoints.require("revocation_endpoint")
    tokens = session.login()
    target = _target(tokens)
    # Another client, authenticated as itself: the token was not issued to it.
    OAuthSession.second(session.server).revoke(tokens[target], target)
    _still_works(session, tokens, target)
