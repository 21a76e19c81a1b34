"""The OAuth token a client holds (RFC 6749 §5.1), and its JSON form on disk.

The JSON form is the official SDK's token file (``{client_id, access_token, refresh_token,
expires_at}``, docs/longbridge-api.md §6.1) plus ``scope`` and ``token_type``, so a token can be
moved
between the two. ``repr`` never shows a credential.
"""

from __future__ import annotations

import json
import math
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

__all__ = [
    "DEFAULT_EXPIRES_IN",
    "MAX_EXPIRES_IN",
    "MIN_EXPIRES_IN",
    "ServerValueWarning",
    "Token",
    "dc_region",
]

# Clients default expires_in to 3600 when the response omits it (docs/longbridge-api.md §2.5; the
# official SDK and CLI do the same; docs/conformance-checklist.md item 40).
DEFAULT_EXPIRES_IN = 3600
# A lifetime outside these bounds is a server bug (or 1e400, NaN): below a minute every call would
# refresh, beyond a year the client would never refresh, and neither may lose the rotated token.
MIN_EXPIRES_IN = 60
MAX_EXPIRES_IN = 366 * 24 * 3600
# expires_at in a token file: after 1970 and before the year 10000 (or it is no time at all).
_MAX_EXPIRES_AT = 253_402_300_800


class ServerValueWarning(UserWarning):
    """The server sent a value the client had to correct (an ``expires_in`` out of range)."""


def _clamped_expires_in(value: int | float) -> float:
    """``expires_in`` within MIN..MAX_EXPIRES_IN; compared before float() so that a huge int
    cannot overflow, and NaN (no lifetime at all) counts as the shortest."""
    if (isinstance(value, float) and math.isnan(value)) or value < MIN_EXPIRES_IN:
        clamped = MIN_EXPIRES_IN
    elif value > MAX_EXPIRES_IN:
        clamped = MAX_EXPIRES_IN
    else:
        return float(value)
    warnings.warn(
        f"the server's expires_in is out of range; using {clamped} s",
        ServerValueWarning,
        stacklevel=3,
    )
    return float(clamped)


def _mask(secret: str | None) -> str:
    return "None" if secret is None else "'<redacted>'"


def dc_region(credential: str) -> str:
    """``x-dc-region`` for a credential: ``us`` for a ``us_`` prefix, else ``ap`` (geo/lib.rs)."""
    return "us" if credential.startswith("us_") else "ap"  # "us_m_" starts with "us_" too


@dataclass(frozen=True)
class Token:
    access_token: str
    expires_at: float  # unix seconds
    refresh_token: str | None = None
    scope: str | None = None
    token_type: str = "Bearer"  # noqa: S105 - a token type, not a secret

    @classmethod
    def from_response(
        cls, body: Mapping[str, Any], now: float, previous: Token | None = None
    ) -> Token:
        """A token from an RFC 6749 §5.1 response; keeps ``previous``'s refresh token and scope
        when the response has none (§6; docs/conformance-checklist.md item 49)."""
        access = body.get("access_token")
        token_type = body.get("token_type")
        if not isinstance(access, str) or not access:
            raise ValueError("token response without access_token")
        if not isinstance(token_type, str) or token_type.lower() != "bearer":
            raise ValueError(f"unsupported token_type {token_type!r} (RFC 6749 §7.1)")
        expires_in = body.get("expires_in", DEFAULT_EXPIRES_IN)
        if isinstance(expires_in, bool) or not isinstance(expires_in, int | float):
            raise ValueError("expires_in is not a number")
        refresh = body.get("refresh_token")
        scope = body.get("scope")
        return cls(
            access_token=access,
            expires_at=now + _clamped_expires_in(expires_in),
            refresh_token=refresh
            if isinstance(refresh, str) and refresh
            else (previous.refresh_token if previous else None),
            scope=scope if isinstance(scope, str) else (previous.scope if previous else None),
            token_type="Bearer",  # noqa: S106
        )

    def expires_within(self, seconds: float, now: float) -> bool:
        return self.expires_at - now <= seconds

    def with_access(self, access_token: str, expires_at: float) -> Token:
        return replace(self, access_token=access_token, expires_at=expires_at)

    @property
    def dc_region(self) -> str:
        return dc_region(self.access_token)

    def to_json(self, client_id: str) -> str:
        """The on-disk form, readable by the official SDK's token loader."""
        data = {
            "client_id": client_id,
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "expires_at": int(self.expires_at),
            "scope": self.scope,
            "token_type": self.token_type,
        }
        return json.dumps(data, indent=2)

    @classmethod
    def from_json(cls, text: str) -> Token:
        """The token of a token file; ``ValueError`` says what is wrong with it."""
        try:
            data = json.loads(text)
        except RecursionError:
            raise ValueError("nested too deeply") from None
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        access, expires_at = data.get("access_token"), data.get("expires_at")
        if not isinstance(access, str) or not access:
            raise ValueError("no access_token")
        # bool is an int to Python; NaN, inf and 1e20 are numbers but no time.
        if isinstance(expires_at, bool) or not isinstance(expires_at, int | float):
            raise ValueError("expires_at is not a number")
        if not 0 <= expires_at < _MAX_EXPIRES_AT:  # False for NaN too
            raise ValueError("expires_at is not a time")
        refresh, scope = data.get("refresh_token"), data.get("scope")
        return cls(
            access_token=access,
            expires_at=float(expires_at),
            refresh_token=refresh if isinstance(refresh, str) and refresh else None,
            scope=scope if isinstance(scope, str) else None,
        )

    def __repr__(self) -> str:
        return (
            f"Token(access_token={_mask(self.access_token)}, "
            f"refresh_token={_mask(self.refresh_token)}, expires_at={self.expires_at:.0f}, "
            f"scope={self.scope!r}, token_type={self.token_type!r})"
        )

    __str__ = __repr__
