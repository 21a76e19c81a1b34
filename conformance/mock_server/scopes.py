"""Longbridge scopes: numeric ids at the authorize endpoint, keys inside tokens.

Taken from the spec's ``x-longbridge-scopes``, the table the generated client's ``SCOPES`` is
made from, so the mock and the client share one table (docs/longbridge-api.md §2.4). Read from the
spec the mock loads anyway rather than through the generated package, whose import (httpx,
pydantic, every model) would double the mock's start-up time.
"""

from __future__ import annotations

from spec_reader import load_spec

__all__ = ["SCOPE_IDS", "parse_scope", "scope_ids"]

# key -> id for the scopes a token can carry (the implicit "General" scope 0 is not requested).
SCOPE_IDS: dict[str, int] = {
    str(s["key"]): int(s["id"]) for s in load_spec()["x-longbridge-scopes"] if s["key"]
}
_BY_ID = {str(i): key for key, i in SCOPE_IDS.items()}


def parse_scope(value: str | None, default: tuple[str, ...]) -> tuple[str, ...]:
    """Scope keys for a space-separated list of ids or keys.

    The real server does not validate scope values (developers#1238: `scope=bogus` still
    redirects) and grants what the user picks; unknown values are therefore ignored, and a
    request that names no known scope gets the defaults.
    """
    keys = set()
    for item in (value or "").split():
        key = _BY_ID.get(item, item if item in SCOPE_IDS else None)
        if key is not None:
            keys.add(key)
    return tuple(sorted(keys, key=SCOPE_IDS.__getitem__)) if keys else default


def scope_ids(keys: tuple[str, ...]) -> str:
    """The space-separated numeric ids of ``keys``, as the token response's ``scope``."""
    return " ".join(str(SCOPE_IDS[k]) for k in keys)
