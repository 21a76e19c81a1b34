"""Run the pinned code generators as subprocesses and refuse any warning they print.

openapi-python-client drops an endpoint it cannot model and says so only in a warning
(docs/toolchain.md §2.1), so a warning is treated as an error here.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from generator.paths import OPC_CONFIG
from generator.tolerant_answers import tolerant_answers


class GenerationError(RuntimeError):
    """A generator failed or printed a warning."""


def _tool_env() -> dict[str, str]:
    # The opc post-hooks call `ruff` by name: put this interpreter's scripts first on PATH so
    # the pinned ruff runs, never one that happens to be installed elsewhere.
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    # opc renders some literal-enum value sets in set iteration order, which follows string
    # hashing: a fixed seed makes the output byte-identical from run to run.
    env["PYTHONHASHSEED"] = "0"
    return env


def _run(args: list[str], cwd: Path) -> str:
    proc = subprocess.run(args, cwd=cwd, env=_tool_env(), capture_output=True, text=True)
    output = proc.stdout + proc.stderr
    if proc.returncode != 0:
        raise GenerationError(f"{args[2]} failed (exit {proc.returncode}):\n{output}")
    if "warning" in output.lower():
        raise GenerationError(f"{args[2]} printed a warning; refusing partial output:\n{output}")
    return output


def run_openapi_python_client(spec: Path, package_dir: Path) -> None:
    """Generate the attrs models and httpx endpoints into ``package_dir`` (must not exist)."""
    _run(
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            str(spec),
            "--config",
            str(OPC_CONFIG),
            "--output-path",
            str(package_dir),
            "--meta",
            "none",
            "--fail-on-warning",
        ],
        cwd=package_dir.parent,
    )


# Keywords pydantic would apply to a custom type's *parsed* value (a Decimal, a datetime) and
# fail on; the runtime type validates the text itself.
_TEXT_KEYWORDS = ("pattern", "minimum", "maximum", "format")


def _without_text_keywords(node: Any) -> Any:
    """The spec with text-only keywords removed from schemas that name a ``customTypePath``."""
    if isinstance(node, dict):
        custom = "customTypePath" in node
        return {
            k: _without_text_keywords(v)
            for k, v in node.items()
            if not (custom and k in _TEXT_KEYWORDS)
        }
    if isinstance(node, list):
        return [_without_text_keywords(v) for v in node]
    return node


def run_datamodel_codegen(spec: Path, output: Path) -> str:
    """Generate the pydantic v2 models of every schema into the single file ``output``.

    Answers of the data API are read tolerantly (``generator/tolerant_answers.py``); the
    source of the ``open_enums`` module the models import is returned.
    """
    document, open_enums = tolerant_answers(
        _without_text_keywords(yaml.safe_load(spec.read_text(encoding="utf-8")))
    )
    with tempfile.TemporaryDirectory(prefix="lb-dcg-") as tmp:
        # Same file name as the spec: datamodel-codegen writes it into its header.
        adjusted = Path(tmp) / spec.name
        adjusted.write_text(
            yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        _run_datamodel_codegen(adjusted, output)
    return open_enums


def _run_datamodel_codegen(spec: Path, output: Path) -> None:
    _run(
        [
            sys.executable,
            "-m",
            "datamodel_code_generator",
            "--input",
            str(spec),
            "--input-file-type",
            "openapi",
            "--output",
            str(output),
            "--output-model-type",
            "pydantic_v2.BaseModel",
            "--target-python-version",
            "3.11",
            "--disable-timestamp",
            "--enum-field-as-literal",
            "all",
            # AnyUrl would append "/" to an issuer and break RFC 8414 §3.3's exact comparison.
            "--type-mappings",
            "string+uri=string",
            "--use-annotated",
            "--field-constraints",
            "--use-standard-collections",
            "--use-union-operator",
            "--use-double-quotes",
            "--use-schema-description",
            "--collapse-root-models",
            "--use-exact-imports",
            "--formatters",
            "ruff-check",
            "ruff-format",
        ],
        # Not the package folder: `python -m` puts the cwd on sys.path, and the package's
        # own types.py would shadow the standard library's.
        cwd=output.parent.parent,
    )


def ruff_format(paths: list[Path], cwd: Path) -> None:
    """Format files the generator writes itself, with ruff's defaults (as the opc hooks do)."""
    _run([sys.executable, "-m", "ruff", "format", "--isolated", *map(str, paths)], cwd=cwd)


def ruff_fix_imports(paths: list[Path], cwd: Path) -> None:
    """Sort and merge the imports of files the generator assembles (as the opc hooks do)."""
    _run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--isolated",
            "--fix-only",
            "--select=I,F401",
            *map(str, paths),
        ],
        cwd=cwd,
    )
    ruff_format(paths, cwd)
