"""The README's table of supported operations, written from the spec by ``python -m generator``.

The table sits between two markers in README.md; ``--check`` fails when it differs from what the
spec gives, like any other generated file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.render_operations import data_operations

START = "<!-- operations:start (written by python -m generator from spec/openapi.yaml) -->"
END = "<!-- operations:end -->"


class MarkersMissing(ValueError):
    """README.md lacks the two markers that delimit the table."""


def render_table(spec: dict[str, Any]) -> str:
    """A Markdown table: one row per data API operation, grouped by tag."""
    tag_order = [t["name"] for t in spec.get("tags", [])]
    ops = sorted(
        data_operations(spec),
        key=lambda o: (tag_order.index(o.tag) if o.tag in tag_order else len(tag_order), o.path),
    )
    rows = [
        "| area | endpoint | what | method of `Longbridge` | scope | notes |",
        "|---|---|---|---|---|---|",
    ]
    for op in ops:
        method = f"`{op.name}()`"
        if op.pagination is not None:
            method += f", `{op.iter_name}()`"
        notes = []
        if op.legacy_only:
            notes.append("API-key mode only")
        if op.is_write:
            notes.append("writes")
        if op.pagination is not None:
            notes.append("paged")
        if op.idempotency_keys:
            keys = ", ".join(f"`{k}`" for k in sorted(op.idempotency_keys))
            notes.append(f"idempotent by {keys}")
        scope = f"`{op.scope}`" if op.scope else "general"
        rows.append(
            f"| {op.tag} | `{op.method} {op.path}` | {op.summary} | {method} | {scope} | "
            f"{'; '.join(notes)} |"
        )
    return "\n".join(rows)


def with_table(readme: str, table: str) -> str:
    """``readme`` with the text between the markers replaced by ``table``."""
    head, start, rest = readme.partition(START)
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise MarkersMissing(f"README.md needs the lines {START!r} and {END!r}")
    return f"{head}{START}\n{table}\n{END}{tail}"


def readme_is_current(readme: Path, spec: dict[str, Any]) -> bool:
    text = readme.read_text(encoding="utf-8")
    return with_table(text, render_table(spec)) == text


def update_readme(readme: Path, spec: dict[str, Any]) -> None:
    text = readme.read_text(encoding="utf-8")
    readme.write_text(with_table(text, render_table(spec)), encoding="utf-8")
