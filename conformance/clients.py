"""Pre-registered clients, for servers without open registration (RFC 8414 §2 makes
``registration_endpoint`` OPTIONAL; many deployments register clients by hand).

``--client-id``/``--client-secret`` name the client the checks use, ``--client2-id``/
``--client2-secret`` a second one for the checks that need two (a code or refresh token
presented by another client), ``--redirect-uri`` the redirect URI registered for both. Without
them the suite registers its clients itself (RFC 7591), and skips what needs them where the
server offers no registration.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "DEFAULT_REDIRECT",
    "ENV_CLIENT2_ID",
    "ENV_CLIENT2_SECRET",
    "ENV_CLIENT_ID",
    "ENV_CLIENT_SECRET",
    "ENV_REDIRECT_URI",
    "ClientCredentials",
    "preregistered",
    "redirect_uri",
]

ENV_CLIENT_ID = "CONFORMANCE_CLIENT_ID"
ENV_CLIENT_SECRET = "CONFORMANCE_CLIENT_SECRET"
ENV_CLIENT2_ID = "CONFORMANCE_CLIENT2_ID"
ENV_CLIENT2_SECRET = "CONFORMANCE_CLIENT2_SECRET"
ENV_REDIRECT_URI = "CONFORMANCE_REDIRECT_URI"
# A loopback redirect URI (RFC 8252 §7.3): --consent browser receives the code on it.
DEFAULT_REDIRECT = "http://127.0.0.1:53682/callback"


def redirect_uri() -> str:
    return os.environ.get(ENV_REDIRECT_URI) or DEFAULT_REDIRECT


@dataclass(frozen=True)
class ClientCredentials:
    """A client the checks act as, and how it authenticates at the token endpoint."""

    client_id: str
    redirect_uri: str
    secret: str | None = None
    auth_method: str = "none"  # RFC 7591 §2: none, client_secret_basic or client_secret_post
    registered: dict[str, Any] = field(default_factory=dict)  # the registration response

    @property
    def public(self) -> bool:
        return self.secret is None


def preregistered(
    second: bool = False, auth_methods: list[str] | None = None
) -> ClientCredentials | None:
    """The client given on the command line (the second with ``second``), if any."""
    client_id = os.environ.get(ENV_CLIENT2_ID if second else ENV_CLIENT_ID)
    if not client_id:
        return None
    secret = os.environ.get(ENV_CLIENT2_SECRET if second else ENV_CLIENT_SECRET) or None
    methods = auth_methods or ["client_secret_basic"]
    method = "none"
    if secret is not None:
        basic = "client_secret_basic" in methods or "client_secret_post" not in methods
        method = "client_secret_basic" if basic else "client_secret_post"
    return ClientCredentials(client_id, redirect_uri(), secret, method)
