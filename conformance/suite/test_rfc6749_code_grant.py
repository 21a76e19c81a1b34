"""RFC 6749 §4.1: the authorization endpoint and the code grant (checklist items 15–19, 23, 24,
27, 28, 33–36).

A loopback redirect URI may be matched with any port (RFC 8252 §7.3, Part 2 choice 11); no check
fails a server for that. Any redirect but 307/308 is an authorization response (RFC 6749 §1.7,
§3.1; RFC 9700 §4.12 recommends 303), and requests go through the consent driver, so a server's
own login and consent steps come between a request and its response.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conformance.checks import check
from conformance.consent import AuthorizationResponse
from conformance.oauch import oauch
from conformance.suite.helpers import Grant, OAuthSession, is_refusal, json_of
from conformance.target import Target
from longbridge_openapi_client import Pkce

FIXTURE_OK = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
AUTHORIZE_ERRORS = {
    "invalid_request",
    "unauthorized_client",
    "access_denied",
    "unsupported_response_type",
    "invalid_scope",
    "server_error",
    "temporarily_unavailable",
}
UNKNOWN_RESPONSE_TYPE = "urn:example:conformance"
# OAuch's redirect URI confusions (github.com/DistriNet/OAuch, src/OAuch/OAuch.Tests/Tests/
# AuthEndpoint/RedirectUriConfusionTest.cs), appended to the registered URI's path and sent
# unencoded as OAuch sends them: a server that decodes, normalises dot-segments or cuts at ";"
# or a line break before comparing would take some of them for the registered URI.
CONFUSIONS = (
    "/FAKEPATH",
    "%2FFAKEPATH",
    "/..%2FFAKEPATH",
    "/%2e%2e%2FFAKEPATH",
    "/..%252FFAKEPATH",
    "/%252e%252e%252FFAKEPATH",
    "/FAKEPATH/..",
    "%2FFAKEPATH%2F..",
    "%2FFAKEPATH%2F%2e%2e",
    "%252FFAKEPATH%252F..",
    "%252FFAKEPATH%252F%252e%252e",
    "/;/../../FAKEPATH",
    "/%3B/../../FAKEPATH",
    "%3B%2F..%2F..%2FFAKEPATH",
    "%3B%2F%2e%2e%2F%2F%2e%2eFAKEPATH",
    "%253B%252F..%252F..%252FFAKEPATH",
    "%0A%0D/../../FAKEPATH",
    "%0A%0D%2F..%2F..%2FFAKEPATH",
    "%0A%0D%2F%2e%2e%2F%2F%2e%2eFAKEPATH",
    "%250A%250D%252F..%252F..%252FFAKEPATH",
)


def _assert_error(response: httpx.Response, *errors: str) -> None:
    """RFC 6749 §5.2: 400 with one of ``errors`` (401 allowed for invalid_client)."""
    error = json_of(response).get("error")
    status_ok = response.status_code == 400 or (
        response.status_code == 401 and error == "invalid_client"
    )
    assert status_ok, (
        f"Expected 400 {' or '.join(errors)}. Received: {response.status_code} {response.text}"
    )
    assert error in errors, f"Expected error {' or '.join(errors)}. Received: {response.text}"


def _assert_not_redirected(response: AuthorizationResponse, what: str) -> None:
    """§4.1.2.1: inform the resource owner, MUST NOT redirect (any status but a 404 page)."""
    assert not response.redirected, (
        f"Expected no redirect for {what}. Received: {response.describe()}"
    )
    assert response.status_code != 404, (
        f"Expected an error page for {what}, not 404 (is this the authorization endpoint?)"
    )
    assert "code" not in response.params, f"Expected no code for {what}"


@check(15, "RFC 6749 §4.1.1, §4.1.2.1", "MUST", "authorize")
def test_unsupported_response_type_is_redirected_with_error(session: OAuthSession) -> None:
    response = session.authorize_raw(session.params(response_type=UNKNOWN_RESPONSE_TYPE))
    assert response.to_client, (
        f"Expected a redirect to the client with an error. Received: {response.describe()}"
    )
    # An unknown response type has no response mode: the error may come in the query or,
    # as for fragment-mode types, in the fragment (§4.2.2.1); .params reads both.
    assert response.params.get("error") == "unsupported_response_type", (
        f"Expected unsupported_response_type. Received: {response.params}"
    )
    assert "code" not in response.params, f"Expected no code. Received: {response.params}"


@check(15, "RFC 6749 §4.1.1, §4.1.2.1", "MUST", "authorize")
def test_missing_response_type_is_refused(session: OAuthSession) -> None:
    """response_type is REQUIRED (§4.1.1): a request without it gets no code.

    §4.1.2.1's invalid_request fits best; unsupported_response_type, which some servers answer
    for any response type they cannot use, is accepted too, and so is an error page.
    """
    pkce = Pkce.generate()
    params = session.params(code_challenge=pkce.challenge, code_challenge_method="S256")
    del params["response_type"]
    response = session.authorize_raw(params, consent=True)
    assert "code" not in response.params, (
        f"Expected no code without response_type. Received: {response.describe()}"
    )
    if response.to_client:
        error = response.params.get("error")
        assert error in ("invalid_request", "unsupported_response_type"), (
            f"Expected invalid_request without response_type. Received: {response.describe()}"
        )
    else:
        _assert_not_redirected(response, "a request without response_type")


@check(16, "RFC 9700 §2.1, §4.1.3", "MUST", "authorize")
def test_redirect_uri_must_match_exactly(session: OAuthSession) -> None:
    """Every URI that is not the registered one is refused, encoded tricks included."""
    base = session.redirect_uri.rstrip("/")
    for other in (f"{base}/extra", f"{base}x", f"{base}?x=1"):
        response = session.authorize(pkce=Pkce.generate(), redirect_uri=other)
        _assert_not_redirected(response, f"redirect_uri {other}")
    parts = urlsplit(session.redirect_uri)
    path_only = urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")).rstrip("/")
    for suffix in CONFUSIONS:
        pkce = Pkce.generate()
        params = session.params(code_challenge=pkce.challenge, code_challenge_method="S256")
        del params["redirect_uri"]
        other = path_only + suffix
        response = session.authorize_raw(params, consent=True, raw=("redirect_uri", other))
        _assert_not_redirected(response, f"redirect_uri {other} (sent unencoded)")


@check(17, "RFC 6749 §3.1.2.4, §4.1.2.1; RFC 9700 §4.11", "MUST", "authorize")
def test_unknown_client_is_not_redirected(session: OAuthSession) -> None:
    response = session.authorize_raw(session.params(client_id="no-such-client"))
    _assert_not_redirected(response, "an unknown client_id")


@check(17, "RFC 6749 §3.1.2.4, §4.1.2.1; RFC 9700 §4.11", "MUST", "authorize")
def test_unregistered_redirect_uri_is_not_redirected(session: OAuthSession) -> None:
    response = session.authorize(redirect_uri="https://attacker.example/callback")
    _assert_not_redirected(response, "an unregistered redirect_uri")


@check(18, "RFC 6749 §4.1.2.1", "MUST", "authorize")
def test_errors_redirect_with_error_and_state(session: OAuthSession) -> None:
    state = "error-state-1"
    params = session.params(state=state, response_type=UNKNOWN_RESPONSE_TYPE)
    response = session.authorize_raw(params)
    assert response.to_client, f"Expected a redirect to the client. Received: {response.describe()}"
    received = response.params
    assert received.get("error") in AUTHORIZE_ERRORS, (
        f"Expected an RFC 6749 §4.1.2.1 error. Received: {received}"
    )
    assert received.get("state") == state, f"Expected state {state!r}. Received: {received}"


@check(19, "RFC 6749 §4.1.2, §10.12", "MUST", "authorize")
@FIXTURE_OK
@given(
    state=st.one_of(
        st.text(min_size=1, max_size=40).filter(lambda s: "\x00" not in s),
        st.text(alphabet=":/?#[]@!$&'()*+,;=% ", min_size=1, max_size=20),
        st.sampled_from(["état-ü-中文-🚀", "a=b&c=d", "x+y z", "%41"]),
    )
)
def test_state_is_returned_unchanged(session: OAuthSession, state: str) -> None:
    if state.strip() != state or not state.strip():
        state = f"s{state}s"  # leading/trailing blanks are a transport concern, not state's
    response = session.authorize(pkce=Pkce.generate(), state=state)
    assert response.to_client, f"Expected a redirect to the client. Received: {response.describe()}"
    received = response.params.get("state")
    assert received == state, f"Expected state {state!r}. Received: {received!r}"


@check(23, "RFC 6749 §3.1", "MUST", "authorize")
def test_repeated_parameters_are_invalid_request(session: OAuthSession) -> None:
    """§3.1: parameters MUST NOT be included more than once, even with the same value (OAuch
    repeats response_type)."""
    for name, again in (("state", "t"), ("response_type", "code")):
        params = [*session.params(state="s").items(), (name, again)]
        response = session.authorize_raw(params)
        if response.to_client:
            error = response.params.get("error")
            assert error == "invalid_request", (
                f"Expected invalid_request for a repeated {name}. Received: {response.describe()}"
            )
        else:
            # An error page is a refusal too (the server may not trust the redirect_uri then).
            _assert_not_redirected(response, f"a repeated {name}")


@check(24, "RFC 6749 §4.1.2", "MUST", "token")
def test_expired_code_is_invalid_grant(session: OAuthSession, mock_only: Target) -> None:
    grant = session.grant(pkce=Pkce.generate())
    mock_only.advance_clock(601)  # §4.1.2: at most 10 minutes
    _assert_error(session.exchange(grant), "invalid_grant")


@check(27, "RFC 6749 §3.2, §4.1.3", "MUST", "token", rfc="SHOULD")
def test_token_endpoint_refuses_json_and_get(session: OAuthSession) -> None:
    grant = session.grant(pkce=Pkce.generate())
    form = {
        "grant_type": "authorization_code",
        "code": grant.code,
        "redirect_uri": grant.redirect_uri,
        "client_id": session.client_id,
        "code_verifier": grant.pkce.verifier if grant.pkce else "",
    }
    as_json = session.raw.post(session.endpoints.token, json=form)
    assert is_refusal(as_json), (
        f"Expected 4xx (not 404) for a JSON body. Received: {as_json.status_code} {as_json.text}"
    )
    # The endpoint answered the POST, so it exists: a 404 or 405 to GET is a refusal there.
    as_get = session.raw.get(session.endpoints.token, params=form)
    assert 400 <= as_get.status_code < 500, (
        f"Expected 4xx for GET. Received: {as_get.status_code} {as_get.text}"
    )


@check(28, "RFC 6749 §4.1.3, §5.2", "MUST", "token")
def test_missing_code_or_redirect_uri_is_invalid_request(session: OAuthSession) -> None:
    # With PKCE: a server that requires it must fail this check for the missing parameter only.
    grant = session.grant(pkce=Pkce.generate())
    full = {
        "grant_type": "authorization_code",
        "code": grant.code,
        "redirect_uri": grant.redirect_uri,
        "code_verifier": grant.pkce.verifier if grant.pkce else "",
    }
    no_code = {k: v for k, v in full.items() if k != "code"}
    _assert_error(session.token_request(no_code), "invalid_request")
    # A missing redirect_uri is a missing parameter (invalid_request) and also a grant that
    # does not match the redirection URI it was issued for (invalid_grant): §5.2 allows both.
    no_redirect = {k: v for k, v in full.items() if k != "redirect_uri"}
    _assert_error(session.token_request(no_redirect), "invalid_request", "invalid_grant")


@check(33, "RFC 6749 §4.1.2", "MUST", "token")
def test_code_reuse_is_invalid_grant(session: OAuthSession) -> None:
    grant = session.grant(pkce=Pkce.generate())
    first = session.exchange(grant)
    assert first.status_code == 200, f"Expected 200 the first time. Received: {first.text}"
    _assert_error(session.exchange(grant), "invalid_grant")


@check(33, "RFC 6749 §4.1.2, §10.5", "MUST", "token", rfc="SHOULD")
def test_code_reuse_revokes_its_tokens(session: OAuthSession) -> None:
    # §4.1.2: the server MUST deny a reused code and SHOULD revoke the tokens it issued.
    grant = session.grant(pkce=Pkce.generate())
    first = session.exchange(grant)
    assert first.status_code == 200, f"Expected 200 the first time. Received: {first.text}"
    access_token = first.json()["access_token"]
    session.exchange(grant)
    assert not session.token_works(access_token), (
        "Expected the tokens of a reused code to be revoked. Received: the token still works"
    )


@check(33, "RFC 6749 §4.1.2, §10.5", "SHOULD", "token")
@oauch("TokenEndpoint.RefreshTokenValidAfterMultiExchangeTest")
def test_code_reuse_revokes_its_refresh_token(session: OAuthSession) -> None:
    # §4.1.2: the server "SHOULD revoke (when possible) all tokens previously issued based on
    # that authorization code": the refresh token too, or the attacker's replay leaves the
    # victim's grant alive for as long as the refresh token lives.
    grant = session.grant(pkce=Pkce.generate())
    first = session.exchange(grant)
    assert first.status_code == 200, f"Expected 200 the first time. Received: {first.text}"
    refresh_token = session.refresh_token_of(first.json())
    replay = session.exchange(grant)
    if replay.status_code == 200:
        pytest.skip("the code was redeemed twice: test_code_reuse_is_invalid_grant fails that")
    response = session.refresh(refresh_token)
    assert response.status_code != 200, (
        "Expected the refresh token of a reused code to be revoked. "
        f"Received: {response.status_code} for the refresh"
    )


@check(34, "RFC 6749 §4.1.3", "MUST", "token")
def test_code_is_bound_to_its_client(session: OAuthSession) -> None:
    grant = session.grant(pkce=Pkce.generate())
    other = OAuthSession.second(session.server)
    response = other.exchange(grant)
    # The other client authenticates as itself: a code issued to someone else is invalid_grant.
    _assert_error(response, "invalid_grant")


@check(35, "RFC 6749 §4.1.3", "MUST", "token")
def test_redirect_uri_mismatch_is_invalid_grant(session: OAuthSession) -> None:
    grant = session.grant(pkce=Pkce.generate())
    wrong = Grant(grant.code, grant.state, grant.pkce, session.redirect_uri.rstrip("/") + "/else")
    _assert_error(session.exchange(wrong), "invalid_grant")


@check(36, "RFC 6749 §5.2", "MUST", "token")
def test_unknown_grant_is_unsupported_grant_type(session: OAuthSession) -> None:
    form = {"grant_type": "urn:example:no-such-grant"}
    _assert_error(session.token_request(form), "unsupported_grant_type")
