"""Fixtures of the conformance suite: the target server and the generated client bound to it.

Without ``CONFORMANCE_BASE_URL`` the bundled mock is started on loopback for the session, so the
suite runs as part of ``./scripts/test`` too.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conformance.mock_server import MockConfig, OffsetClock, create_app
from conformance.mock_server.serve import run_in_thread

# The report plugin's hooks, active for every test under this folder.
from conformance.report import (  # noqa: F401
    pytest_collection_modifyitems,
    pytest_runtest_makereport,
    pytest_sessionfinish,
    pytest_terminal_summary,
)
from conformance.suite.helpers import OAuthSession
from conformance.target import Target
from longbridge_openapi_client import Client


@pytest.fixture(scope="session")
def target() -> Iterator[Target]:
    configured = Target.from_env()
    if configured is not None:
        yield configured
        return
    with run_in_thread(create_app(MockConfig(), OffsetClock())) as running:
        yield Target(running.base_url, is_mock=True)


@pytest.fixture
def api(target: Target) -> Iterator[Client]:
    """The generated client, unauthenticated (OAuth endpoints)."""
    with Client(base_url=target.base_url, follow_redirects=False) as client:
        yield client


@pytest.fixture
def session(api: Client, target: Target) -> Iterator[OAuthSession]:
    """A freshly registered public client at the target."""
    oauth = OAuthSession.register(api, target.base_url)
    try:
        yield oauth
    finally:
        oauth.close()


@pytest.fixture
def mock_only(target: Target) -> Target:
    """For checks that move the server's clock: only the bundled mock can."""
    if not target.is_mock:
        pytest.skip("needs the mock's /_mock/ clock to expire codes and tokens without waiting")
    return target
