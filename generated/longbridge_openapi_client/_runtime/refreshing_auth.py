# Copied verbatim from generator/runtime/refreshing_auth.py by `python -m generator`.
# Edit that file and regenerate; changes made here are lost and fail the drift check.
"""Bearer authentication (RFC 6750 §2.1) that refreshes the access token by itself.

One protocol, written once in ``_flow``: refresh when the token is within ``leeway`` of expiry
(300 s, as the official SDK), or once after a 401 ``invalid_token``, then retry that request once;
never a loop (docs/conformance-checklist.md item 51). The rotated token is saved to the store before
it is used. A failed refresh raises :class:`TokenRefreshError`; nothing opens a browser.

Single flight (item 50): the refresh runs under a lock, and a request that waited for it uses the
token the winner obtained instead of refreshing again. ``sync_auth_flow`` takes a thread lock,
``async_auth_flow`` an anyio lock and then the thread lock, so threads and tasks share one refresh.
A store shared between processes (:class:`FileTokenStore`) adds its lock file, taken last; under
it the store is read again, so a process refreshes only if no other one has: two processes
presenting one rotating refresh token would have the server revoke the whole family (RFC 9700
§4.14.2, https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2).

A rotated token that cannot be saved is kept in memory (the server has already consumed the old
refresh token) and :class:`TokenSaveError` names the file.
Unit tests drive these generators by hand (tests/runtime/test_refreshing_auth.py).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator
from typing import Final

import anyio
import httpx

from .errors import NotAuthenticatedError, RefreshLockTimeout, ResponseLimitError
from .flows import MAX_BODY, Sleep, aread_bounded, read_bounded
from .rfc6749_client import ClientCredentials, OAuthClient
from .rfc8414_discovery import ServerEndpoints, discovery_flow
from .token import Token
from .token_store import LockingTokenStore, RefreshLock, TokenStore

__all__ = ["DEFAULT_DEADLINE", "DEFAULT_LEEWAY", "DEFAULT_LOCK_TIMEOUT", "RefreshingBearerAuth"]

DEFAULT_LEEWAY = 300.0
# How long to wait for another process's refresh: a few token requests' worth (each has its own
# deadline), not forever behind a hung process.
DEFAULT_LOCK_TIMEOUT = 120.0
DEFAULT_DEADLINE = 30.0  # reading one token or discovery answer, as the facade's timeout
# Envelope codes that mean "this token is no good" (docs/longbridge-api.md §4.2).
_INVALID_TOKEN_CODES = frozenset({401003, 401004, 401102})


class _Lock:
    pass


_ACQUIRE: Final = _Lock()
_RELEASE: Final = _Lock()
_Step = httpx.Request | _Lock


def invalid_token_response(response: httpx.Response) -> bool:
    """A 401 that a fresh token may cure (RFC 6750 §3.1 ``invalid_token``, or 40100x codes)."""
    if response.status_code != 401:
        return False
    if 'error="invalid_token"' in response.headers.get("www-authenticate", ""):
        return True
    try:
        body = json.loads(response.content)
    except ValueError:
        return False
    return isinstance(body, dict) and body.get("code") in _INVALID_TOKEN_CODES


class RefreshingBearerAuth(httpx.Auth):
    # The drivers read bodies themselves: the caller's whole, the OAuth answers bounded.
    requires_response_body = False

    def __init__(
        self,
        credentials: ClientCredentials,
        store: TokenStore,
        *,
        base_url: str | None = None,
        endpoints: ServerEndpoints | None = None,
        leeway: float = DEFAULT_LEEWAY,
        clock: Callable[[], float] = time.time,
        on_refresh: Callable[[Token], None] | None = None,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        allow_other_origins: bool = False,
        deadline: float = DEFAULT_DEADLINE,
    ) -> None:
        """Endpoints come from ``endpoints``, or are discovered at ``base_url`` at the first
        refresh (RFC 8414), with the discovery request sent through this same auth flow."""
        if endpoints is None and base_url is None:
            raise ValueError("give endpoints or a base_url to discover them at")
        self.credentials = credentials
        self.base_url = base_url
        self.oauth = OAuthClient(endpoints, credentials, clock) if endpoints else None
        self.store = store
        self.leeway = leeway
        self.clock = clock
        self.on_refresh = on_refresh
        self.lock_timeout = lock_timeout
        self.allow_other_origins = allow_other_origins
        self.deadline = deadline  # seconds to read a token or discovery answer
        self._token: Token | None = None
        self._unsaved: Token | None = None  # a rotated token the store refused
        self._thread_lock = threading.Lock()
        self._async_lock = anyio.Lock()
        self._process_lock: RefreshLock | None = None
        if isinstance(store, LockingTokenStore):
            self._process_lock = store.refresh_lock(credentials.client_id)

    def __repr__(self) -> str:
        return f"RefreshingBearerAuth(client_id={self.client_id!r})"

    @property
    def client_id(self) -> str:
        return self.credentials.client_id

    def current_token(self) -> Token:
        """The token in use, loaded from the store on first need."""
        token = self._token
        if token is None:
            token = self._token = self.store.load(self.client_id)
            if token is None:
                raise NotAuthenticatedError(f"no token stored for client {self.client_id}; log in")
        return token

    def _must_refresh(self, token: Token) -> bool:
        return token.expires_within(self.leeway, self.clock())

    # -- the protocol, once -----------------------------------------------------------------

    def _flow(self, request: httpx.Request) -> Generator[_Step, httpx.Response | None, None]:
        token = self.current_token()
        if self._must_refresh(token):
            yield _ACQUIRE
            token = yield from self._refresh_unless_done(token, forced=False)
            yield _RELEASE
        self._authorize(request, token)
        response = yield request
        if response is not None and invalid_token_response(response):
            yield _ACQUIRE
            token = yield from self._refresh_unless_done(token, forced=True)
            yield _RELEASE
            self._authorize(request, token)
            yield request  # once; whatever comes back is the caller's

    def _refresh_unless_done(
        self, stale: Token, *, forced: bool
    ) -> Generator[_Step, httpx.Response | None, Token]:
        """Under the lock: reuse a token another request (or process) already obtained."""
        current = self.current_token()
        stored = self.store.load(self.client_id)
        # Tokens are told apart by their access token: the store may keep other fields in
        # another form (the token file rounds ``expires_at`` to whole seconds).
        if (
            stored is not None
            and stored.access_token != current.access_token
            and current is not self._unsaved  # the store holds the token this one replaced
        ):
            current = self._token = stored  # another process sharing the store refreshed
        if current.access_token != stale.access_token:
            return current
        if not forced and not self._must_refresh(current):
            return current
        if not current.refresh_token:
            if forced or current.expires_at <= self.clock():
                raise NotAuthenticatedError("the token expired and has no refresh token; log in")
            return current  # still valid for a while: use it rather than fail early
        oauth = self.oauth
        if oauth is None:
            assert self.base_url is not None
            discovery = discovery_flow(self.base_url, allow_other_origins=self.allow_other_origins)
            step = next(discovery)
            try:
                while True:
                    assert not isinstance(step, Sleep)  # discovery never sleeps
                    step = discovery.send((yield step))
            except StopIteration as done:
                oauth = self.oauth = OAuthClient(done.value, self.credentials, self.clock)
        response = yield oauth.refresh_request(current)
        assert response is not None
        fresh = oauth.parse_token_response(response, current, refreshing=True)
        # The server has consumed the old refresh token: keep the new one even if saving fails.
        self._token = self._unsaved = fresh
        self.store.save(self.client_id, fresh)  # saved before it is used
        self._unsaved = None
        if self.on_refresh is not None:
            self.on_refresh(fresh)
        return fresh

    def _refresh_now(self) -> Generator[_Step, httpx.Response | None, Token]:
        """A refresh asked for, whatever the expiry, under the locks of a request's refresh: a
        token another thread or process obtained since this one was read is the refresh, since
        presenting the replaced refresh token again would revoke its family (RFC 9700 §4.14.2)."""
        stale = self.current_token()
        yield _ACQUIRE
        token = yield from self._refresh_unless_done(stale, forced=True)
        yield _RELEASE
        return token

    @staticmethod
    def _authorize(request: httpx.Request, token: Token) -> None:
        request.headers["Authorization"] = f"Bearer {token.access_token}"
        request.headers["x-dc-region"] = token.dc_region  # as the official SDK sends

    # -- drivers --------------------------------------------------------------------------------

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Without locks: for one request at a time, and for driving by hand."""
        flow = self._flow(request)
        step = next(flow)
        try:
            while True:
                if isinstance(step, _Lock):
                    step = flow.send(None)
                else:
                    response = yield step
                    step = flow.send(response)
        except StopIteration:
            return

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        flow = self._flow(request)
        held = False
        try:
            step = next(flow)
            while True:
                if step is _ACQUIRE:
                    self._acquire_sync()
                    held = True
                    step = flow.send(None)
                elif step is _RELEASE:
                    self._release_sync()
                    held = False
                    step = flow.send(None)
                else:
                    assert isinstance(step, httpx.Request)
                    response = yield step
                    if step is request:
                        response.read()
                    else:
                        read_bounded(response, MAX_BODY, time.monotonic() + self.deadline)
                    step = flow.send(response)
        except StopIteration:
            return
        finally:
            if held:
                self._release_sync()

    def _acquire_sync(self) -> None:
        self._thread_lock.acquire()
        if self._process_lock is not None:
            try:
                self._process_lock.acquire(self.lock_timeout)
            except BaseException:
                self._thread_lock.release()
                raise

    def _release_sync(self) -> None:
        try:
            if self._process_lock is not None:
                self._process_lock.release()
        finally:
            self._thread_lock.release()

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        flow = self._flow(request)
        held = False
        try:
            step = next(flow)
            while True:
                if step is _ACQUIRE:
                    await self._acquire_async()
                    held = True
                    step = flow.send(None)
                elif step is _RELEASE:
                    self._release_async()
                    held = False
                    step = flow.send(None)
                else:
                    assert isinstance(step, httpx.Request)
                    response = yield step
                    if step is request:
                        await response.aread()
                    else:
                        await self._aread_oauth(response)
                    step = flow.send(response)
        except StopIteration:
            return
        finally:
            if held:
                self._release_async()

    def refresh_now(self, http: httpx.Client) -> Token:
        """Refresh at once (``Longbridge.refresh``), under the thread lock and the store's lock
        file; the OAuth requests go through ``http`` without this auth."""
        flow = self._refresh_now()
        held = False
        try:
            step = next(flow)
            while True:
                if step is _ACQUIRE:
                    self._acquire_sync()
                    held = True
                    step = flow.send(None)
                elif step is _RELEASE:
                    self._release_sync()
                    held = False
                    step = flow.send(None)
                else:
                    assert isinstance(step, httpx.Request)
                    response = http.send(step, auth=None, stream=True)
                    try:
                        read_bounded(response, MAX_BODY, time.monotonic() + self.deadline)
                    finally:
                        response.close()
                    step = flow.send(response)
        except StopIteration as done:
            token: Token = done.value
            return token
        finally:
            if held:
                self._release_sync()

    async def arefresh_now(self, http: httpx.AsyncClient) -> Token:
        """:meth:`refresh_now` for ``AsyncLongbridge.refresh``: the same locks, the loop kept
        running while another process refreshes."""
        flow = self._refresh_now()
        held = False
        try:
            step = next(flow)
            while True:
                if step is _ACQUIRE:
                    await self._acquire_async()
                    held = True
                    step = flow.send(None)
                elif step is _RELEASE:
                    self._release_async()
                    held = False
                    step = flow.send(None)
                else:
                    assert isinstance(step, httpx.Request)
                    response = await http.send(step, auth=None, stream=True)
                    try:
                        await self._aread_oauth(response)
                    finally:
                        await response.aclose()
                    step = flow.send(response)
        except StopIteration as done:
            token: Token = done.value
            return token
        finally:
            if held:
                self._release_async()

    async def _acquire_async(self) -> None:
        await self._async_lock.acquire()
        # Threads may share this auth: take their lock too, without blocking the loop.
        while not self._thread_lock.acquire(blocking=False):
            await anyio.sleep(0.001)
        try:
            await self._acquire_process_lock_async()
        except BaseException:
            self._thread_lock.release()
            self._async_lock.release()
            raise

    async def _aread_oauth(self, response: httpx.Response) -> None:
        try:
            with anyio.fail_after(self.deadline):
                await aread_bounded(response, MAX_BODY)
        except TimeoutError:
            raise ResponseLimitError(str(response.request.url), "past the deadline") from None

    async def _acquire_process_lock_async(self) -> None:
        """The lock file, polled so that the event loop keeps running while another process
        refreshes."""
        lock = self._process_lock
        if lock is None:
            return
        deadline = anyio.current_time() + self.lock_timeout
        while not lock.try_acquire():
            if anyio.current_time() >= deadline:
                raise RefreshLockTimeout(str(lock.path), self.lock_timeout)
            await anyio.sleep(lock.poll)

    def _release_async(self) -> None:
        try:
            if self._process_lock is not None:
                self._process_lock.release()
        finally:
            self._thread_lock.release()
            self._async_lock.release()
