"""Fixtures for the runtime tests: an in-process mock server and OAuth clients bound to it."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from conformance.mock_server import FakeClock, MockConfig, MockServer, create_app
from conformance.mock_server.transport import SyncASGITransport
from longbridge_openapi_client import (
    ClientCredentials,
    MemoryTokenStore,
    OAuthClient,
    ServerEndpoints,
    Token,
    run_sync,
)

BASE = "http://127.0.0.1:8080"  # loopback: discovery accepts http endpoints only there
REDIRECT = "http://127.0.0.1:53682/callback"


@pytest.fixture
def mock() -> MockServer:
    return create_app(MockConfig(), FakeClock())


@pytest.fixture
def http(mock: MockServer) -> Iterator[httpx.Client]:
    with httpx.Client(transport=SyncASGITransport(mock.app), base_url=BASE) as client:
        yield client


def register(http: httpx.Client, **metadata: object) -> dict[str, object]:
    body = {"client_name": "runtime-tests", "redirect_uris": [REDIRECT], **metadata}
    response = http.post("/oauth2/register", json=body)
    assert response.status_code == 201, response.text
    info: dict[str, object] = response.json()
    return info


@pytest.fixture
def oauth(http: httpx.Client, mock: MockServer) -> OAuthClient:
    info = register(http)
    return OAuthClient(
        ServerEndpoints.fallback(BASE), ClientCredentials(str(info["client_id"])), mock.clock.now
    )


def login(http: httpx.Client, oauth: OAuthClient, scope: str | None = None) -> Token:
    """The whole code flow with PKCE against the mock's auto-consent."""
    request = oauth.authorization_request(REDIRECT, scope)
    response = http.get(request.url)
    assert response.status_code == 302, response.text
    code = oauth.parse_callback(response.headers["location"], request)
    token: Token = run_sync(oauth.exchange_code_flow(code, request), http)
    return token


@pytest.fixture
def store() -> MemoryTokenStore:
    return MemoryTokenStore()


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)
