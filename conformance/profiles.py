"""Which rules a run holds a server to: ``--profile longbridge``, ``rfc`` or ``live``.

- ``longbridge`` (the default): the RFC rules plus Longbridge's own choices (the data API
  envelope, its error codes and scopes, PKCE and rotation policy), against the bundled mock or
  another server imitating Longbridge.
- ``rfc``: only what RFC 6749, 6750, 7009, 7591, 7636, 8252, 8414, 8628 and RFC 9700 require of
  an authorization server, each check at the level of the RFC's own words (MUST or SHOULD, RFC
  2119); any conforming server, on the endpoints its metadata advertises, should pass it.
- ``live``: ``longbridge`` against the real server, only what needs no consent and changes
  nothing (see ``target.LIVE_GROUPS``).
"""

from __future__ import annotations

import os
from typing import Literal

__all__ = ["ENV_PROFILE", "PROFILES", "RFC_GROUPS", "Profile", "profile", "rfc_profile"]

Profile = Literal["longbridge", "rfc", "live"]
PROFILES: tuple[Profile, ...] = ("longbridge", "rfc", "live")
ENV_PROFILE = "CONFORMANCE_PROFILE"
# The groups about an authorization server (and, with --resource, a protected resource), TLS on
# its endpoints included (RFC 6749 §1.6, §3.1, §3.2); the data API, its envelope and state are
# Longbridge's own.
RFC_GROUPS = frozenset(
    {
        "discovery",
        "registration",
        "authorize",
        "token",
        "refresh",
        "revoke",
        "device",
        "bearer",
        "transport",
    }
)


def profile() -> Profile:
    """The run's profile, from ``CONFORMANCE_PROFILE`` (``default``: longbridge's old name)."""
    name = os.environ.get(ENV_PROFILE, "") or "longbridge"
    if name == "default":
        return "longbridge"
    if name not in PROFILES:
        raise ValueError(f"unknown profile {name!r}; known: {', '.join(PROFILES)}")
    return name


def rfc_profile() -> bool:
    return profile() == "rfc"
