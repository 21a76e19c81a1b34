# Copied verbatim from generator/runtime/rfc8414_discovery.py by `python -m generator`.
# Edit that file and regenerate; changes made here are lost and fail the drift check.
"""RFC 8414: finding a server's OAuth endpoints. https://www.rfc-editor.org/rfc/rfc8414

Discovery is advisory at Longbridge (docs/longbridge-api.md §2.2): when the document is unavailable
the client falls back to ``{base}/oauth2/*``. A document whose ``issuer`` is not exactly the base
URL is never used (§3.3) and raises :class:`DiscoveryError`.

Endpoints of a document must use https (RFC 6749 §3.1, §3.2: credentials travel to them), except
http on loopback for a loopback issuer (a local test server), and share the issuer's origin unless
the caller allows otherwise: a document naming another host for the token endpoint would send
the client secret and refresh token there (mix-up, RFC 9700 §4.4,
https://www.rfc-editor.org/rfc/rfc9700#section-4.4).
"""

from __future__ import annotations

import ipaddress
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from .errors import DiscoveryError
from .flows import Flow, fetch

__all__ = [
    "REGION_BASE_URLS",
    "WELL_KNOWN_PATH",
    "ServerEndpoints",
    "base_url_for",
    "discovery_flow",
    "is_loopback",
]

REGION_BASE_URLS = {
    "global": "https://openapi.longbridge.com",
    "cn": "https://openapi.longbridge.cn",
}
WELL_KNOWN_PATH = "/.well-known/oauth-authorization-server"


def base_url_for(region: str | None = None, base_url: str | None = None) -> str:
    """``base_url`` without a trailing slash, else the host of ``region`` (default global)."""
    if base_url:
        return base_url.rstrip("/")
    key = (region or "global").lower()
    if key == "hk":  # the official SDK's LONGBRIDGE_REGION also says "hk" for the global host
        key = "global"
    try:
        return REGION_BASE_URLS[key]
    except KeyError:
        raise ValueError(
            f"unknown region {region!r}: use one of {sorted(REGION_BASE_URLS)}"
        ) from None


def is_loopback(host: str | None) -> bool:
    """``localhost`` or a loopback address (127.0.0.0/8, ::1)."""
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _origin(url: str) -> tuple[str, str, int | None]:
    """RFC 6454 origin: scheme, host and port (the scheme's default when none is given)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or {"https": 443, "http": 80}.get(scheme)
    return scheme, (parts.hostname or "").lower(), port


@dataclass(frozen=True)
class ServerEndpoints:
    """Where the OAuth endpoints of one server are."""

    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    revocation_endpoint: str
    registration_endpoint: str
    device_authorization_endpoint: str
    code_challenge_methods_supported: tuple[str, ...] | None
    discovered: bool  # False: the {base}/oauth2/* fallback
    # RFC 9207 §3: the server puts ``iss`` in every authorization response.
    authorization_response_iss_parameter_supported: bool = False

    @classmethod
    def fallback(cls, base_url: str) -> ServerEndpoints:
        base = base_url.rstrip("/")
        return cls(
            issuer=base,
            authorization_endpoint=f"{base}/oauth2/authorize",
            token_endpoint=f"{base}/oauth2/token",
            revocation_endpoint=f"{base}/oauth2/revoke",
            registration_endpoint=f"{base}/oauth2/register",
            device_authorization_endpoint=f"{base}/oauth2/device/authorize",
            code_challenge_methods_supported=None,
            discovered=False,
        )

    @classmethod
    def from_metadata(
        cls, base_url: str, doc: dict[str, Any], *, allow_other_origins: bool = False
    ) -> ServerEndpoints:
        """Validate a metadata document fetched from ``base_url`` (§3.3), and its endpoints'
        schemes and origins (see the module's docstring)."""
        base = base_url.rstrip("/")
        issuer = doc.get("issuer")
        if issuer != base:
            raise DiscoveryError(
                f"metadata issuer {issuer!r} differs from {base!r}; refusing it (RFC 8414 §3.3)"
            )
        issuer_origin = _origin(base)
        local_issuer = issuer_origin[0] == "http" and is_loopback(issuer_origin[1])
        fallback = cls.fallback(base)

        def endpoint(name: str, default: str) -> str:
            value = doc.get(name, default)
            if not isinstance(value, str) or not value.startswith(("https://", "http://")):
                raise DiscoveryError(f"metadata {name} is not an absolute URL: {value!r}")
            origin = _origin(value)
            if origin[0] != "https" and not (local_issuer and is_loopback(origin[1])):
                raise DiscoveryError(f"metadata {name} {value!r} is not https (RFC 6749 §3.1)")
            if origin != issuer_origin and not allow_other_origins:
                raise DiscoveryError(
                    f"metadata {name} {value!r} is not on the issuer's origin {base!r} "
                    "(RFC 9700 §4.4); allow_other_origins=True accepts it"
                )
            return value

        methods = doc.get("code_challenge_methods_supported")
        return cls(
            issuer=base,
            authorization_endpoint=endpoint(
                "authorization_endpoint", fallback.authorization_endpoint
            ),
            token_endpoint=endpoint("token_endpoint", fallback.token_endpoint),
            revocation_endpoint=endpoint("revocation_endpoint", fallback.revocation_endpoint),
            registration_endpoint=endpoint("registration_endpoint", fallback.registration_endpoint),
            device_authorization_endpoint=endpoint(
                "device_authorization_endpoint", fallback.device_authorization_endpoint
            ),
            code_challenge_methods_supported=tuple(m for m in methods if isinstance(m, str))
            if isinstance(methods, list)
            else None,
            discovered=True,
            authorization_response_iss_parameter_supported=doc.get(
                "authorization_response_iss_parameter_supported"
            )
            is True,
        )


def discovery_flow(base_url: str, *, allow_other_origins: bool = False) -> Flow[ServerEndpoints]:
    """Fetch and check the metadata; fall back when it is unavailable (404, 5xx, not JSON)."""
    base = base_url.rstrip("/")
    request = httpx.Request("GET", base + WELL_KNOWN_PATH, headers={"Accept": "application/json"})
    response = yield from fetch(request)
    if response.status_code != 200:
        return ServerEndpoints.fallback(base)
    try:
        doc = json.loads(response.content)
    except ValueError:
        return ServerEndpoints.fallback(base)
    if not isinstance(doc, dict):
        return ServerEndpoints.fallback(base)
    return ServerEndpoints.from_metadata(base, doc, allow_other_origins=allow_other_origins)
