"""OAuch (https://github.com/DistriNet/OAuch), the OAuth 2.0 compliance tester, and our checks.

A check names the OAuch tests it answers by class name with folder, as OAuch's source spells them
(``Tls.IsHttpsRequiredTest``), with ``@oauch(...)``; ``declared_oauch`` reads them from source.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

__all__ = ["declared_oauch", "oauch"]

F = TypeVar("F", bound=Callable[..., object])


def oauch(*tests: str) -> Callable[[F], F]:
    """Mark a check as the answer to these OAuch tests (``Folder.ClassName``)."""
    for name in tests:
        if name.count(".") != 1:
            raise ValueError(f"an OAuch test is Folder.ClassName, not {name!r}")

    def decorate(func: F) -> F:
        func.oauch = tests  # type: ignore[attr-defined]
        return func

    return decorate


def declared_oauch(directory: Path) -> dict[str, tuple[str, ...]]:
    """Check name -> the OAuch tests it answers, from the ``test_*.py`` sources of ``directory``."""
    found: dict[str, tuple[str, ...]] = {}
    for path in sorted(directory.glob("test_*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.FunctionDef):
                continue
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", "") == "oauch":
                    found[node.name] = tuple(ast.literal_eval(a) for a in decorator.args)
    return found
