"""bench/cli_start.py: the CLI's start-up rows, as ratios to python -c pass (never asserted)."""

from __future__ import annotations

import pytest

from bench.cli_start import run
from bench.model import Settings


@pytest.mark.slow
def test_the_section_reports_help_and_call_against_the_reference() -> None:
    rows = {row.what: row for row in run(Settings(quick=True))}
    assert set(rows) == {
        "python -c pass (the reference)",
        "longbridge-openapi --help",
        "longbridge-openapi call GET security list (local mock)",
    }
    for what in (
        "longbridge-openapi --help",
        "longbridge-openapi call GET security list (local mock)",
    ):
        ratio = rows[what].ratio
        assert ratio is not None
        assert ratio > 1  # a command starts the interpreter and then does more
        assert "vs python -c pass; target" in rows[what].note
