"""RFC 7636 PKCE and the RFC 9700 §4.8.2 downgrade defence (checklist items 20–22, 29–32, 57,
90, 91).

PKCE is optional at the real server, so "PKCE required" is a SHOULD (Part 2, choice 3); once a
challenge was sent every rule is a MUST.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conformance.checks import check
from conformance.consent import AuthorizationResponse, SetupError
from conformance.oauch import oauch
from conformance.profiles import rfc_profile
from conformance.redact import mask
from conformance.suite.helpers import Grant, OAuthSession, json_of
from longbridge_openapi_client import Pkce, s256_challenge

UNRESERVED = string.ascii_letters + string.digits + "-._~"
FIXTURE_OK = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


def _authorize(session: OAuthSession, **params: str) -> AuthorizationResponse:
    """An authorization request with ``params`` through the consent driver."""
    return session.authorize_raw(session.params(state="s", **params), consent=True)


def _refused(response: AuthorizationResponse) -> bool:
    """invalid_request at the client (§4.4.1), or an error page that is not a 404."""
    if response.to_client:
        return response.params.get("error") == "invalid_request"
    return not response.redirected and response.status_code not in (200, 404)


def _skip_if_plain_offered(session: OAuthSession) -> None:
    methods = session.endpoints.supported("code_challenge_methods_supported")
    if rfc_profile() and "plain" in methods:
        pytest.skip("the server offers plain (RFC 7636 §4.2 allows it)")


@check(57, "RFC 7636 Appendix B", "MUST", "token")
def test_appendix_b_vector_is_accepted(session: OAuthSession) -> None:
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    pkce = Pkce(verifier)
    assert pkce.challenge == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    response = session.exchange(session.grant(pkce=pkce))
    assert response.status_code == 200, (
        f"Expected 200 for the Appendix B pair. Received: {response.text}"
    )


@check(20, "RFC 9700 §2.1.1; RFC 7636 §4.4.1", "SHOULD", "authorize")
def test_authorization_without_pkce_is_refused(session: OAuthSession) -> None:
    result = _authorize(session)
    assert _refused(result), (
        f"Expected invalid_request without code_challenge. Received: {result.describe()}"
    )


@check(21, "RFC 7636 §4.2, §4.4.1; Part 2 choice 4", "MUST", "authorize", rfc="SHOULD")
def test_plain_method_is_refused(session: OAuthSession) -> None:
    _skip_if_plain_offered(session)
    result = _authorize(session, code_challenge="a" * 43, code_challenge_method="plain")
    assert _refused(result), (
        f"Expected invalid_request for method plain. Received: {result.describe()}"
    )


@check(21, "RFC 7636 §4.3; Part 2 choice 4", "MUST", "authorize", rfc="SHOULD")
def test_challenge_without_method_is_refused(session: OAuthSession) -> None:
    # §4.3 defaults a missing method to plain, which an S256-only server does not offer.
    _skip_if_plain_offered(session)
    result = _authorize(session, code_challenge=s256_challenge("v" * 43))
    assert _refused(result), (
        f"Expected invalid_request without code_challenge_method. Received: {result.describe()}"
    )


@check(22, "RFC 7636 §4.2", "MUST", "authorize", rfc="SHOULD")
@FIXTURE_OK
@given(
    challenge=st.one_of(
        st.text(alphabet=UNRESERVED, min_size=1, max_size=42),
        st.text(alphabet=UNRESERVED, min_size=129, max_size=160),
        st.text(alphabet="!$&'()*+,;= /", min_size=43, max_size=50),
        st.text(alphabet=UNRESERVED, min_size=42, max_size=42).map(lambda s: s + "="),
    )
)
def test_malformed_challenge_is_refused(session: OAuthSession, challenge: str) -> None:
    result = _authorize(session, code_challenge=challenge, code_challenge_method="S256")
    refused = "code" not in result.params and result.status_code != 404
    assert refused, f"Expected a refusal for challenge {challenge!r}. Received: {result.describe()}"


@check(30, "RFC 7636 §4.6", "MUST", "token")
@FIXTURE_OK
@given(verifier=st.text(alphabet=UNRESERVED, min_size=43, max_size=128))
def test_wrong_verifier_is_invalid_grant(session: OAuthSession, verifier: str) -> None:
    pkce = Pkce.generate()
    if verifier == pkce.verifier:
        return
    response = session.exchange(session.grant(pkce=pkce), verifier=verifier)
    assert response.status_code == 400, (
        f"Expected 400. Received: {response.status_code} {response.text}"
    )
    assert json_of(response).get("error") == "invalid_grant", f"Received: {response.text}"


@check(31, "RFC 7636 §4.6; Part 2 choice 2", "MUST", "token")
def test_missing_verifier_is_invalid_grant(session: OAuthSession) -> None:
    grant = session.grant(pkce=Pkce.generate())
    grant.pkce = None  # send no code_verifier
    response = session.exchange(grant)
    assert response.status_code == 400, (
        f"Expected 400. Received: {response.status_code} {response.text}"
    )
    # §4.6 names invalid_grant for a mismatch only; a missing parameter is also invalid_request
    # (RFC 6749 §5.2). Longbridge answers invalid_grant (Part 2 choice 2).
    allowed = {"invalid_grant", "invalid_request"} if rfc_profile() else {"invalid_grant"}
    assert json_of(response).get("error") in allowed, f"Received: {response.text}"


@check(32, "RFC 9700 §4.8.2", "MUST", "token")
def test_verifier_for_a_code_without_challenge_is_refused(session: OAuthSession) -> None:
    result = _authorize(session)
    if "code" not in result.params:
        return  # the server requires PKCE: no downgrade possible
    grant = Grant(result.params["code"], "s", None, session.redirect_uri)
    response = session.exchange(grant, verifier=Pkce.generate().verifier)
    assert response.status_code == 400, (
        "Expected 400 for a verifier on a code issued without challenge. "
        f"Received: {response.status_code}"
    )


@check(29, "RFC 7636 §4.1", "MUST", "token")
@FIXTURE_OK
@given(length=st.sampled_from([43, 64, 128]))
def test_verifiers_of_every_valid_length_work(session: OAuthSession, length: int) -> None:
    pkce = Pkce.generate(length)
    response = session.exchange(session.grant(pkce=pkce))
    assert response.status_code == 200, (
        f"Expected 200 for a {length}-character verifier. Received: {response.text}"
    )


def _short_verifier(length: int) -> tuple[str, str]:
    """A verifier under §4.1's 43 characters and its S256 challenge, which is well-formed."""
    verifier = "".join(secrets.choice(UNRESERVED) for _ in range(length))
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


@check(90, "RFC 7636 §4.1, §4.6", "MUST", "token", rfc="SHOULD")
@oauch("Pkce.ShortVerifierTest")
@pytest.mark.parametrize("length", [3, 42])
def test_short_verifier_is_refused(session: OAuthSession, length: int) -> None:
    # §4.1: code_verifier = 43*128unreserved, "a minimum length of 43 characters" (with §7.1's
    # entropy). The rule is worded for the client: SHOULD under --profile rfc.
    verifier, challenge = _short_verifier(length)
    result = _authorize(session, code_challenge=challenge, code_challenge_method="S256")
    code = result.params.get("code")
    if not result.to_client or code is None:
        raise SetupError(f"no authorization code: {result.describe()}")
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": session.redirect_uri,
        "code_verifier": verifier,
    }
    response = session.token_request(form)
    refused = response.status_code == 400 and "access_token" not in json_of(response)
    assert refused, (
        f"Expected 400 for a {length}-character verifier that matches its challenge. "
        f"Received: {response.status_code} {mask(response.text[:300])}"
    )


@check(91, "RFC 7636 §4.6; RFC 9700 §2.1.1", "MUST", "token")
@oauch("Pkce.IsPkcePlainDowngradeDetectedTest")
def test_challenge_as_verifier_is_refused(session: OAuthSession) -> None:
    # An attacker who saw the S256 challenge sends it back as if the method were plain: §4.6
    # compares BASE64URL(SHA256(verifier)) with the challenge, and "If the values are not
    # equal, an error response indicating invalid_grant MUST be returned".
    pkce = Pkce.generate()
    response = session.exchange(session.grant(pkce=pkce), verifier=pkce.challenge)
    assert response.status_code == 400, (
        "Expected 400 invalid_grant for the challenge sent as the verifier. "
        f"Received: {response.status_code} {mask(response.text[:300])}"
    )
    assert json_of(response).get("error") == "invalid_grant", (
        f"Received: {mask(response.text[:300])}"
    )
