"""The OAuth 2.0 client side, without I/O: build requests, parse responses, as flows.

RFC 6749 (authorization code, refresh), RFC 7636 (PKCE S256 always), RFC 8628 (device grant),
RFC 7009 (revocation), RFC 7591/7592 (registration). Sync and async callers run the same flows
(``flows.run_sync`` / ``flows.run_async``); the refreshing auth yields the refresh request from
its own ``auth_flow``. https://www.rfc-editor.org/rfc/rfc6749
"""

from __future__ import annotations

import base64
import hmac
import json
import secrets
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import httpx

from ..models.client_information import ClientInformation
from .errors import (
    AuthorizationError,
    IssuerMismatchError,
    OAuthError,
    StateMismatchError,
    TokenRefreshError,
    oauth_error_from_response,
)
from .flows import Flow, Sleep, fetch
from .rfc7636_pkce import Pkce
from .rfc8414_discovery import ServerEndpoints
from .token import Token, dc_region

__all__ = [
    "DEVICE_GRANT_TYPE",
    "MAX_DEVICE_INTERVAL",
    "MAX_DEVICE_WAIT",
    "AuthorizationRequest",
    "ClientCredentials",
    "DeviceAuthorization",
    "OAuthClient",
    "delete_registration_flow",
    "read_registration_flow",
    "register_flow",
]

DEVICE_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code"
# The server chooses the device flow's waits (RFC 8628 §3.2); these bound them: an interval of
# 10**9 s, or a code valid for years, would otherwise hold the caller as long.
MAX_DEVICE_INTERVAL = 60
MAX_DEVICE_WAIT = 1800  # 30 minutes, the lifetime RFC 8628's own example gives a device code
AuthMethod = Literal["none", "client_secret_post", "client_secret_basic"]
_FORM = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}


@dataclass(frozen=True)
class ClientCredentials:
    """A registered client. Without a secret it is public and sends only ``client_id``."""

    client_id: str
    client_secret: str | None = field(default=None, repr=False)
    auth_method: AuthMethod | None = None  # default: client_secret_basic with a secret, else none

    @property
    def method(self) -> AuthMethod:
        if self.auth_method:
            return self.auth_method
        return "client_secret_basic" if self.client_secret else "none"


@dataclass(frozen=True)
class AuthorizationRequest:
    """An authorization request in progress: keep it until the callback arrives."""

    url: str = field(repr=False)  # carries the state
    redirect_uri: str
    state: str = field(repr=False)
    pkce: Pkce = field(repr=False)
    scope: str | None = None
    # RFC 9207: the issuer the callback's ``iss`` must name (None: not known from metadata), and
    # whether the server promised to send it.
    issuer: str | None = None
    iss_required: bool = False


@dataclass(frozen=True)
class DeviceAuthorization:
    """RFC 8628 §3.2: what to show the user, and how to poll."""

    device_code: str = field(repr=False)
    user_code: str
    verification_uri: str
    verification_uri_complete: str | None
    expires_in: int
    interval: int


def scope_string(scope: str | Sequence[str | int] | None) -> str | None:
    """Scopes as the space-separated string of RFC 6749 §3.3 (ids or keys, as given)."""
    if scope is None or isinstance(scope, str):
        return scope or None
    return " ".join(str(s) for s in scope) or None


class OAuthClient:
    """Requests and responses of one client at one server; no I/O of its own."""

    def __init__(
        self,
        endpoints: ServerEndpoints,
        credentials: ClientCredentials,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.endpoints = endpoints
        self.credentials = credentials
        self.clock = clock

    def __repr__(self) -> str:
        issuer, client_id = self.endpoints.issuer, self.credentials.client_id
        return f"OAuthClient(issuer={issuer!r}, client_id={client_id!r})"

    # -- authorization code grant (RFC 6749 §4.1, RFC 7636) --------------------------------

    def authorization_request(
        self,
        redirect_uri: str,
        scope: str | Sequence[str | int] | None = None,
        *,
        state: str | None = None,
        pkce: Pkce | None = None,
        extra: Mapping[str, str] | None = None,
    ) -> AuthorizationRequest:
        """§4.1.1 with an S256 challenge (RFC 7636 §4.3) and an unguessable state (§10.12)."""
        pkce = pkce or Pkce.generate()
        state = state or secrets.token_urlsafe(32)
        scope_value = scope_string(scope)
        params = {
            "response_type": "code",
            "client_id": self.credentials.client_id,
            "redirect_uri": redirect_uri,
            "state": state,
            "code_challenge": pkce.challenge,
            "code_challenge_method": pkce.method,
        }
        if scope_value:
            params["scope"] = scope_value
        params.update(extra or {})
        sep = "&" if urlsplit(self.endpoints.authorization_endpoint).query else "?"
        url = f"{self.endpoints.authorization_endpoint}{sep}{urlencode(params, quote_via=quote)}"
        endpoints = self.endpoints
        return AuthorizationRequest(
            url,
            redirect_uri,
            state,
            pkce,
            scope_value,
            issuer=endpoints.issuer if endpoints.discovered else None,
            iss_required=endpoints.authorization_response_iss_parameter_supported,
        )

    @staticmethod
    def parse_callback(callback_url: str, request: AuthorizationRequest) -> str:
        """The code of the redirect back to the client (§4.1.2), after checking ``state``.

        A missing or different state raises :class:`StateMismatchError` (compared in constant
        time, RFC 6749 §10.12); a wrong ``iss`` :class:`IssuerMismatchError` (RFC 9207 §2.4);
        an ``error`` raises :class:`AuthorizationError` (§4.1.2.1).
        """
        query = parse_qs(urlsplit(callback_url).query, keep_blank_values=True)

        def one(name: str) -> str | None:
            values = query.get(name)
            if values is None:
                return None
            if len(values) != 1:
                raise StateMismatchError(f"the callback repeats {name}")
            return values[0]

        state = one("state")
        if state is None or not hmac.compare_digest(state.encode(), request.state.encode()):
            raise StateMismatchError("the callback's state is missing or does not match")
        # RFC 9207 §2.4: an iss other than the issuer means a mix-up, and a server that
        # advertises the parameter must send it; checked before the code or error is used.
        iss = one("iss")
        if request.issuer is not None:
            if iss is None and request.iss_required:
                raise IssuerMismatchError("the callback lacks iss, which the server promised")
            if iss is not None and iss != request.issuer:
                raise IssuerMismatchError(f"the callback's iss {iss!r} is not {request.issuer!r}")
        error = one("error")
        if error is not None:
            raise AuthorizationError(error, one("error_description"))
        code = one("code")
        if not code:
            raise AuthorizationError("invalid_request", "the callback carries no code")
        return code

    def code_request(self, code: str, request: AuthorizationRequest) -> httpx.Request:
        """§4.1.3 with the PKCE verifier (RFC 7636 §4.5)."""
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": request.redirect_uri,
            "code_verifier": request.pkce.verifier,
        }
        return self._token_request(form, dc_region(code))

    def refresh_request(self, token: Token, scope: str | None = None) -> httpx.Request:
        """§6: PKCE does not apply; the scope may only narrow."""
        if not token.refresh_token:
            raise TokenRefreshError("invalid_request", "this token has no refresh token")
        form = {"grant_type": "refresh_token", "refresh_token": token.refresh_token}
        if scope:
            form["scope"] = scope
        return self._token_request(form, dc_region(token.refresh_token))

    def parse_token_response(
        self, response: httpx.Response, previous: Token | None = None, *, refreshing: bool = False
    ) -> Token:
        """§5.1 success or a typed §5.2 error (``TokenRefreshError`` when refreshing)."""
        cls: type[OAuthError] = TokenRefreshError if refreshing else OAuthError
        if response.status_code != 200:
            raise oauth_error_from_response(response, cls)
        try:
            body = json.loads(response.content)
            if not isinstance(body, dict):
                raise ValueError("not a JSON object")
            return Token.from_response(body, self.clock(), previous)
        except ValueError as exc:
            raise cls("invalid_response", f"bad token response: {exc}", 200) from None

    def exchange_code_flow(self, code: str, request: AuthorizationRequest) -> Flow[Token]:
        response = yield from fetch(self.code_request(code, request))
        return self.parse_token_response(response)

    def refresh_flow(self, token: Token, scope: str | None = None) -> Flow[Token]:
        response = yield from fetch(self.refresh_request(token, scope))
        return self.parse_token_response(response, token, refreshing=True)

    # -- device authorization grant (RFC 8628) ---------------------------------------------

    def device_authorization_flow(
        self, scope: str | Sequence[str | int] | None = None
    ) -> Flow[DeviceAuthorization]:
        """§3.1–3.2: start; show ``user_code`` and ``verification_uri`` to the user."""
        form = {}
        scope_value = scope_string(scope)
        if scope_value:
            form["scope"] = scope_value
        request = self._form_request(self.endpoints.device_authorization_endpoint, form, None)
        response = yield from fetch(request)
        if response.status_code != 200:
            raise oauth_error_from_response(response)
        body = json.loads(response.content)
        try:
            return DeviceAuthorization(
                device_code=str(body["device_code"]),
                user_code=str(body["user_code"]),
                verification_uri=str(body["verification_uri"]),
                verification_uri_complete=body.get("verification_uri_complete"),
                expires_in=int(body["expires_in"]),
                interval=int(body.get("interval", 5)),  # §3.2: 5 when absent
            )
        except (KeyError, TypeError, ValueError, OverflowError):  # OverflowError: int(1e400)
            raise OAuthError("invalid_response", "bad device authorization response") from None

    def device_token_flow(self, device: DeviceAuthorization) -> Flow[Token]:
        """§3.4–3.5: poll every ``interval`` seconds, 5 more after ``slow_down``, until the user
        decides or the code expires (``expired_token``, ``access_denied`` raise OAuthError).

        The server's interval is capped at :data:`MAX_DEVICE_INTERVAL` and the whole wait at
        :data:`MAX_DEVICE_WAIT`; no sleep goes past the end of the wait.
        """
        interval = min(max(1, device.interval), MAX_DEVICE_INTERVAL)
        deadline = self.clock() + min(device.expires_in, MAX_DEVICE_WAIT)
        form = {"grant_type": DEVICE_GRANT_TYPE, "device_code": device.device_code}
        while True:
            yield Sleep(max(0.0, min(interval, deadline - self.clock())))
            if self.clock() >= deadline:
                raise OAuthError("expired_token", "the device code expired before approval")
            response = yield from fetch(self._token_request(form, dc_region(device.device_code)))
            if response.status_code == 200:
                return self.parse_token_response(response)
            error = oauth_error_from_response(response)
            if error.error == "authorization_pending":
                continue
            if error.error == "slow_down":
                interval += 5
                continue
            raise error

    # -- revocation (RFC 7009) and registration (RFC 7591, 7592) --------------------------

    def revocation_flow(
        self, token: str, hint: Literal["access_token", "refresh_token"] | None = None
    ) -> Flow[None]:
        form = {"token": token}
        if hint:
            form["token_type_hint"] = hint
        request = self._form_request(self.endpoints.revocation_endpoint, form, dc_region(token))
        response = yield from fetch(request)
        if response.status_code != 200:  # §2.2: 200 also for an unknown token
            raise oauth_error_from_response(response)
        return None

    # -- helpers ------------------------------------------------------------------------------

    def _token_request(self, form: dict[str, str], region: str) -> httpx.Request:
        return self._form_request(self.endpoints.token_endpoint, form, region)

    def _form_request(self, url: str, form: dict[str, str], region: str | None) -> httpx.Request:
        """A form POST with client authentication (RFC 6749 §2.3)."""
        creds = self.credentials
        headers = dict(_FORM)
        if region:
            headers["x-dc-region"] = region  # as the official CLI sends on token calls
        body = dict(form)
        if creds.method == "client_secret_basic" and creds.client_secret:
            # §2.3.1: each part is form-urlencoded before the Basic encoding.
            pair = f"{quote(creds.client_id, safe='')}:{quote(creds.client_secret, safe='')}"
            headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode()
        else:
            body["client_id"] = creds.client_id
            if creds.method == "client_secret_post" and creds.client_secret:
                body["client_secret"] = creds.client_secret
        return httpx.Request("POST", url, headers=headers, content=urlencode(body).encode())


def register_flow(
    registration_endpoint: str, metadata: Mapping[str, Any]
) -> Flow[ClientInformation]:
    """RFC 7591 §3.1: register a client; 201 with its information (§3.2.1)."""
    request = httpx.Request(
        "POST", registration_endpoint, json=dict(metadata), headers={"Accept": "application/json"}
    )
    response = yield from fetch(request)
    if response.status_code not in (200, 201):
        raise oauth_error_from_response(response)
    return ClientInformation.from_dict(json.loads(response.content))


def read_registration_flow(
    registration_client_uri: str, registration_access_token: str
) -> Flow[ClientInformation]:
    """RFC 7592 §2.1."""
    request = httpx.Request(
        "GET",
        registration_client_uri,
        headers={
            "Authorization": f"Bearer {registration_access_token}",
            "Accept": "application/json",
        },
    )
    response = yield from fetch(request)
    if response.status_code != 200:
        raise oauth_error_from_response(response)
    return ClientInformation.from_dict(json.loads(response.content))


def delete_registration_flow(
    registration_client_uri: str, registration_access_token: str
) -> Flow[None]:
    """RFC 7592 §2.3."""
    request = httpx.Request(
        "DELETE",
        registration_client_uri,
        headers={"Authorization": f"Bearer {registration_access_token}"},
    )
    response = yield from fetch(request)
    if response.status_code != 204:
        raise oauth_error_from_response(response)
    return None
