"""RFC 6750 bearer token usage on the data API (checklist items 52–55).

The rfc profile checks the protected resource given with ``--resource`` instead, and skips
these checks without one.
"""

from __future__ import annotations

import os

import httpx
import pytest

from conformance.checks import check
from conformance.endpoints import ENV_RESOURCE
from conformance.oauch import oauch
from conformance.profiles import rfc_profile
from conformance.redact import BearerAuth, Secret
from conformance.suite.helpers import OAuthSession
from conformance.target import Target
from longbridge_openapi_client import Pkce


@pytest.fixture
def resource() -> str:
    """The protected resource: Longbridge's socket token endpoint, or --resource."""
    if not rfc_profile():
        return "/v1/socket/token"
    given = os.environ.get(ENV_RESOURCE)
    if not given:
        pytest.skip("needs a protected resource (--resource URL) to present tokens to")
    return given


@check(52, "RFC 6750 §2.1; RFC 9110 §11.1", "MUST", "bearer")
def test_scheme_is_case_insensitive(raw: httpx.Client, access_token: Secret, resource: str) -> None:
    for scheme in ("bearer", "BEARER"):
        r = raw.get(resource, auth=BearerAuth(access_token, scheme))
        assert r.status_code == 200, (
            f"Expected 200 for scheme {scheme!r}. Received: {r.status_code}"
        )


@check(53, "RFC 6750 §2.3", "SHOULD", "bearer", rfc="no")
def test_query_token_is_not_accepted(
    raw: httpx.Client, access_token: Secret, resource: str
) -> None:
    r = raw.get(resource, params={"access_token": access_token.reveal()})
    assert r.status_code == 401, f"Expected 401 for a query-string token. Received: {r.status_code}"


@check(72, "RFC 6750 §2.3", "SHOULD", "bearer")
@oauch("ApiEndpoint.CacheControlTest")
def test_query_token_success_is_private(
    raw: httpx.Client, access_token: Secret, resource: str
) -> None:
    """§2.3: "Server success (2XX status) responses to these requests [a token in the URI]
    SHOULD contain a Cache-Control header with the "private" option" (``no-store`` is stricter
    and also accepted). The request sends ``Cache-Control: no-store`` as §2.3 asks of clients.
    A server refusing query tokens (item 53) gives no such success: the rule holds."""
    r = raw.get(
        resource,
        params={"access_token": access_token.reveal()},
        headers={"Cache-Control": "no-store"},
    )
    if not r.is_success:
        return
    cache = r.headers.get("cache-control", "")
    directives = {d.split("=", 1)[0].strip().lower() for d in cache.split(",")}
    assert directives & {"private", "no-store"}, (
        f"Expected Cache-Control: private on a {r.status_code} to a query-string token. "
        f"Received: {cache!r}"
    )


@check(54, "RFC 6750 §3", "MUST", "bearer")
def test_bad_token_gets_a_bearer_challenge(raw: httpx.Client, resource: str) -> None:
    # §3: a request without a token that enables access MUST get WWW-Authenticate.
    r = raw.get(resource, headers={"Authorization": "Bearer not-a-token"})
    challenge = r.headers.get("www-authenticate", "")
    ok = r.status_code == 401 and challenge.lower().startswith("bearer")
    assert ok, f"Expected 401 with a Bearer challenge. Received: {r.status_code} {challenge!r}"


@check(54, "RFC 6750 §3, §3.1", "MUST", "bearer", rfc="SHOULD")
def test_bad_token_gets_invalid_token_challenge(raw: httpx.Client, resource: str) -> None:
    # §3: the error attribute SHOULD be included when a token failed authentication.
    r = raw.get(resource, headers={"Authorization": "Bearer not-a-token"})
    challenge = r.headers.get("www-authenticate", "")
    assert 'error="invalid_token"' in challenge, (
        f'Expected error="invalid_token". Received: {r.status_code} {challenge!r}'
    )


@check(54, "RFC 6750 §3, §3.1", "MUST", "bearer", rfc="SHOULD")
def test_expired_token_gets_invalid_token_challenge(
    session: OAuthSession, mock_only: Target
) -> None:
    tokens = session.login()
    mock_only.advance_clock(float(tokens.get("expires_in", 3600)) + 1)
    r = session.call_api(tokens["access_token"])
    challenge = r.headers.get("www-authenticate", "")
    ok = r.status_code == 401 and 'error="invalid_token"' in challenge
    assert ok, f'Expected 401 with error="invalid_token". Received: {r.status_code} {challenge!r}'


# §3.1: without credentials the error code SHOULD NOT be included (the challenge itself is
# the MUST that test_bad_token_gets_a_bearer_challenge holds in the rfc profile).
@check(54, "RFC 6750 §3.1", "MUST", "bearer", rfc="SHOULD")
def test_no_credentials_gets_challenge_without_error(raw: httpx.Client, resource: str) -> None:
    r = raw.get(resource)
    challenge = r.headers.get("www-authenticate", "")
    ok = r.status_code == 401 and challenge.lower().startswith("bearer")
    assert ok, f"Expected 401 with a Bearer challenge. Received: {r.status_code} {challenge!r}"
    assert "error=" not in challenge, f"Expected no error attribute. Received: {challenge!r}"


@check(55, "RFC 6750 §3.1; docs/longbridge-api.md §2.4", "MUST", "bearer", rfc="no")
def test_insufficient_scope_is_403308(session: OAuthSession) -> None:
    response = session.exchange(session.grant(pkce=Pkce.generate(), scope="6"))  # account.read
    token = response.json()["access_token"]
    r = session.raw.get(
        session.base_url + "/v1/quote/get_security_list",
        params={"market": "US", "category": "Overnight"},
        headers={"Authorization": f"Bearer {token}"},
    )
    code = (
        r.json().get("code")
        if r.headers.get("content-type", "").startswith("application/json")
        else None
    )
    ok = r.status_code == 403 and code == 403308
    assert ok, f"Expected 403 with code 403308. Received: {r.status_code} {r.text}"
