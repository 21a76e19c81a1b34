"""conformance/README.md maps every checklist item to its checks, or says why there is none."""

from __future__ import annotations

import re

from conformance.checks import declared_checks
from generator.paths import ROOT

README = ROOT / "conformance" / "README.md"
SUITE = ROOT / "conformance" / "suite"


def _checks_by_item() -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for name, info in declared_checks(SUITE).items():
        found.setdefault(info.number, set()).add(name)
    return found


def _table() -> dict[int, str]:
    rows = {}
    for line in README.read_text().splitlines():
        match = re.match(r"^\| (\d+) \| (.*)$", line)
        if match:
            rows[int(match[1])] = match[2]
    return rows


def test_every_checklist_item_has_a_row() -> None:
    assert set(range(1, 66)) <= set(_table())


def test_rows_name_exactly_the_checks_of_the_suite() -> None:
    table = _table()
    for item, checks in _checks_by_item().items():
        named = set(re.findall(r"`(test_\w+)`", table[item]))
        assert named == checks, item
    for item, row in table.items():
        if item not in _checks_by_item():
            assert row.startswith("— | — |"), f"item {item} has no check: the row must say why"
