"""Credentials never reach a repr of a generated model.

openapi-python-client's attrs models and datamodel-code-generator's pydantic models print every
field. After generation, each module with a class holding a credential (a field named below) gets
a call to the runtime's ``mask_secrets`` at its end, which replaces that class's repr.
"""

from __future__ import annotations

import ast
from pathlib import Path

__all__ = ["SECRET_FIELDS", "mask_secret_fields", "secret_fields_of"]

# Field names that hold a credential in any schema of the spec (RFC 6749 §4.1.3, §5.1, §6;
# RFC 7009 §2.1; RFC 7591 §3.2.1; RFC 7636 §4.5; RFC 8628 §3.2; the socket OTP).
SECRET_FIELDS = frozenset(
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
# "code" is the authorization code in a token request, and a plain code (an error's, a fee's)
# elsewhere.
_CODE_CLASSES_SUFFIX = "TokenRequest"


def secret_fields_of(source: str) -> dict[str, tuple[str, ...]]:
    """Class name -> the credential fields it declares, for the classes of ``source``."""
    found: dict[str, tuple[str, ...]] = {}
    for node in ast.parse(source).body:
        if not isinstance(node, ast.ClassDef):
            continue
        names = [
            item.target.id
            for item in node.body
            if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)
        ]
        secret = [
            n
            for n in names
            if n in SECRET_FIELDS or (n == "code" and node.name.endswith(_CODE_CLASSES_SUFFIX))
        ]
        if secret:
            found[node.name] = tuple(secret)
    return found


def mask_secret_fields(package: Path, runtime_package: str) -> list[Path]:
    """Append the ``mask_secrets`` calls to every module of ``package`` that needs them."""
    changed = []
    modules = [package / "schemas.py", *sorted((package / "models").glob("*.py"))]
    for module in modules:
        text = module.read_text(encoding="utf-8")
        classes = secret_fields_of(text)
        if not classes:
            continue
        dots = "." if module.parent == package else ".."
        lines = [
            "",
            "# Credentials never reach a repr (generator/secret_fields.py).",
            f"from {dots}{runtime_package}.secret_repr import mask_secrets  # noqa: E402",
            "",
            *(f"mask_secrets({name}, {fields!r})" for name, fields in sorted(classes.items())),
            "",
        ]
        module.write_text(text.rstrip("\n") + "\n" + "\n".join(lines), encoding="utf-8")
        changed.append(module)
    return changed
