"""Build the generated tree: openapi-python-client, datamodel-code-generator, spec extensions and
the hand-written runtime, assembled in a temporary folder and only then copied to its target."""

from __future__ import annotations

import ast
import shutil
import tempfile
from pathlib import Path
from typing import Any

from generator.lazy_init import lazy_init, lazy_models_init
from generator.paths import PACKAGE_NAME, RUNTIME_DIR, SPEC
from generator.render_endpoints import render_endpoints
from generator.render_operations import render_operations
from generator.secret_fields import mask_secret_fields
from generator.spec_extensions import render_error_codes, render_scopes
from generator.tolerant_answers import OPEN_ENUMS_MODULE
from generator.tools import (
    ruff_fix_imports,
    ruff_format,
    run_datamodel_codegen,
    run_openapi_python_client,
)
from spec_reader import read_spec

RUNTIME_PACKAGE = "_runtime"
COPY_HEADER = (
    "# Copied verbatim from generator/runtime/{rel} by `python -m generator`.\n"
    "# Edit that file and regenerate; changes made here are lost and fail the drift check.\n"
)
LAZY_RUNTIME_HEADER = (
    "# Written by `python -m generator` from generator/runtime/__init__.py: the same names, each\n"
    "# imported on first use. Edit that file and regenerate; changes made here are lost.\n"
)
PACKAGE_WHY = (
    "Each name is imported on first use (PEP 562), so that ``longbridge-openapi --help`` and\n"
    "``import longbridge_openapi_client`` do not pay for httpx and every flow up front."
)
GENERATED_README = """\
# generated/

Everything below this folder is written by `python -m generator` from `spec/openapi.yaml`,
`generator/opc-config.yaml` and the hand-written runtime in `generator/runtime/`.
Do not edit it: change those sources and run `python -m generator` (or `nox -s generate`).
`python -m generator --check` fails when this folder differs from what they produce.

- `{package}/api/`, `models/`, `client.py`, `errors.py`, `types.py`: openapi-python-client
  (httpx endpoints, attrs models); `models/__init__.py` is rewritten to import each model on
  first use (`generator/lazy_init.py`).
- `{package}/schemas.py`: datamodel-code-generator (pydantic v2 models of every schema); the
  models of data API answers keep unknown members and read unknown enumeration values through
  `{package}/open_enums.py` (`generator/tolerant_answers.py`).
- `{package}/error_codes.py`, `scopes.py`: the spec's `x-longbridge-*` extensions.
- `{package}/endpoints.py`: each data operation's scope and parameters, for the CLI's messages.
- `{package}/{runtime}/`: copies of `generator/runtime/`.
"""


def runtime_exports(runtime_dir: Path = RUNTIME_DIR) -> list[str]:
    """The names ``generator/runtime/__init__.py`` lists in ``__all__``."""
    tree = ast.parse((runtime_dir / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            value = ast.literal_eval(node.value)
            if not all(isinstance(name, str) for name in value):
                break
            return list(value)
    raise ValueError(f"{runtime_dir / '__init__.py'}: no literal __all__ of strings")


def runtime_copy(rel: Path, text: str) -> str:
    """What the package holds for ``generator/runtime/<rel>``: a verbatim copy with a header, but
    the ``__init__.py`` of re-exports rewritten to import each name on first use."""
    if rel.as_posix() == "__init__.py":
        lazy = lazy_init(text, why=PACKAGE_WHY, where="generator/runtime/__init__.py")
        return LAZY_RUNTIME_HEADER + lazy
    return COPY_HEADER.format(rel=rel.as_posix()) + text


def _copy_runtime(target: Path) -> None:
    for source in sorted(RUNTIME_DIR.rglob("*.py")):
        rel = source.relative_to(RUNTIME_DIR)
        if "__pycache__" in rel.parts:
            continue
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(runtime_copy(rel, source.read_text(encoding="utf-8")), encoding="utf-8")


def _package_init(spec: dict[str, Any]) -> str:
    runtime = runtime_exports()
    generated = {
        "client": ["AuthenticatedClient", "Client"],
        "error_codes": ["ERROR_CODES", "ErrorCode"],
        "scopes": ["SCOPES", "Scope"],
    }
    names = sorted([*runtime, *(n for group in generated.values() for n in group)])
    if len(names) != len(set(names)):
        raise ValueError("generator/runtime/__init__.py exports a name the package already has")
    lines = [
        f'"""{spec["info"]["title"]}: generated client and runtime."""\n',
        f"from .{RUNTIME_PACKAGE} import {', '.join(runtime)}",
        *(f"from .{module} import {', '.join(group)}" for module, group in generated.items()),
        "",
        "__all__ = [" + ", ".join(repr(n) for n in names) + "]",
        "",
    ]
    return lazy_init(
        "\n".join(lines),
        why=PACKAGE_WHY,
        where="__init__.py",
        extra=f"from .{RUNTIME_PACKAGE}.version import __version__ as __version__",
    )


UNSET_CLASS = "class Unset:\n    def __bool__(self) -> Literal[False]:\n        return False\n"


def unset_with_repr(types_source: str) -> str:
    """opc's ``types.py`` with ``repr(UNSET) == "UNSET"``: ``help()`` then shows ``= UNSET``
    for an optional parameter instead of ``<...Unset object at 0x7f...>``."""
    if types_source.count(UNSET_CLASS) != 1:
        raise ValueError("types.py: opc's Unset class changed shape; update unset_with_repr")
    return types_source.replace(
        UNSET_CLASS,
        UNSET_CLASS + '\n    def __repr__(self) -> str:\n        return "UNSET"\n',
    )


def build(dest: Path, spec_path: Path = SPEC) -> None:
    """Write the whole generated tree (README and package) into ``dest``, which must not exist."""
    spec = read_spec(spec_path)  # any spec file, as a copy of its own (not the shared load_spec())
    with tempfile.TemporaryDirectory(prefix="lb-generate-") as tmp:
        package = Path(tmp) / PACKAGE_NAME
        run_openapi_python_client(spec_path, package)
        open_enums = run_datamodel_codegen(spec_path, package / "schemas.py")
        models_init = package / "models" / "__init__.py"
        types_py = package / "types.py"
        written = {
            models_init: lazy_models_init(models_init.read_text(encoding="utf-8")),
            types_py: unset_with_repr(types_py.read_text(encoding="utf-8")),
            package / "error_codes.py": render_error_codes(spec),
            package / "scopes.py": render_scopes(spec),
            package / "endpoints.py": render_endpoints(spec),
            package / "__init__.py": _package_init(spec),
            package / "operations.py": render_operations(spec, package),
            package / f"{OPEN_ENUMS_MODULE}.py": open_enums,
        }
        for path, text in written.items():
            path.write_text(text, encoding="utf-8")
        masked = mask_secret_fields(package, RUNTIME_PACKAGE)
        ruff_format([*written, *masked], cwd=Path(tmp))
        ruff_fix_imports([package / "operations.py"], cwd=Path(tmp))
        (package / "py.typed").write_text("", encoding="utf-8")
        _copy_runtime(package / RUNTIME_PACKAGE)
        dest.mkdir(parents=True)
        shutil.copytree(
            package,
            dest / PACKAGE_NAME,
            ignore=shutil.ignore_patterns(".ruff_cache", "__pycache__"),
        )
    readme = GENERATED_README.format(package=PACKAGE_NAME, runtime=RUNTIME_PACKAGE)
    (dest / "README.md").write_text(readme, encoding="utf-8")
