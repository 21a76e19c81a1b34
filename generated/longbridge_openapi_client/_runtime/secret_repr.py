# Copied verbatim from generator/runtime/secret_repr.py by `python -m generator`.
# Edit that file and regenerate; changes made here are lost and fail the drift check.
"""A repr that masks credentials, for the generated attrs and pydantic models.

The generator appends ``mask_secrets(Model, ("client_secret", ...))`` to each generated module
whose models hold a credential (generator/secret_fields.py); this module must therefore import
nothing of the package.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

__all__ = ["MASK", "SECRET_KEYS", "mask_secrets"]

MASK = "<redacted>"
# Field names that hold a credential in any schema of the spec (RFC 6749 §4.1.3, §5.1, §6;
# RFC 7009 §2.1; RFC 7591 §3.2.1; RFC 7636 §4.5; RFC 8628 §3.2; the socket OTP). Masked in a
# model's additional_properties, where a server may put what the spec does not name; the
# generator reads this list (generator/secret_fields.py) to choose the fields to mask.
SECRET_KEYS = frozenset(
    {
        "access_token",
        "client_secret",
        "code_verifier",
        "device_code",
        "otp",
        "refresh_token",
        "registration_access_token",
        "token",
    }
)


def _shown(name: str, value: Any, secrets: tuple[str, ...]) -> Any:
    if name in secrets and isinstance(value, str):
        return MASK
    if isinstance(value, dict):  # attrs models keep unknown keys in additional_properties
        return {k: MASK if k in SECRET_KEYS else v for k, v in value.items()}
    return value


def mask_secrets(cls: type, secrets: tuple[str, ...]) -> None:
    """Make ``repr`` (and ``str``) of ``cls`` show ``'<redacted>'`` for the fields ``secrets``."""
    if attrs.has(cls):

        def attrs_repr(self: Any) -> str:
            shown = ", ".join(
                f"{f.name}={_shown(f.name, getattr(self, f.name), secrets)!r}"
                for f in attrs.fields(type(self))
                if f.repr is not False
            )
            return f"{type(self).__name__}({shown})"

        attrs_repr.__masks__ = secrets  # type: ignore[attr-defined]
        cls.__repr__ = attrs_repr  # type: ignore[method-assign]
        return
    original = cls.__repr_args__  # type: ignore[attr-defined]  # a pydantic model

    def repr_args(self: Any) -> Iterator[tuple[str | None, Any]]:
        for name, value in original(self):
            yield name, (_shown(name, value, secrets) if name is not None else value)

    repr_args.__masks__ = secrets  # type: ignore[attr-defined]
    cls.__repr_args__ = repr_args  # type: ignore[attr-defined]
