"""RFC 6749 §2.3, §3.2, §6: how the token endpoint takes its requests (checklist items 92–97).

Client identification and authentication: a public client names itself with ``client_id``
(§4.1.3), a confidential client authenticates (§3.2.1, §6) with HTTP Basic, which every server
MUST support (§2.3.1), and never with credentials in the request URI (§2.3.1). Parameters:
unrecognized ones are ignored, repeated ones refused (§3.2, §5.2). Each check names the OAuch
test it answers (https://github.com/DistriNet/OAuch, src/OAuch/OAuch.Tests/Tests/TokenEndpoint/).

A refusal is judged by what matters: no tokens, and a 4xx from an endpoint that exists.
"""

from __future__ import annotations

from dataclasses import replace

import httpx
import pytest

from conformance.checks import check
from conformance.oauch import oauch
from conformance.redact import mask
from conformance.suite.helpers import Grant, OAuthSession, is_refusal, json_of
from longbridge_openapi_client import Pkce

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
UNKNOWN_PARAMETER = ("conformance_extension", "ignored")


def _exchange_form(grant: Grant) -> dict[str, str]:
    """A code exchange's parameters, without any client identification."""
    form = {
        "grant_type": "authorization_code",
        "code": grant.code,
        "redirect_uri": grant.redirect_uri,
    }
    if grant.pkce is not None:
        form["code_verifier"] = grant.pkce.verifier
    return form


def _refused(response: httpx.Response) -> bool:
    return is_refusal(response) and "access_token" not in json_of(response)


def _seen(response: httpx.Response) -> str:
    """The status and the start of the body, credentials masked (a token issued in error)."""
    return f"{response.status_code} {mask(response.text[:300])}"


def _public(session: OAuthSession) -> OAuthSession:
    """A public client (RFC 6749 §2.1): the session's own, or one registered now."""
    if session.credentials.public:
        return session
    if "none" not in session.endpoints.auth_methods:
        pytest.skip("the server advertises no public clients (token_endpoint_auth_method none)")
    return OAuthSession(session.server, session.server.client(token_endpoint_auth_method="none"))


@check(92, "RFC 6749 §3.2.1, §4.1.3", "MUST", "token")
@oauch("TokenEndpoint.IsClientIdRequiredTest")
def test_exchange_without_client_id_is_refused(session: OAuthSession) -> None:
    # §4.1.3: client_id is REQUIRED of a client that does not authenticate, and the server MUST
    # ensure the code was issued to that client_id.
    public = _public(session)
    form = _exchange_form(public.grant(pkce=Pkce.generate()))
    response = public.raw.post(public.endpoints.token, data=form, headers=FORM)
    assert _refused(response), (
        f"Expected a public client's code exchange without client_id to be refused. "
        f"Received: {_seen(response)}"
    )


@check(93, "RFC 6749 §2.3.1", "MUST", "token", rfc="SHOULD")
@oauch("TokenEndpoint.IsAuthInUriAllowedTest")
def test_credentials_in_the_query_are_refused(session: OAuthSession) -> None:
    # §2.3.1: the client credentials "MUST NOT be included in the request URI" (a MUST NOT of
    # the client's; a server honouring them invites the leak: SHOULD under --profile rfc).
    client = session.confidential()
    form = _exchange_form(client.grant(pkce=Pkce.generate()))
    creds = client.credentials
    query = {"client_id": creds.client_id, "client_secret": creds.secret or ""}
    response = client.raw.post(client.endpoints.token, params=query, data=form, headers=FORM)
    assert _refused(response), (
        f"Expected client credentials in the URL query to be refused. Received: {_seen(response)}"
    )


@check(94, "RFC 6749 §2.3.1", "MUST", "token")
@oauch("TokenEndpoint.IsBasicAuthenticationSupportedTest")
def test_basic_authentication_is_supported(session: OAuthSession) -> None:
    # §2.3.1: "The authorization server MUST support the HTTP Basic authentication scheme for
    # authenticating clients that were issued a client password."
    methods = session.endpoints.auth_methods
    if session.credentials.secret is None and "client_secret_basic" not in methods:
        assert "client_secret_post" not in methods, (
            "Expected client_secret_basic in token_endpoint_auth_methods_supported: the server "
            f"issues client passwords (§2.3.1). Received: {methods}"
        )
    client = session.confidential()
    basic = OAuthSession(
        client.server, replace(client.credentials, auth_method="client_secret_basic")
    )
    response = basic.exchange(basic.grant(pkce=Pkce.generate()))
    assert response.status_code == 200, (
        f"Expected a code exchange with HTTP Basic client authentication to succeed. "
        f"Received: {_seen(response)}"
    )
    assert "access_token" in json_of(response), (
        f"Expected an access_token. Received: {_seen(response)}"
    )


@check(94, "RFC 6749 §3.2.1, §5.2", "MUST", "token")
@oauch("TokenEndpoint.IsClientAuthenticationRequiredTest")
def test_failed_client_authentication_is_refused(session: OAuthSession) -> None:
    # §3.2.1: confidential clients MUST authenticate; §5.2: invalid_client covers "unknown
    # client, no client authentication included, or unsupported authentication method".
    client = session.confidential()
    creds = client.credentials
    form = _exchange_form(client.grant(pkce=Pkce.generate()))
    url = client.endpoints.token
    identified = {**form, "client_id": creds.client_id}
    attempts = {
        "no client authentication": client.raw.post(url, data=identified, headers=FORM),
        "a wrong secret in the form": client.raw.post(
            url, data={**identified, "client_secret": "wrong-secret"}, headers=FORM
        ),
        "an empty Basic password": client.raw.post(
            url, data=form, headers=FORM, auth=(creds.client_id, "")
        ),
        "Basic for an unknown client": client.raw.post(
            url, data=form, headers=FORM, auth=("no-such-client", creds.secret or "x")
        ),
    }
    for way, response in attempts.items():
        assert _refused(response), (
            f"Expected the code exchange with {way} to be refused. Received: {_seen(response)}"
        )
        error = json_of(response).get("error")
        assert error in ("invalid_client", "invalid_request"), (
            f"Expected invalid_client for {way} (§5.2). Received: {_seen(response)}"
        )


@check(95, "RFC 6749 §6; RFC 9700 §2.2.2", "MUST", "refresh")
@oauch("TokenEndpoint.IsRefreshAuthenticationRequiredTest")
def test_refresh_requires_client_authentication(session: OAuthSession) -> None:
    # §6: the server MUST "require client authentication for confidential clients or for any
    # client that was issued client credentials".
    client = session.confidential()
    refresh_token = client.refresh_token_of(client.login())
    form = {"grant_type": "refresh_token", "refresh_token": refresh_token}
    url = client.endpoints.token
    attempts = {
        "with its client_id and no secret": {**form, "client_id": client.client_id},
        "without any client identification": form,
    }
    for way, data in attempts.items():
        response = client.raw.post(url, data=data, headers=FORM)
        assert _refused(response), (
            f"Expected a confidential client's refresh {way} to be refused. "
            f"Received: {_seen(response)}"
        )


@check(96, "RFC 6749 §3.2, §5.2", "MUST", "token")
@oauch("TokenEndpoint.SameParameterTwiceDisallowedTest")
def test_repeated_token_parameters_are_refused(session: OAuthSession) -> None:
    # §3.2: "Request and response parameters MUST NOT be included more than once"; §5.2 names
    # the request that "repeats a parameter" an invalid_request.
    grant = session.grant(pkce=Pkce.generate())
    pairs = [*_exchange_form(grant).items(), ("code", grant.code), ("client_id", session.client_id)]
    response = session.form_request(session.endpoints.token, pairs)
    assert _refused(response), (
        f"Expected a code exchange with code sent twice to be refused. Received: {_seen(response)}"
    )


@check(97, "RFC 6749 §3.2", "MUST", "token")
@oauch("TokenEndpoint.UnrecognizedParameterAllowedTest")
def test_unknown_token_parameters_are_ignored(session: OAuthSession) -> None:
    # §3.2: "The authorization server MUST ignore unrecognized request parameters."
    grant = session.grant(pkce=Pkce.generate())
    form = {**_exchange_form(grant), "client_id": session.client_id}
    response = session.token_request(dict([*form.items(), UNKNOWN_PARAMETER]))
    assert response.status_code == 200, (
        f"Expected the code exchange to succeed with an unknown parameter {UNKNOWN_PARAMETER[0]}. "
        f"Received: {_seen(response)}"
    )
