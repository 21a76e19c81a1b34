"""Fixtures: a fresh in-process mock on a fake clock per test, default or configured."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conformance.mock_server import MockConfig

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
