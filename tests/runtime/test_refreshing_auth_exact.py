"""RefreshingBearerAuth, exactly: on_refresh, its messages, the clock of a discovered client."""

from __future__ import annotations

import httpx
import pytest

from longbridge_openapi_client import (
    ClientCredentials,
    MemoryTokenStore,
    NotAuthenticatedError,
    RefreshingBearerAuth,
    ServerEndpoints,
    Token,
)

NOW = 1_800_000_000.0
BASE = "https://lb.test"
ENDPOINTS = ServerEndpoints.fallback(BASE)


def token_server(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/oauth2/token":
        body = {"access_token": "new", "token_type": "Bearer", "expires_in": 3600}
        return httpx.Response(200, json=body)
    if request.url.path == "/.well-known/oauth-authorization-server":
        return httpx.Response(404)
    return httpx.Response(200, json={"code": 0, "message": "", "data": {}})


@pytest.mark.parametrize("discover", [False, True])
def test_on_refresh_gets_the_new_token_stamped_by_the_auths_clock(discover: bool) -> None:
    store = MemoryTokenStore()
    store.save("cid", Token("old", NOW - 1, "r1"))
    seen: list[Token] = []
    auth = RefreshingBearerAuth(
        ClientCredentials("cid"),
        store,
        base_url=BASE if discover else None,
        endpoints=None if discover else ENDPOINTS,
        clock=lambda: NOW,
        on_refresh=seen.append,
    )
    with httpx.Client(transport=httpx.MockTransport(token_server), auth=auth) as http:
        http.get(f"{BASE}/v1/x")
    assert seen == [Token("new", NOW + 3600, "r1")]
    assert store.load("cid") == seen[0]


def test_an_expired_token_without_refresh_token_says_so() -> None:
    store = MemoryTokenStore()
    store.save("cid", Token("old", NOW - 1))
    auth = RefreshingBearerAuth(
        ClientCredentials("cid"), store, endpoints=ENDPOINTS, clock=lambda: NOW
    )
    with (
        httpx.Client(transport=httpx.MockTransport(token_server), auth=auth) as http,
        pytest.raises(NotAuthenticatedError) as caught,
    ):
        http.get(f"{BASE}/v1/x")
    assert str(caught.value) == "the token expired and has no refresh token; log in"


def test_no_stored_token_names_the_client() -> None:
    auth = RefreshingBearerAuth(ClientCredentials("cid"), MemoryTokenStore(), endpoints=ENDPOINTS)
    with pytest.raises(NotAuthenticatedError) as caught:
        auth.current_token()
    assert str(caught.value) == "no token stored for client cid; log in"


def test_endpoints_or_a_base_url_are_needed() -> None:
    with pytest.raises(ValueError, match="give endpoints or a base_url to discover them at"):
        RefreshingBearerAuth(ClientCredentials("cid"), MemoryTokenStore())
