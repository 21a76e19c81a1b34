"""The data API's operations (``/v1``) as the spec describes them: one type for every reader.

The generator renders a typed method from each, the mock checks requests against each, the suite
builds requests from their examples; what only one of them needs stays in its own type, built
around :class:`ApiOperation` (``generator.render_operations.RenderedOperation``,
``conformance.mock_server.openapi.CheckedOperation``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from . import deref, load_spec

__all__ = ["METHODS", "ApiOperation", "api_operations", "operation"]

METHODS = ("get", "post", "put", "delete", "patch")


@dataclass(frozen=True)
class ApiOperation:
    """One ``/v1`` operation of the spec: its operation object and the path item around it."""

    operation_id: str
    method: str  # upper case
    path: str  # the template
    raw: Mapping[str, Any]  # the operation object
    path_item: Mapping[str, Any]
    # The document its references resolve in: spec/openapi.yaml, or the one the generator was given.
    spec: Mapping[str, Any] = field(default_factory=load_spec, compare=False, repr=False)

    @property
    def parameters(self) -> list[dict[str, Any]]:
        params = [*self.path_item.get("parameters", []), *self.raw.get("parameters", [])]
        return [dict(deref(p, self.spec)) for p in params]

    @property
    def body(self) -> Mapping[str, Any]:
        """The requestBody object, ``{}`` when the operation takes none."""
        body: Mapping[str, Any] = deref(self.raw.get("requestBody", {}), self.spec)
        return body

    @property
    def body_schema(self) -> Mapping[str, Any] | None:
        schema: Mapping[str, Any] | None = (
            self.body.get("content", {}).get("application/json", {}).get("schema")
        )
        return schema

    # Cached: the mock asks on every request.
    @cached_property
    def scope(self) -> str | None:
        """The OAuth scope key the token needs; None for the general operations."""
        scopes = [s for r in self.raw.get("security", []) for s in r.get("oauth2", [])]
        return scopes[0] if scopes else None

    @cached_property
    def legacy_only(self) -> bool:
        """No OAuth security requirement: legacy API-key mode only."""
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
        ok = deref(self.raw["responses"]["200"], self.spec)
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


def api_operations(spec: Mapping[str, Any] | None = None) -> tuple[ApiOperation, ...]:
    """Every ``/v1`` operation of ``spec`` (spec/openapi.yaml if None), in the spec's order."""
    return _spec_operations() if spec is None else _operations_of(spec)


@cache
def _spec_operations() -> tuple[ApiOperation, ...]:
    return _operations_of(load_spec())


def _operations_of(spec: Mapping[str, Any]) -> tuple[ApiOperation, ...]:
    found = []
    for path, item in spec["paths"].items():
        if not path.startswith("/v1/"):
            continue
        for method in METHODS:
            if method in item:
                op = item[method]
                found.append(
                    ApiOperation(op["operationId"], method.upper(), path, op, item, spec=spec)
                )
    return tuple(found)


def operation(operation_id: str) -> ApiOperation:
    """The ``/v1`` operation of spec/openapi.yaml with this id; KeyError if the spec has none."""
    for op in api_operations():
        if op.operation_id == operation_id:
            return op
    raise KeyError(operation_id)
