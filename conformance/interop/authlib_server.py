"""A second, independent authorization server for the interop test, on Authlib's server classes.

Authlib (https://docs.authlib.org/en/latest/specs/) implements the OAuth RFCs server side; this
module only supplies what Authlib leaves to the application: in-memory storage, a WSGI front
(Werkzeug), a consent page with an Approve button (the suite's ``--consent follow`` submits it),
and the metadata document (RFC 8414). Features: the code grant with PKCE S256 required
(RFC 7636), refresh with rotation (RFC 9700 §4.14.2), open registration (RFC 7591), revocation
(RFC 7009) and introspection (RFC 7662). No device flow: its metadata does not advertise one.

    python -m conformance.interop.authlib_server --port 8090
"""

from __future__ import annotations

import argparse
import html
import json
import logging
import os
import secrets
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import urlsplit

from authlib.oauth2 import OAuth2Error
from authlib.oauth2.rfc6749 import (
    AuthorizationServer,
    ClientMixin,
    JsonPayload,
    JsonRequest,
    OAuth2Payload,
    OAuth2Request,
    grants,
)
from authlib.oauth2.rfc6749.errors import InvalidRequestError
from authlib.oauth2.rfc6750 import BearerTokenGenerator
from authlib.oauth2.rfc7009 import RevocationEndpoint
from authlib.oauth2.rfc7591 import ClientMetadataClaims, ClientRegistrationEndpoint
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oauth2.rfc7662 import IntrospectionEndpoint
from werkzeug.serving import BaseWSGIServer, make_server
from werkzeug.wrappers import Request, Response

__all__ = ["AuthlibServer", "running"]

# Authlib refuses plain http unless told; this server only ever listens on loopback.
os.environ.setdefault("AUTHLIB_INSECURE_TRANSPORT", "1")
AUTH_METHODS = ["client_secret_basic", "client_secret_post", "none"]
SCOPES = ["read", "write"]
CODE_TTL = 600  # RFC 6749 §4.1.2: at most 10 minutes
TOKEN_TTL = 3600
USER = "conformance-user"


@dataclass
class Client(ClientMixin):  # type: ignore[misc]
    """A registered client (RFC 7591 §2 metadata)."""

    client_id: str
    client_secret: str | None
    metadata: dict[str, Any]

    @property
    def auth_method(self) -> str:
        return str(self.metadata.get("token_endpoint_auth_method", "client_secret_basic"))

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> str | None:
        uris = self.metadata.get("redirect_uris") or []
        return str(uris[0]) if uris else None

    def get_allowed_scope(self, scope: str | None) -> str:
        if not scope:
            return ""
        return " ".join(s for s in scope.split() if s in SCOPES)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        # RFC 9700 §4.1.3: exact string matching.
        return redirect_uri in (self.metadata.get("redirect_uris") or [])

    def check_client_secret(self, client_secret: str) -> bool:
        return self.client_secret is not None and secrets.compare_digest(
            self.client_secret, client_secret
        )

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method == self.auth_method

    def check_response_type(self, response_type: str) -> bool:
        return response_type in self.metadata.get("response_types", ["code"])

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type in self.metadata.get("grant_types", ["authorization_code"])


@dataclass
class AuthorizationCode:
    """An issued code and what it is bound to (RFC 6749 §4.1.2, RFC 7636 §4.4)."""

    code: str
    client_id: str
    redirect_uri: str
    scope: str
    code_challenge: str | None
    code_challenge_method: str | None
    expires_at: float
    tokens: list[str] = field(default_factory=list)  # access tokens issued from it

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope


@dataclass
class Token:
    """An access token and its refresh token: one grant's credentials."""

    access_token: str
    refresh_token: str | None
    client_id: str
    scope: str
    issued_at: float
    expires_in: int = TOKEN_TTL
    revoked: bool = False
    family: str = ""  # the grant's id: reuse of a rotated refresh token revokes the family

    def check_client(self, client: Client) -> bool:
        return self.client_id == client.get_client_id()

    def get_scope(self) -> str:
        return self.scope

    def get_expires_in(self) -> int:
        return self.expires_in

    def is_expired(self) -> bool:
        return time.time() > self.issued_at + self.expires_in

    def is_revoked(self) -> bool:
        return self.revoked

    def get_client(self) -> Client:
        return STORE.clients[self.client_id]

    def get_user(self) -> str:
        return USER


@dataclass
class Store:
    clients: dict[str, Client] = field(default_factory=dict)
    codes: dict[str, AuthorizationCode] = field(default_factory=dict)
    tokens: dict[str, Token] = field(default_factory=dict)  # by access token
    superseded: dict[str, str] = field(default_factory=dict)  # rotated refresh token -> family
    lock: threading.Lock = field(default_factory=threading.Lock)

    def by_refresh(self, refresh_token: str) -> Token | None:
        return next((t for t in self.tokens.values() if t.refresh_token == refresh_token), None)

    def revoke_family(self, family: str) -> None:
        for token in self.tokens.values():
            if token.family == family:
                token.revoked = True


STORE = Store()


class _FormPayload(OAuth2Payload):  # type: ignore[misc]
    def __init__(self, request: Request) -> None:
        self._request = request

    @property
    def data(self) -> Any:
        return self._request.values

    @property
    def datalist(self) -> dict[str, list[str]]:
        return {k: self._request.values.getlist(k) for k in self._request.values}


class _Request(OAuth2Request):  # type: ignore[misc]
    def __init__(self, request: Request) -> None:
        super().__init__(request.method, request.url, headers=request.headers)
        self._request = request
        self.payload = _FormPayload(request)

    @property
    def args(self) -> Any:
        return self._request.args

    @property
    def form(self) -> Any:
        return self._request.form


class _JsonPayload(JsonPayload):  # type: ignore[misc]
    def __init__(self, request: Request) -> None:
        self._request = request

    @property
    def data(self) -> Any:
        return self._request.get_json(silent=True)


class _JsonRequest(JsonRequest):  # type: ignore[misc]
    def __init__(self, request: Request) -> None:
        super().__init__(request.method, request.url, request.headers)
        self.payload = _JsonPayload(request)


class Server(AuthorizationServer):  # type: ignore[misc]
    def query_client(self, client_id: str) -> Client | None:
        return STORE.clients.get(client_id)

    def save_token(self, token: dict[str, Any], request: Any) -> None:
        family = getattr(request, "family", "") or secrets.token_hex(8)
        STORE.tokens[token["access_token"]] = Token(
            token["access_token"],
            token.get("refresh_token"),
            request.client.get_client_id(),
            token.get("scope", ""),
            time.time(),
            family=family,
        )
        code = getattr(request, "authorization_code", None)
        if isinstance(code, AuthorizationCode):
            code.tokens.append(token["access_token"])

    def create_oauth2_request(self, request: Any) -> Any:
        return request if isinstance(request, OAuth2Request) else _Request(request)

    def create_json_request(self, request: Any) -> Any:
        return _JsonRequest(request)

    def handle_response(self, status: int, body: Any, headers: Iterable[tuple[str, str]]) -> Any:
        payload = json.dumps(body) if isinstance(body, dict) else body
        return Response(payload, status=status, headers=list(headers))

    def send_signal(self, name: str, *args: Any, **kwargs: Any) -> None:
        return None


class CodeGrant(grants.AuthorizationCodeGrant):  # type: ignore[misc]
    TOKEN_ENDPOINT_AUTH_METHODS = AUTH_METHODS

    def save_authorization_code(self, code: str, request: Any) -> None:
        STORE.codes[code] = AuthorizationCode(
            code,
            request.client.get_client_id(),
            request.payload.redirect_uri,
            request.payload.scope or "",
            request.payload.data.get("code_challenge"),
            request.payload.data.get("code_challenge_method"),
            time.time() + CODE_TTL,
        )

    def query_authorization_code(self, code: str, client: Client) -> AuthorizationCode | None:
        found = STORE.codes.get(code)
        if found is None or found.client_id != client.get_client_id():
            return None
        if time.time() > found.expires_at:
            return None
        return found

    def delete_authorization_code(self, authorization_code: AuthorizationCode) -> None:
        # Kept, marked used: RFC 6749 §4.1.2 has a reused code revoke what it issued.
        authorization_code.expires_at = 0

    def authenticate_user(self, authorization_code: AuthorizationCode) -> str:
        return USER

    def validate_token_request(self) -> None:
        code = STORE.codes.get(self.request.form.get("code", ""))
        if code is not None and code.expires_at == 0:
            for access_token in code.tokens:  # a reused code: §4.1.2 SHOULD revoke
                STORE.tokens[access_token].revoked = True
        super().validate_token_request()


class RefreshGrant(grants.RefreshTokenGrant):  # type: ignore[misc]
    TOKEN_ENDPOINT_AUTH_METHODS = AUTH_METHODS
    INCLUDE_NEW_REFRESH_TOKEN = True  # RFC 9700 §4.14.2: rotation

    def authenticate_refresh_token(self, refresh_token: str) -> Token | None:
        family = STORE.superseded.get(refresh_token)
        if family is not None:
            STORE.revoke_family(family)  # reuse of a rotated token: the family is revoked
            return None
        token = STORE.by_refresh(refresh_token)
        if token is None or token.revoked:
            return None
        self.request.family = token.family  # the new tokens join the grant's family
        return token

    def authenticate_user(self, refresh_token: Token) -> str:
        return USER

    def revoke_old_credential(self, refresh_token: Token) -> None:
        refresh_token.revoked = True
        if refresh_token.refresh_token:
            STORE.superseded[refresh_token.refresh_token] = refresh_token.family


class S256Only(CodeChallenge):  # type: ignore[misc]
    """RFC 7636 with S256 only, as the metadata says: a missing method would mean plain (§4.3)."""

    SUPPORTED_CODE_CHALLENGE_METHOD: ClassVar[list[str]] = ["S256"]

    def validate_code_challenge(self, grant: Any, redirect_uri: str) -> None:
        data = grant.request.payload.data
        if data.get("code_challenge") and not data.get("code_challenge_method"):
            raise InvalidRequestError("code_challenge_method S256 is required")
        super().validate_code_challenge(grant, redirect_uri)


def _query_token(token_string: str) -> Token | None:
    return STORE.tokens.get(token_string) or STORE.by_refresh(token_string)


class Revocation(RevocationEndpoint):  # type: ignore[misc]
    CLIENT_AUTH_METHODS = AUTH_METHODS

    def query_token(self, token_string: str, token_type_hint: str | None) -> Token | None:
        return _query_token(token_string)

    def revoke_token(self, token: Token, request: Any) -> None:
        # §2.1: revoking a refresh token invalidates its grant's access tokens too.
        STORE.revoke_family(token.family)


class Introspection(IntrospectionEndpoint):  # type: ignore[misc]
    CLIENT_AUTH_METHODS = AUTH_METHODS

    def query_token(self, token_string: str, token_type_hint: str | None) -> Token | None:
        return _query_token(token_string)

    def introspect_token(self, token: Token) -> dict[str, Any]:
        return {
            "active": True,
            "client_id": token.client_id,
            "scope": token.scope,
            "token_type": "Bearer",
            "exp": int(token.issued_at + token.expires_in),
            "iat": int(token.issued_at),
        }

    def check_permission(self, token: Token, client: Client, request: Any) -> bool:
        return bool(token.client_id == client.get_client_id())


class Registration(ClientRegistrationEndpoint):  # type: ignore[misc]
    def authenticate_token(self, request: Any) -> bool:
        return True  # open registration: no initial access token (RFC 7591 §3)

    def generate_client_info(self, request: Any) -> dict[str, Any]:
        info: dict[str, Any] = super().generate_client_info(request)
        if (request.payload.data or {}).get("token_endpoint_auth_method") == "none":
            # RFC 7591 §2: a public client has no secret.
            info.pop("client_secret", None)
            info.pop("client_secret_expires_at", None)
        return info

    def get_server_metadata(self) -> dict[str, Any]:
        return self.server.metadata  # type: ignore[no-any-return]

    def extract_client_metadata(self, request: Any) -> dict[str, Any]:
        """RFC 7591 §2: the defaults of omitted members, registered and returned (§3.2.1)."""
        data = request.payload.data
        for uri in (data or {}).get("redirect_uris") or []:
            parts = urlsplit(str(uri))
            if not parts.scheme or not parts.netloc or "#" in str(uri):
                # RFC 6749 §3.1.2: absolute, without fragment.
                raise _RedirectUriError("redirect URIs are absolute, without fragment")
        metadata: dict[str, Any] = super().extract_client_metadata(request)
        metadata.setdefault("token_endpoint_auth_method", "client_secret_basic")
        metadata.setdefault("grant_types", ["authorization_code"])
        metadata.setdefault("response_types", ["code"])
        grant_types, response_types = metadata["grant_types"], metadata["response_types"]
        if ("authorization_code" in grant_types) != ("code" in response_types):
            raise _ClientMetadataError("grant_types and response_types are inconsistent")
        return metadata

    def save_client(
        self, client_info: dict[str, Any], client_metadata: dict[str, Any], request: Any
    ) -> Client:
        client = Client(client_info["client_id"], client_info.get("client_secret"), client_metadata)
        STORE.clients[client.client_id] = client
        return client


class _ClientMetadataError(OAuth2Error):  # type: ignore[misc]
    error = "invalid_client_metadata"


class _RedirectUriError(OAuth2Error):  # type: ignore[misc]
    error = "invalid_redirect_uri"


class AuthlibServer:
    """The WSGI application: Authlib's endpoints, a consent page and the metadata."""

    def __init__(self, issuer: str) -> None:
        self.issuer = issuer
        self.server = Server(scopes_supported=SCOPES)
        self.server.metadata = self.metadata()
        self.server.register_token_generator(
            "default",
            BearerTokenGenerator(
                access_token_generator=lambda **_: secrets.token_urlsafe(32),
                refresh_token_generator=lambda **_: secrets.token_urlsafe(32),
            ),
        )
        self.server.register_grant(CodeGrant, [S256Only(required=True)])
        self.server.register_grant(RefreshGrant)
        self.server.register_endpoint(Revocation)
        self.server.register_endpoint(Introspection)
        self.server.register_endpoint(Registration(claims_classes=[ClientMetadataClaims]))

    def metadata(self) -> dict[str, Any]:
        """RFC 8414 §2."""
        base = self.issuer
        return {
            "issuer": base,
            "authorization_endpoint": f"{base}/authorize",
            "token_endpoint": f"{base}/token",
            "registration_endpoint": f"{base}/register",
            "revocation_endpoint": f"{base}/revoke",
            "introspection_endpoint": f"{base}/introspect",
            "scopes_supported": SCOPES,
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code", "refresh_token"],
            "token_endpoint_auth_methods_supported": AUTH_METHODS,
            "revocation_endpoint_auth_methods_supported": AUTH_METHODS,
            "introspection_endpoint_auth_methods_supported": AUTH_METHODS,
            "code_challenge_methods_supported": ["S256"],
        }

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        request = Request(environ)
        with STORE.lock:
            response = self.route(request)
        result: Iterable[bytes] = response(environ, start_response)
        return result

    def route(self, request: Request) -> Response:
        path, method = request.path, request.method
        if path == "/.well-known/oauth-authorization-server" and method == "GET":
            return Response(json.dumps(self.metadata()), content_type="application/json")
        if path == "/authorize" and method == "GET":
            return self.consent_page(request)
        if path == "/authorize" and method == "POST":
            return self.consent_decision(request)
        if path == "/token" and method == "POST":
            return self.server.create_token_response(request)  # type: ignore[no-any-return]
        endpoints = {"/revoke": "revocation", "/introspect": "introspection"}
        if path in endpoints and method == "POST":
            return self.server.create_endpoint_response(endpoints[path], request)  # type: ignore[no-any-return]
        if path == "/register" and method == "POST":
            return self.server.create_endpoint_response("client_registration", request)  # type: ignore[no-any-return]
        return Response("not found", status=404)

    def consent_page(self, request: Request) -> Response:
        """RFC 6749 §4.1.1: validate, then ask the resource owner."""
        try:
            self.server.get_consent_grant(request, end_user=USER)
        except OAuth2Error as error:
            if error.redirect_uri:  # a client and redirect URI it could trust
                return self.server.handle_error_response(request, error)  # type: ignore[no-any-return]
            # §4.1.2.1: no redirect to an unverified URI; tell the person instead.
            text = f"<h1>Authorization error</h1><p>{html.escape(error.error)}</p>"
            return Response(text, status=400, content_type="text/html")
        hidden = "".join(
            f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
            for k, v in request.args.items(multi=True)
        )
        page = (
            "<!doctype html><title>Authorize</title><h1>Authorize this client?</h1>"
            f'<form method="post" action="/authorize">{hidden}'
            '<button name="decision" value="approve">Approve</button>'
            '<button name="decision" value="deny">Deny</button></form>'
        )
        # RFC 9700 §4.16: the deployment, not Authlib, keeps its consent page out of frames.
        no_framing = {
            "X-Frame-Options": "DENY",
            "Content-Security-Policy": "frame-ancestors 'none'",
        }
        return Response(
            page, content_type="text/html", headers={"Cache-Control": "no-store", **no_framing}
        )

    def consent_decision(self, request: Request) -> Response:
        approved = request.form.get("decision") == "approve"
        try:
            grant = self.server.get_consent_grant(request, end_user=USER)
        except OAuth2Error as error:
            return Response(html.escape(error.error), status=400, content_type="text/html")
        return self.server.create_authorization_response(  # type: ignore[no-any-return]
            request, grant_user=USER if approved else None, grant=grant
        )


@contextmanager
def running(host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """The server in a thread on ``host``; yields its base URL."""
    # Werkzeug's request log would show every authorization request: not wanted in test output.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    app = AuthlibServer("http://placeholder")
    server: BaseWSGIServer = make_server(host, port, app, threaded=True)
    app.issuer = f"http://{host}:{server.server_port}"
    app.server.metadata = app.metadata()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield app.issuer
    finally:
        server.shutdown()
        thread.join(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8090)
    args = parser.parse_args()
    with running(port=args.port) as url:
        print(f"Authlib authorization server on {url}", flush=True)
        threading.Event().wait()


if __name__ == "__main__":
    main()
