"""RFC 6749 §4.1: the authorization endpoint and the code grant (checklist items 15–19, 23, 24,
27, 28, 33–36).

A loopback redirect URI may be matched with any port (RFC 8252 §7.3, Part 2 choice 11); no check
fails a server for that.
"""

from __future__ import annotations

from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conformance.checks import check
from conformance.suite.helpers import REDIRECT, Grant, OAuthSession, query
from conformance.target import Target
from longbridge_openapi_client import Client, Pkce
from longbridge_openapi_client.types import Response

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


def _authorize_raw(session: OAuthSession, params: object) -> httpx.Response:
    """A raw (malformed) authorization request; ``params`` as httpx takes them."""
    return session.raw.get("/oauth2/authorize", params=params)  # type: ignore[arg-type]


def _base(session: OAuthSession, **extra: str) -> dict[str, str]:
    return {
        "response_type": "code",
        "client_id": session.client_id,
        "redirect_uri": REDIRECT,
        "state": "conformance-state",
        **extra,
    }


def _assert_error(response: httpx.Response, error: str, status: int = 400) -> None:
    assert response.status_code == status, (
        f"Expected {status} {error}. Received: {response.status_code} {response.text}"
    )
    received = response.json().get("error")
    assert received == error, f"Expected error {error}. Received: {response.text}"


def _assert_not_redirected(response: httpx.Response | Response[Any]) -> None:
    assert response.status_code == 400, (
        f"Expected 400 without redirect. Received: {response.status_code} "
        f"{response.headers.get('location')}"
    )
    assert "location" not in response.headers, (
        f"Expected no Location header. Received: {response.headers['location']}"
    )


@check(15, "RFC 6749 §4.1.1, §4.1.2.1", "MUST", "authorize")
def test_unsupported_response_type_is_redirected_with_error(session: OAuthSession) -> None:
    response = _authorize_raw(session, _base(session, response_type="id_token"))
    assert response.status_code == 302, f"Expected 302. Received: {response.status_code}"
    params = query(response.headers["location"])
    assert params.get("error") == "unsupported_response_type", (
        f"Expected unsupported_response_type. Received: {params}"
    )
    assert "code" not in params, f"Expected no code. Received: {params}"


@check(16, "RFC 9700 §2.1, §4.1.3", "MUST", "authorize")
def test_redirect_uri_must_match_exactly(session: OAuthSession) -> None:
    for other in (
        "http://127.0.0.1:53682/callback/extra",
        "http://127.0.0.1:53682/other",
        "http://127.0.0.1:53682/callback?x=1",
    ):
        response = session.authorize(pkce=Pkce.generate(), redirect_uri=other)
        assert response.status_code == 400, (
            f"Expected a refusal without redirect for {other}. Received: "
            f"{response.status_code} {response.headers.get('location')}"
        )
        assert "location" not in response.headers, (
            f"Expected a refusal without redirect for {other}. Received: "
            f"{response.status_code} {response.headers.get('location')}"
        )


@check(17, "RFC 6749 §3.1.2.4, §4.1.2.1; RFC 9700 §4.11", "MUST", "authorize")
def test_unknown_client_is_not_redirected(session: OAuthSession) -> None:
    response = _authorize_raw(session, _base(session, client_id="no-such-client"))
    _assert_not_redirected(response)


@check(17, "RFC 6749 §3.1.2.4, §4.1.2.1; RFC 9700 §4.11", "MUST", "authorize")
def test_unregistered_redirect_uri_is_not_redirected(session: OAuthSession) -> None:
    response = session.authorize(redirect_uri="https://attacker.example/callback")
    _assert_not_redirected(response)


@check(18, "RFC 6749 §4.1.2.1", "MUST", "authorize")
def test_errors_redirect_with_error_and_state(session: OAuthSession) -> None:
    state = "error-state-1"
    params = _base(session, state=state, code_challenge_method="S256")  # method without challenge
    response = _authorize_raw(session, params)
    assert response.status_code == 302, f"Expected 302. Received: {response.status_code}"
    received = query(response.headers["location"])
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
    assert response.status_code == 302, f"Expected 302. Received: {response.status_code}"
    received = query(response.headers["location"]).get("state")
    assert received == state, f"Expected state {state!r}. Received: {received!r}"


@check(23, "RFC 6749 §3.1", "MUST", "authorize")
def test_repeated_parameters_are_invalid_request(session: OAuthSession) -> None:
    params = [*_base(session).items(), ("scope", "quote"), ("scope", "trade")]
    response = _authorize_raw(session, params)
    refused = response.status_code == 400 or (
        response.status_code == 302
        and query(response.headers["location"]).get("error") == "invalid_request"
    )
    assert refused, (
        f"Expected invalid_request for a repeated parameter. Received: {response.status_code} "
        f"{response.headers.get('location')}"
    )


@check(24, "RFC 6749 §4.1.2", "MUST", "token")
def test_expired_code_is_invalid_grant(session: OAuthSession, mock_only: Target) -> None:
    grant = session.grant(pkce=Pkce.generate())
    mock_only.advance_clock(601)  # §4.1.2: at most 10 minutes
    _assert_error(session.exchange(grant), "invalid_grant")


@check(27, "RFC 6749 §3.2, §4.1.3", "MUST", "token")
def test_token_endpoint_refuses_json_and_get(session: OAuthSession) -> None:
    grant = session.grant(pkce=Pkce.generate())
    form = {
        "grant_type": "authorization_code",
        "code": grant.code,
        "redirect_uri": REDIRECT,
        "client_id": session.client_id,
        "code_verifier": grant.pkce.verifier if grant.pkce else "",
    }
    as_json = session.raw.post("/oauth2/token", json=form)
    assert 400 <= as_json.status_code < 500, (
        f"Expected 4xx for a JSON body. Received: {as_json.status_code} {as_json.text}"
    )
    as_get = session.raw.get("/oauth2/token", params=form)
    assert 400 <= as_get.status_code < 500, (
        f"Expected 4xx for GET. Received: {as_get.status_code} {as_get.text}"
    )


@check(28, "RFC 6749 §4.1.3, §5.2", "MUST", "token")
def test_missing_code_or_redirect_uri_is_invalid_request(session: OAuthSession) -> None:
    grant = session.grant()
    full = {
        "grant_type": "authorization_code",
        "code": grant.code,
        "redirect_uri": REDIRECT,
        "client_id": session.client_id,
    }
    for missing in ("code", "redirect_uri"):
        form = {k: v for k, v in full.items() if k != missing}
        response = session.raw.post("/oauth2/token", data=form)
        _assert_error(response, "invalid_request")


@check(33, "RFC 6749 §4.1.2, §10.5", "MUST", "token")
def test_code_reuse_is_invalid_grant_and_revokes(session: OAuthSession) -> None:
    grant = session.grant(pkce=Pkce.generate())
    first = session.exchange(grant)
    assert first.status_code == 200, f"Expected 200 the first time. Received: {first.text}"
    access_token = first.json()["access_token"]
    _assert_error(session.exchange(grant), "invalid_grant")
    api = session.call_api(access_token)
    assert api.status_code == 401, (
        f"Expected the tokens of a reused code to be revoked (401). Received: {api.status_code}"
    )


@check(34, "RFC 6749 §4.1.3", "MUST", "token")
def test_code_is_bound_to_its_client(session: OAuthSession, api: Client, target: Target) -> None:
    grant = session.grant(pkce=Pkce.generate())
    other = OAuthSession.register(api, target.base_url)
    try:
        _assert_error(other.exchange(grant), "invalid_grant")
    finally:
        other.close()


@check(35, "RFC 6749 §4.1.3", "MUST", "token")
def test_redirect_uri_mismatch_is_invalid_grant(session: OAuthSession) -> None:
    grant = session.grant(pkce=Pkce.generate())
    wrong = Grant(grant.code, grant.state, grant.pkce, "http://127.0.0.1:53682/elsewhere")
    _assert_error(session.exchange(wrong), "invalid_grant")


@check(36, "RFC 6749 §5.2", "MUST", "token")
def test_unknown_grant_is_unsupported_grant_type(session: OAuthSession) -> None:
    form = {"grant_type": "urn:example:no-such-grant", "client_id": session.client_id}
    _assert_error(session.raw.post("/oauth2/token", data=form), "unsupported_grant_type")
