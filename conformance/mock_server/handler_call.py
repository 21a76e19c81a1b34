"""The data API handlers' calling convention: what a handler receives (the caller and the input
the spec has already validated), what it returns, and how it refuses an input.

Kept apart from ``data_api`` so that the areas (``data_trade``, ``data_asset``, ...) can import it
while ``data_api`` imports them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .context import Context
from .envelope import INVALID_PARAMETER
from .http import ApiProblem, Incoming

__all__ = ["Call", "Caller", "Handler", "bad_parameter"]


@dataclass(frozen=True)
class Caller:
    mode: str  # "oauth" or "legacy"
    scopes: frozenset[str]


@dataclass(frozen=True)
class Call:
    """What a handler gets: who calls, and the input the spec has already validated."""

    caller: Caller
    params: dict[str, Any]  # query and path parameters, coerced (int, bool, list[str])
    body: Any  # the parsed JSON body, or None
    req: Incoming


Handler = Callable[[Context, Call], Any]  # returns the envelope's `data`, raises ApiProblem


def bad_parameter(message: str) -> ApiProblem:
    """A schema-valid input the operation refuses: 400 with code 400000 (the mock's generic)."""
    return ApiProblem(INVALID_PARAMETER, message, 400)
