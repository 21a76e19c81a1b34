"""Render ``operations.py``: one typed method per data API operation, sync and async.

Each method reuses the endpoint module openapi-python-client generated (its ``_get_kwargs``, so
parameters are encoded exactly as the generated client does) and returns the envelope's ``data``
parsed into the pydantic model datamodel-code-generator wrote (exact ``Decimal`` numbers, aware
datetimes, ``None`` for "not applicable"), raising the runtime's typed errors otherwise.

Signatures are copied from the generated modules with ``ast``, so they always agree with them.
A JSON request body is flattened into keyword arguments (``submit_order(symbol=..., ...)``
rather than ``body=SubmitOrderRequest(...)``); decimal inputs take ``Decimal`` or ``str``; a body
field marked ``x-longbridge-idempotency-key`` gets a fresh random value when the caller gives
none; an operation marked ``x-longbridge-pagination`` also gets an ``iter_*`` method that walks
every page lazily.
"""

from __future__ import annotations

import ast
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openapi_python_client.strings import snake_case

from spec_reader.api_operations import ApiOperation, api_operations

ENVELOPE_REF = "#/components/schemas/Envelope"
# Shared value types whose inputs are decimal text (spec: "Data API: value types").
DECIMAL_SCHEMAS = ("Decimal", "OptionalDecimal")
IDEMPOTENCY_FLAG = "x-longbridge-idempotency-key"
PAGINATION = "x-longbridge-pagination"


@dataclass(frozen=True)
class Pagination:
    """``x-longbridge-pagination``: the page and size parameters and the data fields."""

    page: str
    size: str | None
    items: str
    has_more: str | None
    item_schema: str


@dataclass(frozen=True)
class RenderedOperation:
    """A ``/v1`` operation of the spec, with what its typed method needs: where its generated
    code lives, its data schema, its decimal inputs, idempotency keys and pagination."""

    api: ApiOperation
    data_schema: str
    decimal_inputs: frozenset[str] = field(default_factory=frozenset)  # JSON names
    idempotency_keys: frozenset[str] = field(default_factory=frozenset)  # JSON body field names
    pagination: Pagination | None = None

    @property
    def operation_id(self) -> str:
        return self.api.operation_id

    @property
    def method(self) -> str:
        return self.api.method

    @property
    def path(self) -> str:
        return self.api.path

    @property
    def tag(self) -> str:
        tag: str = self.api.raw["tags"][0]
        return tag

    @property
    def summary(self) -> str:
        summary: str = self.api.raw.get("summary", "")
        return summary

    @property
    def scope(self) -> str | None:
        return self.api.scope

    @property
    def legacy_only(self) -> bool:
        """No OAuth security requirement: API-key mode only."""
        return self.api.legacy_only

    @property
    def is_write(self) -> bool:
        return self.api.is_write

    @property
    def name(self) -> str:
        return snake_case(self.operation_id)

    @property
    def iter_name(self) -> str:
        """The page iterator's name: ``list_history_orders`` -> ``iter_history_orders``."""
        return "iter_" + self.name.removeprefix("list_")

    @property
    def module(self) -> str:
        return f"api.{snake_case(self.tag)}.{self.name}"


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _is_decimal(schema: dict[str, Any]) -> bool:
    return _ref_name(schema.get("$ref", "")) in DECIMAL_SCHEMAS


def _inputs(spec: dict[str, Any], op: Mapping[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
    """JSON names of decimal inputs (parameters and body fields) and of idempotency keys."""
    decimals: set[str] = set()
    keys: set[str] = set()
    for raw in op.get("parameters", []):
        param = _resolve(spec, raw)
        if _is_decimal(param.get("schema", {})):
            decimals.add(param["name"])
    body = _resolve(spec, op.get("requestBody", {}))
    schema = body.get("content", {}).get("application/json", {}).get("schema")
    if schema is not None:
        for name, prop in _resolve(spec, schema).get("properties", {}).items():
            if _is_decimal(prop):
                decimals.add(name)
            if prop.get(IDEMPOTENCY_FLAG):
                keys.add(name)
    return frozenset(decimals), frozenset(keys)


def _pagination(spec: dict[str, Any], op: Mapping[str, Any], data_schema: str) -> Pagination | None:
    paging = op.get(PAGINATION)
    if paging is None:
        return None
    data = spec["components"]["schemas"][data_schema]
    items = data["properties"][paging["items"]]["items"]
    return Pagination(
        page=paging["page"],
        size=paging.get("size"),
        items=paging["items"],
        has_more=paging.get("has_more"),
        item_schema=_ref_name(items["$ref"]),
    )


def data_operations(spec: dict[str, Any]) -> list[RenderedOperation]:
    """Every ``/v1`` operation whose 200 answer is an ``allOf: [Envelope, {data}]`` schema."""
    found = []
    for api in api_operations(spec):
        op = api.raw
        ok = _resolve(spec, op["responses"].get("200", {}))
        schema = ok.get("content", {}).get("application/json", {}).get("schema", {})
        if "$ref" not in schema:
            continue
        envelope = spec["components"]["schemas"][_ref_name(schema["$ref"])]
        parts = envelope.get("allOf", [])
        if not any(p.get("$ref") == ENVELOPE_REF for p in parts):
            continue
        data = next(p["properties"]["data"] for p in parts if "properties" in p)
        decimals, keys = _inputs(spec, op)
        data_schema = _ref_name(data["$ref"])
        found.append(
            RenderedOperation(
                api=api,
                data_schema=data_schema,
                decimal_inputs=decimals,
                idempotency_keys=keys,
                pagination=_pagination(spec, op, data_schema),
            )
        )
    return sorted(found, key=lambda o: o.name)


@dataclass(frozen=True)
class _Param:
    name: str  # the Python name
    annotation: str
    default: str | None  # source of the default, None: required
    source: str  # how the call passes it on, e.g. "price" or "_text(price)"


@dataclass
class _Signature:
    params: list[_Param]
    kwargs_call: str  # the arguments of `_get_kwargs(...)`
    imports: set[str]  # for the annotations
    local_imports: list[str] = field(default_factory=list)  # run by the method on each call


def _segment(source: str, node: ast.AST | None) -> str | None:
    return None if node is None else ast.get_source_segment(source, node)


def _relative_imports(tree: ast.Module, depth: int) -> set[str]:
    """The module's imports of models and types, re-anchored at the package root."""
    found: set[str] = set()
    nodes: list[ast.stmt] = list(tree.body)
    nodes += [n for s in tree.body if isinstance(s, ast.If) for n in s.body]  # TYPE_CHECKING
    for node in nodes:
        if isinstance(node, ast.Import):
            found.add(ast.unparse(node))
        elif isinstance(node, ast.ImportFrom) and node.level == depth and node.module:
            if node.module.startswith("models.") or node.module == "types":
                found.add(ast.unparse(ast.ImportFrom(node.module, node.names, level=1)))
        elif isinstance(node, ast.ImportFrom) and node.level == 1 and depth == 2 and node.module:
            found.add(ast.unparse(ast.ImportFrom(f"models.{node.module}", node.names, level=1)))
    return found


def _widen_decimal(annotation: str) -> str:
    # `str` / `str | Unset` / `None | str | Unset` -> the same with `Decimal` allowed as well
    return annotation.replace("str", "Decimal | str", 1)


def _body_fields(package_dir: Path, model: str, decimals: frozenset[str]) -> _Signature:
    """Keyword parameters for the fields of the attrs body model ``model``."""
    path = package_dir / "models" / f"{snake_case(model)}.py"
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == model)
    params: list[_Param] = []
    for stmt in cls.body:
        if not isinstance(stmt, ast.AnnAssign) or not isinstance(stmt.target, ast.Name):
            continue
        name = stmt.target.id
        if name == "additional_properties":
            continue
        annotation = _segment(source, stmt.annotation) or "Any"
        default = _segment(source, stmt.value)
        value = name
        if name in decimals:
            annotation = _widen_decimal(annotation)
            value = f"_text({name})"
        params.append(_Param(name, annotation, default, value))
    local = [f"from .models.{snake_case(model)} import {model} as _{model}"]
    return _Signature(params, "", _relative_imports(tree, depth=2), local)


def _signature(module_file: Path, package_dir: Path, op: RenderedOperation) -> _Signature:
    source = module_file.read_text(encoding="utf-8")
    tree = ast.parse(source)
    func = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "_get_kwargs")
    args = func.args
    if args.posonlyargs or args.defaults:
        raise ValueError(f"{module_file}: unexpected positional parameters in _get_kwargs")
    params: list[_Param] = []
    call: list[str] = []
    imports = _relative_imports(tree, depth=3)
    local = [f"from .{op.module.rsplit('.', 1)[0]} import {op.name} as _{op.name}"]
    # Path parameters come first and positional (openapi-python-client), the rest keyword-only;
    # the typed method takes all of them by keyword and passes them on by name.
    positional = [(arg, None) for arg in args.args]
    arguments = [*positional, *zip(args.kwonlyargs, args.kw_defaults, strict=True)]
    for arg, default_node in arguments:
        annotation = _segment(source, arg.annotation) or "Any"
        default = _segment(source, default_node)
        if arg.arg == "body":
            body = _body_fields(package_dir, annotation, op.decimal_inputs)
            imports |= body.imports
            local += body.local_imports
            fields = []
            for p in body.params:
                if p.name in op.idempotency_keys:
                    p = _Param(p.name, p.annotation, p.default, f"_request_id({p.name})")
                params.append(p)
                fields.append(f"{p.name}={p.source}")
            call.append(f"body=_{annotation}({', '.join(fields)})")
            continue
        source_value = arg.arg
        if snake_case(arg.arg) in {snake_case(d) for d in op.decimal_inputs}:
            annotation = _widen_decimal(annotation)
            source_value = f"_text({arg.arg})"
        params.append(_Param(arg.arg, annotation, default, source_value))
        call.append(f"{arg.arg}={source_value}")
    names = [p.name for p in params]
    if len(names) != len(set(names)):
        raise ValueError(f"{op.operation_id}: a parameter and a body field share a name")
    return _Signature(params, ", ".join(call), imports, local)


def _param_list(params: list[_Param], skip: str | None = None) -> str:
    ordered = [p for p in params if p.default is None] + [p for p in params if p.default]
    parts = ["self"]
    if ordered:
        parts.append("*")
    for p in ordered:
        if p.name == skip:
            continue
        parts.append(f"{p.name}: {p.annotation}" + (f" = {p.default}" if p.default else ""))
    return ", ".join(parts)


def _first_paragraph(text: str) -> str:
    """A description's first paragraph on one line, safe inside a docstring."""
    paragraph = text.strip().split("\n\n", 1)[0]
    return " ".join(paragraph.split()).replace("\\", "\\\\").replace('"""', "'''")


def _schema_note(spec: dict[str, Any], schema: dict[str, Any]) -> tuple[str, list[str]]:
    """The description of a (possibly referenced) schema and its enum values."""
    description = schema.get("description", "")
    if "$ref" in schema:
        target = _resolve(spec, schema)
        description = description or target.get("description", "")
        schema = target
    for part in schema.get("allOf", []):
        described, values = _schema_note(spec, part)
        description = description or described
        if values:
            return description, values
    enum = schema.get("enum")
    return description, [str(v) for v in enum] if isinstance(enum, list) else []


def parameter_docs(spec: dict[str, Any], op: RenderedOperation) -> dict[str, str]:
    """Each parameter and body field of ``op`` by its Python name: the spec's description
    (first paragraph) and the values its enum allows, for the typed method's ``Args:``."""
    raw = spec["paths"][op.path][op.method.lower()]
    notes: dict[str, tuple[str, list[str]]] = {}
    for ref in raw.get("parameters", []):
        param = _resolve(spec, ref)
        described, values = _schema_note(spec, param.get("schema", {}))
        notes[param["name"]] = (param.get("description", "") or described, values)
    body = _resolve(spec, raw.get("requestBody", {}))
    content = body.get("content", {}).get("application/json", {})
    schema = _resolve(spec, content.get("schema", {}))
    for name, prop in schema.get("properties", {}).items():
        notes[name] = _schema_note(spec, prop)
    docs = {}
    for name, (description, values) in notes.items():
        text = _first_paragraph(description) if description else ""
        if values:
            allowed = f"One of: {', '.join(values)}."
            text = f"{text} {allowed}" if text else allowed
        if text:
            docs[snake_case(name)] = text
    return docs


def _args_section(params: list[_Param], docs: dict[str, str], skip: str | None = None) -> str:
    """``Args:`` (Google style) for the parameters with something to say, in signature order."""
    ordered = [p for p in params if p.default is None] + [p for p in params if p.default]
    lines = []
    for p in ordered:
        if p.name == skip or p.name not in docs:
            continue
        lines += textwrap.wrap(
            f"{p.name}: {docs[p.name]}",
            width=92,
            initial_indent=" " * 12,
            subsequent_indent=" " * 16,
            break_on_hyphens=False,
            break_long_words=False,  # a URL split in two can be followed by nobody
        )
    return "\n        Args:\n" + "\n".join(lines) + "\n" if lines else ""


def _methods(
    op: RenderedOperation, sig: _Signature, alias: str, docs: dict[str, str] | None = None
) -> tuple[str, str]:
    scope = f"scope ``{op.scope}``" if op.scope else "no scope"
    args = _args_section(sig.params, docs or {})
    doc = f'"""{op.summary}.\n\n        ``{op.method} {op.path}``; {scope}.\n{args}        """'
    call = f"**{alias}._get_kwargs({sig.kwargs_call})"
    params = _param_list(sig.params)
    parse = f"{op.data_schema}.model_validate"
    # Imported on first use: the pydantic models cost more to import than the whole client, and
    # the ~40 opc endpoint modules with their attrs models as much again as httpx (a local import
    # of a loaded module costs ~1 us, nothing beside a request).
    lazy = "\n        ".join([*sig.local_imports, f"from .schemas import {op.data_schema}"])
    sync = (
        f"    def {op.name}({params}) -> {op.data_schema}:\n"
        f"        {doc}\n"
        f"        {lazy}\n\n"
        f"        return unwrap(self._http.request({call}), {parse})\n"
    )
    async_ = (
        f"    async def {op.name}({params}) -> {op.data_schema}:\n"
        f"        {doc}\n"
        f"        {lazy}\n\n"
        f"        response = await self._http.request({call})\n"
        f"        return unwrap(response, {parse})\n"
    )
    paging = op.pagination
    if paging is None:
        return sync, async_
    page = next(p for p in sig.params if p.name == snake_case(paging.page))
    start = page.default if page.default and page.default != "UNSET" else "1"
    size_param = snake_case(paging.size) if paging.size else None
    size = f"{size_param} if isinstance({size_param}, int) else None" if size_param else "None"
    forward = ", ".join(f"{p.name}={p.name}" for p in sig.params if p.name != page.name)
    forward = f", {forward}" if forward else ""
    has_more = repr(paging.has_more)
    paging_value = f"_Paging({paging.items!r}, {has_more})"
    iter_params = _param_list(sig.params, skip=page.name)
    iter_doc = (
        f'"""Every item of ``{op.name}``, page after page, fetched lazily.\n\n'
        f"        Starts at page {start} and stops after "
        + (f"a page with ``{paging.has_more}`` false" if paging.has_more else "a short page")
        + ".\n"
        + _args_section(sig.params, docs or {}, skip=page.name)
        + '        """'
    )
    sync += (
        f"\n    def {op.iter_name}({iter_params}) -> Iterator[{paging.item_schema}]:\n"
        f"        {iter_doc}\n"
        f"        return _iterate_pages(\n"
        f"            lambda page: self.{op.name}({page.name}=page{forward}),\n"
        f"            {paging_value}, {start}, {size},\n"
        f"        )\n"
    )
    async_ += (
        f"\n    def {op.iter_name}({iter_params}) -> AsyncIterator[{paging.item_schema}]:\n"
        f"        {iter_doc}\n"
        f"        return _aiterate_pages(\n"
        f"            lambda page: self.{op.name}({page.name}=page{forward}),\n"
        f"            {paging_value}, {start}, {size},\n"
        f"        )\n"
    )
    return sync, async_


HELPERS = '''

def _text(value: Any) -> Any:
    """Decimal inputs go out as decimal text; UNSET stays UNSET. A float is refused: it has
    been through binary already (300.1 is 300.099999...), so the amount sent would be a guess."""
    if isinstance(value, float):
        raise TypeError(
            f"an amount must be Decimal or decimal text, not the float {value!r}: "
            f"pass Decimal({str(value)!r}) or {str(value)!r}"
        )
    return value if isinstance(value, Unset) else str(value)


def _request_id(value: str | Unset) -> str:
    """The caller's idempotency key, or a fresh one: a retried request then places one order."""
    return uuid.uuid4().hex if isinstance(value, Unset) else value

'''


def render_operations(spec: dict[str, Any], package_dir: Path) -> str:
    """Python source of ``operations.py`` for the generated package in ``package_dir``."""
    ops = data_operations(spec)
    imports: set[str] = {
        "import uuid",
        "from collections.abc import AsyncIterator, Iterator",
        "from decimal import Decimal",
        "from typing import Any",
        "import httpx",
        "from .types import UNSET, Unset",
        "from ._runtime.envelope import unwrap",
        "from ._runtime.pagination import Paging as _Paging",
        "from ._runtime.pagination import aiterate_pages as _aiterate_pages",
        "from ._runtime.pagination import iterate_pages as _iterate_pages",
    }
    schemas: set[str] = set()
    type_imports: set[str] = set()
    typing_only: set[str] = set()
    sync_methods: list[str] = []
    async_methods: list[str] = []
    for op in ops:
        sig = _signature(package_dir / (op.module.replace(".", "/") + ".py"), package_dir, op)
        alias = f"_{op.name}"
        type_imports |= sig.imports
        schemas.add(op.data_schema)
        if op.pagination is not None:
            schemas.add(op.pagination.item_schema)
        sync, async_ = _methods(op, sig, alias, parameter_docs(spec, op))
        sync_methods.append(sync)
        async_methods.append(async_)
    # The typed answers are the pydantic models (schemas.py), imported by each method on first
    # use so that importing the package stays light; the attrs models of the same names serve
    # only as request bodies and are imported under a leading underscore.
    imports.add("from typing import TYPE_CHECKING")
    # The models named in annotations only: `from __future__ import annotations` keeps them text.
    for line in sorted(type_imports):
        (imports if not line.startswith("from .models.") else typing_only).add(line)
    typing_only.add(f"from .schemas import {', '.join(sorted(schemas))}")
    type_only = "if TYPE_CHECKING:\n" + "".join(f"    {line}\n" for line in sorted(typing_only))
    return (
        '"""Typed data API methods, one per operation of the spec, sync and async.\n\n'
        'Generated by ``python -m generator`` from spec/openapi.yaml; do not edit."""\n\n'
        "from __future__ import annotations\n\n"
        + "\n".join(sorted(imports))
        + "\n\n"
        + type_only
        + "\n\n__all__ = ['AsyncOperations', 'Operations']\n"
        + HELPERS
        + "\nclass Operations:\n"
        '    """Each method returns the operation\'s typed ``data`` or raises a typed error."""\n\n'
        "    _http: httpx.Client\n\n" + "\n".join(sync_methods) + "\n\nclass AsyncOperations:\n"
        '    """The async twin of :class:`Operations`."""\n\n'
        "    _http: httpx.AsyncClient\n\n" + "\n".join(async_methods)
    )
