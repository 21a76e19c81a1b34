"""The data API as spec/openapi.yaml describes it: routes, scopes and input validation.

The mock serves every ``/v1`` operation of the spec and validates what a client sends against the
operation's own parameter and body schemas, so the spec, not hand-written checks, decides what is
a bad request (a violation is HTTP 400 with the envelope, docs/longbridge-api.md §4.1). Handlers
then
only check what a schema cannot say (an unknown order id, GTD without ``expire_date``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from spec_reader import deref, load_spec, validator_for
from spec_reader.api_operations import ApiOperation, api_operations

from .envelope import INVALID_PARAMETER
from .http import ApiProblem

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

__all__ = ["CheckedOperation", "data_operations"]

_INTEGER = re.compile(r"^-?[0-9]+$")
_ARRAY_SUFFIX = re.compile(r"\[[0-9]*\]$")
_MESSAGE_LIMIT = 200  # error messages quote the offending value; keep them short
_VALID_LIMIT = 4096  # remembered valid parameter sets per operation


def _types(spec: Mapping[str, Any], schema: Any) -> set[str]:
    """The JSON types a (dereferenced) schema allows, looking through allOf/anyOf/oneOf."""
    schema = deref(schema, spec)
    if not isinstance(schema, Mapping):
        return set()
    kind = schema.get("type")
    found = {kind} if isinstance(kind, str) else set(kind or ())
    for key in ("allOf", "anyOf", "oneOf"):
        for part in schema.get(key, ()):
            found |= _types(spec, part)
    if "enum" in schema and not found:
        found.add("string")
    return found


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # "query" or "path"
    required: bool
    types: frozenset[str]  # JSON types of the value
    item_types: frozenset[str]  # JSON types of an array's items


@dataclass(frozen=True)
class CheckedOperation:
    """One ``/v1`` operation of the spec and how the mock checks a request to it."""

    api: ApiOperation
    parameters: tuple[Parameter, ...]
    params_schema: Mapping[str, Any]  # the query and path parameters as one object
    body_schema: Mapping[str, Any] | None
    body_required: bool
    # Query strings and path parameters whose parameters passed the schema. The check is a pure
    # function of them, and the schema walk was a fifth of a request's time; failures are not
    # kept, so a bad request is always checked (and answered) afresh. Bounded by _VALID_LIMIT.
    _valid: dict[tuple[str, tuple[tuple[str, str], ...]], None] = field(
        default_factory=dict, compare=False, repr=False
    )

    @property
    def operation_id(self) -> str:
        return self.api.operation_id

    @property
    def method(self) -> str:
        return self.api.method

    @property
    def path(self) -> str:
        """The template, such as /v1/content/{symbol}/news."""
        return self.api.path

    @property
    def scope(self) -> str | None:
        return self.api.scope

    @property
    def legacy_only(self) -> bool:
        return self.api.legacy_only

    @property
    def is_write(self) -> bool:
        return self.api.is_write

    # Built on first use: jsonschema and the validators take ~5 MB that a mock serving only the
    # OAuth endpoints (or a test using one operation) need not hold.
    @cached_property
    def params_validator(self) -> Draft202012Validator:
        return validator_for(self.params_schema)

    @cached_property
    def body_validator(self) -> Draft202012Validator | None:
        return None if self.body_schema is None else validator_for(self.body_schema)

    def validate(
        self, query_string: str, path_params: Mapping[str, str], content_type: str, body: bytes
    ) -> tuple[dict[str, Any], Any]:
        """The coerced parameters and the parsed body; :class:`ApiProblem` (400) if invalid."""
        params = self._params(query_string, path_params)
        key = (query_string, tuple(path_params.items()))
        if key not in self._valid:
            _raise_first(self.params_validator, params, "parameter")
            if len(self._valid) >= _VALID_LIMIT:
                self._valid.clear()
            self._valid[key] = None
        if self.body_schema is None:
            return params, None
        if not body.strip():
            if self.body_required:
                raise ApiProblem(INVALID_PARAMETER, "a JSON request body is required", 400)
            return params, None
        if content_type != "application/json":
            raise ApiProblem(INVALID_PARAMETER, "the request body must be application/json", 400)
        try:
            document = json.loads(body)
        except (ValueError, RecursionError):
            raise ApiProblem(INVALID_PARAMETER, "the request body is not valid JSON", 400) from None
        assert self.body_validator is not None  # there is a body schema
        _raise_first(self.body_validator, document, "body")
        return params, document

    def _params(self, query_string: str, path_params: Mapping[str, str]) -> dict[str, Any]:
        try:
            pairs = parse_qsl(query_string, keep_blank_values=True, errors="strict")
        except ValueError:
            raise ApiProblem(INVALID_PARAMETER, "the query is not valid UTF-8", 400) from None
        values: dict[str, list[str]] = {}
        for name, value in pairs:
            # `status[]=A` and `status[0]=A` are read as `status=A`: how the official SDK encodes
            # arrays is not documented (spec/DISCREPANCIES.md).
            values.setdefault(_ARRAY_SUFFIX.sub("", name), []).append(value)
        params: dict[str, Any] = {}
        for param in self.parameters:
            if param.location == "path":
                if param.name in path_params:
                    params[param.name] = _coerce(path_params[param.name], param.types)
                continue
            # An empty value is a value: `currency=` is validated (and refused) like any other.
            sent = values.get(param.name, [])
            if not sent:
                continue
            if "array" in param.types:
                params[param.name] = [_coerce(v, param.item_types) for v in sent]
            elif len(sent) > 1:
                raise ApiProblem(INVALID_PARAMETER, f"parameter {param.name} is repeated", 400)
            else:
                params[param.name] = _coerce(sent[0], param.types)
        return params


def _coerce(text: str, types: frozenset[str]) -> Any:
    """Query text as the JSON value the schema expects; left as text when it is not one."""
    if "string" in types:
        return text
    if "integer" in types and _INTEGER.match(text):
        try:
            return int(text)
        except ValueError:  # more digits than int() reads (sys.get_int_max_str_digits, 4300)
            raise ApiProblem(
                INVALID_PARAMETER, "an integer parameter has too many digits", 400
            ) from None
    if "boolean" in types and text in ("true", "false"):
        return text == "true"
    if "number" in types:
        try:
            return float(text)
        except ValueError:
            return text
    return text


def _raise_first(validator: Draft202012Validator, value: Any, what: str) -> None:
    from jsonschema.exceptions import best_match  # loaded with the validator already

    error = best_match(validator.iter_errors(value))
    if error is None:
        return
    where = ".".join(str(p) for p in error.absolute_path)
    if what == "parameter" and not where and error.validator == "required":
        # "'order_id' is a required property" reads better as a parameter name
        missing = str(error.message).split("'")[1] if "'" in error.message else error.message
        message = f"parameter {missing} is required"
    else:
        label = f"{what} {where}" if where else what
        message = f"{label}: {error.message}"
    if len(message) > _MESSAGE_LIMIT:
        message = message[: _MESSAGE_LIMIT - 3] + "..."
    raise ApiProblem(INVALID_PARAMETER, message, 400)


@cache
def data_operations() -> tuple[CheckedOperation, ...]:
    """Every ``/v1`` operation of the spec, literal paths before templated ones."""
    spec = load_spec()
    found: list[CheckedOperation] = []
    for api in api_operations():
        parameters: list[Parameter] = []
        properties: dict[str, Any] = {}
        required: list[str] = []
        for p in api.parameters:
            if p["in"] not in ("query", "path"):
                continue  # headers belong to authentication
            schema = p.get("schema", {})
            items = deref(schema, spec).get("items", {})
            parameters.append(
                Parameter(
                    name=p["name"],
                    location=p["in"],
                    required=bool(p.get("required")),
                    types=frozenset(_types(spec, schema)),
                    item_types=frozenset(_types(spec, items)),
                )
            )
            properties[p["name"]] = schema
            if p.get("required"):
                required.append(p["name"])
        params_schema = {"type": "object", "properties": properties, "required": required}
        body_schema = api.body_schema
        found.append(
            CheckedOperation(
                api=api,
                parameters=tuple(parameters),
                params_schema=params_schema,
                body_schema=body_schema,
                body_required=bool(api.body.get("required")),
            )
        )
    return tuple(sorted(found, key=lambda o: ("{" in o.path, o.path, o.method)))
