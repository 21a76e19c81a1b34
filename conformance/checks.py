"""What a conformance check is: a pytest test marked with its checklist item, rule and level.

    @check(33, "RFC 6749 §4.1.2, §10.5", "MUST", "token")
    def test_code_is_single_use(...): ...

The number refers to ../shared/reference/conformance-checklist.md Part 1. A MUST failure fails
the run; a SHOULD failure is reported as a warning unless ``--strict`` (Part 2, choice 5).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

import pytest

__all__ = ["GROUPS", "CheckInfo", "check", "declared_checks", "info_of"]

Level = Literal["MUST", "SHOULD"]
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


def check(number: int, rule: str, level: Level, group: str) -> Callable[[F], F]:
    """Mark a test as the check of checklist item ``number``."""
    if group not in GROUPS:
        raise ValueError(f"unknown group {group!r}")
    marker = pytest.mark.check(number=number, rule=rule, level=level, group=group)

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
                    found[node.name] = CheckInfo(number, rule, level, group)
    return found


def info_of(item: pytest.Item) -> CheckInfo | None:
    marker = item.get_closest_marker("check")
    if marker is None:
        return None
    return CheckInfo(**marker.kwargs)
