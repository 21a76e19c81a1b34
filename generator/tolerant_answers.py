"""Make the pydantic models of data API answers read what a real server may send.

Only the copy of the spec given to datamodel-code-generator is changed; the spec itself (which
the mock and the conformance suite validate against) stays as written. In every schema reachable
from the answer of a ``/v1/`` operation:

- an enumeration (a ``$ref`` to an enum schema, or an inline ``enum``) becomes a named type of
  the generated ``open_enums`` module that also accepts any other value, as an
  ``UnknownEnumValue`` (text) or ``UnknownEnumNumber`` (integer): the official SDK
  reads an unknown value as its ``Unknown`` variant
  (https://github.com/longbridge/openapi/blob/32cb424b58745bdfd832d4196cbbe2842c9ea9c0/rust/src/macros.rs#L13-L22),
  so a value the server adds tomorrow must not fail a whole answer;
- an ``anyOf`` that only lists alternative required members is left out (reading never
  depends on it);
- an object keeps the members the spec does not list (``additionalProperties: true``, pydantic
  ``extra="allow"``): the server sends fields before the spec knows them.

Request bodies and parameters are not reachable from an answer and stay closed, so a type
checker still catches a misspelt value in a call.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

OPEN_ENUMS_MODULE = "open_enums"
_PACKAGE = "longbridge_openapi_client"
_PREFIX = "#/components/schemas/"


def _ref_name(node: Any) -> str | None:
    ref = node.get("$ref") if isinstance(node, dict) else None
    return ref[len(_PREFIX) :] if isinstance(ref, str) and ref.startswith(_PREFIX) else None


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        name = _ref_name(node)
        if name is not None:
            yield name
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def answer_schemas(document: dict[str, Any]) -> set[str]:
    """Names of the component schemas reachable from the responses of ``/v1/`` operations."""
    schemas: dict[str, Any] = document["components"]["schemas"]
    todo = [
        name
        for path, item in document["paths"].items()
        if path.startswith("/v1/")
        for op in item.values()
        if isinstance(op, dict)
        for name in _refs(op.get("responses", {}))
    ]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen or name not in schemas:
            continue
        seen.add(name)
        todo.extend(_refs(schemas[name]))
    return seen


def _enum_values(node: Any, schemas: dict[str, Any]) -> list[str | int] | None:
    """The values of ``node`` if it is an enumeration (of text, integers, or an ``anyOf`` of
    such), else ``None``."""
    name = _ref_name(node)
    if name is not None:
        return _enum_values(schemas.get(name), schemas)
    if not isinstance(node, dict):
        return None
    if "enum" in node:
        values = node["enum"]
        ok = all(isinstance(v, str | int) and not isinstance(v, bool) for v in values)
        return list(values) if ok and values else None
    branches = node.get("anyOf")
    if isinstance(branches, list) and branches:
        parts = [_enum_values(b, schemas) for b in branches]
        if all(p is not None for p in parts):
            return [v for p in parts if p is not None for v in p]
    return None


def _only_required(branches: Any) -> bool:
    """An ``anyOf`` that only says which of the listed members must be present (such as "the
    time comes as ``timestamp`` or ``updated_at``"): pydantic cannot express it, and reading
    must not depend on it, so the models leave it out (the spec keeps it for the suite)."""
    return isinstance(branches, list) and all(
        isinstance(b, dict) and set(b) == {"required"} for b in branches
    )


def _camel(text: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in text.replace("-", "_").split("_"))


class _Opener:
    """Rewrites answer schemas and collects the open enumerations it names."""

    def __init__(self, schemas: dict[str, Any]) -> None:
        self.schemas = schemas
        self.enums: dict[str, list[str | int]] = {}

    def _name(self, node: Any, owner: str, prop: str, values: list[str | int]) -> str:
        ref = _ref_name(node)
        name = "Open" + (ref if ref is not None else owner + _camel(prop))
        if self.enums.setdefault(name, values) != values:
            raise ValueError(f"two enumerations would be called {name}")
        return name

    def properties(self, node: Any, owner: str) -> Any:
        """``node`` (a schema) with its enumerated properties opened, recursively."""
        if isinstance(node, list):
            return [self.properties(v, owner) for v in node]
        if not isinstance(node, dict):
            return node
        out = {
            k: self.properties(v, owner)
            for k, v in node.items()
            if k != "properties" and not (k == "anyOf" and _only_required(v))
        }
        if isinstance(node.get("properties"), dict):
            out["properties"] = {
                key: self.value(value, owner, key) for key, value in node["properties"].items()
            }
        if out.get("type") == "object" or "properties" in out:
            out.setdefault("additionalProperties", True)
        return out

    def value(self, node: Any, owner: str, prop: str) -> Any:
        values = _enum_values(node, self.schemas)
        if values is not None:
            name = self._name(node, owner, prop, values)
            kept = {k: v for k, v in node.items() if k in ("description", "examples", "default")}
            kinds = {"integer" if isinstance(v, int) else "string" for v in values}
            custom = f"{_PACKAGE}.{OPEN_ENUMS_MODULE}.{name}"
            return {
                "type": kinds.pop() if len(kinds) == 1 else "string",
                **kept,
                "customTypePath": custom,
            }
        if isinstance(node, dict) and node.get("type") == "array" and "items" in node:
            return {**node, "items": self.value(node["items"], owner, prop)}
        return self.properties(node, owner)


def tolerant_answers(document: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """A copy of ``document`` whose answer schemas accept unknown enum values and members, and
    the source of the ``open_enums`` module that its ``customTypePath`` entries name."""
    schemas: dict[str, Any] = document["components"]["schemas"]
    answers = answer_schemas(document)
    opener = _Opener(schemas)
    opened = {
        name: (opener.properties(schema, name) if name in answers else schema)
        for name, schema in schemas.items()
    }
    components = {**document["components"], "schemas": opened}
    return {**document, "components": components}, render_open_enums(opener.enums)


def render_open_enums(enums: dict[str, list[str | int]]) -> str:
    """Python source of ``open_enums.py``: one ``Annotated`` type per enumeration of answers."""
    lines = [
        '"""The enumerations of data API answers, open to values the spec does not list.',
        "",
        "Each is the ``Literal`` of the listed values or an ``UnknownEnumValue`` (text) /",
        "``UnknownEnumNumber`` (integer) holding what the server sent",
        "(generator/tolerant_answers.py).",
        "",
        'Generated by ``python -m generator`` from spec/openapi.yaml; do not edit."""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Annotated, Literal",
        "",
        "from ._runtime.value_types import OpenEnum, UnknownEnumNumber, UnknownEnumValue",
        "",
        "__all__ = [" + ", ".join(repr(n) for n in sorted(enums)) + "]",
        "",
    ]
    for name in sorted(enums):
        values = enums[name]
        listed = ", ".join(repr(v) for v in values)
        unknown = [
            *(["UnknownEnumValue"] if any(isinstance(v, str) for v in values) else []),
            *(["UnknownEnumNumber"] if any(isinstance(v, int) for v in values) else []),
        ]
        lines += [
            "",
            f"{name} = Annotated[",
            f"    Literal[{listed}] | {' | '.join(unknown)},",
            f"    OpenEnum({listed}),",
            "]",
        ]
    return "\n".join(lines) + "\n"
