"""``Longbridge`` and ``AsyncLongbridge``: log in, keep the token fresh, call the data API.

Every data API operation of the spec is a typed method (``lb.get_security_list(...)``, generated
into ``operations.py``); the generated endpoint functions are available through
:attr:`Longbridge.api_client`. Both share one httpx client whose auth refreshes the token by
itself (``RefreshingBearerAuth``) or signs requests in legacy API-key mode (``ApiKeyAuth``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from types import TracebackType
from typing import Any, Self

import httpx

from ..client import AuthenticatedClient
from ..models.client_information import ClientInformation
from ..operations import AsyncOperations, Operations
from ..scopes import SCOPES
from .envelope import read_envelope
from .errors import NotAuthenticatedError
from .flows import Flow, run_async, run_sync
from .legacy_auth import ApiKeyAuth
from .refreshing_auth import DEFAULT_LEEWAY, RefreshingBearerAuth
from .retry import RetryingAsyncClient, RetryingClient, RetryPolicy
from .rfc6749_client import (
    AuthorizationRequest,
    ClientCredentials,
    DeviceAuthorization,
    OAuthClient,
    delete_registration_flow,
    read_registration_flow,
    register_flow,
)
from .rfc8414_discovery import ServerEndpoints, base_url_for, discovery_flow
from .token import Token
from .token_store import FileTokenStore, TokenStore

__all__ = ["AsyncLongbridge", "Longbridge", "scope_ids"]

_SCOPE_IDS = {s.key: s.id for s in SCOPES if s.key}
DEFAULT_TIMEOUT = 30.0  # seconds, as the official SDK
# The pool, and for AsyncLongbridge the calls let in flight at once. The server allows a few
# concurrent requests (quote: 5, docs/longbridge-api.md §4.3), so httpx's 100 connections only queue
# at its end; with 1,000 calls queued, httpcore's pool walks every connection per request
# (encode/httpcore#1035): 100 connections took 1.6-1.9x as long as 10 (scripts/bench). All are
# kept alive: httpx keeps 20 of 100, so a burst would keep opening connections.
DEFAULT_LIMITS = httpx.Limits(max_connections=10, max_keepalive_connections=10)


def scope_ids(scopes: Sequence[str | int] | str | None) -> str | None:
    """Scope keys (``"trade.read"``) or ids (``10``) as the space-separated ids authorize takes."""
    if scopes is None:
        return None
    items = scopes.split() if isinstance(scopes, str) else list(scopes)
    return " ".join(str(_SCOPE_IDS.get(str(s), s)) for s in items) or None


def _data_path(path: str) -> str:
    """``path`` if it is a path on the server (``/v1/...``); an absolute URL would take the token
    to another host."""
    if not path.startswith("/") or path.startswith("//"):
        raise ValueError(f"{path!r} is not a path on the server (like /v1/quote/...)")
    return path


def _env(name: str, environ: Mapping[str, str]) -> str | None:
    """``LONGBRIDGE_<name>``, falling back to ``LONGPORT_<name>`` as the official SDK does."""
    return environ.get(f"LONGBRIDGE_{name}") or environ.get(f"LONGPORT_{name}") or None


class _Config:
    """What both facades share: where the server is, who the client is, where tokens live."""

    def __init__(
        self,
        client_id: str | None = None,
        *,
        client_secret: str | None = None,
        region: str | None = None,
        base_url: str | None = None,
        token_store: TokenStore | None = None,
        endpoints: ServerEndpoints | None = None,
        api_key: tuple[str, str, str] | None = None,
        leeway: float = DEFAULT_LEEWAY,
        retry: RetryPolicy | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        allow_other_origins: bool = False,
    ) -> None:
        self.base_url = base_url_for(region, base_url)
        # Metadata naming endpoints on another origin than the server is refused unless allowed
        # (RFC 9700 §4.4 mix-up); see ServerEndpoints.from_metadata.
        self.allow_other_origins = allow_other_origins
        self.credentials = ClientCredentials(client_id, client_secret) if client_id else None
        self.token_store: TokenStore = token_store or FileTokenStore()
        self.endpoints = endpoints
        self.retry = retry or RetryPolicy()
        self.timeout = timeout
        self.auth: httpx.Auth
        if api_key is not None:
            self.auth = ApiKeyAuth(*api_key)
        elif self.credentials is not None:
            self.auth = RefreshingBearerAuth(
                self.credentials,
                self.token_store,
                base_url=self.base_url,
                endpoints=endpoints,
                leeway=leeway,
                allow_other_origins=allow_other_origins,
            )
        else:
            raise ValueError("give a client_id (OAuth) or api_key=(app_key, app_secret, token)")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Self:
        """Settings from ``LONGBRIDGE_*`` variables (each also read as ``LONGPORT_*``).

        ``LONGBRIDGE_CLIENT_ID`` (and ``_CLIENT_SECRET``) choose OAuth; otherwise
        ``LONGBRIDGE_APP_KEY``, ``_APP_SECRET`` and ``_ACCESS_TOKEN`` choose legacy API-key mode.
        ``LONGBRIDGE_HTTP_URL`` and ``LONGBRIDGE_REGION`` (``cn`` for the China host) pick the
        server, ``LONGBRIDGE_TOKEN_DIR`` the token folder. Tokens are not read from the
        environment: the official docs warn against keeping OAuth tokens there.
        """
        env = os.environ if environ is None else environ
        kwargs: dict[str, Any] = {
            "region": _env("REGION", env),
            "base_url": _env("HTTP_URL", env),
        }
        token_dir = _env("TOKEN_DIR", env)
        if token_dir:
            kwargs["token_store"] = FileTokenStore(token_dir)
        client_id = _env("CLIENT_ID", env)
        legacy = [_env(n, env) for n in ("APP_KEY", "APP_SECRET", "ACCESS_TOKEN")]
        if client_id:
            kwargs["client_id"] = client_id
            kwargs["client_secret"] = _env("CLIENT_SECRET", env)
        elif all(legacy):
            kwargs["api_key"] = tuple(legacy)
        elif "client_id" not in overrides and "api_key" not in overrides:
            raise NotAuthenticatedError(
                "set LONGBRIDGE_CLIENT_ID (OAuth), or LONGBRIDGE_APP_KEY, LONGBRIDGE_APP_SECRET "
                "and LONGBRIDGE_ACCESS_TOKEN (legacy API-key mode)"
            )
        kwargs.update(overrides)
        return cls(**kwargs)

    # -- OAuth pieces that need no I/O ----------------------------------------------------------

    def _require_credentials(self) -> ClientCredentials:
        if self.credentials is None:
            raise NotAuthenticatedError("this needs an OAuth client_id")
        return self.credentials

    def _oauth_for(self, endpoints: ServerEndpoints) -> OAuthClient:
        return OAuthClient(endpoints, self._require_credentials())

    @property
    def token(self) -> Token | None:
        """The stored token of this client (``repr`` shows no secret), or None."""
        creds = self.credentials
        return None if creds is None else self.token_store.load(creds.client_id)

    def _save(self, token: Token) -> Token:
        creds = self._require_credentials()
        if isinstance(self.auth, RefreshingBearerAuth):
            # The next request uses it at once, and this process keeps it if saving fails.
            self.auth._token = self.auth._unsaved = token
        self.token_store.save(creds.client_id, token)
        if isinstance(self.auth, RefreshingBearerAuth):
            self.auth._unsaved = None
        return token

    def _forget(self) -> None:
        creds = self._require_credentials()
        self.token_store.delete(creds.client_id)
        if isinstance(self.auth, RefreshingBearerAuth):
            self.auth._token = None

    def _revoke_flow(self, endpoints: ServerEndpoints) -> Flow[None]:
        token = self.token
        if token is None:
            return None
        oauth = self._oauth_for(endpoints)
        # RFC 7009 §2.1: revoking the refresh token also ends the access tokens of its grant.
        if token.refresh_token:
            yield from oauth.revocation_flow(token.refresh_token, "refresh_token")
        yield from oauth.revocation_flow(token.access_token, "access_token")
        self._forget()
        return None

    def _api_client(self, http: httpx.Client | httpx.AsyncClient) -> AuthenticatedClient:
        # The generated AuthenticatedClient would fix its token on first use; installing our
        # client (whose auth refreshes) makes every generated endpoint function refresh too.
        client = AuthenticatedClient(base_url=self.base_url, token="")
        if isinstance(http, httpx.Client):
            client.set_httpx_client(http)
        else:
            client.set_async_httpx_client(http)
        return client


class Longbridge(_Config, Operations):
    """The synchronous client. Use it as a context manager, or call :meth:`close`.

    ``limits``: the connection pool, default :data:`DEFAULT_LIMITS` (10 connections), which
    also caps the threads sending at once (see :class:`RetryingClient`); with your own
    ``transport``, pass the limits it was built with.
    """

    def __init__(
        self,
        client_id: str | None = None,
        *,
        client_secret: str | None = None,
        region: str | None = None,
        base_url: str | None = None,
        token_store: TokenStore | None = None,
        endpoints: ServerEndpoints | None = None,
        api_key: tuple[str, str, str] | None = None,
        leeway: float = DEFAULT_LEEWAY,
        retry: RetryPolicy | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        allow_other_origins: bool = False,
        transport: httpx.BaseTransport | None = None,
        limits: httpx.Limits | None = None,
    ) -> None:
        """A client of ``client_id`` (OAuth) or of ``api_key`` (legacy), not yet connected.

        Args:
            client_id: the registered OAuth client (``longbridge-openapi register`` makes one).
            client_secret: a confidential client's secret; public clients have none.
            region: ``"global"`` (openapi.longbridge.com, the default) or ``"cn"``.
            base_url: another server instead of the region's, e.g. the mock's
                ``http://127.0.0.1:8080``.
            token_store: where the token lives between runs; default a :class:`FileTokenStore`
                in ``~/.longbridge/openapi-client/tokens``.
            endpoints: the OAuth endpoints, when known; otherwise discovered (RFC 8414).
            api_key: ``(app_key, app_secret, access_token)`` for legacy API-key mode instead
                of OAuth.
            leeway: seconds before expiry at which the token is refreshed (default 300).
            retry: which failures are retried and how often (default :class:`RetryPolicy`).
            timeout: seconds for each request (default 30).
            allow_other_origins: accept discovered OAuth endpoints on another origin than the
                server's (refused by default: RFC 9700 §4.4, mix-up attacks).
            transport: an httpx transport, e.g. for tests; pass ``limits`` with it.
            limits: the connection pool, default :data:`DEFAULT_LIMITS` (10 connections).
        """
        super().__init__(
            client_id,
            client_secret=client_secret,
            region=region,
            base_url=base_url,
            token_store=token_store,
            endpoints=endpoints,
            api_key=api_key,
            leeway=leeway,
            retry=retry,
            timeout=timeout,
            allow_other_origins=allow_other_origins,
        )
        self._http = RetryingClient(
            base_url=self.base_url,
            auth=self.auth,
            transport=transport,
            limits=limits or DEFAULT_LIMITS,
            timeout=self.timeout,
            retry=self.retry,
        )
        self.api_client = self._api_client(self._http)

    def _run(self, flow: Flow[Any]) -> Any:
        return run_sync(flow, self._http)

    def discover(self) -> ServerEndpoints:
        """The server's OAuth endpoints (RFC 8414), fetched once."""
        if self.endpoints is None:
            self.endpoints = run_sync(
                discovery_flow(self.base_url, allow_other_origins=self.allow_other_origins),
                self._http,
            )
        return self.endpoints

    def authorization_request(
        self, redirect_uri: str, scope: Sequence[str | int] | str | None = None
    ) -> AuthorizationRequest:
        """Step 1 of the code flow: send the user to ``.url``; keep the request for step 2."""
        return self._oauth_for(self.discover()).authorization_request(
            redirect_uri, scope_ids(scope)
        )

    def finish_authorization(self, callback_url: str, request: AuthorizationRequest) -> Token:
        """Step 2: check the callback's state, exchange the code, store the token."""
        oauth = self._oauth_for(self.discover())
        code = oauth.parse_callback(callback_url, request)
        token: Token = run_sync(oauth.exchange_code_flow(code, request), self._http)
        return self._save(token)

    def device_login(
        self,
        on_code: Callable[[DeviceAuthorization], None],
        scope: Sequence[str | int] | str | None = None,
        sleep: Callable[[float], object] | None = None,
    ) -> Token:
        """RFC 8628 login for machines without a browser: ``on_code`` shows the user code."""
        oauth = self._oauth_for(self.discover())
        device = run_sync(oauth.device_authorization_flow(scope_ids(scope)), self._http)
        on_code(device)
        flow = oauth.device_token_flow(device)
        token: Token = run_sync(flow, self._http, sleep) if sleep else run_sync(flow, self._http)
        return self._save(token)

    def refresh(self) -> Token:
        """Refresh now, whatever the expiry; raises ``TokenRefreshError`` on failure.

        Under the same locks as the refresh before a request, a shared token file's lock file
        included: when another process refreshed since this one read the token, that token is
        returned rather than the replaced refresh token presented again (RFC 9700 §4.14.2).
        """
        if isinstance(self.auth, RefreshingBearerAuth):
            return self.auth.refresh_now(self._http)
        token = self.token
        if token is None:
            raise NotAuthenticatedError("no token stored; log in")
        fresh: Token = run_sync(self._oauth_for(self.discover()).refresh_flow(token), self._http)
        return self._save(fresh)

    def revoke(self) -> None:
        """Revoke the stored token at the server (RFC 7009) and delete it from the store."""
        run_sync(self._revoke_flow(self.discover()), self._http)

    def register(self, metadata: Mapping[str, Any]) -> ClientInformation:
        """Register a client (RFC 7591); public unless ``token_endpoint_auth_method`` says not."""
        endpoint = self.discover().registration_endpoint
        info: ClientInformation = run_sync(register_flow(endpoint, metadata), self._http)
        return info

    def read_registration(self, uri: str, registration_access_token: str) -> ClientInformation:
        """RFC 7592 §2.1."""
        info: ClientInformation = run_sync(
            read_registration_flow(uri, registration_access_token), self._http
        )
        return info

    def delete_registration(self, uri: str, registration_access_token: str) -> None:
        """RFC 7592 §2.3."""
        run_sync(delete_registration_flow(uri, registration_access_token), self._http)

    def request(
        self,
        method: str,
        path: str,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
    ) -> Any:
        """Any data API call, typed or not (as the official SDK's ``HttpClient.request``): the
        envelope's ``data`` as plain JSON values, or a typed error. ``path`` is relative to the
        base URL, so the token only goes to this server."""
        response = self._http.request(method, _data_path(path), params=params, json=json)
        return read_envelope(response)["data"]

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        who = self.credentials.client_id if self.credentials else "api-key"
        return f"Longbridge(base_url={self.base_url!r}, client={who!r})"


class AsyncLongbridge(_Config, AsyncOperations):
    """The asynchronous client. Use it as an async context manager, or await :meth:`aclose`.

    ``limits`` (the pool, default :data:`DEFAULT_LIMITS`: 10 connections) also caps the calls in
    flight at once, so that calls queued behind a rejected token pick up the refreshed one (see
    :class:`RetryingAsyncClient`); with your own ``transport``, pass the limits it was built with.
    """

    def __init__(
        self,
        client_id: str | None = None,
        *,
        client_secret: str | None = None,
        region: str | None = None,
        base_url: str | None = None,
        token_store: TokenStore | None = None,
        endpoints: ServerEndpoints | None = None,
        api_key: tuple[str, str, str] | None = None,
        leeway: float = DEFAULT_LEEWAY,
        retry: RetryPolicy | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        allow_other_origins: bool = False,
        transport: httpx.AsyncBaseTransport | None = None,
        limits: httpx.Limits | None = None,
    ) -> None:
        """A client of ``client_id`` (OAuth) or of ``api_key`` (legacy), not yet connected.

        Args:
            client_id: the registered OAuth client (``longbridge-openapi register`` makes one).
            client_secret: a confidential client's secret; public clients have none.
            region: ``"global"`` (openapi.longbridge.com, the default) or ``"cn"``.
            base_url: another server instead of the region's, e.g. the mock's
                ``http://127.0.0.1:8080``.
            token_store: where the token lives between runs; default a :class:`FileTokenStore`
                in ``~/.longbridge/openapi-client/tokens``.
            endpoints: the OAuth endpoints, when known; otherwise discovered (RFC 8414).
            api_key: ``(app_key, app_secret, access_token)`` for legacy API-key mode instead
                of OAuth.
            leeway: seconds before expiry at which the token is refreshed (default 300).
            retry: which failures are retried and how often (default :class:`RetryPolicy`).
            timeout: seconds for each request (default 30).
            allow_other_origins: accept discovered OAuth endpoints on another origin than the
                server's (refused by default: RFC 9700 §4.4, mix-up attacks).
            transport: an httpx transport, e.g. for tests; pass ``limits`` with it.
            limits: the connection pool, default :data:`DEFAULT_LIMITS` (10 connections).
        """
        super().__init__(
            client_id,
            client_secret=client_secret,
            region=region,
            base_url=base_url,
            token_store=token_store,
            endpoints=endpoints,
            api_key=api_key,
            leeway=leeway,
            retry=retry,
            timeout=timeout,
            allow_other_origins=allow_other_origins,
        )
        self._http = RetryingAsyncClient(
            base_url=self.base_url,
            auth=self.auth,
            transport=transport,
            limits=limits or DEFAULT_LIMITS,
            timeout=self.timeout,
            retry=self.retry,
        )
        self.api_client = self._api_client(self._http)

    async def discover(self) -> ServerEndpoints:
        """The server's OAuth endpoints (RFC 8414), fetched once."""
        if self.endpoints is None:
            self.endpoints = await run_async(
                discovery_flow(self.base_url, allow_other_origins=self.allow_other_origins),
                self._http,
            )
        return self.endpoints

    async def authorization_request(
        self, redirect_uri: str, scope: Sequence[str | int] | str | None = None
    ) -> AuthorizationRequest:
        oauth = self._oauth_for(await self.discover())
        return oauth.authorization_request(redirect_uri, scope_ids(scope))

    async def finish_authorization(self, callback_url: str, request: AuthorizationRequest) -> Token:
        oauth = self._oauth_for(await self.discover())
        code = oauth.parse_callback(callback_url, request)
        token: Token = await run_async(oauth.exchange_code_flow(code, request), self._http)
        return self._save(token)

    async def device_login(
        self,
        on_code: Callable[[DeviceAuthorization], None],
        scope: Sequence[str | int] | str | None = None,
    ) -> Token:
        oauth = self._oauth_for(await self.discover())
        device = await run_async(oauth.device_authorization_flow(scope_ids(scope)), self._http)
        on_code(device)
        token: Token = await run_async(oauth.device_token_flow(device), self._http)
        return self._save(token)

    async def refresh(self) -> Token:
        """See :meth:`Longbridge.refresh`."""
        if isinstance(self.auth, RefreshingBearerAuth):
            return await self.auth.arefresh_now(self._http)
        token = self.token
        if token is None:
            raise NotAuthenticatedError("no token stored; log in")
        oauth = self._oauth_for(await self.discover())
        fresh: Token = await run_async(oauth.refresh_flow(token), self._http)
        return self._save(fresh)

    async def revoke(self) -> None:
        await run_async(self._revoke_flow(await self.discover()), self._http)

    async def register(self, metadata: Mapping[str, Any]) -> ClientInformation:
        endpoint = (await self.discover()).registration_endpoint
        info: ClientInformation = await run_async(register_flow(endpoint, metadata), self._http)
        return info

    async def request(
        self,
        method: str,
        path: str,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
    ) -> Any:
        """Any data API call; see :meth:`Longbridge.request`."""
        response = await self._http.request(method, _data_path(path), params=params, json=json)
        return read_envelope(response)["data"]

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        who = self.credentials.client_id if self.credentials else "api-key"
        return f"AsyncLongbridge(base_url={self.base_url!r}, client={who!r})"
