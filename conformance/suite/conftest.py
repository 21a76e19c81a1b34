"""Fixtures of the conformance suite: the target server and the generated client bound to it.

Without ``CONFORMANCE_BASE_URL`` the bundled mock is started on loopback for the session, so the
suite runs as part of ``./scripts/test`` too.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterator

import httpx
import pytest

from conformance.consent import BROWSER_CHECKS, ConsentDriver, consent_mode
from conformance.endpoints import discover
from conformance.evidence import event_hooks
from conformance.limits import http_timeout, request_timeout
from conformance.mock_server import MockConfig, OffsetClock, create_app
from conformance.mock_server.serve import run_in_thread
from conformance.redact import Secret

# The report plugin's hooks, active for every test under this folder.
from conformance.report import (  # noqa: F401
    pytest_collection_modifyitems,
    pytest_collectreport,
    pytest_configure,
    pytest_runtest_makereport,
    pytest_runtest_setup,
    pytest_sessionfinish,
    pytest_terminal_summary,
    pytest_unconfigure,
)
from conformance.suite.data_calls import DataApi
from conformance.suite.helpers import OAuthSession, Server
from conformance.target import CLOCK_REFUSED, Target, live_profile, min_interval
from longbridge_openapi_client import SCOPES, Client


@pytest.fixture(scope="session")
def target() -> Iterator[Target]:
    configured = Target.from_env()
    if configured is not None:
        yield configured
        return
    with run_in_thread(create_app(MockConfig(), OffsetClock())) as running:
        yield Target(running.base_url, is_mock=True, owned=True)


@pytest.fixture
def api(target: Target) -> Iterator[Client]:
    """The generated client, unauthenticated (OAuth endpoints)."""
    with Client(
        base_url=target.base_url,
        follow_redirects=False,
        timeout=http_timeout(),
        httpx_args={"event_hooks": event_hooks()},
    ) as client:
        yield client


@pytest.fixture(scope="session")
def server(target: Target) -> Iterator[Server]:
    """The target's endpoints from its metadata, and the consent driver (--consent)."""
    endpoints = discover(target.base_url, request_timeout())
    authorization = endpoints.url("authorization_endpoint") or target.base_url
    driver = ConsentDriver(consent_mode(), authorization, request_timeout())
    oauth = Server(target, endpoints, driver)
    try:
        yield oauth
    finally:
        oauth.close()


def pytest_collection_finish(session: pytest.Session) -> None:
    """--consent browser: say before the run how many times a person will be asked."""
    if consent_mode() != "browser":
        return
    asking = sorted({item.name for item in session.items} & BROWSER_CHECKS)
    out = sys.__stderr__ or sys.stderr
    out.write(
        f"\n--consent browser: this run asks you to consent {len(asking)} times, once for "
        f"each of: {', '.join(asking) or 'none'}; each opens your browser\n"
    )
    out.flush()


@pytest.fixture(autouse=True)
def _current_check(request: pytest.FixtureRequest) -> Iterator[None]:
    """Tell the consent driver which check runs (browser mode asks a person for a few)."""
    if consent_mode() != "browser":
        yield
        return
    server: Server = request.getfixturevalue("server")
    server.driver.check = request.node.name.split("[", 1)[0]
    yield
    server.driver.check = ""


@pytest.fixture
def session(server: Server) -> OAuthSession:
    """A client at the target: pre-registered (--client-id), else freshly registered."""
    if live_profile():
        pytest.skip("registers a client and needs an auto-consenting server: not in --profile live")
    return OAuthSession(server, server.client())


@pytest.fixture
def mock_only(target: Target) -> Target:
    """For checks that move the server's clock: only a mock this run started (or --allow-clock)."""
    if not target.is_mock:
        pytest.skip("needs the mock's /_mock/ clock to expire codes and tokens without waiting")
    if not target.may_move_clock:
        pytest.skip(CLOCK_REFUSED)
    return target


def _throttle(min_interval: float) -> Callable[[httpx.Request], None]:
    """An httpx event hook spacing requests: --profile live stays under the rate limits."""
    lock = threading.Lock()
    last = [0.0]

    def wait(request: httpx.Request) -> None:
        with lock:
            delay = last[0] + min_interval - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            last[0] = time.monotonic()

    return wait


@pytest.fixture
def raw(target: Target) -> Iterator[httpx.Client]:
    """A plain httpx client at the target, for requests the generated client cannot make."""
    interval = min_interval()
    hooks = {**event_hooks(), "request": [_throttle(interval)] if interval > 0 else []}
    timeout = http_timeout()
    with httpx.Client(base_url=target.base_url, timeout=timeout, event_hooks=hooks) as client:
        yield client


def _live_token() -> Secret:
    """LONGBRIDGE_ACCESS_TOKEN, read here and kept in a Secret: never a plain test argument."""
    from_env = os.environ.get("LONGBRIDGE_ACCESS_TOKEN")
    if not from_env:
        pytest.skip("--profile live needs LONGBRIDGE_ACCESS_TOKEN (an OAuth access token)")
    return Secret(from_env)


@pytest.fixture
def access_token(request: pytest.FixtureRequest) -> Secret:
    """A valid access token: from a fresh login, or LONGBRIDGE_ACCESS_TOKEN with --profile live.

    A :class:`Secret`: pytest prints a failing test's arguments, and those show it masked.
    """
    if live_profile():
        return _live_token()
    oauth: OAuthSession = request.getfixturevalue("session")
    return Secret(oauth.login()["access_token"])


# Every scope a token can carry, by id: the data API checks want a token that may do anything.
ALL_SCOPES = " ".join(str(s.id) for s in SCOPES if s.key)


@pytest.fixture(scope="session")
def data_client(server: Server) -> OAuthSession:
    """One client registered for the data API checks (each check logs in for its own token)."""
    if live_profile():
        pytest.skip("registers a client and needs an auto-consenting server: not in --profile live")
    return OAuthSession(server, server.client())


@pytest.fixture
def data_api(request: pytest.FixtureRequest, raw: httpx.Client) -> DataApi:
    """The data API with a token holding every scope (LONGBRIDGE_ACCESS_TOKEN when live).

    A fresh token per check: other checks expire every token of the mock on purpose.
    """
    if live_profile():
        return DataApi(raw, _live_token())
    oauth: OAuthSession = request.getfixturevalue("data_client")
    return DataApi(raw, Secret(oauth.token(ALL_SCOPES)))


@pytest.fixture
def server_now(target: Target) -> float:
    """The server's time: the mock's clock can be moved, so ask it; the local clock otherwise."""
    if target.is_mock:
        clock = httpx.get(f"{target.base_url}/_mock/clock", timeout=http_timeout())
        now: float = clock.json()["now"]
        return now
    return time.time()
