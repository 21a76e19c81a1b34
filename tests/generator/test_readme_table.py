"""The README's operation table is written from the spec between two markers."""

from __future__ import annotations

import pytest

from generator.paths import ROOT
from generator.readme_table import END, START, MarkersMissing, render_table, with_table
from generator.tools import _without_text_keywords
from spec_reader import read_spec


def test_the_committed_readme_has_the_current_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert with_table(readme, render_table(read_spec())) == readme


def test_one_row_per_data_operation_with_its_method_and_scope() -> None:
    spec = read_spec()
    table = render_table(spec)
    data_ops = [
        op
        for path, item in spec["paths"].items()
        if path.startswith("/v1/")
        for method, op in item.items()
        if method in ("get", "post", "put", "delete")
    ]
    rows = [line for line in table.splitlines()[2:] if line.startswith("| ")]
    assert len(rows) == len(data_ops)
    assert "| `GET /v1/quote/get_security_list` |" in table
    assert "`get_security_list()` | `watchlist` |" in table


def test_only_the_text_between_the_markers_changes() -> None:
    readme = f"intro\n{START}\nold table\n{END}\noutro\n"
    assert with_table(readme, "| new |") == f"intro\n{START}\n| new |\n{END}\noutro\n"
    assert with_table(with_table(readme, "| new |"), "| new |") == with_table(readme, "| new |")


def test_missing_markers_are_an_error() -> None:
    with pytest.raises(MarkersMissing, match="operations:start"):
        with_table("a README without the markers\n", "| x |")


def test_text_keywords_are_dropped_only_for_custom_types() -> None:
    spec = {
        "Price": {"type": "string", "pattern": "^[0-9]+$", "customTypePath": "m.T"},
        "Code": {"type": "string", "pattern": "^[A-Z]+$"},
        "Nested": {"properties": {"at": {"customTypePath": "m.U", "minimum": 0, "format": "x"}}},
    }
    assert _without_text_keywords(spec) == {
        "Price": {"type": "string", "customTypePath": "m.T"},
        "Code": {"type": "string", "pattern": "^[A-Z]+$"},
        "Nested": {"properties": {"at": {"customTypePath": "m.U"}}},
    }
