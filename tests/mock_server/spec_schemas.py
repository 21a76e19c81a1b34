"""Schema checks for the data API handler tests: answers against the spec's named schemas."""

from __future__ import annotations

from typing import Any

from spec_reader import validator_for


def conforms(data: Any, name: str) -> None:
    """``data`` is valid against components/schemas/``name`` (OpenAPI 3.1 = JSON Schema 2020-12)."""
    validator_for({"$ref": f"#/components/schemas/{name}"}).validate(data)
