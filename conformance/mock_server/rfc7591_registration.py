"""RFC 7591 Dynamic Client Registration and RFC 7592 management (read, delete).

https://www.rfc-editor.org/rfc/rfc7591 https://www.rfc-editor.org/rfc/rfc7592
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import uuid
from typing import Any
from urllib.parse import urlsplit

from pydantic import ValidationError

from longbridge_openapi_client.schemas import ClientRegistrationRequest

from .config import Deviation
from .context import Context
from .http import Incoming, OAuthProblem, Reply
from .rfc6750_bearer import bearer_token
from .state import RegisteredClient, new_secret

__all__ = ["delete_client", "read_client", "register", "registered_information"]

LOOPBACK_HOSTS = frozenset({"localhost"})
# Longbridge registers device-flow clients by default (a third-party audit saw the device grant
# echoed for a minimal registration); RFC 7591 §2 lets the server choose defaults.
DEFAULT_GRANT_TYPES = [
    "authorization_code",
    "refresh_token",
    "urn:ietf:params:oauth:grant-type:device_code",
]


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def redirect_uri_problem(uri: str) -> str | None:
    """Why ``uri`` cannot be registered, or None (RFC 6749 §3.1.2, RFC 8252 §7.3, §8.3)."""
    try:
        parts = urlsplit(uri)
        host = parts.hostname
    except ValueError:
        return "is not a URI"
    if not parts.scheme or not parts.netloc:
        return "is not an absolute URI"
    if parts.fragment or "#" in uri:
        return "has a fragment"
    if parts.scheme == "https" and host:
        return None
    if parts.scheme == "http" and is_loopback(host):
        return None
    return "must use https, or http on a loopback host"


def _metadata_error(description: str) -> OAuthProblem:
    return OAuthProblem("invalid_client_metadata", description)


def _parse_request(ctx: Context, req: Incoming) -> ClientRegistrationRequest:
    try:
        raw = json.loads(req.body)
    except ValueError:
        raise _metadata_error("the body is not JSON") from None
    if not isinstance(raw, dict):
        raise _metadata_error("the body is not a JSON object")
    try:
        # strict: a number is not a string, a string is not a list (RFC 7591 §2 types).
        model = ClientRegistrationRequest.model_validate(raw, strict=True)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        if first["loc"] and first["loc"][0] == "redirect_uris":
            raise OAuthProblem("invalid_redirect_uri", f"redirect_uris: {first['msg']}") from None
        raise _metadata_error(f"{where}: {first['msg']}") from None
    if not ctx.deviates(Deviation.LAX_REDIRECT_URIS):
        for uri in model.redirect_uris:
            problem = redirect_uri_problem(uri)
            if problem:
                raise OAuthProblem("invalid_redirect_uri", f"redirect URI {problem}")
    return model


def register(ctx: Context, req: Incoming) -> Reply:
    """§3.1, §3.2.1: register a client and answer 201 with its information."""
    model = _parse_request(ctx, req)
    grant_types = list(dict.fromkeys(model.grant_types or DEFAULT_GRANT_TYPES))
    response_types = list(dict.fromkeys(model.response_types or ["code"]))
    # §2.1: authorization_code goes with the "code" response type, and only with it.
    if ("authorization_code" in grant_types) != ("code" in response_types):
        raise _metadata_error("grant_types and response_types are inconsistent (RFC 7591 §2.1)")
    auth_method = model.token_endpoint_auth_method or "none"
    public = auth_method == "none"
    # Part 2, choice 8 of conformance-checklist.md: public clients get no secret.
    issue_secret = not public or ctx.deviates(Deviation.SECRET_FOR_PUBLIC_CLIENTS)
    secret = new_secret() if issue_secret else None
    extra = model.model_dump(
        exclude_none=True,
        exclude={"redirect_uris", "grant_types", "response_types", "token_endpoint_auth_method"},
    )
    # Unknown members are ignored (§2), not stored or echoed.
    known = set(ClientRegistrationRequest.model_fields)
    metadata = {k: v for k, v in extra.items() if k in known}
    client = RegisteredClient(
        client_id=str(uuid.uuid4()),
        client_secret=secret,
        auth_method=auth_method,
        redirect_uris=list(model.redirect_uris),
        grant_types=grant_types,
        response_types=response_types,
        metadata=metadata,
        registration_access_token=new_secret(),
        issued_at=int(ctx.now()),
    )
    ctx.state.clients[client.client_id] = client
    status = 200 if ctx.deviates(Deviation.REGISTRATION_200) else 201
    body = registered_information(client, req.base_url)
    body["registration_access_token"] = client.registration_access_token
    return Reply(status, body, {"Cache-Control": "no-store"})


def registered_information(client: RegisteredClient, base_url: str) -> dict[str, Any]:
    """§3.2.1 / RFC 7592 §3: the metadata as registered, and the client's credentials."""
    body: dict[str, Any] = {
        "client_id": client.client_id,
        "client_id_issued_at": client.issued_at,
        "redirect_uris": client.redirect_uris,
        "grant_types": client.grant_types,
        "response_types": client.response_types,
        "token_endpoint_auth_method": client.auth_method,
        **client.metadata,
        "registration_client_uri": f"{base_url}/oauth2/register/{client.client_id}",
    }
    if client.client_secret is not None:
        body["client_secret"] = client.client_secret
        body["client_secret_expires_at"] = 0  # never
    return body


def _authorised_client(ctx: Context, req: Incoming, client_id: str) -> RegisteredClient:
    # RFC 7592 §2.1: invalid token or unknown client both answer 401, revealing nothing.
    token = bearer_token(req)
    client = ctx.state.clients.get(client_id)
    if (
        token is None
        or client is None
        or not hmac.compare_digest(token, client.registration_access_token)
    ):
        challenge = 'Bearer realm="longbridge-registration"'
        if token is not None:
            challenge += ', error="invalid_token"'
        raise OAuthProblem(
            "invalid_token",
            "the registration access token is missing or not valid for this client",
            401,
            {"WWW-Authenticate": challenge},
        )
    return client


def read_client(ctx: Context, req: Incoming, client_id: str) -> Reply:
    """RFC 7592 §2.1: the client's current registration."""
    client = _authorised_client(ctx, req, client_id)
    return Reply(200, registered_information(client, req.base_url), {"Cache-Control": "no-store"})


def delete_client(ctx: Context, req: Incoming, client_id: str) -> Reply:
    """RFC 7592 §2.3: deprovision the client and invalidate its grants."""
    _authorised_client(ctx, req, client_id)
    ctx.state.forget_client(client_id)
    return Reply(204)
