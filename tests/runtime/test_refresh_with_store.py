"""The refresh after a 401 through the facade, with each token store (issue: a file store once
made the client resend the rejected token, because the file rounds ``expires_at``).

Login, then the server revokes the access token (RFC 7009 §2.1 on the mock's side), then one call:
exactly one token request, and the call succeeds with the new token.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from conformance.mock_server import MockServer
from conformance.mock_server.transport import SyncASGITransport
from longbridge_openapi_client import (
    AsyncLongbridge,
    FileTokenStore,
    Longbridge,
    MemoryTokenStore,
    RetryPolicy,
    TokenStore,
)

from .conftest import BASE, REDIRECT, register

FAST_RETRY = RetryPolicy(base_delay=0.001, max_delay=0.01)


@pytest.fixture(params=["file", "memory"])
def token_store(request: pytest.FixtureRequest, tmp_path: Path) -> TokenStore:
    if request.param == "file":
        return FileTokenStore(tmp_path / "tokens")
    return MemoryTokenStore()


def revoke_access_token(mock: MockServer, access_token: str) -> None:
    """What the server does when the token is revoked or its session ended on its side."""
    mock.ctx.state.access_tokens[access_token].revoked = True


@pytest.mark.parametrize("refresh_first", [False, True], ids=["after-login", "after-refresh"])
def test_sync_401_after_login_refreshes_once(
    mock: MockServer, http: httpx.Client, token_store: TokenStore, refresh_first: bool
) -> None:
    client_id = str(register(http)["client_id"])
    with Longbridge(
        client_id,
        base_url=BASE,
        token_store=token_store,
        transport=SyncASGITransport(mock.app),
        retry=FAST_RETRY,
    ) as lb:
        request = lb.authorization_request(REDIRECT)
        lb.finish_authorization(http.get(request.url).headers["location"], request)
        if refresh_first:
            lb.refresh()
        old = lb.token
        assert old is not None
        revoke_access_token(mock, old.access_token)
        before = mock.ctx.state.token_requests
        assert lb.get_socket_token().otp
        assert mock.ctx.state.token_requests - before == 1
        new = lb.token
        assert new is not None
        assert new.access_token != old.access_token
        assert new.refresh_token != old.refresh_token  # rotated, and the new one was saved
        # The next call needs no further refresh.
        assert lb.get_socket_token().otp
        assert mock.ctx.state.token_requests - before == 1


@pytest.mark.parametrize("refresh_first", [False, True], ids=["after-login", "after-refresh"])
def test_async_401_after_login_refreshes_once(
    mock: MockServer, http: httpx.Client, token_store: TokenStore, refresh_first: bool
) -> None:
    client_id = str(register(http)["client_id"])

    async def main() -> tuple[int, str, str]:
        async with AsyncLongbridge(
            client_id,
            base_url=BASE,
            token_store=token_store,
            transport=httpx.ASGITransport(app=mock.app),
            retry=FAST_RETRY,
        ) as lb:
            request = await lb.authorization_request(REDIRECT)
            await lb.finish_authorization(http.get(request.url).headers["location"], request)
            if refresh_first:
                await lb.refresh()
            old = lb.token
            assert old is not None
            revoke_access_token(mock, old.access_token)
            before = mock.ctx.state.token_requests
            otps = await asyncio.gather(*(lb.get_socket_token() for _ in range(3)))
            assert all(o.otp for o in otps)
            new = lb.token
            assert new is not None
            return mock.ctx.state.token_requests - before, old.access_token, new.access_token

    requests, old, new = asyncio.run(main())
    assert requests == 1
    assert new != old
