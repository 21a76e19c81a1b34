"""The OAuth client flows (runtime/rfc6749_client.py, rfc8414_discovery.py) against the mock."""

from __future__ import annotations

import asyncio
import base64
from urllib.parse import unquote

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conformance.mock_server import Deviation, FakeClock, MockConfig, MockServer, create_app
from conformance.mock_server.transport import SyncASGITransport
from longbridge_openapi_client import (
    AuthorizationError,
    ClientCredentials,
    DiscoveryError,
    OAuthClient,
    OAuthError,
    Pkce,
    ServerEndpoints,
    Sleep,
    StateMismatchError,
    base_url_for,
    discovery_flow,
    run_async,
    run_sync,
    s256_challenge,
)
from longbridge_openapi_client._runtime.rfc6749_client import register_flow

from .conftest import BASE, REDIRECT, login, query_of, register


def test_regions_and_base_urls() -> None:
    assert base_url_for("global") == "https://openapi.longbridge.com"
    assert base_url_for("cn") == "https://openapi.longbridge.cn"
    assert base_url_for(None) == "https://openapi.longbridge.com"
    assert base_url_for("cn", "http://127.0.0.1:8080/") == "http://127.0.0.1:8080"
    with pytest.raises(ValueError, match="unknown region"):
        base_url_for("mars")


def test_discovery_against_the_mock(http: httpx.Client) -> None:
    endpoints = run_sync(discovery_flow(BASE), http)
    assert endpoints.discovered
    assert endpoints.issuer == BASE
    assert endpoints.token_endpoint == f"{BASE}/oauth2/token"
    assert endpoints.code_challenge_methods_supported == ("S256",)


def test_discovery_refuses_a_mismatched_issuer() -> None:
    mock = create_app(MockConfig(deviations=frozenset({Deviation.ISSUER_MISMATCH})), FakeClock())
    with (
        httpx.Client(transport=SyncASGITransport(mock.app)) as http,
        pytest.raises(DiscoveryError, match="issuer"),
    ):
        run_sync(discovery_flow(BASE), http)


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(404),
        httpx.Response(503),
        httpx.Response(200, text="<html>"),
        httpx.Response(200, json=[]),
    ],
)
def test_discovery_falls_back_when_unavailable(response: httpx.Response) -> None:
    flow = discovery_flow("https://lb.test/")
    request = next(flow)
    assert isinstance(request, httpx.Request)
    assert request.url == "https://lb.test/.well-known/oauth-authorization-server"
    with pytest.raises(StopIteration) as done:
        flow.send(response)
    assert done.value.value == ServerEndpoints.fallback("https://lb.test")
    assert done.value.value.token_endpoint == "https://lb.test/oauth2/token"


def test_authorization_url_carries_pkce_state_and_scope(oauth: OAuthClient) -> None:
    request = oauth.authorization_request(REDIRECT, "4 10")
    query = query_of(request.url)
    assert query["response_type"] == ["code"]
    assert query["client_id"] == [oauth.credentials.client_id]
    assert query["redirect_uri"] == [REDIRECT]
    assert query["scope"] == ["4 10"]
    assert query["code_challenge_method"] == ["S256"]
    assert query["code_challenge"] == [s256_challenge(request.pkce.verifier)]
    assert query["state"] == [request.state]
    assert len(request.state) >= 32
    assert request.state not in repr(request)
    assert request.pkce.verifier not in repr(request)


def test_full_code_flow(http: httpx.Client, oauth: OAuthClient) -> None:
    token = login(http, oauth, "4")
    assert token.scope == "4"
    assert token.refresh_token
    response = http.get(
        "/v1/socket/token", headers={"Authorization": f"Bearer {token.access_token}"}
    )
    assert response.json()["code"] == 0


@given(state=st.text(min_size=1, max_size=60), other=st.text(min_size=1, max_size=60))
def test_callback_state_must_match(state: str, other: str) -> None:
    oauth = OAuthClient(ServerEndpoints.fallback("https://lb.test"), ClientCredentials("c"))
    request = oauth.authorization_request(REDIRECT, state=state)
    good = httpx.URL(REDIRECT, params={"code": "abc", "state": state})
    assert oauth.parse_callback(str(good), request) == "abc"
    if other != state:
        bad = httpx.URL(REDIRECT, params={"code": "abc", "state": other})
        with pytest.raises(StateMismatchError):
            oauth.parse_callback(str(bad), request)


@pytest.mark.parametrize(
    "query",
    ["code=abc", "code=abc&state=s&state=s", "code=abc&state="],
)
def test_missing_or_repeated_state_is_rejected(query: str) -> None:
    oauth = OAuthClient(ServerEndpoints.fallback("https://lb.test"), ClientCredentials("c"))
    request = oauth.authorization_request(REDIRECT, state="s")
    with pytest.raises(StateMismatchError):
        oauth.parse_callback(f"{REDIRECT}?{query}", request)


def test_callback_error_is_a_typed_error() -> None:
    oauth = OAuthClient(ServerEndpoints.fallback("https://lb.test"), ClientCredentials("c"))
    request = oauth.authorization_request(REDIRECT, state="s")
    url = f"{REDIRECT}?error=access_denied&error_description=user+said+no&state=s"
    with pytest.raises(AuthorizationError) as caught:
        oauth.parse_callback(url, request)
    assert (caught.value.error, caught.value.error_description) == ("access_denied", "user said no")


def test_code_exchange_error_is_oauth_error(http: httpx.Client, oauth: OAuthClient) -> None:
    request = oauth.authorization_request(REDIRECT)
    with pytest.raises(OAuthError) as caught:
        run_sync(oauth.exchange_code_flow("no-such-code", request), http)
    assert caught.value.error == "invalid_grant"
    assert caught.value.http_status == 400


def test_public_client_sends_no_secret_and_confidential_ones_do(http: httpx.Client) -> None:
    endpoints = ServerEndpoints.fallback(BASE)
    public = OAuthClient(endpoints, ClientCredentials("pub"))
    request = public.code_request("c", public.authorization_request(REDIRECT))
    assert "client_secret" not in request.content.decode()
    assert "authorization" not in request.headers
    post = OAuthClient(endpoints, ClientCredentials("id", "s3cret", "client_secret_post"))
    form = post.code_request("c", post.authorization_request(REDIRECT)).content.decode()
    assert "client_secret=s3cret" in form
    basic = OAuthClient(endpoints, ClientCredentials("id:x", "s e:cret"))
    req = basic.code_request("c", basic.authorization_request(REDIRECT))
    user, _, password = (
        base64.b64decode(req.headers["authorization"].split()[1]).decode().partition(":")
    )
    assert (unquote(user), unquote(password)) == ("id:x", "s e:cret")  # RFC 6749 §2.3.1
    assert "client_id" not in req.content.decode()


@pytest.mark.parametrize("method", ["client_secret_basic", "client_secret_post"])
def test_confidential_clients_work_end_to_end(
    http: httpx.Client, mock: MockServer, method: str
) -> None:
    info = register(http, token_endpoint_auth_method=method)
    creds = ClientCredentials(str(info["client_id"]), str(info["client_secret"]), method)  # type: ignore[arg-type]
    oauth = OAuthClient(ServerEndpoints.fallback(BASE), creds, mock.clock.now)
    token = login(http, oauth)
    refreshed = run_sync(oauth.refresh_flow(token), http)
    assert refreshed.access_token != token.access_token


def test_device_flow(mock: MockServer, http: httpx.Client, oauth: OAuthClient) -> None:
    device = run_sync(oauth.device_authorization_flow("4"), http)
    assert device.user_code
    assert device.verification_uri.startswith(BASE)
    assert device.device_code not in repr(device)
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        mock.clock.advance(seconds)

    token = run_sync(oauth.device_token_flow(device), http, sleep)
    assert token.access_token
    # Approval comes after the mock's 10 s delay: pending first, honouring the 5 s interval.
    assert slept == [5, 5]


def test_device_flow_slow_down_adds_five_seconds() -> None:
    oauth = OAuthClient(
        ServerEndpoints.fallback("https://lb.test"), ClientCredentials("c"), lambda: 0.0
    )
    from longbridge_openapi_client import DeviceAuthorization

    device = DeviceAuthorization("dc", "UC", "https://lb.test/verify", None, 300, 5)
    flow = oauth.device_token_flow(device)
    assert next(flow) == Sleep(5)
    assert isinstance(flow.send(None), httpx.Request)
    assert flow.send(httpx.Response(400, json={"error": "slow_down"})) == Sleep(10)
    flow.send(None)
    assert flow.send(httpx.Response(400, json={"error": "authorization_pending"})) == Sleep(10)
    flow.send(None)
    with pytest.raises(OAuthError) as caught:
        flow.send(httpx.Response(400, json={"error": "access_denied"}))
    assert caught.value.error == "access_denied"


def test_device_flow_expired_token(
    mock: MockServer, http: httpx.Client, oauth: OAuthClient
) -> None:
    device = run_sync(oauth.device_authorization_flow(), http)
    with pytest.raises(OAuthError) as caught:
        run_sync(oauth.device_token_flow(device), http, lambda s: mock.clock.advance(400))
    assert caught.value.error == "expired_token"


def test_revocation(http: httpx.Client, oauth: OAuthClient) -> None:
    token = login(http, oauth)
    assert token.refresh_token
    run_sync(oauth.revocation_flow(token.refresh_token, "refresh_token"), http)
    response = http.get(
        "/v1/socket/token", headers={"Authorization": f"Bearer {token.access_token}"}
    )
    assert response.json()["code"] == 401004  # the grant's access token died with it
    run_sync(oauth.revocation_flow("unknown-token"), http)  # RFC 7009 §2.2: still 200


def test_registration_flow(http: httpx.Client) -> None:
    info = run_sync(register_flow(f"{BASE}/oauth2/register", {"redirect_uris": [REDIRECT]}), http)
    assert info.client_id
    with pytest.raises(OAuthError) as caught:
        run_sync(register_flow(f"{BASE}/oauth2/register", {"redirect_uris": ["ftp://x/#f"]}), http)
    assert caught.value.error == "invalid_redirect_uri"


def test_flows_run_async_too(mock: MockServer, http: httpx.Client, oauth: OAuthClient) -> None:
    async def main() -> str:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=mock.app)) as client:
            endpoints = await run_async(discovery_flow(BASE), client)
            request = oauth.authorization_request(REDIRECT)
            response = await client.get(request.url)
            code = oauth.parse_callback(response.headers["location"], request)
            token = await run_async(
                OAuthClient(endpoints, oauth.credentials).exchange_code_flow(code, request), client
            )
            return token.access_token

    assert asyncio.run(main())


def test_pkce_verifier_is_what_the_mock_checks(http: httpx.Client, oauth: OAuthClient) -> None:
    request = oauth.authorization_request(REDIRECT)
    code = oauth.parse_callback(http.get(request.url).headers["location"], request)
    tampered = type(request)(request.url, request.redirect_uri, request.state, Pkce.generate())
    with pytest.raises(OAuthError) as caught:
        run_sync(oauth.exchange_code_flow(code, tampered), http)
    assert caught.value.error == "invalid_grant"
