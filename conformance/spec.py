"""spec/openapi.yaml as the mock and the suite read it: operations, examples, response schemas.

Both sides take the data API from the one spec: the mock validates requests with it, the suite
builds requests from its examples and validates answers against its response schemas. Reading
the file (``load_spec``, ``read_spec``, ``deref``, ``validator_for``) is spec_reader's; those
names are re-exported here for the modules that import them from this one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from spec_reader import deref, load_spec, read_spec, validator_for

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
