"""Smoke run: the generated client goes through discovery, registration, the code flow with
PKCE, a data API call and a refresh against the target. Every step uses generated code."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from conformance.consent import consent_mode
from conformance.target import Target
from longbridge_openapi_client import AuthenticatedClient, Client, Pkce
from longbridge_openapi_client.api.oauth import (
    authorize,
    get_authorization_server_metadata,
    request_token,
)
from longbridge_openapi_client.api.quote import get_security_list
from longbridge_openapi_client.api.registration import register_client
from longbridge_openapi_client.models import (
    AuthorizationCodeTokenRequest,
    AuthorizationServerMetadata,
    ClientInformation,
    ClientRegistrationRequest,
    RefreshTokenRequest,
    SecurityListResponse,
    TokenResponse,
)

REDIRECT = "http://127.0.0.1:53682/callback"


def test_generated_client_smoke(api: Client, target: Target) -> None:
    metadata = get_authorization_server_metadata.sync(client=api)
    assert isinstance(metadata, AuthorizationServerMetadata)
    assert metadata.issuer == target.base_url

    info = register_client.sync(
        client=api,
        body=ClientRegistrationRequest(redirect_uris=[REDIRECT], client_name="conformance-smoke"),
    )
    assert isinstance(info, ClientInformation)

    pkce = Pkce.generate()
    redirect = authorize.sync_detailed(
        client=api,
        response_type="code",
        client_id=info.client_id,
        redirect_uri=REDIRECT,
        state="smoke-state",
        code_challenge=pkce.challenge,
        code_challenge_method="S256",
    )
    if redirect.status_code != 302 and consent_mode() != "auto":
        # The generated client is no browser: a login or consent page needs --consent auto's
        # self-consenting target, which the other checks do not (they use the consent driver).
        pytest.skip(f"the server shows a page ({redirect.status_code}) before the code")
    assert redirect.status_code == 302
    query = parse_qs(urlsplit(redirect.headers["location"]).query)
    assert query["state"] == ["smoke-state"]

    token = request_token.sync(
        client=api,
        body=AuthorizationCodeTokenRequest(
            grant_type="authorization_code",
            code=query["code"][0],
            redirect_uri=REDIRECT,
            client_id=info.client_id,
            code_verifier=pkce.verifier,
        ),
    )
    assert isinstance(token, TokenResponse)
    assert token.token_type.lower() == "bearer"

    with AuthenticatedClient(base_url=target.base_url, token=token.access_token) as authed:
        listed = get_security_list.sync(client=authed, market="US", category="Overnight")
    assert isinstance(listed, SecurityListResponse)
    assert listed.code == 0

    assert isinstance(token.refresh_token, str)
    refreshed = request_token.sync(
        client=api,
        body=RefreshTokenRequest(
            grant_type="refresh_token", refresh_token=token.refresh_token, client_id=info.client_id
        ),
    )
    assert isinstance(refreshed, TokenResponse)
    assert refreshed.access_token != token.access_token
