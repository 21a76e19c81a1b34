"""RFC 7592 client read and delete: the exact requests, the answers, and the errors."""

from __future__ import annotations

import httpx
import pytest

from conformance.mock_server import MockServer
from conformance.mock_server.transport import SyncASGITransport
from longbridge_openapi_client import (
    ClientCredentials,
    Longbridge,
    MemoryTokenStore,
    OAuthClient,
    OAuthError,
    ServerEndpoints,
    run_sync,
)
from longbridge_openapi_client._runtime.rfc6749_client import (
    delete_registration_flow,
    read_registration_flow,
)

from .conftest import BASE, REDIRECT

URI = "https://lb.test/oauth2/register/cid"


def test_read_and_delete_against_the_mock(mock: MockServer) -> None:
    transport = SyncASGITransport(mock.app)
    with Longbridge(
        "unused", base_url=BASE, token_store=MemoryTokenStore(), transport=transport
    ) as lb:
        info = lb.register({"client_name": "managed", "redirect_uris": [REDIRECT]})
        uri = str(info.registration_client_uri)
        rat = str(info.registration_access_token)
        read = lb.read_registration(uri, rat)
        assert (read.client_id, read.client_name) == (info.client_id, "managed")
        with pytest.raises(OAuthError) as caught:
            lb.read_registration(uri, rat + "x")
        assert (caught.value.error, caught.value.http_status) == ("invalid_token", 401)
        lb.delete_registration(uri, rat)
        with pytest.raises(OAuthError) as gone:
            lb.delete_registration(uri, rat)
        assert (gone.value.error, gone.value.http_status) == ("invalid_token", 401)


def recorded(status: int, body: object = None) -> tuple[list[httpx.Request], httpx.MockTransport]:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, json=body) if body is not None else httpx.Response(status)

    return seen, httpx.MockTransport(handle)


def test_read_sends_the_bearer_token_and_accepts_json() -> None:
    seen, transport = recorded(200, {"client_id": "cid", "client_name": "n"})
    with httpx.Client(transport=transport) as http:
        info = run_sync(read_registration_flow(URI, "rat"), http)
    assert (info.client_id, info.client_name) == ("cid", "n")
    [request] = seen
    assert (request.method, str(request.url)) == ("GET", URI)
    assert request.headers["Authorization"] == "Bearer rat"
    assert request.headers["Accept"] == "application/json"


@pytest.mark.parametrize("status", [201, 204, 401])
def test_read_refuses_anything_but_200(status: int) -> None:
    _, transport = recorded(status, {"error": "invalid_token"} if status == 401 else {})
    with httpx.Client(transport=transport) as http, pytest.raises(OAuthError) as caught:
        run_sync(read_registration_flow(URI, "rat"), http)
    assert caught.value.http_status == status


def test_delete_sends_the_bearer_token_and_wants_204() -> None:
    seen, transport = recorded(204)
    with httpx.Client(transport=transport) as http:
        assert run_sync(delete_registration_flow(URI, "rat"), http) is None
    [request] = seen
    assert (request.method, str(request.url)) == ("DELETE", URI)
    assert request.headers["Authorization"] == "Bearer rat"
    assert request.content == b""


@pytest.mark.parametrize("status", [200, 202, 400])
def test_delete_refuses_anything_but_204(status: int) -> None:
    _, transport = recorded(status, {"error": "invalid_request"})
    with httpx.Client(transport=transport) as http, pytest.raises(OAuthError) as caught:
        run_sync(delete_registration_flow(URI, "rat"), http)
    assert caught.value.http_status == status


def test_oauth_client_repr_names_issuer_and_client_only() -> None:
    oauth = OAuthClient(ServerEndpoints.fallback(BASE), ClientCredentials("cid", "secret"))
    assert repr(oauth) == f"OAuthClient(issuer='{BASE}', client_id='cid')"
