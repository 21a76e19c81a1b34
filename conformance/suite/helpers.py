"""Steps the checks share: register a client, authorize with PKCE, exchange, refresh, revoke.

Requests go to the endpoints the server's metadata advertises (conformance/endpoints.py), and
authorization requests through the consent driver (conformance/consent.py). Well-formed request
bodies are built by the generated client's models (the suite uses the package it ships); raw
httpx sends them to the discovered URL, and sends the malformed requests.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest

from conformance.clients import ClientCredentials, preregistered, redirect_uri
from conformance.consent import AuthorizationResponse, ConsentDriver, SetupError
from conformance.endpoints import DEVICE_GRANT, Endpoints
from conformance.evidence import event_hooks
from conformance.limits import http_timeout
from conformance.profiles import rfc_profile
from conformance.target import Target
from longbridge_openapi_client import Pkce
from longbridge_openapi_client.api.oauth import request_token, revoke_token
from longbridge_openapi_client.api.registration import register_client
from longbridge_openapi_client.models import (
    AuthorizationCodeTokenRequest,
    ClientRegistrationRequest,
    RefreshTokenRequest,
    RevocationRequest,
)
from longbridge_openapi_client.models.token_type_hint import check_token_type_hint
from longbridge_openapi_client.types import UNSET

__all__ = ["REDIRECT", "Grant", "OAuthSession", "Server", "is_refusal", "json_of"]

REDIRECT = redirect_uri()


def json_of(response: httpx.Response) -> dict[str, Any]:
    """The JSON object of a response; {} when it is not one (an HTML error page, say)."""
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def is_refusal(response: httpx.Response) -> bool:
    """A 4xx from an endpoint that exists: a 404 says the path is wrong, not that it refused."""
    return 400 <= response.status_code < 500 and response.status_code != 404


@dataclass
class Grant:
    """An authorization response: the code and what it was issued for."""

    code: str
    state: str
    pkce: Pkce | None
    redirect_uri: str


class Server:
    """The server under test as the checks see it: its endpoints and the consent driver."""

    def __init__(self, target: Target, endpoints: Endpoints, driver: ConsentDriver) -> None:
        self.target = target
        self.endpoints = endpoints
        self.driver = driver
        self.raw = httpx.Client(
            follow_redirects=False, timeout=http_timeout(), event_hooks=event_hooks()
        )

    @property
    def base_url(self) -> str:
        return self.target.base_url

    def registration_metadata(self) -> dict[str, Any]:
        """What the suite's clients register: the grants the server advertises, explicitly.

        RFC 7591 §2 defaults an omitted ``token_endpoint_auth_method`` to client_secret_basic,
        so a public client says ``none`` (when the server offers it).
        """
        grants = ["authorization_code"]
        offered = self.endpoints.grant_types
        if "refresh_token" in offered:
            grants.append("refresh_token")
        if DEVICE_GRANT in offered and self.endpoints.url("device_authorization_endpoint"):
            grants.append(DEVICE_GRANT)
        methods = self.endpoints.auth_methods
        method = "none" if "none" in methods else "client_secret_basic"
        return {
            "redirect_uris": [REDIRECT],
            "client_name": "conformance",
            "grant_types": grants,
            "response_types": ["code"],
            "token_endpoint_auth_method": method,
        }

    def register(self, metadata: dict[str, Any]) -> httpx.Response:
        """A registration request (RFC 7591 §3.1) with ``metadata`` as JSON."""
        url = self.endpoints.require("registration_endpoint")
        kwargs = register_client._get_kwargs(body=ClientRegistrationRequest.from_dict(metadata))
        return self.raw.post(url, json=kwargs["json"], headers=kwargs["headers"])

    def client(self, second: bool = False, **metadata: Any) -> ClientCredentials:
        """A client for the checks: pre-registered when given, else registered now."""
        given = preregistered(second, self.endpoints.auth_methods)
        if given is not None and not metadata:
            return given
        if self.endpoints.url("registration_endpoint") is None:
            which = "a second client (--client2-id)" if second else "a client (--client-id)"
            pytest.skip(f"needs {which}: the server advertises no registration_endpoint")
        response = self.register({**self.registration_metadata(), **metadata})
        info = json_of(response)
        if response.status_code not in (200, 201) or not isinstance(info.get("client_id"), str):
            raise SetupError(f"registration failed: {response.status_code} {response.text[:300]}")
        secret = info.get("client_secret")
        method = str(info.get("token_endpoint_auth_method") or "client_secret_basic")
        if not isinstance(secret, str) or method == "none":
            secret, method = None, "none"
        return ClientCredentials(info["client_id"], REDIRECT, secret, method, info)

    def close(self) -> None:
        self.raw.close()


class OAuthSession:
    """One client at the target, and the steps of its code flow."""

    def __init__(self, server: Server, client: ClientCredentials) -> None:
        self.server = server
        self.credentials = client
        self.raw = server.raw

    @classmethod
    def register(cls, server: Server, **metadata: Any) -> OAuthSession:
        """A session for a newly registered client (``metadata`` overrides the defaults)."""
        return cls(server, server.client(**metadata))

    @classmethod
    def second(cls, server: Server) -> OAuthSession:
        """Another client: ``--client2-id`` or a new registration."""
        return cls(server, server.client(second=True))

    def confidential(self) -> OAuthSession:
        """A client with a secret (RFC 6749 §2.3.1): this one when it has one (--client-secret),
        else one registered now for client_secret_basic, or client_secret_post, as the server
        advertises; skips when it offers neither or registration gives no secret."""
        if self.credentials.secret is not None:
            return self
        methods = self.endpoints.auth_methods
        offered = ("client_secret_basic", "client_secret_post")
        method = next((m for m in offered if m in methods), None)
        if method is None:
            pytest.skip("the server advertises no client authentication with a secret")
        client = self.server.client(token_endpoint_auth_method=method)
        if client.secret is None:
            pytest.skip(f"registering for {method} gave no client_secret")
        return OAuthSession(self.server, client)

    @property
    def endpoints(self) -> Endpoints:
        return self.server.endpoints

    @property
    def base_url(self) -> str:
        return self.server.base_url

    @property
    def client_id(self) -> str:
        return self.credentials.client_id

    @property
    def redirect_uri(self) -> str:
        return self.credentials.redirect_uri

    def params(self, **extra: str) -> dict[str, str]:
        """A well-formed authorization request's parameters, with ``extra`` on top."""
        base = {
            "response_type": "code",
            "client_id": self.client_id,
            "redirect_uri": self.redirect_uri,
            "state": "conformance-state",
        }
        scope = self.endpoints.scope
        if scope:
            base["scope"] = scope
        return {**base, **extra}

    def authorize_raw(
        self,
        params: dict[str, str] | list[tuple[str, str]],
        *,
        consent: bool = False,
        raw: tuple[str, str] | None = None,
        post: bool = False,
    ) -> AuthorizationResponse:
        """One authorization request through the consent driver (``ConsentDriver.authorize``)."""
        return self.server.driver.authorize(params, consent=consent, raw=raw, post=post)

    def authorize(
        self,
        *,
        pkce: Pkce | None = None,
        state: str = "conformance-state",
        redirect_uri: str | None = None,
        scope: str | None = None,
    ) -> AuthorizationResponse:
        extra = {"state": state, "redirect_uri": redirect_uri or self.redirect_uri}
        if scope is not None:
            extra["scope"] = scope
        if pkce is not None:
            extra |= {"code_challenge": pkce.challenge, "code_challenge_method": "S256"}
        return self.authorize_raw(self.params(**extra), consent=True)

    def grant(
        self,
        *,
        pkce: Pkce | None = None,
        state: str = "conformance-state",
        scope: str | None = None,
    ) -> Grant:
        """A code for a well-formed request; a set-up error when the server issues none."""
        response = self.authorize(pkce=pkce, state=state, scope=scope)
        code = response.params.get("code")
        if not response.to_client or code is None:
            raise SetupError(f"no authorization code: {response.describe()}")
        return Grant(code, response.params.get("state", ""), pkce, self.redirect_uri)

    def token_request(
        self, form: dict[str, str], *, authenticate: bool = True, url: str | None = None
    ) -> httpx.Response:
        """POST ``form`` to the token endpoint as this client (RFC 6749 §2.3.1, §3.2.1)."""
        data = dict(form)
        auth: httpx.BasicAuth | None = None
        creds = self.credentials
        if authenticate:
            if creds.secret is not None and creds.auth_method == "client_secret_basic":
                data.pop("client_id", None)
                auth = httpx.BasicAuth(creds.client_id, creds.secret)
            elif creds.secret is not None:
                data |= {"client_id": creds.client_id, "client_secret": creds.secret}
            else:
                data.setdefault("client_id", creds.client_id)
        # Always a form, even an empty one (Basic auth takes the client_id out of it): httpx
        # sends no Content-Type for an empty body, and servers rightly answer 415.
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        if auth is None:
            return self.raw.post(url or self.endpoints.token, data=data, headers=form)
        return self.raw.post(url or self.endpoints.token, data=data, auth=auth, headers=form)

    def form_request(self, url: str, pairs: list[tuple[str, str]]) -> httpx.Response:
        """POST ``pairs`` as they are (repeats kept) to ``url``, authenticated as this client
        (its secret by its registered method; the pairs carry ``client_id`` themselves)."""
        creds = self.credentials
        auth: httpx.BasicAuth | None = None
        if creds.secret is not None and creds.auth_method == "client_secret_basic":
            auth = httpx.BasicAuth(creds.client_id, creds.secret)
        elif creds.secret is not None:
            pairs = [*pairs, ("client_secret", creds.secret)]
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        if auth is None:
            return self.raw.post(url, content=urlencode(pairs), headers=form)
        return self.raw.post(url, content=urlencode(pairs), headers=form, auth=auth)

    def exchange(
        self, grant: Grant, *, verifier: str | None = None, client_id: str | None = None
    ) -> httpx.Response:
        """The token request for ``grant``; ``verifier`` overrides the grant's own,
        ``client_id`` sends another (unauthenticated) client id."""
        body = AuthorizationCodeTokenRequest(
            grant_type="authorization_code",
            code=grant.code,
            redirect_uri=grant.redirect_uri,
            client_id=client_id or self.client_id,
            code_verifier=verifier
            if verifier is not None
            else (grant.pkce.verifier if grant.pkce else UNSET),
        )
        form = request_token._get_kwargs(body=body)["data"]
        return self.token_request(form, authenticate=client_id is None)

    def login(self, scope: str | None = None) -> dict[str, Any]:
        """The whole code flow with PKCE; the token response as JSON."""
        response = self.exchange(self.grant(pkce=Pkce.generate(), scope=scope))
        if response.status_code != 200:
            raise SetupError(f"code exchange failed: {response.status_code} {response.text[:300]}")
        body: dict[str, Any] = response.json()
        return body

    def refresh_token_of(self, tokens: dict[str, Any]) -> str:
        """The grant's refresh token, or skip: RFC 6749 §5.1 makes it OPTIONAL."""
        token = tokens.get("refresh_token")
        if not isinstance(token, str):
            if not rfc_profile():
                raise AssertionError(f"Expected a refresh_token. Received: {sorted(tokens)}")
            pytest.skip("the server issued no refresh_token (OPTIONAL, RFC 6749 §5.1)")
        return token

    def token(self, scope: str) -> str:
        """An access token for ``scope`` from a fresh code flow."""
        token: str = self.login(scope)["access_token"]
        return token

    def refresh(
        self, refresh_token: str, client_id: str | None = None, scope: str | None = None
    ) -> httpx.Response:
        body = RefreshTokenRequest(
            grant_type="refresh_token",
            refresh_token=refresh_token,
            client_id=client_id or self.client_id,
            scope=scope if scope is not None else UNSET,
        )
        return self.token_request(request_token._get_kwargs(body=body)["data"])

    def revoke(self, token: str, hint: str | None = None) -> httpx.Response:
        """RFC 7009 §2.1 at the advertised revocation endpoint, as this client."""
        url = self.endpoints.require("revocation_endpoint")
        body = RevocationRequest(
            token=token,
            token_type_hint=check_token_type_hint(hint) if hint is not None else UNSET,
            client_id=self.client_id,
        )
        return self.token_request(revoke_token._get_kwargs(body=body)["data"], url=url)

    def token_works(self, access_token: str) -> bool:
        """Whether the server still honours ``access_token``.

        Longbridge: a data API call. Otherwise RFC 7662 introspection when advertised, else a
        call to ``--resource`` (RFC 6750), else the check skips: nothing can tell.
        """
        if not rfc_profile():
            status = self.call_api(access_token).status_code
        elif self.endpoints.url("introspection_endpoint"):
            url = self.endpoints.require("introspection_endpoint")
            response = self.token_request({"token": access_token}, url=url)
            active = json_of(response).get("active")
            if response.status_code != 200 or not isinstance(active, bool):
                raise SetupError(f"introspection failed: {response.status_code} {response.text}")
            return active
        elif self.endpoints.resource:
            headers = {"Authorization": f"Bearer {access_token}"}
            status = self.raw.get(self.endpoints.resource, headers=headers).status_code
        else:
            pytest.skip(
                "cannot tell whether a token works: no introspection_endpoint (RFC 7662) "
                "advertised and no --resource given"
            )
        if status not in (200, 401):
            raise SetupError(f"the token check answered {status}, neither 200 nor 401")
        return status == 200

    def call_api(self, access_token: str) -> httpx.Response:
        """A Longbridge data API call with the token (the socket token needs no scope)."""
        return self.raw.get(
            self.base_url + "/v1/socket/token", headers={"Authorization": f"Bearer {access_token}"}
        )

    def close(self) -> None:
        """Nothing to release: the server's HTTP client is shared (kept for the callers)."""
