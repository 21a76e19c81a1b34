"""LazyTlsTransport: no CA bundle for http://, httpx's verified default for https://."""

from __future__ import annotations

import ssl

import httpx

from conformance.mock_server import MockConfig, OffsetClock, create_app
from conformance.mock_server.serve import run_in_thread
from longbridge_openapi_client._runtime.lazy_tls_transport import LazyTlsTransport

LIMITS = httpx.Limits(max_connections=2)


def test_http_requests_never_build_the_tls_transport() -> None:
    transport = LazyTlsTransport(LIMITS)
    mock = create_app(MockConfig(), OffsetClock())
    with run_in_thread(mock) as running, httpx.Client(transport=transport) as http:
        response = http.get(f"{running.base_url}/.well-known/oauth-authorization-server")
    assert response.status_code == 200
    assert transport._tls is None


def test_https_gets_a_verifying_context_built_once() -> None:
    transport = LazyTlsTransport(LIMITS)
    secure = transport._secure()
    assert transport._secure() is secure
    context = secure._pool._ssl_context
    assert context is not None
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname
    transport.close()
