"""Render ``operations.py``: one typed method per data API operation, sync and async.

Each method reuses the endpoint module openapi-python-client generated (its ``_get_kwargs``, so
parameters are encoded exactly as the generated client does) and returns the envelope's ``data``
parsed into the generated attrs model, raising the runtime's typed errors otherwise. Signatures
are copied from the generated modules with ``ast``, so they always agree with them.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openapi_python_client.strings import snake_case

METHODS = ("get", "put", "post", "delete", "patch")
ENVELOPE_REF = "#/components/schemas/Envelope"


@dataclass(frozen=True)
class DataOperation:
    """A ``/v1`` operation of the spec and where its generated code lives."""

    operation_id: str
    method: str
    path: str
    tag: str
    summary: str
    scope: str | None
    data_schema: str

    @property
    def name(self) -> str:
        return snake_case(self.operation_id)

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


def data_operations(spec: dict[str, Any]) -> list[DataOperation]:
    """Every operation whose 200 answer is an ``allOf: [Envelope, {data}]`` schema."""
    found = []
    for path, item in spec["paths"].items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            ok = _resolve(spec, op["responses"].get("200", {}))
            schema = ok.get("content", {}).get("application/json", {}).get("schema", {})
            if "$ref" not in schema:
                continue
            envelope = spec["components"]["schemas"][_ref_name(schema["$ref"])]
            parts = envelope.get("allOf", [])
            if not any(p.get("$ref") == ENVELOPE_REF for p in parts):
                continue
            data = next(p["properties"]["data"] for p in parts if "properties" in p)
            scopes = [s for req in op.get("security", []) for s in req.get("oauth2", [])]
            found.append(
                DataOperation(
                    operation_id=op["operationId"],
                    method=method.upper(),
                    path=path,
                    tag=op["tags"][0],
                    summary=op.get("summary", ""),
                    scope=scopes[0] if scopes else None,
                    data_schema=_ref_name(data["$ref"]),
                )
            )
    return sorted(found, key=lambda o: o.name)


@dataclass(frozen=True)
class _Signature:
    params: str  # the parameter list as source, e.g. "*, market: SecurityListMarket"
    call: str  # the call arguments, e.g. "market=market"
    imports: tuple[str, ...]


def _signature(module_file: Path) -> _Signature:
    source = module_file.read_text(encoding="utf-8")
    tree = ast.parse(source)
    func = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "_get_kwargs")
    args = func.args
    parts: list[str] = []
    call: list[str] = []

    def render(arg: ast.arg, default: ast.expr | None) -> str:
        text = arg.arg
        if arg.annotation is not None:
            text += f": {ast.get_source_segment(source, arg.annotation)}"
        if default is not None:
            text += f" = {ast.get_source_segment(source, default)}"
        return text

    positional = args.posonlyargs + args.args
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults))
    defaults += list(args.defaults)
    for arg, default in zip(positional, defaults, strict=True):
        parts.append(render(arg, default))
        call.append(arg.arg)
    if args.kwonlyargs:
        parts.append("*")
        for arg, kw_default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
            parts.append(render(arg, kw_default))
            call.append(f"{arg.arg}={arg.arg}")
    imports = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            imports.append(ast.unparse(node))
        elif isinstance(node, ast.ImportFrom) and node.level == 3 and node.module:
            if node.module.startswith("models.") or node.module == "types":
                imports.append(ast.unparse(ast.ImportFrom(node.module, node.names, level=1)))
    return _Signature(", ".join(["self", *parts]), ", ".join(call), tuple(imports))


def render_operations(spec: dict[str, Any], package_dir: Path) -> str:
    """Python source of ``operations.py`` for the generated package in ``package_dir``."""
    ops = data_operations(spec)
    imports: set[str] = {"import httpx", "from ._runtime.envelope import unwrap"}
    sync_methods: list[str] = []
    async_methods: list[str] = []
    for op in ops:
        sig = _signature(package_dir / (op.module.replace(".", "/") + ".py"))
        alias = f"_{op.name}"
        imports.add(f"from .{op.module.rsplit('.', 1)[0]} import {op.name} as {alias}")
        imports.add(f"from .models.{snake_case(op.data_schema)} import {op.data_schema}")
        imports.update(sig.imports)
        scope = f"scope ``{op.scope}``" if op.scope else "no scope"
        doc = f'"""{op.summary}.\n\n        ``{op.method} {op.path}``; {scope}.\n        """'
        call = f"**{alias}._get_kwargs({sig.call})"
        sync_methods.append(
            f"    def {op.name}({sig.params}) -> {op.data_schema}:\n"
            f"        {doc}\n"
            f"        return unwrap(self._http.request({call}), {op.data_schema}.from_dict)\n"
        )
        async_methods.append(
            f"    async def {op.name}({sig.params}) -> {op.data_schema}:\n"
            f"        {doc}\n"
            f"        response = await self._http.request({call})\n"
            f"        return unwrap(response, {op.data_schema}.from_dict)\n"
        )
    return (
        '"""Typed data API methods, one per operation of the spec, sync and async.\n\n'
        'Generated by ``python -m generator`` from spec/openapi.yaml; do not edit."""\n\n'
        "from __future__ import annotations\n\n"
        + "\n".join(sorted(imports))
        + "\n\n\nclass Operations:\n"
        '    """Each method returns the operation\'s typed ``data`` or raises a typed error."""\n\n'
        "    _http: httpx.Client\n\n" + "\n".join(sync_methods) + "\n\nclass AsyncOperations:\n"
        '    """The async twin of :class:`Operations`."""\n\n'
        "    _http: httpx.AsyncClient\n\n" + "\n".join(async_methods)
    )
