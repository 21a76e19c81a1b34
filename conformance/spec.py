"""spec/openapi.yaml as the mock and the suite read it: operations, examples, response schemas.

Both sides take the data API from the one spec: the mock validates requests with it, the suite
builds requests from its examples and validates answers against its response schemas.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.paths import SPEC

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

__all__ = [
    "ApiOperation",
    "api_operations",
    "deref",
    "load_spec",
    "operation",
    "read_spec",
    "validator_for",
]

METHODS = ("get", "post", "put", "delete", "patch")


@cache
def load_spec() -> dict[str, Any]:
    """spec/openapi.yaml, parsed once per process (see :func:`read_spec`)."""
    return read_spec(SPEC)


def read_spec(path: Path) -> dict[str, Any]:
    """The YAML document at ``path``, through a JSON copy of it when one is there.

    The parsed document is kept as JSON in ``__pycache__`` beside it, named by the YAML's
    SHA-256, so that an unchanged spec is read back in ~2 ms and under 1 MB of memory instead of
    ~30 ms and 5 MB for the YAML parse that every mock start and test process would pay. A
    document that JSON cannot carry unchanged (a YAML date, an integer key) is not cached.
    """
    raw = path.read_bytes()
    cached = path.parent / "__pycache__" / f"{path.stem}.{hashlib.sha256(raw).hexdigest()}.json"
    try:
        spec = json.loads(cached.read_bytes())
    except (OSError, ValueError):
        pass  # absent, unreadable or torn: parse the YAML and write it again
    else:
        if isinstance(spec, dict):
            return spec
    import yaml  # only on a cache miss

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is ten times faster
    parsed = yaml.load(raw, Loader=loader)  # noqa: S506
    if not isinstance(parsed, dict):
        raise ValueError(f"{path}: not a mapping")
    _write_cache(cached, parsed, stem=path.stem)
    return parsed


def _write_cache(path: Path, spec: dict[str, Any], stem: str) -> None:
    try:
        text = json.dumps(spec, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return
    if json.loads(text) != spec:
        return  # e.g. integer keys would come back as strings
    import tempfile  # only on a cache miss

    try:
        path.parent.mkdir(exist_ok=True)
        for stale in path.parent.glob(f"{stem}.*.json"):
            stale.unlink(missing_ok=True)
        # Written aside and renamed: a process reading meanwhile sees the old file or the new.
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False
        ) as out:
            out.write(text)
        os.replace(out.name, path)
    except OSError:
        pass  # a read-only checkout still works, parsing each time


def deref(node: Any, spec: Mapping[str, Any] | None = None) -> Any:
    """``node`` with its ``$ref`` chain followed (local references only)."""
    spec = load_spec() if spec is None else spec
    while isinstance(node, Mapping) and "$ref" in node:
        target: Any = spec
        for part in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def validator_for(schema: Mapping[str, Any]) -> Draft202012Validator:
    """A JSON Schema 2020-12 validator for a schema of the spec (its refs resolve)."""
    from jsonschema import Draft202012Validator  # ~5 MB: only once a request needs validating

    # Refs are "#/components/...": give the schema the spec's components as its root.
    return Draft202012Validator({**schema, "components": load_spec()["components"]})


@dataclass(frozen=True)
class ApiOperation:
    """One ``/v1`` operation of the spec."""

    operation_id: str
    method: str  # upper case
    path: str  # the template
    raw: Mapping[str, Any]  # the operation object
    path_item: Mapping[str, Any]

    @property
    def parameters(self) -> list[dict[str, Any]]:
        params = [*self.path_item.get("parameters", []), *self.raw.get("parameters", [])]
        return [dict(deref(p)) for p in params]

    @property
    def body(self) -> Mapping[str, Any]:
        """The requestBody object, ``{}`` when the operation takes none."""
        body: Mapping[str, Any] = deref(self.raw.get("requestBody", {}))
        return body

    @property
    def body_schema(self) -> Mapping[str, Any] | None:
        schema: Mapping[str, Any] | None = (
            self.body.get("content", {}).get("application/json", {}).get("schema")
        )
        return schema

    @property
    def scope(self) -> str | None:
        scopes = [s for r in self.raw.get("security", []) for s in r.get("oauth2", [])]
        return scopes[0] if scopes else None

    @property
    def legacy_only(self) -> bool:
        return not any("oauth2" in r or "bearerAuth" in r for r in self.raw.get("security", []))

    @property
    def is_write(self) -> bool:
        return self.method != "GET"

    @property
    def pagination(self) -> Mapping[str, Any] | None:
        paging: Mapping[str, Any] | None = self.raw.get("x-longbridge-pagination")
        return paging

    @property
    def success_schema(self) -> Mapping[str, Any]:
        ok = deref(self.raw["responses"]["200"])
        schema: Mapping[str, Any] = ok["content"]["application/json"]["schema"]
        return schema

    def example_params(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """The documented examples of the query and path parameters."""
        query: dict[str, Any] = {}
        path: dict[str, Any] = {}
        for p in self.parameters:
            if "example" not in p:
                continue
            (path if p["in"] == "path" else query if p["in"] == "query" else {})[p["name"]] = p[
                "example"
            ]
        return query, path

    def example_body(self) -> Any:
        content = self.body.get("content", {}).get("application/json", {})
        return content.get("example")


@cache
def api_operations() -> tuple[ApiOperation, ...]:
    """Every ``/v1`` operation, in the spec's order."""
    spec = load_spec()
    found = []
    for path, item in spec["paths"].items():
        if not path.startswith("/v1/"):
            continue
        for method in METHODS:
            if method in item:
                op = item[method]
                found.append(ApiOperation(op["operationId"], method.upper(), path, op, item))
    return tuple(found)


def operation(operation_id: str) -> ApiOperation:
    """The ``/v1`` operation with this id; KeyError if the spec has none."""
    for op in api_operations():
        if op.operation_id == operation_id:
            return op
    raise KeyError(operation_id)
