"""Credentials never reach a repr of a generated model.

openapi-python-client's attrs models and datamodel-code-generator's pydantic models print every
field. After generation, each module with a class holding a credential (a field named in the
runtime's ``SECRET_KEYS``, generator/runtime/secret_repr.py) gets a call to the runtime's
``mask_secrets`` at its end, which replaces that class's repr.
"""

from __future__ import annotations

import ast
from pathlib import Path

from generator.paths import RUNTIME_DIR

__all__ = ["SECRET_FIELDS", "mask_secret_fields", "read_secret_keys", "secret_fields_of"]


def read_secret_keys(module: Path = RUNTIME_DIR / "secret_repr.py") -> frozenset[str]:
    """The runtime's ``SECRET_KEYS``, read from its source: one list for the generator and the
    runtime, kept where the runtime (which ships alone and never imports the generator) has it.
    Read with ``ast``, not imported: importing ``generator.runtime`` would run its ``__init__``,
    whose modules import their package's siblings (``..operations``) that only the generated
    package has."""
    for node in ast.parse(module.read_text(encoding="utf-8")).body:
        if (
            isinstance(node, ast.Assign)
            and [t.id for t in node.targets if isinstance(t, ast.Name)] == ["SECRET_KEYS"]
            and isinstance(node.value, ast.Call)
            and len(node.value.args) == 1
        ):
            try:
                names = ast.literal_eval(node.value.args[0])
            except ValueError:  # not a literal: the generator must not guess the list
                break
            if isinstance(names, set) and all(isinstance(n, str) for n in names):
                return frozenset(names)
    raise ValueError(f"{module}: no SECRET_KEYS = frozenset({{...}}) of strings")


# Field names that hold a credential in any schema of the spec: the runtime's SECRET_KEYS.
SECRET_FIELDS = read_secret_keys()
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
