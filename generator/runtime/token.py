"""The OAuth token a client holds (RFC 6749 §5.1), and its JSON form on disk.

The JSON form is the official SDK's token file (``{client_id, access_token, refresh_token,
expires_at}``, longbridge-api.md §6.1) plus ``scope`` and ``token_type``, so a token can be moved
between the two. ``repr`` never shows a credential.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

__all__ = ["DEFAULT_EXPIRES_IN", "Token", "dc_region"]

# Clients default expires_in to 3600 when the response omits it (longbridge-api.md §2.5; the
# official SDK and CLI do the same; conformance-checklist.md item 40).
DEFAULT_EXPIRES_IN = 3600


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
        when the response has none (§6; conformance-checklist.md item 49)."""
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
            expires_at=now + float(expires_in),
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
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("token file is not a JSON object")
        access, expires_at = data.get("access_token"), data.get("expires_at")
        if not isinstance(access, str) or not isinstance(expires_at, int | float):
            raise ValueError("token file lacks access_token or expires_at")
        refresh, scope = data.get("refresh_token"), data.get("scope")
        return cls(
            access_token=access,
            expires_at=float(expires_at),
            refresh_token=refresh if isinstance(refresh, str) else None,
            scope=scope if isinstance(scope, str) else None,
        )

    def __repr__(self) -> str:
        return (
            f"Token(access_token={_mask(self.access_token)}, "
            f"refresh_token={_mask(self.refresh_token)}, expires_at={self.expires_at:.0f}, "
            f"scope={self.scope!r}, token_type={self.token_type!r})"
        )

    __str__ = __repr__
