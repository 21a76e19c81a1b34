"""The mock server's memory: clients, codes, token families, device grants, legacy credentials.

Everything lives in plain dictionaries. The server handles each request without awaiting in the
middle, so one event loop needs no locks; the admin endpoint and tests change it the same way.
Redemptions (a code, a refresh token, a device code: check "unused", then mark it used) still
take :attr:`State.redemption_lock`, so they stay atomic when a core runs on a worker thread (the
``racy_redemption`` variant does, without the lock) or a test redeems from its own thread.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from .config import Fault

__all__ = [
    "AccessToken",
    "AuthorizationCode",
    "DeviceGrant",
    "LegacyApp",
    "RefreshToken",
    "RegisteredClient",
    "SecurityListEntry",
    "State",
    "TokenFamily",
]

T = TypeVar("T")


@dataclass(slots=True)
class RegisteredClient:
    client_id: str
    client_secret: str | None  # None: a public client
    auth_method: str  # none | client_secret_post | client_secret_basic
    redirect_uris: list[str]
    grant_types: list[str]
    response_types: list[str]
    metadata: dict[str, object]  # the other registered metadata, echoed back
    registration_access_token: str
    issued_at: int

    @property
    def is_public(self) -> bool:
        return self.auth_method == "none"


@dataclass(slots=True)
class AuthorizationCode:
    code: str
    client_id: str
    redirect_uri: str
    scopes: tuple[str, ...]
    challenge: str | None
    challenge_method: str | None
    expires_at: float
    redeemed: bool = False
    family_id: str | None = None  # the token family issued from this code


@dataclass(slots=True)
class TokenFamily:
    """Every access and refresh token descended from one grant (RFC 9700 §4.14.2)."""

    family_id: str
    client_id: str
    scopes: tuple[str, ...]
    revoked: bool = False


@dataclass(slots=True)  # one per grant or token: thousands under load
class AccessToken:
    token: str
    family_id: str
    scopes: tuple[str, ...]  # at most the family's; a refresh may narrow them (RFC 6749 §6)
    expires_at: float
    revoked: bool = False


@dataclass(slots=True)
class RefreshToken:
    token: str
    family_id: str
    expires_at: float
    superseded: bool = False  # rotated: a newer refresh token replaced it
    revoked: bool = False


@dataclass(slots=True)
class DeviceGrant:
    device_code: str
    user_code: str
    client_id: str
    scopes: tuple[str, ...]
    expires_at: float
    interval: int
    approve_at: float  # auto-approval time; inf until a person approves
    denied: bool = False
    redeemed: bool = False
    last_poll: float | None = None


@dataclass(slots=True)
class LegacyApp:
    """A legacy API-key application: App Key, App Secret and its access token."""

    app_key: str
    app_secret: str
    access_token: str
    expires_at: float


@dataclass(frozen=True, slots=True)
class SecurityListEntry:
    """A row of the security list (``getSecurityList``): a symbol and its names."""

    symbol: str
    name_cn: str
    name_hk: str
    name_en: str


@dataclass
class State:
    clients: dict[str, RegisteredClient] = field(default_factory=dict)
    codes: dict[str, AuthorizationCode] = field(default_factory=dict)
    families: dict[str, TokenFamily] = field(default_factory=dict)
    access_tokens: dict[str, AccessToken] = field(default_factory=dict)
    refresh_tokens: dict[str, RefreshToken] = field(default_factory=dict)
    device_grants: dict[str, DeviceGrant] = field(default_factory=dict)
    user_codes: dict[str, str] = field(default_factory=dict)  # user_code -> device_code
    consents: dict[str, dict[str, str]] = field(default_factory=dict)  # manual consent sessions
    legacy_apps: dict[str, LegacyApp] = field(default_factory=dict)  # by app key
    seen_signatures: dict[str, float] = field(default_factory=dict)  # legacy replay defence
    securities: list[SecurityListEntry] = field(default_factory=list)  # seeded market data
    token_requests: int = 0  # count of /oauth2/token calls, for benchmarks and tests
    operation_hits: dict[str, int] = field(default_factory=dict)  # successes by operationId
    runtime_faults: tuple[Fault, ...] = ()  # set through the admin endpoint
    # The data API's books (orders, watchlists, ...), one object per area, seeded on first use.
    areas: dict[str, Any] = field(default_factory=dict)
    # RFC 6749 §4.1.2, RFC 9700 §4.14.2: one redemption at a time (see the module docstring).
    redemption_lock: threading.Lock = field(
        default_factory=threading.Lock, repr=False, compare=False
    )

    def area(self, key: str, factory: Callable[[], T]) -> T:
        """The state of data API area ``key``, created by ``factory`` on first use."""
        if key not in self.areas:
            self.areas[key] = factory()
        return cast(T, self.areas[key])

    def expire_access_tokens(self, now: float) -> int:
        """Forced expiry: every live access token expires now (refresh tokens stay valid)."""
        live = [t for t in self.access_tokens.values() if t.expires_at > now]
        for access in live:
            access.expires_at = now
        return len(live)

    def revoke_family(self, family_id: str) -> None:
        """Revoke a grant: every access and refresh token of the family stops working."""
        family = self.families.get(family_id)
        if family is not None:
            family.revoked = True

    def family_is_live(self, family_id: str) -> bool:
        family = self.families.get(family_id)
        return family is not None and not family.revoked

    def forget_client(self, client_id: str) -> None:
        """RFC 7592 §2.3: a deleted client's grants and tokens are invalidated."""
        self.clients.pop(client_id, None)
        for family in self.families.values():
            if family.client_id == client_id:
                family.revoked = True


def new_secret(prefix: str = "", nbytes: int = 32) -> str:
    """An unguessable credential."""
    return prefix + secrets.token_urlsafe(nbytes)


def seeded_legacy_app(seed: int, expires_at: float) -> LegacyApp:
    """The legacy app every mock starts with; the same seed gives the same credentials."""

    def derive(label: str) -> str:
        return hashlib.sha256(f"longbridge-mock:{seed}:{label}".encode()).hexdigest()[:32]

    return LegacyApp(
        app_key=f"mock-app-key-{derive('key')[:8]}",
        app_secret=derive("secret"),
        access_token=f"mock-legacy-{derive('token')}",
        expires_at=expires_at,
    )
