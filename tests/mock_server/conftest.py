"""Fixtures: a fresh in-process mock on a fake clock per test, default or configured, and a
fresh context for calling a data area's handlers directly."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conformance.mock_server import FakeClock, MockConfig
from conformance.mock_server.context import Context

from .harness import Harness, MakeMock


@pytest.fixture
def make_mock() -> Iterator[MakeMock]:
    """A factory for mocks with their own configuration; all are closed after the test."""
    made: list[Harness] = []

    def make(config: MockConfig | None = None) -> Harness:
        harness = Harness(config)
        made.append(harness)
        return harness

    yield make
    for harness in made:
        harness.close()


@pytest.fixture
def mock(make_mock: MakeMock) -> Harness:
    """A mock with the default configuration: auto consent, PKCE optional, no faults."""
    return make_mock()


@pytest.fixture
def ctx() -> Context:
    """A default mock's context on a fake clock, for the handler tests (harness.AreaHandlers)."""
    return Context(MockConfig(), FakeClock())
