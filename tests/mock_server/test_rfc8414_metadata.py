"""RFC 8414 discovery: the issuer is exactly the base URL the document is served on (§3.3)."""

from __future__ import annotations

import httpx

from conformance.mock_server import FakeClock, MockConfig, create_app
from conformance.mock_server.serve import run_in_thread
from conformance.mock_server.transport import SyncASGITransport

from .harness import BASE_URL, Harness, MakeMock

WELL_KNOWN = "/.well-known/oauth-authorization-server"


def check_metadata(metadata: dict[str, object], base: str) -> None:
    assert metadata["issuer"] == base
    for name in (
        "authorization_endpoint",
        "token_endpoint",
        "revocation_endpoint",
        "registration_endpoint",
        "device_authorization_endpoint",
    ):
        endpoint = metadata[name]
        assert isinstance(endpoint, str)
        assert endpoint.startswith(base + "/oauth2/"), (name, endpoint)


def test_in_process_issuer_is_the_base_url(mock: Harness) -> None:
    response = mock.http.get(WELL_KNOWN)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    metadata = response.json()
    check_metadata(metadata, BASE_URL)
    assert metadata["token_endpoint"] == f"{BASE_URL}/oauth2/token"
    # Checklist A.4–A.7, Part 2 choice 4.
    assert "code" in metadata["response_types_supported"]
    assert metadata["code_challenge_methods_supported"] == ["S256"]
    assert {"authorization_code", "refresh_token"} <= set(metadata["grant_types_supported"])
    assert "none" in metadata["token_endpoint_auth_methods_supported"]
    assert "implicit" not in metadata["grant_types_supported"]
    assert "password" not in metadata["grant_types_supported"]
    # RFC 8414 §3.2: zero-element arrays are omitted.
    assert all(v != [] for v in metadata.values())


def test_issuer_follows_the_host_a_request_arrives_on(mock: Harness) -> None:
    transport = SyncASGITransport(mock.server.app)
    with httpx.Client(transport=transport, base_url="http://other.test:8081") as other:
        check_metadata(other.get(WELL_KNOWN).json(), "http://other.test:8081")


def test_configured_issuer_wins(make_mock: MakeMock) -> None:
    harness = make_mock(MockConfig(issuer="https://openapi.longbridge.com"))
    check_metadata(harness.http.get(WELL_KNOWN).json(), "https://openapi.longbridge.com")


def test_loopback_issuer_is_the_base_url() -> None:
    with run_in_thread(create_app(MockConfig(), FakeClock())) as running:
        assert running.base_url.startswith("http://127.0.0.1:")
        response = httpx.get(running.base_url + WELL_KNOWN, timeout=10)
        assert response.status_code == 200
        check_metadata(response.json(), running.base_url)
        assert len(response.headers["x-trace-id"]) == 32
