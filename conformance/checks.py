"""What a conformance check is: a pytest test marked with its checklist item, rule and level.

    @check(33, "RFC 6749 §4.1.2, §10.5", "MUST", "token")
    def test_code_is_single_use(...): ...

The number refers to docs/conformance-checklist.md Part 1. A MUST failure fails
the run; a SHOULD failure is reported as a warning unless ``--strict`` (Part 2, choice 5).

``level`` holds in the longbridge profile; ``rfc=`` gives the level under ``--profile rfc``, from
the RFC's own words: ``"same"``, ``"MUST"``, ``"SHOULD"``, or ``"no"`` when the rule is
Longbridge's choice and no RFC requirement (conformance/profiles.py). Where the two differ the
longbridge level is a project choice, and every report of a longbridge (or live) run says so next
to the level: ``MUST (project choice; RFC: SHOULD)``.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal, TypeVar

import pytest

from conformance.profiles import RFC_GROUPS, Profile, profile

__all__ = [
    "GROUPS",
    "CheckInfo",
    "RfcLevel",
    "check",
    "declared_checks",
    "info_of",
    "level_text",
]

Level = Literal["MUST", "SHOULD"]
RfcLevel = Literal["same", "MUST", "SHOULD", "no"]
GROUPS = (
    "discovery",
    "registration",
    "authorize",
    "token",
    "refresh",
    "revoke",
    "device",
    "bearer",
    "envelope",
    "data",
    "state",
    "endpoints",
    "legacy",
    "transport",
)
F = TypeVar("F", bound=Callable[..., object])


@dataclass(frozen=True)
class CheckInfo:
    number: int
    rule: str
    level: Level
    group: str
    rfc: RfcLevel = "same"

    def level_in(self, profile: Profile) -> Level | None:
        """The check's level in ``profile``; None when the profile does not hold servers to it."""
        if profile != "rfc":
            return self.level
        if self.rfc == "no" or self.group not in RFC_GROUPS:
            return None
        return self.level if self.rfc == "same" else self.rfc

    def project_choice(self) -> str | None:
        """The RFC's own level ("MUST", "SHOULD", "none") where the longbridge profile holds the
        check at another: a project choice, which every report marks. None: the RFC's level."""
        if self.group not in RFC_GROUPS:
            return None  # Longbridge's own API (data, envelope, state): no RFC speaks of it
        rfc = self.level_in("rfc")
        return None if rfc == self.level else (rfc or "none")

    def label(self) -> str:
        """The level as the reports show it: ``MUST (project choice; RFC: SHOULD)``."""
        return level_text(self.level, self.project_choice() or "")


def level_text(level: str, rfc_level: str = "") -> str:
    """``level``, marked as a project choice when the RFC's own level ``rfc_level`` differs."""
    return f"{level} (project choice; RFC: {rfc_level})" if rfc_level else level


def check(
    number: int, rule: str, level: Level, group: str, *, rfc: RfcLevel = "same"
) -> Callable[[F], F]:
    """Mark a test as the check of checklist item ``number``."""
    if group not in GROUPS:
        raise ValueError(f"unknown group {group!r}")
    marker = pytest.mark.check(number=number, rule=rule, level=level, group=group, rfc=rfc)

    def decorate(func: F) -> F:
        return marker(func)  # type: ignore[no-any-return]

    return decorate


def declared_checks(directory: Path) -> dict[str, CheckInfo]:
    """Every check in the ``test_*.py`` modules of ``directory``, read from source, unimported."""
    found: dict[str, CheckInfo] = {}
    for path in sorted(directory.glob("test_*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.FunctionDef):
                continue
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", "") == "check":
                    number, rule, level, group = (ast.literal_eval(a) for a in decorator.args)
                    keywords = {str(k.arg): ast.literal_eval(k.value) for k in decorator.keywords}
                    found[node.name] = CheckInfo(number, rule, level, group, **keywords)
    return found


def info_of(item: pytest.Item) -> CheckInfo | None:
    """The check ``item`` is, at its level in the run's profile (None: not a check of it)."""
    marker = item.get_closest_marker("check")
    if marker is None:
        return None
    info = CheckInfo(**marker.kwargs)
    level = info.level_in(profile())
    return None if level is None else replace(info, level=level)
