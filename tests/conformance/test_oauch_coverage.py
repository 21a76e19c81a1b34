"""The OAuch catalogue, the checks' @oauch names and conformance/README.md's table agree."""

from __future__ import annotations

from conformance.checks import declared_checks
from conformance.oauch import (
    APPLICABLE,
    END,
    NO_CHECK,
    NOT_APPLICABLE,
    PARTLY,
    START,
    coverage_table,
    declared_oauch,
)
from generator.paths import ROOT

SUITE = ROOT / "conformance" / "suite"
README = ROOT / "conformance" / "README.md"


def test_every_oauch_test_either_applies_or_says_why_not() -> None:
    assert set(APPLICABLE).isdisjoint(NOT_APPLICABLE)
    assert set(NO_CHECK).isdisjoint(APPLICABLE)
    assert set(NO_CHECK).isdisjoint(NOT_APPLICABLE)
    assert all("MAY" in why for why in NO_CHECK.values()), "only a MAY goes without a check"
    assert all(why.strip() for why in NOT_APPLICABLE.values())
    assert all(name.count(".") == 1 and name.endswith("Test") for name in APPLICABLE)
    assert all(APPLICABLE.get(name) for name in PARTLY), "partly answered, but by no check"


def test_checks_name_only_applicable_oauch_tests() -> None:
    named = {test for tests in declared_oauch(SUITE).values() for test in tests}
    assert named, "no check names an OAuch test"
    assert named - set(APPLICABLE) == set(), "a check names an unknown or inapplicable OAuch test"
    assert named.isdisjoint(NO_CHECK), "a test with a check no longer needs its reason"


def test_the_catalogue_names_existing_checks() -> None:
    checks = set(declared_checks(SUITE))
    named = {check for answered in APPLICABLE.values() for check in answered}
    assert named - checks == set()
    assert set(declared_oauch(SUITE)) <= checks, "@oauch on a function that is not a check"


def test_readme_table_is_generated_from_the_metadata() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split(START, 1)[1].split(END, 1)[0]
    assert section == "\n" + coverage_table(SUITE), "run python -m conformance.oauch"
