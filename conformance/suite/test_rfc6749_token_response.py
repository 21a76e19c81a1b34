"""RFC 6749 §5.1, §5.2: token responses and token errors (checklist items 37–39, 41–43, 58).

Part 2, choice 6: ``expires_in`` is RECOMMENDED only, so its absence is a SHOULD finding.
"""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from conformance.checks import check
from conformance.oauch import oauch
from conformance.suite.helpers import Grant, OAuthSession, json_of
from longbridge_openapi_client import Pkce

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
    """Several token error responses, each from a different mistake (the client's own
    credentials with each, so that only the named mistake is wrong)."""
    grant = session.grant(pkce=Pkce.generate())
    redirect = session.redirect_uri
    wrong_redirect = Grant(grant.code, grant.state, grant.pkce, redirect.rstrip("/") + "/other")
    return {
        "unknown grant": session.token_request({"grant_type": "urn:example:none"}),
        "missing code": session.token_request(
            {"grant_type": "authorization_code", "redirect_uri": redirect}
        ),
        "unknown code": session.exchange(
            Grant("no-such-code", "s", None, redirect), verifier=Pkce.generate().verifier
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


# RFC 6750 §5.3: "Token servers SHOULD issue short-lived (one hour or less) bearer tokens";
# the bound, and why OAuch's ten minutes is not one: docs/conformance-checklist.md item 73.
SHORT_LIVED = 3600


@check(73, "RFC 6750 §5.3; RFC 6819 §5.1.5.3", "SHOULD", "token")
@oauch("Tokens.TokenTimeoutTest")
def test_access_token_lives_an_hour_or_less(session: OAuthSession) -> None:
    """The advertised ``expires_in`` is at most an hour. Without one the lifetime is unknown
    (item 37 reports the missing member); that the token dies when it says is item 54's
    ``test_expired_token_gets_invalid_token_challenge``."""
    expires_in = _login(session).json().get("expires_in")
    if not isinstance(expires_in, int) or isinstance(expires_in, bool):
        pytest.skip(f"no integer expires_in to compare (item 37): {expires_in!r}")
    assert expires_in <= SHORT_LIVED, (
        f"Expected a bearer token lifetime of at most {SHORT_LIVED} s (one hour). "
        f"Received: expires_in {expires_in}"
    )


@check(38, "RFC 6749 §5.1, §7.1", "MUST", "token", rfc="no")
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


@check(71, "RFC 6749 §5.1", "MUST", "token")
@oauch("TokenEndpoint.HasPragmaHeaderTest")
def test_token_response_has_pragma_no_cache(session: OAuthSession) -> None:
    """§5.1: the server "MUST include the HTTP "Cache-Control" response header field [RFC2616]
    with a value of "no-store" ... as well as the "Pragma" response header field [RFC2616] with
    a value of "no-cache"". MUST in both profiles because that is RFC 6749's word and no RFC
    updating RFC 6749 has dropped it; RFC 9111 §5.4 deprecating Pragma in HTTP does not amend
    OAuth's rule (only the OAuth 2.1 draft drops it, and it is no RFC yet)."""
    pragma = _login(session).headers.get("pragma", "")
    values = {v.strip().lower() for v in pragma.split(",")}
    assert "no-cache" in values, f"Expected Pragma: no-cache. Received: {pragma!r}"


@check(39, "RFC 6749 §5.1, §5.2", "MUST", "token", rfc="no")
def test_token_errors_are_not_cached(session: OAuthSession) -> None:
    for mistake, response in _error_responses(session).items():
        cache = response.headers.get("cache-control", "")
        assert "no-store" in cache.lower(), (
            f"Expected Cache-Control: no-store on the {mistake} error. Received: {cache!r}"
        )


@check(41, "RFC 6749 §5.1; docs/longbridge-api.md", "MUST", "token", rfc="no")
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
    for mistake, response in _error_responses(session).items():
        # §5.2: 400, except invalid_client, which may be 401 (Part 2 choice 11).
        invalid_client = json_of(response).get("error") == "invalid_client"
        allowed = (400, 401) if invalid_client else (400,)
        assert response.status_code in allowed, (
            f"Expected 400 for {mistake}. Received: {response.status_code} {response.text}"
        )
        content_type = response.headers.get("content-type", "").split(";")[0].strip()
        assert content_type == "application/json", (
            f"Expected a JSON error for {mistake}. Received: {content_type!r}"
        )


@check(42, "RFC 6749 §5.2", "MUST", "token")
def test_wrong_basic_secret_is_401_with_challenge(session: OAuthSession) -> None:
    if session.credentials.secret is not None:
        client_id = session.client_id  # a pre-registered confidential client
    else:
        if "client_secret_basic" not in session.endpoints.auth_methods:
            pytest.skip("the server advertises no client_secret_basic authentication")
        confidential = session.server.client(token_endpoint_auth_method="client_secret_basic")
        client_id = confidential.client_id
    form = {"grant_type": "authorization_code", "code": "x", "redirect_uri": session.redirect_uri}
    response = session.raw.post(
        session.endpoints.token, data=form, auth=(client_id, "wrong-secret")
    )
    assert response.status_code == 401, (
        f"Expected 401 invalid_client. Received: {response.status_code} {response.text}"
    )
    assert json_of(response).get("error") == "invalid_client", f"Received: {response.text}"
    challenge = response.headers.get("www-authenticate")
    assert challenge, f"Expected WWW-Authenticate. Received: {dict(response.headers)}"


@check(43, "RFC 6749 §5.2", "MUST", "token")
def test_token_errors_use_rfc6749_codes_and_safe_text(session: OAuthSession) -> None:
    for mistake, response in _error_responses(session).items():
        body = json_of(response)
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
    form = {"grant_type": "password", "username": "user", "password": "secret"}
    response = session.token_request(form)
    assert response.status_code in (400, 401), (
        f"Expected the password grant to be refused. Received: {response.status_code}"
    )
    assert "access_token" not in response.text, f"Received: {response.text}"


@check(58, "RFC 9700 §2.1.2", "MUST", "authorize", rfc="SHOULD")
@pytest.mark.parametrize("response_type", ["token", "code token"])
def test_implicit_grant_is_refused(session: OAuthSession, response_type: str) -> None:
    # RFC 9700 §2.1.2: no access token in the authorization response. The refusal may come as
    # an error page or as an error redirect, in the query or, for these fragment-mode response
    # types, in the fragment (RFC 6749 §4.2.2.1).
    response = session.authorize_raw(session.params(response_type=response_type), consent=True)
    seen = f"{response.status_code} {response.describe()}"
    assert "access_token" not in response.params, (
        f"Expected response_type={response_type} to be refused. Received: {seen}"
    )
    assert "code" not in response.params, (
        f"Expected response_type={response_type} to be refused. Received: {seen}"
    )
    if response.redirected:
        assert "error" in response.params, (
            f"Expected response_type={response_type} to be refused. Received: {seen}"
        )
    else:
        assert response.status_code != 404, f"Expected a refusal, not 404. Received: {seen}"
