"""The Longbridge / AsyncLongbridge facade end to end against the in-process mock."""

from __future__ import annotations

import asyncio
import datetime

import httpx
import pytest

from conformance.mock_server import MockServer, parse_fault
from conformance.mock_server.transport import SyncASGITransport
from longbridge_openapi_client import (
    ApiKeyAuth,
    ApiPermissionError,
    AsyncLongbridge,
    DeviceAuthorization,
    Longbridge,
    MemoryTokenStore,
    NotAuthenticatedError,
    RefreshingBearerAuth,
    RetryingAsyncClient,
    RetryPolicy,
    scope_ids,
)
from longbridge_openapi_client.api.quote import get_security_list
from longbridge_openapi_client.models import SecurityListResponse
from longbridge_openapi_client.schemas import SecurityList

from .conftest import BASE, REDIRECT, register

FAST_RETRY = RetryPolicy(base_delay=0.001, max_delay=0.01)


def logged_in(mock: MockServer, http: httpx.Client, scope: list[str] | None = None) -> Longbridge:
    client_id = str(register(http)["client_id"])
    lb = Longbridge(
        client_id,
        base_url=BASE,
        token_store=MemoryTokenStore(),
        transport=SyncASGITransport(mock.app),
        retry=FAST_RETRY,
    )
    request = lb.authorization_request(REDIRECT, scope)
    callback = http.get(request.url).headers["location"]  # the browser follows the redirect
    lb.finish_authorization(callback, request)
    return lb


def test_login_and_typed_call(mock: MockServer, http: httpx.Client) -> None:
    with logged_in(mock, http) as lb:
        result = lb.get_security_list(market="US", category="Overnight")
        assert isinstance(result, SecurityList)
        assert "TSLA.US" in [s.symbol for s in result.list_]
        assert lb.token is not None
        assert lb.token.access_token not in repr(lb)


def test_generated_endpoint_functions_use_the_refreshing_auth(
    mock: MockServer, http: httpx.Client
) -> None:
    with logged_in(mock, http) as lb:
        mock.ctx.state.expire_access_tokens(mock.clock.now())
        parsed = get_security_list.sync(client=lb.api_client, market="US", category="Overnight")
        assert isinstance(parsed, SecurityListResponse)
        assert parsed.code == 0


def test_scope_without_watchlist_raises_permission_error(
    mock: MockServer, http: httpx.Client
) -> None:
    with logged_in(mock, http, ["account.read"]) as lb:
        with pytest.raises(ApiPermissionError) as caught:
            lb.get_security_list(market="US", category="Overnight")
        assert caught.value.code == 403308
        assert caught.value.trace_id


def test_server_side_expiry_refreshes_transparently(mock: MockServer, http: httpx.Client) -> None:
    with logged_in(mock, http) as lb:
        assert lb.token is not None
        old = lb.token.access_token
        mock.ctx.state.expire_access_tokens(mock.clock.now())
        assert lb.get_socket_token().otp
        assert lb.token.access_token != old


def test_explicit_refresh_and_revoke(mock: MockServer, http: httpx.Client) -> None:
    with logged_in(mock, http) as lb:
        first = lb.token
        assert first is not None
        second = lb.refresh()
        assert second.access_token != first.access_token
        lb.revoke()
        assert lb.token is None
        response = http.get(
            "/v1/socket/token", headers={"Authorization": f"Bearer {second.access_token}"}
        )
        assert response.json()["code"] == 401004
        with pytest.raises(NotAuthenticatedError):
            lb.get_socket_token()


def test_device_login(mock: MockServer, http: httpx.Client) -> None:
    client_id = str(register(http)["client_id"])
    shown: list[DeviceAuthorization] = []
    with Longbridge(
        client_id,
        base_url=BASE,
        token_store=MemoryTokenStore(),
        transport=SyncASGITransport(mock.app),
    ) as lb:
        lb.device_login(shown.append, scope=["watchlist"], sleep=mock.clock.advance)
        assert shown[0].user_code
        assert lb.get_security_list(market="US", category="Overnight").list_


def test_retries_through_faults(mock: MockServer, http: httpx.Client) -> None:
    with logged_in(mock, http) as lb:
        mock.ctx.state.runtime_faults = (parse_fault("status=503@/v1/socket/token*2"),)
        assert lb.get_socket_token().otp


def test_legacy_api_key_mode(mock: MockServer) -> None:
    app = next(iter(mock.ctx.state.legacy_apps.values()))
    with Longbridge(
        api_key=(app.app_key, app.app_secret, app.access_token),
        base_url=BASE,
        transport=SyncASGITransport(mock.app),
    ) as lb:
        assert isinstance(lb.auth, ApiKeyAuth)
        assert lb.get_security_list(market="US", category="Overnight").list_
        future = datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)
        assert lb.refresh_legacy_token(expired_at=future).token


def test_async_facade(mock: MockServer, http: httpx.Client) -> None:
    client_id = str(register(http)["client_id"])

    async def main() -> list[str]:
        async with AsyncLongbridge(
            client_id,
            base_url=BASE,
            token_store=MemoryTokenStore(),
            transport=httpx.ASGITransport(app=mock.app),
        ) as lb:
            request = await lb.authorization_request(REDIRECT, [4])
            callback = http.get(request.url).headers["location"]
            await lb.finish_authorization(callback, request)
            mock.ctx.state.expire_access_tokens(mock.clock.now())
            results = await asyncio.gather(
                *(lb.get_security_list(market="US", category="Overnight") for _ in range(20))
            )
            return [r.list_[0].symbol for r in results]

    before = mock.ctx.state.token_requests
    symbols = asyncio.run(main())
    assert len(set(symbols)) == 1
    assert mock.ctx.state.token_requests - before == 2  # the code exchange, then one refresh


def test_from_env() -> None:
    lb = Longbridge.from_env(
        {"LONGBRIDGE_CLIENT_ID": "cid", "LONGBRIDGE_REGION": "cn"}, token_store=MemoryTokenStore()
    )
    assert lb.base_url == "https://openapi.longbridge.cn"
    assert isinstance(lb.auth, RefreshingBearerAuth)
    legacy = Longbridge.from_env(
        {
            "LONGPORT_APP_KEY": "k",
            "LONGPORT_APP_SECRET": "s",
            "LONGPORT_ACCESS_TOKEN": "t",
            "LONGBRIDGE_HTTP_URL": "http://127.0.0.1:9/",
        }
    )
    assert isinstance(legacy.auth, ApiKeyAuth)
    assert legacy.base_url == "http://127.0.0.1:9"
    with pytest.raises(NotAuthenticatedError, match="LONGBRIDGE_CLIENT_ID"):
        Longbridge.from_env({})
    for client in (lb, legacy):
        client.close()


def test_scope_ids() -> None:
    assert scope_ids(["watchlist", "trade.read", 11]) == "4 10 11"
    assert scope_ids("watchlist account.read") == "4 6"
    assert scope_ids(None) is None


def test_the_default_pool_is_ten_kept_alive_connections_and_caps_async_calls() -> None:
    # docs/longbridge-api.md §4.3: a few concurrent requests per account; scripts/bench shows 100
    # connections slower than 10 for a burst. `limits=` replaces it.
    store = MemoryTokenStore()
    with Longbridge("cid", base_url=BASE, token_store=store) as lb:
        pool = lb._http._transport._pool  # type: ignore[attr-defined]
        assert (pool._max_connections, pool._max_keepalive_connections) == (10, 10)

    async def caps() -> tuple[int | None, int | None]:
        three = httpx.Limits(max_connections=3)
        async with (
            AsyncLongbridge("cid", base_url=BASE, token_store=store) as default,
            AsyncLongbridge("cid", base_url=BASE, token_store=store, limits=three) as given,
        ):
            assert isinstance(default._http, RetryingAsyncClient)
            assert isinstance(given._http, RetryingAsyncClient)
            return default._http.max_in_flight, given._http.max_in_flight

    assert asyncio.run(caps()) == (10, 3)
