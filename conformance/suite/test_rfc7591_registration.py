"""RFC 7591 dynamic client registration and RFC 7592 management (checklist items 9–14).

Part 2, choice 8: a client without ``token_endpoint_auth_method`` (or with ``none``) is public and
gets no secret; ``client_secret_basic`` / ``client_secret_post`` clients get one. RFC 7591 §2
itself defaults the method to client_secret_basic, and lets the server replace metadata it finds
inconsistent or empty with values of its choosing (§2, §3.2.1), which the rfc profile accepts.
Registration is OPTIONAL (RFC 8414 §2): without a ``registration_endpoint`` these checks skip.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conformance.checks import check
from conformance.clients import ClientCredentials
from conformance.profiles import rfc_profile
from conformance.suite.helpers import REDIRECT, OAuthSession, Server, is_refusal
from conformance.target import Target
from longbridge_openapi_client import AuthenticatedClient, Pkce
from longbridge_openapi_client.api.registration import (
    delete_client_registration,
    get_client_registration,
)
from longbridge_openapi_client.models import ClientRegistrationRequest

FIXTURE_OK = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
RFC7591_ERRORS = {
    "invalid_redirect_uri",
    "invalid_client_metadata",
    "invalid_software_statement",
    "unapproved_software_statement",
}


def _register(server: Server, body: ClientRegistrationRequest) -> httpx.Response:
    return server.register(body.to_dict())


SECRET_MEMBERS = frozenset({"client_secret", "registration_access_token"})


def _redacted(response: httpx.Response) -> str:
    """A registration response for evidence: its secrets replaced by "…"."""
    try:
        body = json.loads(response.content)
    except ValueError:
        return f"{response.status_code} {response.text[:300]}"
    if isinstance(body, dict):
        body = {k: "…" if k in SECRET_MEMBERS else v for k, v in body.items()}
    return f"{response.status_code} {json.dumps(body)[:600]}"


def _consistent(body: dict[str, Any]) -> bool:
    """§2.1: authorization_code needs the code response type, and the code type needs it."""
    grants = body.get("grant_types", ["authorization_code"])
    types = body.get("response_types", ["code"])
    return (
        isinstance(grants, list)
        and isinstance(types, list)
        and (("authorization_code" in grants) == ("code" in types))
    )


def _json(response: httpx.Response) -> dict[str, Any]:
    body = json.loads(response.content)
    assert isinstance(body, dict), f"Expected a JSON object. Received: {_redacted(response)}"
    return body


def _assert_error(response: httpx.Response, error: str) -> None:
    assert response.status_code == 400, f"Expected 400 {error}. Received: {_redacted(response)}"
    received = _json(response).get("error")
    assert received == error, f"Expected error {error}. Received: {_redacted(response)}"


@check(9, "RFC 7591 §3.1", "MUST", "registration")
def test_json_registration_is_accepted(server: Server) -> None:
    response = _register(server, ClientRegistrationRequest(redirect_uris=[REDIRECT]))
    assert response.status_code in (200, 201), (
        f"Expected a JSON registration to succeed. Received: {_redacted(response)}"
    )


@check(9, "RFC 7591 §3.1", "MUST", "registration", rfc="no")
def test_form_registration_is_refused(server: Server) -> None:
    # Raw httpx: the generated client sends only JSON, and this request is malformed on purpose.
    url = server.endpoints.require("registration_endpoint")
    response = server.raw.post(url, data={"redirect_uris": REDIRECT})
    assert is_refusal(response), (
        f"Expected 4xx for a form-encoded registration. Received: {response.status_code}"
    )


@check(10, "RFC 7591 §3.2.1", "MUST", "registration")
def test_public_registration_answers_201_without_secret(server: Server) -> None:
    if "none" not in server.endpoints.auth_methods:
        pytest.skip("the server advertises no public clients (token_endpoint_auth_method none)")
    request = ClientRegistrationRequest(
        redirect_uris=[REDIRECT], client_name="conformance", token_endpoint_auth_method="none"
    )
    response = _register(server, request)
    assert response.status_code == 201, f"Expected 201 Created. Received: {_redacted(response)}"
    body = _json(response)
    assert isinstance(body.get("client_id"), str), f"Expected a client_id. Received: {body}"
    assert body["client_id"], f"Expected a client_id. Received: {body}"
    assert body.get("redirect_uris") == [REDIRECT], (
        f"Expected redirect_uris echoed. Received: {body.get('redirect_uris')!r}"
    )
    assert body.get("client_name") == "conformance", (
        f"Expected client_name echoed. Received: {body.get('client_name')!r}"
    )
    assert "client_secret" not in body, (
        f"Expected no client_secret for a public client. Received: {sorted(body)}"
    )


@check(10, "RFC 7591 §3.2.1; Part 2 choice 8", "MUST", "registration")
def test_confidential_registration_gets_a_secret(server: Server) -> None:
    if "client_secret_basic" not in server.endpoints.auth_methods:
        pytest.skip("the server advertises no client_secret_basic authentication")
    request = ClientRegistrationRequest(
        redirect_uris=[REDIRECT], token_endpoint_auth_method="client_secret_basic"
    )
    response = _register(server, request)
    assert response.status_code == 201, f"Expected 201 Created. Received: {_redacted(response)}"
    body = _json(response)
    assert isinstance(body.get("client_secret"), str), (
        f"Expected a client_secret. Received: {sorted(body)}"
    )
    assert isinstance(body.get("client_secret_expires_at"), int), (
        f"Expected client_secret_expires_at with the secret. Received: {sorted(body)}"
    )


@check(10, "RFC 7592 §2.1, §2.3", "MUST", "registration", rfc="no")
def test_registration_can_be_read_and_deleted(server: Server, target: Target) -> None:
    response = _register(server, ClientRegistrationRequest(redirect_uris=[REDIRECT]))
    registered = _json(response)
    token = registered.get("registration_access_token")
    if not isinstance(token, str):
        return  # RFC 7592 management is optional; nothing to check
    client_id = registered["client_id"]
    with AuthenticatedClient(base_url=target.base_url, token=token) as manager:
        read = get_client_registration.sync_detailed(client_id, client=manager)
        assert read.status_code == 200, f"Expected 200 on read. Received: {read.status_code}"
        body = json.loads(read.content)
        assert body.get("client_id") == client_id, (
            f"Expected the registered metadata. Received: {body}"
        )
        assert body.get("redirect_uris") == [REDIRECT], (
            f"Expected the registered metadata. Received: {body}"
        )
        with AuthenticatedClient(base_url=target.base_url, token="wrong") as stranger:
            denied = get_client_registration.sync_detailed(client_id, client=stranger)
        assert denied.status_code == 401, (
            f"Expected 401 for a wrong registration token. Received: {denied.status_code}"
        )
        deleted = delete_client_registration.sync_detailed(client_id, client=manager)
        assert deleted.status_code == 204, f"Expected 204. Received: {deleted.status_code}"
        gone = get_client_registration.sync_detailed(client_id, client=manager)
        assert gone.status_code == 401, f"Expected 401 after deletion. Received: {gone.status_code}"


@check(11, "RFC 7591 §2, §3.2.1", "MUST", "registration")
def test_defaults_are_returned_and_work(server: Server) -> None:
    response = _register(server, ClientRegistrationRequest(redirect_uris=[REDIRECT]))
    body = _json(response)
    grants, types = body.get("grant_types"), body.get("response_types")
    assert isinstance(grants, list), (
        f"Expected returned grant_types with authorization_code. Received: {grants!r}"
    )
    assert "authorization_code" in grants, (
        f"Expected returned grant_types with authorization_code. Received: {grants!r}"
    )
    assert isinstance(types, list), (
        f"Expected returned response_types with code. Received: {types!r}"
    )
    assert "code" in types, f"Expected returned response_types with code. Received: {types!r}"
    # The client uses what was returned (a secret, if the default made it confidential): the
    # code grant works for the defaulted client.
    secret = body.get("client_secret")
    method = str(body.get("token_endpoint_auth_method") or "client_secret_basic")
    session = OAuthSession(
        server,
        ClientCredentials(
            body["client_id"],
            REDIRECT,
            secret if isinstance(secret, str) else None,
            method if isinstance(secret, str) else "none",
            body,
        ),
    )
    result = session.exchange(session.grant(pkce=Pkce.generate()))
    assert result.status_code == 200, f"Expected 200. Received: {result.text}"


@check(12, "RFC 7591 §2.1", "MUST", "registration")
def test_inconsistent_grant_and_response_types_are_refused(server: Server) -> None:
    request = ClientRegistrationRequest(
        redirect_uris=[REDIRECT], grant_types=["refresh_token"], response_types=["code"]
    )
    response = _register(server, request)
    if response.status_code == 201:
        # §2, §3.2.1: the server may replace the values with consistent ones of its own.
        body = _json(response)
        assert _consistent(body), (
            f"Expected a refusal or consistent replacements. Received: {_redacted(response)}"
        )
        return
    _assert_error(response, "invalid_client_metadata")


@check(13, "RFC 7591 §3.2.2", "MUST", "registration")
def test_registration_errors_are_rfc7591_errors(server: Server) -> None:
    bad = [
        ClientRegistrationRequest(redirect_uris=["https://example.com/cb#frag"]),
        ClientRegistrationRequest(
            redirect_uris=[REDIRECT], grant_types=["authorization_code"], response_types=[]
        ),
    ]
    for request in bad:
        response = _register(server, request)
        if response.status_code == 201 and request.response_types == []:
            # §2: an empty response_types may be replaced with the server's choice.
            consistent = _consistent(_json(response))
            assert consistent, (
                f"Expected a refusal or consistent replacements. Received: {_redacted(response)}"
            )
            continue
        assert response.status_code == 400, f"Expected 400. Received: {_redacted(response)}"
        error = _json(response).get("error")
        assert error in RFC7591_ERRORS, (
            f"Expected an RFC 7591 error. Received: {_redacted(response)}"
        )


@check(14, "RFC 6749 §3.1.2; RFC 8252 §7.3", "MUST", "registration")
@FIXTURE_OK
@given(
    uri=st.one_of(
        st.from_regex(r"\Ahttps://example\.com/[a-z]{0,8}#[a-z]{0,8}\Z"),
        st.from_regex(r"\A/[a-z]{1,8}/callback\Z"),
        st.from_regex(r"\Ahttp://[a-z]{1,10}\.example\.com(:[0-9]{2,4})?/cb\Z"),
        st.sampled_from(["callback", "//example.com/cb", "http://127.0.0.1/cb#x"]),
    )
)
def test_bad_redirect_uris_are_refused(server: Server, uri: str) -> None:
    if rfc_profile() and uri.startswith("http://") and "#" not in uri:
        return  # plain http off loopback: RFC 6749 §3.1.2.1 says SHOULD require TLS, not MUST
    response = _register(server, ClientRegistrationRequest(redirect_uris=[uri]))
    if rfc_profile():
        # §3.2.2: invalid_redirect_uri names the case; redirect_uris is client metadata too,
        # so invalid_client_metadata is not wrong (Authlib answers it).
        assert response.status_code == 400, f"Expected 400. Received: {_redacted(response)}"
        error = _json(response).get("error")
        assert error in ("invalid_redirect_uri", "invalid_client_metadata"), (
            f"Expected invalid_redirect_uri. Received: {_redacted(response)}"
        )
        return
    _assert_error(response, "invalid_redirect_uri")
