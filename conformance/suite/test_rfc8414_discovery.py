"""RFC 8414 authorization server metadata (checklist items 1–8).

Item 8 (extension members) has nothing to check at the server beyond a valid JSON object, which
item 2 checks. The rfc profile also reads ``/.well-known/openid-configuration`` (RFC 8414 §7.3
registers it; OpenID Connect servers serve their metadata there).
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from conformance.checks import check
from conformance.endpoints import OPENID_WELL_KNOWN, WELL_KNOWN
from conformance.oauch import oauch
from conformance.profiles import rfc_profile
from conformance.target import Target
from longbridge_openapi_client import Client


def _fetch(api: Client) -> httpx.Response:
    """The metadata document: RFC 8414's path, or (rfc profile) OpenID Connect's."""
    response = api.get_httpx_client().get(WELL_KNOWN)
    if response.status_code == 404 and rfc_profile():
        response = api.get_httpx_client().get(OPENID_WELL_KNOWN)
    return response


def _metadata(api: Client) -> dict[str, Any]:
    response = _fetch(api)
    assert response.status_code == 200, (
        f"Expected 200 from {WELL_KNOWN}. Received: {response.status_code}"
    )
    body = json.loads(response.content)
    assert isinstance(body, dict), f"Expected a JSON object. Received: {body!r}"
    return body


@check(1, "RFC 8414 §3, §3.1", "MUST", "discovery")
def test_metadata_is_at_the_well_known_path(api: Client, target: Target) -> None:
    response = _fetch(api)
    assert response.status_code == 200, (
        f"Expected 200 at {target.base_url}{WELL_KNOWN}. Received: {response.status_code}"
    )
    assert response.headers.get("content-type", "").startswith("application/json"), (
        f"Expected a JSON document at {WELL_KNOWN}. "
        f"Received: {response.headers.get('content-type')!r}"
    )


@check(2, "RFC 8414 §3.2", "MUST", "discovery")
def test_metadata_is_a_json_object_without_empty_arrays(api: Client) -> None:
    response = _fetch(api)
    content_type = response.headers.get("content-type", "").split(";")[0].strip()
    assert content_type == "application/json", (
        f"Expected Content-Type application/json. Received: {content_type!r}"
    )
    body = _metadata(api)
    empty = sorted(k for k, v in body.items() if v == [])
    assert not empty, f"Expected zero-element arrays to be omitted. Received: {empty}"


@check(3, "RFC 8414 §2, §3.3", "MUST", "discovery")
def test_issuer_equals_the_base_url(api: Client, target: Target) -> None:
    issuer = _metadata(api).get("issuer")
    assert issuer == target.base_url, f"Expected issuer {target.base_url!r}. Received: {issuer!r}"
    assert "?" not in issuer, f"Expected an issuer without query or fragment. Received: {issuer!r}"
    assert "#" not in issuer, f"Expected an issuer without query or fragment. Received: {issuer!r}"


@check(4, "RFC 8414 §2", "MUST", "discovery")
@pytest.mark.parametrize(
    "member", ["authorization_endpoint", "token_endpoint", "registration_endpoint"]
)
def test_required_endpoints_are_present(api: Client, member: str) -> None:
    if member == "registration_endpoint" and rfc_profile():
        pytest.skip("registration_endpoint is OPTIONAL (RFC 8414 §2)")
    body = _metadata(api)
    assert isinstance(body.get(member), str), f"Expected {member}. Received: {sorted(body)}"


@check(4, "RFC 8414 §2", "MUST", "discovery")
def test_response_types_supported_contains_code(api: Client) -> None:
    supported = _metadata(api).get("response_types_supported")
    assert isinstance(supported, list), (
        f"Expected response_types_supported containing 'code'. Received: {supported!r}"
    )
    if rfc_profile():
        return  # §2 requires the member; which types a server offers is its own choice
    assert "code" in supported, (
        f"Expected response_types_supported containing 'code'. Received: {supported!r}"
    )


@check(5, "RFC 8414 §2; RFC 9700 §2.1.1", "MUST", "discovery", rfc="SHOULD")
def test_code_challenge_methods_include_s256(api: Client) -> None:
    methods = _metadata(api).get("code_challenge_methods_supported")
    assert isinstance(methods, list), (
        f"Expected code_challenge_methods_supported containing 'S256'. Received: {methods!r}"
    )
    assert "S256" in methods, (
        f"Expected code_challenge_methods_supported containing 'S256'. Received: {methods!r}"
    )


@check(5, "RFC 9700 §2.1.1; Part 2 choice 4", "SHOULD", "discovery", rfc="no")
def test_plain_is_not_offered(api: Client) -> None:
    methods = _metadata(api).get("code_challenge_methods_supported") or []
    assert "plain" not in methods, f"Expected no 'plain' method. Received: {methods!r}"


@check(6, "RFC 8414 §2", "MUST", "discovery", rfc="no")
def test_grant_types_include_code_and_refresh(api: Client) -> None:
    grants = _metadata(api).get("grant_types_supported")
    assert isinstance(grants, list), (
        f"Expected grant_types_supported (the default omits refresh_token). Received: {grants!r}"
    )
    missing = {"authorization_code", "refresh_token"} - set(grants)
    assert not missing, f"Expected authorization_code and refresh_token. Received: {grants!r}"


@check(7, "RFC 8414 §2", "SHOULD", "discovery", rfc="no")
def test_auth_method_none_is_advertised(api: Client) -> None:
    # Public clients work, so "none" belongs here; the default is client_secret_basic only.
    methods = _metadata(api).get("token_endpoint_auth_methods_supported")
    assert isinstance(methods, list), (
        f"Expected token_endpoint_auth_methods_supported containing 'none'. Received: {methods!r}"
    )
    assert "none" in methods, (
        f"Expected token_endpoint_auth_methods_supported containing 'none'. Received: {methods!r}"
    )


@check(70, "RFC 6749 §3.1", "MUST", "discovery")
@oauch("AuthEndpoint.HasFragmentTest")
def test_authorization_endpoint_has_no_fragment(api: Client) -> None:
    """§3.1: "The endpoint URI MUST NOT include a fragment component" (a client appends the
    request's query to it; a fragment would swallow it)."""
    endpoint = _metadata(api).get("authorization_endpoint")
    if not isinstance(endpoint, str):
        pytest.skip("no authorization_endpoint advertised (item 4 checks its presence)")
    assert "#" not in endpoint, (
        f"Expected an authorization_endpoint without a fragment. Received: {endpoint!r}"
    )
