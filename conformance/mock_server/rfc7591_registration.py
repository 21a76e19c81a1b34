"""RFC 7591 Dynamic Client Registration and RFC 7592 management (read, delete).

https://www.rfc-editor.org/rfc/rfc7591 https://www.rfc-editor.org/rfc/rfc7592
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import re
import uuid
from dataclasses import replace
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from .config import Deviation
from .context import Context
from .http import Incoming, OAuthProblem, Reply
from .rfc6750_bearer import bearer_token
from .state import RegisteredClient, new_secret

if TYPE_CHECKING:
    from longbridge_openapi_client.schemas import ClientRegistrationRequest

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


# RFC 3986 Appendix A, for the metadata the spec types `format: uri` (RFC 7591 §2: URLs).
_PCT = "%[0-9A-Fa-f]{2}"
_UNRESERVED_SUB = r"A-Za-z0-9\-._~!$&'()*+,;="
_PCHAR = rf"(?:[{_UNRESERVED_SUB}:@]|{_PCT})"
_SEGMENT_NZ = rf"{_PCHAR}++(?:/{_PCHAR}*+)*+"
# Possessive quantifiers: no part of the grammar needs backtracking, so none is allowed.
_URI = re.compile(
    rf"[A-Za-z][A-Za-z0-9+.\-]*+:"  # scheme
    rf"(?://(?:(?:[{_UNRESERVED_SUB}:]|{_PCT})*+@)?"  # "//" [ userinfo "@" ]
    rf"(?P<host>\[[^\]]*+\]|(?:[{_UNRESERVED_SUB}]|{_PCT})*+)(?::[0-9]*+)?"  # host [":" port]
    rf"(?:/{_PCHAR}*+)*+"  # path-abempty
    rf"|/(?:{_SEGMENT_NZ})?|{_SEGMENT_NZ}|)"  # path-absolute / path-rootless / path-empty
    rf"(?:\?(?:{_PCHAR}|[/?])*+)?(?:#(?:{_PCHAR}|[/?])*+)?"  # [ "?" query ] [ "#" fragment ]
)
_IP_FUTURE = re.compile(rf"v[0-9A-Fa-f]+\.[{_UNRESERVED_SUB}:]+")
URI_MEMBERS = ("client_uri", "logo_uri", "tos_uri", "policy_uri")


def is_uri(text: str) -> bool:
    """An absolute URI with optional fragment (RFC 3986 §3, §4.3's ``URI`` rule)."""
    match = _URI.fullmatch(text)
    if match is None:
        return False
    host = match["host"]
    if host is None or not host.startswith("["):
        return True
    literal = host[1:-1]  # IP-literal: IPv6address / IPvFuture (§3.2.2), no zone id
    if _IP_FUTURE.fullmatch(literal):
        return True
    try:
        return "%" not in literal and bool(ipaddress.IPv6Address(literal))
    except ValueError:
        return False


def redirect_uri_problem(uri: str) -> str | None:
    """Why ``uri`` cannot be registered, or None (RFC 6749 §3.1.2, RFC 8252 §7.3, §8.3)."""
    if not is_uri(uri):
        return "is not a URI (RFC 3986)"
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
    # The generated models load on first use (see rfc6749_token.grant_models).
    from pydantic import ValidationError

    from longbridge_openapi_client.schemas import ClientRegistrationRequest

    if ctx.deviates(Deviation.REGISTRATION_REQUIRES_FORM):
        # The broken variant takes metadata as a form and refuses JSON.
        if req.content_type != "application/x-www-form-urlencoded":
            raise OAuthProblem("invalid_request", "the body must be a form", 415)
        form = dict(parse_qsl(req.body.decode("utf-8", "replace")))
        req = replace(
            req,
            headers={**req.headers, "content-type": "application/json"},
            body=json.dumps({**form, "redirect_uris": [form.get("redirect_uris", "")]}).encode(),
        )
    if req.content_type != "application/json":
        # §3.1: the request is JSON; anything else is refused before it is parsed.
        raise OAuthProblem("invalid_request", "the body must be application/json", 415)
    try:
        raw = json.loads(req.body)
    except (ValueError, RecursionError):  # RecursionError: nesting deeper than the parser goes
        raise _metadata_error("the body is not JSON") from None
    if not isinstance(raw, dict):
        raise _metadata_error("the body is not a JSON object")
    # RFC 7591 §2: every defined member is a string or an array; an explicit null is not a value
    # (the generated model's optional fields would otherwise accept it as "absent").
    for name in ClientRegistrationRequest.model_fields:
        if name in raw and raw[name] is None:
            if name == "redirect_uris":
                raise OAuthProblem("invalid_redirect_uri", "redirect_uris: must not be null")
            raise _metadata_error(f"{name}: must not be null")
    try:
        # strict: a number is not a string, a string is not a list (RFC 7591 §2 types).
        model = ClientRegistrationRequest.model_validate(raw, strict=True)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        if first["loc"] and first["loc"][0] == "redirect_uris":
            raise OAuthProblem("invalid_redirect_uri", f"redirect_uris: {first['msg']}") from None
        raise _metadata_error(f"{where}: {first['msg']}") from None
    for name in URI_MEMBERS:
        value = getattr(model, name)
        if value is not None and not is_uri(value):
            raise _metadata_error(f"{name} is not a URI (RFC 3986)")
    if not ctx.deviates(Deviation.LAX_REDIRECT_URIS):
        for uri in model.redirect_uris:
            problem = redirect_uri_problem(uri)
            if problem:
                raise OAuthProblem("invalid_redirect_uri", f"redirect URI {problem}")
    try:
        # RFC 8259 §8.2: an unpaired surrogate escape ("\ud800") decodes to no character; such a
        # string could not be echoed back as UTF-8.
        json.dumps(
            model.model_dump(include=set(type(model).model_fields)), ensure_ascii=False
        ).encode()
    except UnicodeEncodeError:
        raise _metadata_error(
            "a string holds an unpaired surrogate (RFC 8259 section 8.2)"
        ) from None
    return model


def register(ctx: Context, req: Incoming) -> Reply:
    """§3.1, §3.2.1: register a client and answer 201 with its information."""
    model = _parse_request(ctx, req)
    grant_types = list(dict.fromkeys(model.grant_types or DEFAULT_GRANT_TYPES))
    # §2: only an omitted response_types defaults to ["code"]; a device-only client sends [].
    given = model.response_types
    response_types = list(dict.fromkeys(["code"] if given is None else given))
    # §2.1: authorization_code goes with the "code" response type, and only with it.
    if ("authorization_code" in grant_types) != ("code" in response_types) and not ctx.deviates(
        Deviation.LAX_CLIENT_METADATA
    ):
        raise _metadata_error(
            "grant_types and response_types are inconsistent (RFC 7591 section 2.1)"
        )
    auth_method = model.token_endpoint_auth_method or "none"
    public = auth_method == "none"
    # Part 2, choice 8 of docs/conformance-checklist.md: public clients get no secret.
    issue_secret = not public or ctx.deviates(Deviation.SECRET_FOR_PUBLIC_CLIENTS)
    secret = new_secret() if issue_secret else None
    extra = model.model_dump(
        exclude_none=True,
        exclude={"redirect_uris", "grant_types", "response_types", "token_endpoint_auth_method"},
    )
    # Unknown members are ignored (§2), not stored or echoed.
    known = set(type(model).model_fields)
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
    body = _information(ctx, client, req.base_url)
    body["registration_access_token"] = client.registration_access_token
    return Reply(status, body, {"Cache-Control": "no-store"})


def _information(ctx: Context, client: RegisteredClient, base_url: str) -> dict[str, Any]:
    body = registered_information(client, base_url)
    if ctx.deviates(Deviation.OMIT_REGISTERED_METADATA):
        for name in (
            "redirect_uris",
            "grant_types",
            "response_types",
            "token_endpoint_auth_method",
        ):
            body.pop(name, None)
    return body


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
    return Reply(200, _information(ctx, client, req.base_url), {"Cache-Control": "no-store"})


def delete_client(ctx: Context, req: Incoming, client_id: str) -> Reply:
    """RFC 7592 §2.3: deprovision the client and invalidate its grants."""
    _authorised_client(ctx, req, client_id)
    ctx.state.forget_client(client_id)
    return Reply(204)
