"""Render ``endpoints.py``: each data API operation's scope and parameters, for messages.

The CLI's ``call`` sends any method and path; when the server refuses one (403308: a scope the
token lacks, 310010: bad parameters, 404: no such path) this table lets the message name the
scope, the parameter or the fact that the spec has no such endpoint. A small module of literals,
so the CLI reads it without importing the typed operations.
"""

from __future__ import annotations

from typing import Any

from generator.render_operations import data_operations
from generator.spec_extensions import HEADER

_BODY_TYPES = ("application/json",)


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _enum(spec: dict[str, Any], schema: dict[str, Any]) -> tuple[str, ...]:
    values = _resolve(spec, schema).get("enum")
    return tuple(str(v) for v in values) if isinstance(values, list) else ()


def _parameters(
    spec: dict[str, Any], op: dict[str, Any]
) -> list[tuple[str, str, bool, tuple[str, ...]]]:
    """(name, where, required, allowed values) of the query and JSON body parameters."""
    found = []
    for raw in op.get("parameters", []):
        param = _resolve(spec, raw)
        if param.get("in") != "query":
            continue
        enum = _enum(spec, param.get("schema", {}))
        found.append((param["name"], "query", bool(param.get("required")), enum))
    body = _resolve(spec, op.get("requestBody", {}))
    for media, content in body.get("content", {}).items():
        if media not in _BODY_TYPES:
            continue
        schema = _resolve(spec, content.get("schema", {}))
        required = set(schema.get("required", []))
        for name, prop in schema.get("properties", {}).items():
            found.append((name, "body", name in required, _enum(spec, prop)))
    return found


def render_endpoints(spec: dict[str, Any]) -> str:
    """Python source of ``endpoints.py``."""
    rows = []
    for operation in sorted(data_operations(spec), key=lambda o: (o.path, o.method)):
        op = spec["paths"][operation.path][operation.method.lower()]
        params = "".join(
            f"            Parameter({name!r}, {where!r}, {required!r}, {enum!r}),\n"
            for name, where, required, enum in _parameters(spec, op)
        )
        rows.append(
            f"    Endpoint(\n        {operation.method!r},\n        {operation.path!r},\n"
            f"        {operation.scope!r},\n        (\n{params}        ),\n    ),\n"
        )
    return (
        HEADER.format(doc="The data API operations: scope and parameters (spec: paths).")
        + '''
from __future__ import annotations

import re
from typing import NamedTuple


class Parameter(NamedTuple):
    """A query or JSON body parameter; ``allowed`` lists an enum's values (empty: any)."""

    name: str
    where: str
    required: bool
    allowed: tuple[str, ...]


class Endpoint(NamedTuple):
    """One operation: ``scope`` is the OAuth scope key it needs (None: the general scope)."""

    method: str
    path: str
    scope: str | None
    parameters: tuple[Parameter, ...]


ENDPOINTS: tuple[Endpoint, ...] = (
'''
        + "".join(rows)
        + ''')
"""Every data API operation of the spec, by path."""


def _pattern(path: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"\\\\\\{[^}]+\\\\\\}", "[^/]+", re.escape(path)) + "$")


def find(method: str, path: str) -> Endpoint | None:
    """The operation ``method path`` names (``{id}`` segments match any value), or None."""
    for endpoint in ENDPOINTS:
        if endpoint.method == method.upper() and _pattern(endpoint.path).match(path):
            return endpoint
    return None


def methods_of(path: str) -> list[str]:
    """The methods the spec has for ``path``; empty when the path is not in the spec."""
    return [e.method for e in ENDPOINTS if _pattern(e.path).match(path)]
'''
    )
