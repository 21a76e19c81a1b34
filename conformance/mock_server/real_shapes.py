"""Which answers carry the shapes the real server sends and documentation examples do not.

The official SDK's structs record what real answers broke: `""` where a number is expected
(``decimal_empty_is_0``), members that may be absent (``#[serde(default)]``) and a time under
another name (``alias = "updated_at"``) (spec/DISCREPANCIES.md). The mock sends those shapes for
some entities, chosen by the seed, so every client and conformance run meets them; the choice
is a pure function of the seed and the entity, so a repeated question gets the same answer.
"""

from __future__ import annotations

import hashlib

__all__ = ["sometimes"]

_RATE = 1 / 3


def _draw(*key: object) -> int:
    return int.from_bytes(hashlib.sha256(repr(key).encode()).digest()[:4], "big")


def sometimes(seed: int, kind: str, entity: object, among: tuple[object, ...] = ()) -> bool:
    """True for about a third of the ``(seed, kind, entity)`` triples, always the same ones,
    and for at least one entity of ``among`` whatever the seed (so every seed shows it)."""
    if among and among[_draw(seed, kind) % len(among)] == entity:
        return True
    return _draw(seed, kind, entity) < _RATE * 2**32
