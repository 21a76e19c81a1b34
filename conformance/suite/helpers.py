"""Steps the checks share: register a client, authorize with PKCE, exchange, call the API.

Well-formed requests go through the generated client (conformance-checklist.md: the suite uses
the package it ships); raw httpx is for malformed requests only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

from conformance.evidence import event_hooks
from conformance.limits import http_timeout
from longbridge_openapi_client import AuthenticatedClient, Client, Pkce
from longbridge_openapi_client.api.oauth import authorize, request_token
from longbridge_openapi_client.api.registration import register_client
from longbridge_openapi_client.models import (
    AuthorizationCodeTokenRequest,
    ClientInformation,
    ClientRegistrationRequest,
    RefreshTokenRequest,
)
from longbridge_openapi_client.types import UNSET, Response

__all__ = ["REDIRECT", "Grant", "OAuthSession", "as_httpx", "query"]

REDIRECT = "http://127.0.0.1:53682/callback"


def query(location: str) -> dict[str, str]:
    """The single-valued query parameters of a redirect's Location."""
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


@dataclass
class Grant:
    """An authorization response: the code and what it was issued for."""

    code: str
    state: str
    pkce: Pkce | None
    redirect_uri: str


class OAuthSession:
    """One registered public client at the target, and the steps of its code flow."""

    def __init__(self, api: Client, base_url: str, info: ClientInformation) -> None:
        self.api = api
        self.base_url = base_url
        self.info = info
        self.raw = httpx.Client(
            base_url=base_url,
            follow_redirects=False,
            timeout=http_timeout(),
            event_hooks=event_hooks(),
        )

    @classmethod
    def register(cls, api: Client, base_url: str, **metadata: Any) -> OAuthSession:
        body = ClientRegistrationRequest(redirect_uris=[REDIRECT], client_name="conformance")
        for key, value in metadata.items():
            body[key] = value  # extension members and optional metadata
        info = register_client.sync(client=api, body=body)
        assert isinstance(info, ClientInformation), f"registration failed: {info!r}"
        return cls(api, base_url, info)

    @property
    def client_id(self) -> str:
        return self.info.client_id

    def authorize(
        self,
        *,
        pkce: Pkce | None = None,
        state: str = "conformance-state",
        redirect_uri: str = REDIRECT,
        scope: str | None = None,
    ) -> Response[Any]:
        return authorize.sync_detailed(
            client=self.api,
            response_type="code",
            client_id=self.client_id,
            redirect_uri=redirect_uri,
            state=state,
            scope=scope if scope is not None else UNSET,
            code_challenge=pkce.challenge if pkce else UNSET,
            code_challenge_method="S256" if pkce else UNSET,
        )

    def grant(
        self, *, pkce: Pkce | None = None, state: str = "conformance-state", **kw: Any
    ) -> Grant:
        response = self.authorize(pkce=pkce, state=state, **kw)
        assert response.status_code == 302, f"authorize answered {response.status_code}"
        params = query(response.headers["location"])
        assert "code" in params, f"no code in redirect: {params}"
        return Grant(
            params["code"], params.get("state", ""), pkce, kw.get("redirect_uri", REDIRECT)
        )

    def exchange(
        self, grant: Grant, *, verifier: str | None = None, client_id: str | None = None
    ) -> httpx.Response:
        """The token request for ``grant``; ``verifier`` overrides the grant's own."""
        body = AuthorizationCodeTokenRequest(
            grant_type="authorization_code",
            code=grant.code,
            redirect_uri=grant.redirect_uri,
            client_id=client_id or self.client_id,
            code_verifier=verifier
            if verifier is not None
            else (grant.pkce.verifier if grant.pkce else UNSET),
        )
        return as_httpx(request_token.sync_detailed(client=self.api, body=body))

    def login(self) -> dict[str, Any]:
        """The whole code flow with PKCE; the token response as JSON."""
        grant = self.grant(pkce=Pkce.generate())
        response = self.exchange(grant)
        assert response.status_code == 200, f"code exchange failed: {response.text}"
        body: dict[str, Any] = response.json()
        return body

    def token(self, scope: str) -> str:
        """An access token for ``scope`` (space-separated scope ids) from a fresh code flow."""
        response = self.exchange(self.grant(pkce=Pkce.generate(), scope=scope))
        assert response.status_code == 200, f"code exchange failed: {response.text}"
        token: str = response.json()["access_token"]
        return token

    def refresh(self, refresh_token: str, client_id: str | None = None) -> httpx.Response:
        body = RefreshTokenRequest(
            grant_type="refresh_token",
            refresh_token=refresh_token,
            client_id=client_id or self.client_id,
        )
        return as_httpx(request_token.sync_detailed(client=self.api, body=body))

    def bearer(self, access_token: str) -> AuthenticatedClient:
        return AuthenticatedClient(
            base_url=self.base_url,
            token=access_token,
            raise_on_unexpected_status=False,
            timeout=http_timeout(),
            httpx_args={"event_hooks": event_hooks()},
        )

    def call_api(self, access_token: str) -> httpx.Response:
        """A data API call with the token (the socket token needs no particular scope)."""
        return self.raw.get("/v1/socket/token", headers={"Authorization": f"Bearer {access_token}"})

    def close(self) -> None:
        self.raw.close()


def as_httpx(response: Response[Any]) -> httpx.Response:
    """A generated client's response as httpx's: checks look at status, headers and exact body."""
    return httpx.Response(
        int(response.status_code), headers=response.headers, content=response.content
    )
