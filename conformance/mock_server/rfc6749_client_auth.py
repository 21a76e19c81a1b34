"""RFC 6749 §2.3: client authentication at the token, revocation and device endpoints.

Confidential clients use ``client_secret_basic`` (§2.3.1, HTTP Basic) or ``client_secret_post``
(secret in the form); public clients send only ``client_id`` (§3.2.1). A client MUST NOT use
more than one method in a request (§2.3).
"""

from __future__ import annotations

import base64
import hmac
import json
from collections.abc import Collection
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, unquote

from .config import Deviation
from .context import Context
from .http import DuplicateParameter, Incoming, OAuthProblem, parse_params
from .state import RegisteredClient

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["authenticate_client", "form_parameters", "read_form"]


def _basic_credentials(req: Incoming) -> tuple[str, str] | None:
    scheme, _, value = req.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except ValueError:  # binascii.Error, UnicodeDecodeError, and non-ASCII text in the header
        raise _invalid_client("malformed HTTP Basic credentials", basic=True) from None
    client_id, sep, secret = decoded.partition(":")
    if not sep:
        raise _invalid_client("malformed HTTP Basic credentials", basic=True)
    # §2.3.1: both parts are form-urlencoded before Basic encoding.
    return unquote(client_id.replace("+", " ")), unquote(secret.replace("+", " "))


def _invalid_client(description: str, basic: bool) -> OAuthProblem:
    # §5.2: 401 with a challenge matching the scheme the client tried (Basic when it used Basic).
    challenge = 'Basic realm="longbridge"' if basic else 'Bearer realm="longbridge"'
    return OAuthProblem("invalid_client", description, 401, {"WWW-Authenticate": challenge})


def _refuse_client(ctx: Context, description: str, basic: bool) -> OAuthProblem:
    if ctx.deviates(Deviation.INVALID_CLIENT_400):
        return OAuthProblem("invalid_client", description)  # the broken variant: no challenge
    return _invalid_client(description, basic)


def form_parameters(*models: type[BaseModel]) -> frozenset[str]:
    """The parameter names the spec defines for a form endpoint (its request schemas)."""
    return frozenset(f.alias or name for m in models for name, f in m.model_fields.items())


def read_form(
    ctx: Context, req: Incoming, recognized: Collection[str] | None = None
) -> dict[str, str]:
    """The form parameters of an OAuth POST (§3.2: application/x-www-form-urlencoded).

    Pass ``recognized`` (see :func:`form_parameters`) to ignore every other parameter (§3.2).
    """
    if ctx.deviates(Deviation.TOKEN_ACCEPTS_JSON) and req.content_type == "application/json":
        try:  # the broken variant: RFC 6749 §3.2 allows only form bodies
            raw = json.loads(req.body)
            return {str(k): str(v) for k, v in raw.items() if recognized is None or k in recognized}
        except (ValueError, AttributeError):
            raise OAuthProblem("invalid_request", "malformed JSON") from None
    if req.content_type != "application/x-www-form-urlencoded":
        raise OAuthProblem(
            "invalid_request", "the body must be application/x-www-form-urlencoded", 415
        )
    try:
        text = req.body.decode("utf-8")
        if ctx.deviates(Deviation.CREDENTIALS_IN_QUERY) and req.query_string:
            text = f"{req.query_string}&{text}"  # the broken variant: §2.3.1 forbids the URI
        if recognized is not None and ctx.deviates(Deviation.REFUSE_UNKNOWN_PARAMETERS):
            _refuse_unknown(text, recognized)  # the broken variant: §3.2 says ignore them
        if ctx.deviates(Deviation.FIRST_VALUE_WINS):
            return _first_values(text, recognized)  # the broken variant: §3.2 forbids repeats
        return parse_params(text, recognized)
    except DuplicateParameter as dup:
        raise OAuthProblem("invalid_request", f"parameter {dup.name} is repeated") from None
    except (UnicodeDecodeError, ValueError):
        raise OAuthProblem("invalid_request", "the form is not valid UTF-8 form data") from None


def _refuse_unknown(text: str, recognized: Collection[str]) -> None:
    names = {name for name, _ in parse_qsl(text, keep_blank_values=True, errors="strict")}
    unknown = sorted(names - set(recognized))
    if unknown:
        raise OAuthProblem("invalid_request", f"unknown parameter {unknown[0]}")


def _first_values(text: str, recognized: Collection[str] | None) -> dict[str, str]:
    params: dict[str, str] = {}
    for name, value in parse_qsl(text, keep_blank_values=True, errors="strict"):
        if recognized is None or name in recognized:
            params.setdefault(name, value)
    return {name: value for name, value in params.items() if value}


def authenticate_client(ctx: Context, req: Incoming, form: dict[str, str]) -> RegisteredClient:
    """The client making the request, authenticated by the method it registered."""
    basic = _basic_credentials(req)
    if basic is not None and "client_secret" in form:
        raise OAuthProblem(
            "invalid_request", "use one client authentication method (RFC 6749 section 2.3)"
        )
    if basic is not None and ctx.deviates(Deviation.NO_BASIC_AUTH):
        raise _invalid_client("HTTP Basic is not supported", basic=True)  # §2.3.1: MUST be
    if basic is not None:
        client_id, secret = basic
        if form.get("client_id", client_id) != client_id:
            raise OAuthProblem("invalid_request", "client_id differs from the Basic credentials")
    else:
        client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
    if not client_id:
        raise OAuthProblem("invalid_request", "client_id is required")
    client = ctx.state.clients.get(client_id)
    if client is None:
        raise _invalid_client("unknown client", basic is not None)
    # Public or not by the registered method (RFC 7591 §2), even when a deviation issued a secret.
    if client.is_public:
        if secret:
            raise _refuse_client(ctx, "a public client has no secret", basic is not None)
        return client
    if not secret and basic is None and ctx.deviates(Deviation.SECRETLESS_CONFIDENTIAL):
        return client  # the broken variant: §3.2.1 and §6 require the client's authentication
    expected = client.client_secret or ""
    if not secret or not expected or not hmac.compare_digest(secret, expected):
        raise _refuse_client(ctx, "client authentication failed", basic is not None)
    return client
