"""RefreshingBearerAuth: driven by hand (as httpx's own auth tests do), then against the mock.

End-to-end use through the Longbridge facade is in test_facade.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from pathlib import Path
from urllib.parse import parse_qsl

import httpx
import pytest

from conformance.mock_server import MockServer
from longbridge_openapi_client import (
    ClientCredentials,
    FileTokenStore,
    MemoryTokenStore,
    NotAuthenticatedError,
    OAuthClient,
    RefreshingBearerAuth,
    RefreshLockTimeout,
    ResponseLimitError,
    RetryingAsyncClient,
    RetryingClient,
    ServerEndpoints,
    Token,
    TokenRefreshError,
)
from longbridge_openapi_client._runtime.flows import MAX_BODY

from .conftest import BASE, login

NOW = 1_800_000_000.0
ENDPOINTS = ServerEndpoints.fallback("https://lb.test")
API = "https://lb.test/v1/socket/token"


def make_auth(
    token: Token | None, leeway: float = 300.0
) -> tuple[RefreshingBearerAuth, MemoryTokenStore]:
    store = MemoryTokenStore()
    if token is not None:
        store.save("cid", token)
    auth = RefreshingBearerAuth(
        ClientCredentials("cid"), store, endpoints=ENDPOINTS, leeway=leeway, clock=lambda: NOW
    )
    return auth, store


def token_response(
    access: str, refresh: str | None = "r2", expires_in: int = 3600
) -> httpx.Response:
    body: dict[str, object] = {
        "access_token": access,
        "token_type": "Bearer",
        "expires_in": expires_in,
    }
    if refresh:
        body["refresh_token"] = refresh
    return httpx.Response(200, json=body)


def envelope_401(code: int = 401004) -> httpx.Response:
    return httpx.Response(
        401,
        json={"code": code, "message": "token invalid", "data": None},
        headers={"WWW-Authenticate": 'Bearer realm="longbridge", error="invalid_token"'},
    )


def test_valid_token_is_sent_once_with_region_header() -> None:
    auth, _ = make_auth(Token("us_access", NOW + 3600, "r1"))
    flow = auth.sync_auth_flow(httpx.Request("GET", API))
    request = next(flow)
    assert request.headers["Authorization"] == "Bearer us_access"
    assert request.headers["x-dc-region"] == "us"
    with pytest.raises(StopIteration):
        flow.send(httpx.Response(200, json={"code": 0, "message": "success", "data": {}}))


def test_token_within_leeway_is_refreshed_first_and_saved_before_use() -> None:
    auth, store = make_auth(Token("old", NOW + 299, "r1"))
    flow = auth.sync_auth_flow(httpx.Request("GET", API))
    refresh = next(flow)
    assert refresh.url == ENDPOINTS.token_endpoint
    form = dict(x.split("=") for x in refresh.content.decode().split("&"))
    assert form == {"grant_type": "refresh_token", "refresh_token": "r1", "client_id": "cid"}
    request = flow.send(token_response("new", "r2"))
    saved = store.load("cid")
    assert saved is not None
    assert saved.access_token == "new"  # stored before the API request goes out
    assert saved.refresh_token == "r2"
    assert request.headers["Authorization"] == "Bearer new"
    with pytest.raises(StopIteration):
        flow.send(httpx.Response(200))


def test_token_outside_leeway_is_not_refreshed() -> None:
    auth, _ = make_auth(Token("old", NOW + 301, "r1"))
    request = next(auth.sync_auth_flow(httpx.Request("GET", API)))
    assert request.url == API


def test_refresh_without_new_refresh_token_keeps_the_old_one() -> None:
    auth, store = make_auth(Token("old", NOW - 1, "r1"))
    flow = auth.sync_auth_flow(httpx.Request("GET", API))
    next(flow)
    flow.send(token_response("new", refresh=None))
    saved = store.load("cid")
    assert saved is not None
    assert saved.refresh_token == "r1"


@pytest.mark.parametrize("response", [envelope_401(401004), envelope_401(401003)])
def test_401_invalid_token_refreshes_once_and_retries_once(response: httpx.Response) -> None:
    auth, _ = make_auth(Token("old", NOW + 3600, "r1"))
    flow = auth.sync_auth_flow(httpx.Request("GET", API))
    first = next(flow)
    assert first.headers["Authorization"] == "Bearer old"
    refresh = flow.send(response)
    assert refresh.url == ENDPOINTS.token_endpoint
    retry = flow.send(token_response("new"))
    assert retry.url == API
    assert retry.headers["Authorization"] == "Bearer new"
    # A second 401 is the caller's: no further refresh, no loop.
    with pytest.raises(StopIteration):
        flow.send(envelope_401())


def test_401_without_invalid_token_is_not_retried() -> None:
    auth, _ = make_auth(Token("old", NOW + 3600, "r1"))
    flow = auth.sync_auth_flow(httpx.Request("GET", API))
    next(flow)
    with pytest.raises(StopIteration):
        flow.send(httpx.Response(401, json={"code": 401001, "message": "token empty"}))


def test_failed_refresh_raises_a_typed_error() -> None:
    auth, store = make_auth(Token("old", NOW - 1, "r1"))
    flow = auth.sync_auth_flow(httpx.Request("GET", API))
    next(flow)
    with pytest.raises(TokenRefreshError) as caught:
        flow.send(httpx.Response(400, json={"error": "invalid_grant", "error_description": "used"}))
    assert caught.value.error == "invalid_grant"
    saved = store.load("cid")
    assert saved is not None
    assert saved.access_token == "old"  # nothing was overwritten


def test_no_token_means_not_authenticated() -> None:
    auth, _ = make_auth(None)
    with pytest.raises(NotAuthenticatedError):
        next(auth.sync_auth_flow(httpx.Request("GET", API)))


def test_expired_token_without_refresh_token_means_not_authenticated() -> None:
    auth, _ = make_auth(Token("old", NOW - 1, None))
    with pytest.raises(NotAuthenticatedError):
        next(auth.sync_auth_flow(httpx.Request("GET", API)))


def test_token_refreshed_elsewhere_is_picked_up_from_the_store() -> None:
    auth, store = make_auth(Token("old", NOW - 1, "r1"))
    auth.current_token()
    store.save("cid", Token("from-other-process", NOW + 3600, "r9"))
    request = next(auth.sync_auth_flow(httpx.Request("GET", API)))
    assert request.headers["Authorization"] == "Bearer from-other-process"


def test_lock_free_auth_flow_yields_only_requests() -> None:
    auth, _ = make_auth(Token("old", NOW - 1, "r1"))
    flow = auth.auth_flow(httpx.Request("GET", API))
    assert next(flow).url == ENDPOINTS.token_endpoint
    assert flow.send(token_response("new")).url == API


def test_discovers_the_token_endpoint_when_not_given() -> None:
    store = MemoryTokenStore()
    store.save("cid", Token("old", NOW - 1, "r1"))
    auth = RefreshingBearerAuth(
        ClientCredentials("cid"), store, base_url="https://lb.test", clock=lambda: NOW
    )
    flow = auth.sync_auth_flow(httpx.Request("GET", API))
    discovery = next(flow)
    assert discovery.url == "https://lb.test/.well-known/oauth-authorization-server"
    metadata = {
        "issuer": "https://lb.test",
        "authorization_endpoint": "https://lb.test/auth",
        "token_endpoint": "https://lb.test/custom/token",
        "response_types_supported": ["code"],
    }
    refresh = flow.send(httpx.Response(200, json=metadata))
    assert refresh.url == "https://lb.test/custom/token"


def test_repr_shows_no_token() -> None:
    auth, _ = make_auth(Token("secret-access", NOW + 3600, "secret-refresh"))
    auth.current_token()
    assert "secret" not in repr(auth)


# -- against the mock ---------------------------------------------------------------------------


def _expired_setup(
    mock: MockServer, http: httpx.Client, oauth: OAuthClient
) -> tuple[RefreshingBearerAuth, MemoryTokenStore, Token]:
    token = login(http, oauth)
    store = MemoryTokenStore()
    store.save(oauth.credentials.client_id, token)
    mock.clock.advance(mock.config.access_token_ttl + 1)  # expired at client and server
    auth = RefreshingBearerAuth(
        oauth.credentials, store, endpoints=oauth.endpoints, clock=mock.clock.now
    )
    return auth, store, token


def _rejected_setup(
    mock: MockServer, http: httpx.Client, oauth: OAuthClient
) -> tuple[RefreshingBearerAuth, Token]:
    """An auth whose stored token the client believes fresh and the server has expired
    (401 invalid_token, 401003), and that token."""
    token = login(http, oauth)
    store = MemoryTokenStore()
    store.save(oauth.credentials.client_id, token)
    auth = RefreshingBearerAuth(
        oauth.credentials, store, endpoints=oauth.endpoints, clock=mock.clock.now
    )
    mock.ctx.state.expire_access_tokens(mock.clock.now())
    return auth, token


def test_single_flight_in_threads(mock: MockServer, http: httpx.Client, oauth: OAuthClient) -> None:
    auth, store, old = _expired_setup(mock, http, oauth)
    before = mock.ctx.state.token_requests
    n = 100
    barrier = threading.Barrier(n)
    codes: list[int] = []
    lock = threading.Lock()
    client = httpx.Client(transport=http._transport, base_url=BASE, auth=auth)

    def call() -> None:
        barrier.wait()
        body = client.get("/v1/socket/token").json()
        with lock:
            codes.append(body["code"])

    threads = [threading.Thread(target=call) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert codes == [0] * n
    assert mock.ctx.state.token_requests - before == 1  # exactly one refresh
    saved = store.load(oauth.credentials.client_id)
    assert saved is not None
    assert saved.access_token != old.access_token


def test_single_flight_in_asyncio_tasks(
    mock: MockServer, http: httpx.Client, oauth: OAuthClient
) -> None:
    auth, _, _ = _expired_setup(mock, http, oauth)
    before = mock.ctx.state.token_requests

    async def main() -> list[int]:
        transport = httpx.ASGITransport(app=mock.app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE, auth=auth) as client:
            responses = await asyncio.gather(*(client.get("/v1/socket/token") for _ in range(200)))
        return [json.loads(r.content)["code"] for r in responses]

    assert asyncio.run(main()) == [0] * 200
    assert mock.ctx.state.token_requests - before == 1


class Counting401(httpx.AsyncBaseTransport):
    """Counts 401s. Holds requests bearing ``stale`` until ``gate`` of them are in flight (or
    2 s pass), so that every call that could carry the old token does: the count is exact."""

    def __init__(self, inner: httpx.AsyncBaseTransport, stale: str, gate: int) -> None:
        self.inner = inner
        self.stale = f"Bearer {stale}"
        self.gate = gate
        self.arrived = 0
        self.opened = asyncio.Event()
        self.unauthorized = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.headers.get("authorization") == self.stale:
            self.arrived += 1
            if self.arrived >= self.gate:
                self.opened.set()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.opened.wait(), 2.0)
        response = await self.inner.handle_async_request(request)
        self.unauthorized += response.status_code == 401
        return response


@pytest.mark.parametrize(("cap", "most_401s"), [(5, 5), (None, 200)])
def test_queued_async_calls_pick_up_the_refresh_of_a_rejected_token(
    mock: MockServer, http: httpx.Client, oauth: OAuthClient, cap: int | None, most_401s: int
) -> None:
    # The client believes its token is fresh; the server has expired it (401 invalid_token).
    # Capped at the pool size, only the calls already in flight meet the 401; the rest wait
    # before their auth flow and go out with the refreshed token. Uncapped (the control), every
    # call carries the old token: the check below can fail.
    auth, token = _rejected_setup(mock, http, oauth)
    before = mock.ctx.state.token_requests

    async def main() -> tuple[list[int], int]:
        transport = Counting401(httpx.ASGITransport(app=mock.app), token.access_token, cap or 200)
        limits = httpx.Limits(max_connections=cap)
        async with RetryingAsyncClient(
            transport=transport, base_url=BASE, auth=auth, limits=limits
        ) as client:
            responses = await asyncio.gather(*(client.get("/v1/socket/token") for _ in range(200)))
        return [json.loads(r.content)["code"] for r in responses], transport.unauthorized

    codes, unauthorized = asyncio.run(main())
    assert codes == [0] * 200
    assert mock.ctx.state.token_requests - before == 1
    assert unauthorized == most_401s


class Counting401Sync(httpx.BaseTransport):
    """The threads' twin of :class:`Counting401`."""

    def __init__(self, inner: httpx.BaseTransport, stale: str, gate: int) -> None:
        self.inner = inner
        self.stale = f"Bearer {stale}"
        self.gate = gate
        self.arrived = 0
        self.lock = threading.Condition()
        self.unauthorized = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.headers.get("authorization") == self.stale:
            with self.lock:
                self.arrived += 1
                self.lock.notify_all()
                self.lock.wait_for(lambda: self.arrived >= self.gate, timeout=2.0)
        response = self.inner.handle_request(request)
        with self.lock:
            self.unauthorized += response.status_code == 401
        return response


@pytest.mark.parametrize(("cap", "most_401s"), [(5, 5), (None, 50)])
def test_waiting_threads_pick_up_the_refresh_of_a_rejected_token(
    mock: MockServer, http: httpx.Client, oauth: OAuthClient, cap: int | None, most_401s: int
) -> None:
    # The threads' twin of the asyncio test above: 50 threads, a pool of 5.
    auth, token = _rejected_setup(mock, http, oauth)
    before = mock.ctx.state.token_requests
    transport = Counting401Sync(http._transport, token.access_token, cap or 50)
    limits = httpx.Limits(max_connections=cap)
    codes: list[int] = []
    barrier = threading.Barrier(50)
    with RetryingClient(transport=transport, base_url=BASE, auth=auth, limits=limits) as client:

        def call() -> None:
            barrier.wait()
            codes.append(client.get("/v1/socket/token").json()["code"])

        threads = [threading.Thread(target=call) for _ in range(50)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert codes == [0] * 50
    assert mock.ctx.state.token_requests - before == 1
    assert transport.unauthorized == most_401s


def test_server_side_expiry_is_cured_by_one_refresh(
    mock: MockServer, http: httpx.Client, oauth: OAuthClient
) -> None:
    auth, _ = _rejected_setup(mock, http, oauth)
    before = mock.ctx.state.token_requests
    response = httpx.Client(transport=http._transport, base_url=BASE, auth=auth).get(
        "/v1/socket/token"
    )
    assert response.json()["code"] == 0
    assert mock.ctx.state.token_requests - before == 1


def test_revoked_grant_fails_with_typed_error_and_no_loop(
    mock: MockServer, http: httpx.Client, oauth: OAuthClient
) -> None:
    auth, _, old = _expired_setup(mock, http, oauth)
    assert old.refresh_token is not None
    http.post(
        "/oauth2/revoke",
        data={"token": old.refresh_token, "client_id": oauth.credentials.client_id},
    )
    before = mock.ctx.state.token_requests
    client = httpx.Client(transport=http._transport, base_url=BASE, auth=auth)
    with pytest.raises(TokenRefreshError) as caught:
        client.get("/v1/socket/token")
    assert caught.value.error == "invalid_grant"
    assert mock.ctx.state.token_requests - before == 1


# -- refresh_now / arefresh_now: the refresh Longbridge.refresh() asks for ------------------------


def token_endpoint(
    responses: list[httpx.Response], seen: list[httpx.Request]
) -> httpx.MockTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return responses.pop(0)

    return httpx.MockTransport(answer)


def file_auth(tmp_path: Path, token: Token) -> tuple[RefreshingBearerAuth, FileTokenStore]:
    store = FileTokenStore(tmp_path)
    store.save("cid", token)
    auth = RefreshingBearerAuth(
        ClientCredentials("cid"), store, endpoints=ENDPOINTS, clock=lambda: NOW
    )
    return auth, store


def lock_is_free(tmp_path: Path) -> bool:
    lock = FileTokenStore(tmp_path).refresh_lock("cid")
    if not lock.try_acquire():
        return False
    lock.release()
    return True


def test_refresh_now_refreshes_a_valid_token_without_the_bearer_and_saves_it(
    tmp_path: Path,
) -> None:
    auth, store = file_auth(tmp_path, Token("us_a1", NOW + 3600, "r1"))
    seen: list[httpx.Request] = []
    called: list[Token] = []
    auth.on_refresh = called.append
    transport = token_endpoint([token_response("us_a2")], seen)
    # The client's own auth is this one: the token request must not go through it.
    with httpx.Client(transport=transport, auth=auth) as http:
        token = auth.refresh_now(http)
    assert (token.access_token, token.refresh_token) == ("us_a2", "r2")
    assert [r.url for r in seen] == [httpx.URL(ENDPOINTS.token_endpoint)]
    assert "authorization" not in seen[0].headers
    assert dict(parse_qsl(seen[0].content.decode()))["refresh_token"] == "r1"
    stored = store.load("cid")
    assert stored is not None
    assert stored.access_token == "us_a2"
    assert [t.access_token for t in called] == ["us_a2"]
    assert auth.current_token().access_token == "us_a2"
    assert not auth._thread_lock.locked()
    assert lock_is_free(tmp_path)


def test_refresh_now_returns_the_token_another_process_saved_without_a_request(
    tmp_path: Path,
) -> None:
    auth, store = file_auth(tmp_path, Token("us_a1", NOW + 3600, "r1"))
    assert auth.current_token().access_token == "us_a1"  # read before the other process
    store.save("cid", Token("us_other", NOW + 3600, "r9"))
    seen: list[httpx.Request] = []
    with httpx.Client(transport=token_endpoint([], seen)) as http:
        token = auth.refresh_now(http)
    assert token.access_token == "us_other"
    assert seen == []
    assert lock_is_free(tmp_path)


def test_refresh_now_failing_raises_typed_keeps_the_token_and_frees_both_locks(
    tmp_path: Path,
) -> None:
    auth, store = file_auth(tmp_path, Token("us_a1", NOW + 3600, "r1"))
    refused = httpx.Response(400, json={"error": "invalid_grant"})
    with (
        httpx.Client(transport=token_endpoint([refused], [])) as http,
        pytest.raises(TokenRefreshError),
    ):
        auth.refresh_now(http)
    stored = store.load("cid")
    assert stored is not None
    assert stored.access_token == "us_a1"
    assert not auth._thread_lock.locked()
    assert lock_is_free(tmp_path)


def test_refresh_now_reads_no_more_than_the_bound(tmp_path: Path) -> None:
    auth, _ = file_auth(tmp_path, Token("us_a1", NOW + 3600, "r1"))
    huge = httpx.Response(200, content=b"x" * (MAX_BODY + 1))
    with (
        httpx.Client(transport=token_endpoint([huge], [])) as http,
        pytest.raises(ResponseLimitError),
    ):
        auth.refresh_now(http)
    assert lock_is_free(tmp_path)


def test_refresh_now_waits_for_the_lock_file_and_gives_up_typed(tmp_path: Path) -> None:
    auth, _ = file_auth(tmp_path, Token("us_a1", NOW + 3600, "r1"))
    auth.lock_timeout = 0.05
    other = FileTokenStore(tmp_path).refresh_lock("cid")
    assert other.try_acquire()  # another process is refreshing
    try:
        with (
            httpx.Client(transport=token_endpoint([], [])) as http,
            pytest.raises(RefreshLockTimeout),
        ):
            auth.refresh_now(http)
        assert not auth._thread_lock.locked()
    finally:
        other.release()


def test_arefresh_now_refreshes_and_picks_up_another_processs_token(tmp_path: Path) -> None:
    auth, store = file_auth(tmp_path, Token("us_a1", NOW + 3600, "r1"))
    seen: list[httpx.Request] = []

    async def main() -> tuple[Token, Token]:
        transport = token_endpoint([token_response("us_a2")], seen)
        async with httpx.AsyncClient(transport=transport, auth=auth) as http:
            first = await auth.arefresh_now(http)
            store.save("cid", Token("us_other", NOW + 3600, "r9"))
            second = await auth.arefresh_now(http)
        return first, second

    first, second = asyncio.run(main())
    assert (first.access_token, second.access_token) == ("us_a2", "us_other")
    assert len(seen) == 1
    assert "authorization" not in seen[0].headers
    assert not auth._thread_lock.locked()
    assert not auth._async_lock.locked()
    assert lock_is_free(tmp_path)


def test_arefresh_now_failing_and_timing_out_free_what_they_took(tmp_path: Path) -> None:
    auth, _ = file_auth(tmp_path, Token("us_a1", NOW + 3600, "r1"))
    refused = httpx.Response(400, json={"error": "invalid_grant"})
    huge = httpx.Response(200, content=b"x" * (MAX_BODY + 1))

    async def main() -> None:
        async with httpx.AsyncClient(transport=token_endpoint([refused, huge], [])) as http:
            with pytest.raises(TokenRefreshError):
                await auth.arefresh_now(http)
            with pytest.raises(ResponseLimitError):
                await auth.arefresh_now(http)
            other = FileTokenStore(tmp_path).refresh_lock("cid")
            assert other.try_acquire()
            auth.lock_timeout = 0.05
            try:
                with pytest.raises(RefreshLockTimeout):
                    await auth.arefresh_now(http)
            finally:
                other.release()

    asyncio.run(main())
    assert not auth._thread_lock.locked()
    assert not auth._async_lock.locked()
    assert lock_is_free(tmp_path)
