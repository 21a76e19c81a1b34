"""spec/openapi.yaml as every part of the project reads it: the generator, the mock and the suite.

One reader, so the generator and the conformance kit stand side by side on it rather than one
importing the other (ARCHITECTURE.md). ``load_spec`` is the shared, parsed-once document; treat
it as read-only. ``read_spec`` returns a fresh copy that a caller may change.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

__all__ = ["ROOT", "SPEC", "deref", "load_spec", "read_spec", "validator_for"]

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "openapi.yaml"


@cache
def load_spec() -> dict[str, Any]:
    """spec/openapi.yaml, parsed once per process (see :func:`read_spec`); do not change it."""
    return read_spec(SPEC)


def read_spec(path: Path = SPEC) -> dict[str, Any]:
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
