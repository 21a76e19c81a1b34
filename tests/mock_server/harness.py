"""An in-process mock server on a :class:`FakeClock`, the client side of each OAuth flow, and a
data area's handlers called directly.

The helpers compute everything a client computes (PKCE, HTTP Basic, the redirect's query) on their
own, so a test never trusts the mock to check itself.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import parse_qs, quote_plus, urlencode, urlsplit

import httpx
import pytest

from conformance.mock_server import FakeClock, MockConfig, MockServer, create_app
from conformance.mock_server.context import Context
from conformance.mock_server.data_api import Call, Caller, Handler
from conformance.mock_server.http import ApiProblem, Incoming
from conformance.mock_server.state import State
from conformance.mock_server.transport import SyncASGITransport

__all__ = [
    "BASE_URL",
    "FORM",
    "REDIRECT_URI",
    "AreaHandlers",
    "Client",
    "Harness",
    "LegacyApp",
    "MakeMock",
    "Pkce",
    "basic_auth",
    "legacy_signature",
    "location_params",
    "pkce_pair",
]

BASE_URL = "http://mock"
REDIRECT_URI = "https://app.example/callback"
FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class Pkce:
    verifier: str
    challenge: str


def pkce_pair() -> Pkce:
    """RFC 7636 §4.1–4.2: 32 random octets give a 43-character verifier; S256 challenge."""
    verifier = base64.urlsafe_b64encode(secrets.token_bytes(32)).rstrip(b"=").decode()
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return Pkce(verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode())


@dataclass(frozen=True)
class Client:
    """A registered client as its owner knows it: the registration response."""

    registration: dict[str, Any]
    redirect_uri: str

    @property
    def client_id(self) -> str:
        return str(self.registration["client_id"])

    @property
    def client_secret(self) -> str | None:
        secret = self.registration.get("client_secret")
        return None if secret is None else str(secret)

    @property
    def auth_method(self) -> str:
        return str(self.registration["token_endpoint_auth_method"])

    def authenticated(self, form: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
        """``form`` and headers with this client's credentials, by its registered method."""
        if self.auth_method == "client_secret_basic":
            assert self.client_secret is not None
            return form, {"Authorization": basic_auth(self.client_id, self.client_secret)}
        form = {**form, "client_id": self.client_id}
        if self.auth_method == "client_secret_post":
            assert self.client_secret is not None
            form["client_secret"] = self.client_secret
        return form, {}


def basic_auth(client_id: str, secret: str) -> str:
    """RFC 6749 §2.3.1: both parts form-urlencoded, then HTTP Basic."""
    pair = f"{quote_plus(client_id)}:{quote_plus(secret)}".encode()
    return "Basic " + base64.b64encode(pair).decode()


def location_params(response: httpx.Response) -> dict[str, str]:
    """The query of a redirect's Location, one value per name (repeats fail the test)."""
    assert response.status_code == 302, response.text
    assert "location" in response.headers
    query = parse_qs(urlsplit(response.headers["location"]).query, keep_blank_values=True)
    assert all(len(v) == 1 for v in query.values()), query
    return {k: v[0] for k, v in query.items()}


@dataclass(frozen=True)
class LegacyApp:
    app_key: str
    app_secret: str
    access_token: str


def legacy_signature(
    app: LegacyApp, method: str, path: str, query: str, timestamp: str, body: bytes = b""
) -> str:
    """``X-Api-Signature``, straight from docs/longbridge-api.md §3.2 (steps 1–10)."""
    signed_values = (
        f"authorization:{app.access_token}\nx-api-key:{app.app_key}\nx-timestamp:{timestamp}\n"
    )
    signed_headers = "authorization;x-api-key;x-timestamp"
    canonical = f"{method}|{path}|{query}|{signed_values}|{signed_headers}|"
    if body:
        canonical += hashlib.sha1(body).hexdigest()  # noqa: S324 - the protocol's choice
    string_to_sign = "HMAC-SHA256|" + hashlib.sha1(canonical.encode()).hexdigest()  # noqa: S324
    signature = hmac.new(
        app.app_secret.encode(), string_to_sign.encode(), hashlib.sha256
    ).hexdigest()
    return f"HMAC-SHA256 SignedHeaders={signed_headers}, Signature={signature}"


class MakeMock(Protocol):
    """The ``make_mock`` fixture: a fresh mock with its own configuration."""

    def __call__(self, config: MockConfig | None = None) -> Harness: ...


class Harness:
    """One mock server, its fake clock and an ``httpx.Client`` that calls it in-process."""

    def __init__(self, config: MockConfig | None = None) -> None:
        self.clock = FakeClock()
        self.server: MockServer = create_app(config or MockConfig(), self.clock)
        self.http = httpx.Client(transport=SyncASGITransport(self.server.app), base_url=BASE_URL)

    @property
    def state(self) -> State:
        return self.server.ctx.state

    def close(self) -> None:
        self.http.close()

    def post_form(
        self, path: str, form: dict[str, str], headers: dict[str, str] | None = None
    ) -> httpx.Response:
        """A form POST, with its content type even when the form is empty."""
        headers = {"Content-Type": FORM, **(headers or {})}
        return self.http.post(path, content=urlencode(form), headers=headers)

    # Registration (RFC 7591)

    def register(
        self,
        auth_method: str | None = None,
        redirect_uris: tuple[str, ...] = (REDIRECT_URI,),
        **metadata: Any,
    ) -> Client:
        body: dict[str, Any] = {"redirect_uris": list(redirect_uris), **metadata}
        if auth_method is not None:
            body["token_endpoint_auth_method"] = auth_method
        response = self.http.post("/oauth2/register", json=body)
        assert response.status_code == 201, response.text
        return Client(response.json(), redirect_uris[0])

    # The code grant (RFC 6749 §4.1, RFC 7636)

    def authorize(
        self,
        client: Client,
        pkce: Pkce | None = None,
        *,
        redirect_uri: str | None = None,
        state: str | None = "state-123",
        scope: str | None = None,
        **extra: str,
    ) -> httpx.Response:
        params = {
            "response_type": "code",
            "client_id": client.client_id,
            "redirect_uri": redirect_uri or client.redirect_uri,
            **extra,
        }
        if state is not None:
            params["state"] = state
        if scope is not None:
            params["scope"] = scope
        if pkce is not None:
            params["code_challenge"] = pkce.challenge
            params["code_challenge_method"] = "S256"
        return self.http.get("/oauth2/authorize", params=params)

    def code(
        self,
        client: Client,
        pkce: Pkce | None = None,
        *,
        redirect_uri: str | None = None,
        scope: str | None = None,
    ) -> str:
        """An authorization code, after checking the redirect carries the unchanged state."""
        response = self.authorize(client, pkce, redirect_uri=redirect_uri, scope=scope)
        params = location_params(response)
        assert params["state"] == "state-123"
        assert "error" not in params
        return params["code"]

    def token(self, client: Client, form: dict[str, str]) -> httpx.Response:
        """POST /oauth2/token with the client's credentials added by its registered method."""
        body, headers = client.authenticated(form)
        return self.post_form("/oauth2/token", body, headers)

    def exchange(
        self,
        client: Client,
        code: str,
        pkce: Pkce | None = None,
        *,
        redirect_uri: str | None = None,
        verifier: str | None = None,
    ) -> httpx.Response:
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri or client.redirect_uri,
        }
        if verifier is None and pkce is not None:
            verifier = pkce.verifier
        if verifier is not None:
            form["code_verifier"] = verifier
        return self.token(client, form)

    def tokens(self, client: Client, *, scope: str | None = None) -> dict[str, Any]:
        """The whole code flow with PKCE; the token response."""
        pkce = pkce_pair()
        response = self.exchange(client, self.code(client, pkce, scope=scope), pkce)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def refresh(self, client: Client, refresh_token: str, **extra: str) -> httpx.Response:
        form = {"grant_type": "refresh_token", "refresh_token": refresh_token, **extra}
        return self.token(client, form)

    def revoke(self, client: Client, token: str, **extra: str) -> httpx.Response:
        body, headers = client.authenticated({"token": token, **extra})
        return self.post_form("/oauth2/revoke", body, headers)

    # The data API

    def api(
        self,
        path: str = "/v1/socket/token",
        token: str | None = None,
        *,
        params: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        all_headers = dict(headers or {})
        if token is not None:
            all_headers["Authorization"] = f"Bearer {token}"
        return self.http.get(path, params=params, headers=all_headers)

    def security_list(self, token: str) -> httpx.Response:
        return self.api(
            "/v1/quote/get_security_list",
            token,
            params={"market": "US", "category": "Overnight"},
        )

    # Legacy API-key mode (docs/longbridge-api.md §3)

    def legacy_app(self) -> LegacyApp:
        response = self.http.get("/_mock/legacy")
        assert response.status_code == 200
        app = response.json()["apps"][0]
        return LegacyApp(app["app_key"], app["app_secret"], app["access_token"])

    def legacy_get(
        self,
        app: LegacyApp,
        path: str = "/v1/quote/get_security_list",
        query: str = "market=US&category=Overnight",
        *,
        timestamp: str | None = None,
        signature: str | None = None,
    ) -> httpx.Response:
        """A signed GET; ``query`` is sent exactly as given (it is what the signature covers)."""
        timestamp = timestamp or str(int(self.clock.now()))
        headers = {
            "X-Api-Key": app.app_key,
            "Authorization": app.access_token,
            "X-Timestamp": timestamp,
            "Content-Type": "application/json; charset=utf-8",
            "X-Api-Signature": signature or legacy_signature(app, "GET", path, query, timestamp),
        }
        return self.http.get(f"{path}?{query}" if query else path, headers=headers)


@dataclass(frozen=True)
class AreaHandlers:
    """A data area's handlers called in-process, as ``data_api`` calls them once the spec has
    validated the input: no HTTP, no authentication, the area's logic alone."""

    handlers: Mapping[str, Handler]
    caller: Caller

    def call(
        self, ctx: Context, op: str, body: dict[str, Any] | None = None, /, **params: Any
    ) -> Any:
        """The envelope's ``data`` of operation ``op``."""
        req = Incoming("GET", "/", "", {}, b"", BASE_URL)
        return self.handlers[op](ctx, Call(self.caller, params, body, req))

    def problem(
        self, ctx: Context, op: str, body: dict[str, Any] | None = None, /, **params: Any
    ) -> str:
        """The message of a refusal, which must be 400 with the mock's generic code 400000."""
        with pytest.raises(ApiProblem) as raised:
            self.call(ctx, op, body, **params)
        assert (raised.value.status, raised.value.code) == (400, 400000)
        return str(raised.value.message)
