"""Every integer parameter of the spec answers 400 with code 400000 for any integer, however
long: Python's ``int()`` refuses more than 4,300 digits, which once escaped as a plain-text 500."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conformance.mock_server.openapi import CheckedOperation, Parameter, data_operations

from .harness import Harness

LIMIT = sys.get_int_max_str_digits() or 4300


def integer_parameters() -> list[tuple[CheckedOperation, Parameter]]:
    return [
        (op, p)
        for op in data_operations()
        if not op.legacy_only
        for p in op.parameters
        if is_integer(p.types) or ("array" in p.types and is_integer(p.item_types))
    ]


def is_integer(types: frozenset[str]) -> bool:
    """Read as an integer: a parameter that also takes text keeps long digits as text."""
    return "integer" in types and "string" not in types


CASES = integer_parameters()


def test_the_spec_has_integer_parameters() -> None:
    assert len(CASES) >= 9  # the nine operations that once answered 500, at least


def url_for(op: CheckedOperation, param: Parameter, value: str) -> tuple[str, dict[str, str]]:
    def fill(match: re.Match[str]) -> str:
        return value if match[1] == param.name else "1"

    path = re.sub(r"\{([^}]+)\}", fill, op.path)
    return path, ({} if param.location == "path" else {param.name: value})


@pytest.mark.parametrize(
    ("op", "param"), CASES, ids=[f"{op.operation_id}-{p.name}" for op, p in CASES]
)
@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(digits=st.integers(LIMIT + 1, 3 * LIMIT), sign=st.sampled_from(["", "-"]))
def test_an_oversized_integer_is_a_400000(
    mock: Harness, op: CheckedOperation, param: Parameter, digits: int, sign: str
) -> None:
    token = mock.tokens(mock.register())["access_token"]
    path, params = url_for(op, param, sign + "9" * digits)
    response = mock.http.request(
        op.method, path, params=params, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 400, response.text[:200]
    assert response.json()["code"] == 400000
