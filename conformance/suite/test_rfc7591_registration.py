"""RFC 7591 dynamic client registration and RFC 7592 management (checklist items 9–14).

Part 2, choice 8: a client without ``token_endpoint_auth_method`` (or with ``none``) is public and
gets no secret; ``client_secret_basic`` / ``client_secret_post`` clients get one.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conformance.checks import check
from conformance.suite.helpers import REDIRECT, OAuthSession
from conformance.target import Target
from longbridge_openapi_client import AuthenticatedClient, Client, Pkce
from longbridge_openapi_client.api.registration import (
    delete_client_registration,
    get_client_registration,
    register_client,
)
from longbridge_openapi_client.models import ClientRegistrationRequest

FIXTURE_OK = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
RFC7591_ERRORS = {
    "invalid_redirect_uri",
    "invalid_client_metadata",
    "invalid_software_statement",
    "unapproved_software_statement",
}


def _register(api: Client, body: ClientRegistrationRequest) -> httpx.Response:
    response = register_client.sync_detailed(client=api, body=body)
    return httpx.Response(
        int(response.status_code), headers=response.headers, content=response.content
    )


def _json(response: httpx.Response) -> dict[str, Any]:
    body = json.loads(response.content)
    assert isinstance(body, dict), f"Expected a JSON object. Received: {response.text}"
    return body


def _assert_error(response: httpx.Response, error: str) -> None:
    assert response.status_code == 400, (
        f"Expected 400 {error}. Received: {response.status_code} {response.text}"
    )
    received = _json(response).get("error")
    assert received == error, f"Expected error {error}. Received: {response.text}"


@check(9, "RFC 7591 §3.1", "MUST", "registration")
def test_json_registration_is_accepted(api: Client) -> None:
    response = _register(api, ClientRegistrationRequest(redirect_uris=[REDIRECT]))
    assert response.status_code in (200, 201), (
        f"Expected a JSON registration to succeed. Received: {response.status_code} {response.text}"
    )


@check(9, "RFC 7591 §3.1", "MUST", "registration")
def test_form_registration_is_refused(target: Target) -> None:
    # Raw httpx: the generated client sends only JSON, and this request is malformed on purpose.
    response = httpx.post(f"{target.base_url}/oauth2/register", data={"redirect_uris": REDIRECT})
    assert 400 <= response.status_code < 500, (
        f"Expected 4xx for a form-encoded registration. Received: {response.status_code}"
    )


@check(10, "RFC 7591 §3.2.1", "MUST", "registration")
def test_public_registration_answers_201_without_secret(api: Client) -> None:
    request = ClientRegistrationRequest(
        redirect_uris=[REDIRECT], client_name="conformance", token_endpoint_auth_method="none"
    )
    response = _register(api, request)
    assert response.status_code == 201, (
        f"Expected 201 Created. Received: {response.status_code} {response.text}"
    )
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
def test_confidential_registration_gets_a_secret(api: Client) -> None:
    request = ClientRegistrationRequest(
        redirect_uris=[REDIRECT], token_endpoint_auth_method="client_secret_basic"
    )
    response = _register(api, request)
    assert response.status_code == 201, (
        f"Expected 201 Created. Received: {response.status_code} {response.text}"
    )
    body = _json(response)
    assert isinstance(body.get("client_secret"), str), (
        f"Expected a client_secret. Received: {sorted(body)}"
    )
    assert isinstance(body.get("client_secret_expires_at"), int), (
        f"Expected client_secret_expires_at with the secret. Received: {sorted(body)}"
    )


@check(10, "RFC 7592 §2.1, §2.3", "MUST", "registration")
def test_registration_can_be_read_and_deleted(api: Client, target: Target) -> None:
    response = _register(api, ClientRegistrationRequest(redirect_uris=[REDIRECT]))
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
def test_defaults_are_returned_and_work(api: Client, target: Target) -> None:
    response = _register(api, ClientRegistrationRequest(redirect_uris=[REDIRECT]))
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
    session = OAuthSession.register(api, target.base_url)
    try:
        # The client uses what was returned: the code grant works for the defaulted client.
        result = session.exchange(session.grant(pkce=Pkce.generate()))
        assert result.status_code == 200, f"Expected 200. Received: {result.text}"
    finally:
        session.close()


@check(12, "RFC 7591 §2.1", "MUST", "registration")
def test_inconsistent_grant_and_response_types_are_refused(api: Client) -> None:
    request = ClientRegistrationRequest(
        redirect_uris=[REDIRECT], grant_types=["refresh_token"], response_types=["code"]
    )
    _assert_error(_register(api, request), "invalid_client_metadata")


@check(13, "RFC 7591 §3.2.2", "MUST", "registration")
def test_registration_errors_are_rfc7591_errors(api: Client) -> None:
    bad = [
        ClientRegistrationRequest(redirect_uris=["https://example.com/cb#frag"]),
        ClientRegistrationRequest(
            redirect_uris=[REDIRECT], grant_types=["authorization_code"], response_types=[]
        ),
    ]
    for request in bad:
        response = _register(api, request)
        assert response.status_code == 400, (
            f"Expected 400. Received: {response.status_code} {response.text}"
        )
        error = _json(response).get("error")
        assert error in RFC7591_ERRORS, f"Expected an RFC 7591 error. Received: {response.text}"


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
def test_bad_redirect_uris_are_refused(api: Client, uri: str) -> None:
    response = _register(api, ClientRegistrationRequest(redirect_uris=[uri]))
    _assert_error(response, "invalid_redirect_uri")
