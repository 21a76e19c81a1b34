"""The pure parts of the conformance run section: counting checks, matching request counts."""

from __future__ import annotations

from bench.conformance_run import checks_of, next_max_examples


def test_checks_of_counts_run_and_failed() -> None:
    results = [{"result": "pass"}, {"result": "fail"}, {"result": "xfail"}, {"result": "pass"}]
    assert checks_of(results) == (4, 1)
    assert checks_of([]) == (0, 0)


def test_next_max_examples_scales_towards_our_count() -> None:
    assert next_max_examples(10, ours=1000, theirs=500) == 20
    assert next_max_examples(10, ours=500, theirs=1000) == 5
    assert next_max_examples(1, ours=10, theirs=1000) == 1  # never below one
    assert next_max_examples(3, ours=100, theirs=0) == 6  # nothing sent: try more
