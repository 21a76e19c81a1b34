"""Parsing ``python -X importtime`` output for the generation and import section."""

from __future__ import annotations

import pytest

from bench.build import costs, cumulative_us, parse_importtime

# Children come before their parent; the name is indented one space, then two per level.
OUTPUT = """\
import time: self [us] | cumulative | imported package
import time:       100 |        100 | _io
import time:        50 |         50 |       httpx._models
import time:       400 |        450 |     httpx
import time:        30 |         30 |         pkg.models.a
import time:        20 |         20 |         pkg.models.b
import time:        10 |         60 |       pkg.models
import time:         1 |         61 |     pkg.models.a_user
import time:         5 |          5 |     json
import time:        40 |        556 |   pkg._runtime
import time:         2 |        558 | pkg
"""


def test_parse_reads_times_and_depths() -> None:
    lines = parse_importtime("some other stderr\n" + OUTPUT)
    assert [line.module for line in lines][:3] == ["_io", "httpx._models", "httpx"]
    assert lines[0].depth == 0
    assert lines[1].depth == 3
    assert lines[2].depth == 2
    assert (lines[-1].self_us, lines[-1].cumulative_us, lines[-1].depth) == (2, 558, 0)


def test_cumulative_of_a_module() -> None:
    lines = parse_importtime(OUTPUT)
    assert cumulative_us(lines, "pkg") == 558
    assert cumulative_us(lines, "httpx") == 450
    with pytest.raises(ValueError, match="nothing"):
        cumulative_us(lines, "nothing")


def test_costs_skip_the_reference_and_pass_throughs() -> None:
    found = costs(parse_importtime(OUTPUT), "pkg", "httpx")
    modules = [c.module for c in found]
    # httpx and what it imported are the reference; pkg.models.a_user only passes pkg.models on.
    assert "httpx" not in modules
    assert "httpx._models" not in modules
    assert "pkg.models.a_user" not in modules
    assert "_io" not in modules  # imported before pkg, not by it
    # pkg._runtime imported httpx: its cost beyond httpx is what pkg could avoid.
    runtime = found[0]
    assert (runtime.module, runtime.cumulative_us, runtime.beyond_reference_us) == (
        "pkg._runtime",
        556,
        106,
    )
    models = next(c for c in found if c.module == "pkg.models")
    assert models.chain == ("pkg.models.a_user", "pkg._runtime", "pkg")
    assert [c.beyond_reference_us for c in found] == sorted(
        (c.beyond_reference_us for c in found), reverse=True
    )
