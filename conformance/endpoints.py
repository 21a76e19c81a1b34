"""The server's endpoints and features, from its metadata (RFC 8414), never from fixed paths.

RFC 8414 §3 puts the metadata at ``/.well-known/oauth-authorization-server``; the rfc profile
falls back to ``/.well-known/openid-configuration`` (OpenID Connect Discovery 1.0 §4, registered
in RFC 8414 §7.3), which many servers serve instead. Only the longbridge profile falls back to
the spec's ``/oauth2/*`` paths for an endpoint the metadata omits (its own checks fail that).

A feature the metadata does not advertise is skipped with that reason by ``require``, never
failed: registration (RFC 7591), revocation (RFC 7009), the device flow (RFC 8628),
introspection (RFC 7662) are all OPTIONAL in RFC 8414 §2.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from conformance.profiles import rfc_profile

__all__ = [
    "DEVICE_GRANT",
    "ENV_RESOURCE",
    "ENV_SCOPE",
    "OPENID_WELL_KNOWN",
    "WELL_KNOWN",
    "Endpoints",
    "discover",
]

WELL_KNOWN = "/.well-known/oauth-authorization-server"
OPENID_WELL_KNOWN = "/.well-known/openid-configuration"
ENV_SCOPE = "CONFORMANCE_SCOPE"
ENV_RESOURCE = "CONFORMANCE_RESOURCE"
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
# spec/openapi.yaml's paths: the longbridge profile's fallback.
LONGBRIDGE_PATHS = {
    "authorization_endpoint": "/oauth2/authorize",
    "token_endpoint": "/oauth2/token",
    "registration_endpoint": "/oauth2/register",
    "revocation_endpoint": "/oauth2/revoke",
    "device_authorization_endpoint": "/oauth2/device/authorize",
}
# RFC 8414 §2: what an omitted member means.
DEFAULT_GRANT_TYPES = ["authorization_code", "implicit"]
DEFAULT_AUTH_METHODS = ["client_secret_basic"]
FEATURES = {
    "registration_endpoint": "dynamic client registration (RFC 7591)",
    "revocation_endpoint": "token revocation (RFC 7009)",
    "device_authorization_endpoint": "the device authorization grant (RFC 8628)",
    "introspection_endpoint": "token introspection (RFC 7662)",
    "authorization_endpoint": "the authorization endpoint",
    "token_endpoint": "the token endpoint",
}


@dataclass(frozen=True)
class Endpoints:
    """Where the server's endpoints are and what it says it supports."""

    base_url: str
    metadata: dict[str, Any] = field(default_factory=dict)
    source: str = ""  # the metadata's URL; "" when none was found

    def url(self, member: str) -> str | None:
        """The endpoint ``member`` names, absolute; None when not advertised."""
        value = self.metadata.get(member)
        if isinstance(value, str) and value:
            return value
        if not rfc_profile() and member in LONGBRIDGE_PATHS:
            return self.base_url + LONGBRIDGE_PATHS[member]
        return None

    def require(self, member: str) -> str:
        """The endpoint ``member``, or skip the check: the server does not offer it."""
        url = self.url(member)
        if url is None:
            where = self.source or "no metadata document"
            pytest.skip(f"{FEATURES.get(member, member)}: {where} advertises no {member}")
        return url

    @property
    def authorization(self) -> str:
        return self.require("authorization_endpoint")

    @property
    def token(self) -> str:
        return self.require("token_endpoint")

    def supported(self, member: str, default: list[str] | None = None) -> list[str]:
        value = self.metadata.get(member)
        if isinstance(value, list):
            return [str(v) for v in value]
        return list(default or [])

    @property
    def grant_types(self) -> list[str]:
        return self.supported("grant_types_supported", DEFAULT_GRANT_TYPES)

    @property
    def auth_methods(self) -> list[str]:
        return self.supported("token_endpoint_auth_methods_supported", DEFAULT_AUTH_METHODS)

    @property
    def scopes(self) -> list[str]:
        """``--scope``, else what the server advertises (RFC 6749 §3.3: no default assumed)."""
        given = os.environ.get(ENV_SCOPE, "")
        if given:
            return given.split()
        return self.supported("scopes_supported")

    @property
    def scope(self) -> str | None:
        return " ".join(self.scopes) or None

    @property
    def resource(self) -> str | None:
        """``--resource``: a protected resource the access tokens open (RFC 6750)."""
        return os.environ.get(ENV_RESOURCE) or None


def discover(base_url: str, timeout: float = 30) -> Endpoints:
    """The metadata at ``base_url`` (RFC 8414 §3.1), or an empty set when there is none."""
    paths = [WELL_KNOWN, OPENID_WELL_KNOWN] if rfc_profile() else [WELL_KNOWN]
    for path in paths:
        try:
            response = httpx.get(base_url + path, timeout=timeout)
            body = json.loads(response.content) if response.status_code == 200 else None
        except (httpx.HTTPError, ValueError):
            continue
        if isinstance(body, dict):
            return Endpoints(base_url, body, base_url + path)
    return Endpoints(base_url)
