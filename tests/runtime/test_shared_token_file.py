"""Processes sharing one token file refresh once between them (the file store's lock file).

Four processes of four threads each call at the moment the token enters the refresh leeway. Had
each refreshed with the one rotating refresh token, the server would see reuse and revoke the
whole family (RFC 9700 §4.14.2): every call and every later start would fail.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from conformance.mock_server import MockConfig, OffsetClock, create_app, parse_fault
from conformance.mock_server.app import MockServer
from conformance.mock_server.serve import Running, run_in_thread
from longbridge_openapi_client import AsyncLongbridge, FileTokenStore, Longbridge, Token

from .conftest import REDIRECT

pytestmark = pytest.mark.slow

WORKER = textwrap.dedent(
    """
    import json, sys, threading, time
    from pathlib import Path
    from longbridge_openapi_client import FileTokenStore, Longbridge

    base_url, token_dir, client_id, threads, action, ready, go = sys.argv[1:]
    lb = Longbridge(client_id, base_url=base_url, token_store=FileTokenStore(token_dir))
    results = []
    barrier = threading.Barrier(int(threads))

    def call():
        barrier.wait()
        try:
            if action == "refresh":
                results.append("ok" if lb.refresh().access_token else "empty")
            else:
                results.append("ok" if lb.get_socket_token().otp else "empty")
        except Exception as exc:  # reported to the test, which asserts there are none
            results.append(type(exc).__name__ + ": " + str(exc))

    Path(ready).touch()
    while not Path(go).exists():
        time.sleep(0.005)
    workers = [threading.Thread(target=call) for _ in range(int(threads))]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    lb.close()
    print(json.dumps(results))
    """
)


@pytest.fixture
def server() -> Iterator[tuple[Running, MockServer]]:
    mock = create_app(MockConfig(), OffsetClock())
    with run_in_thread(mock) as running:
        yield running, mock


def login(base_url: str, store: FileTokenStore) -> str:
    with httpx.Client(base_url=base_url, trust_env=False) as http:
        response = http.post(
            "/oauth2/register", json={"client_name": "shared", "redirect_uris": [REDIRECT]}
        )
        client_id = str(response.json()["client_id"])
        with Longbridge(client_id, base_url=base_url, token_store=store) as lb:
            request = lb.authorization_request(REDIRECT)
            lb.finish_authorization(http.get(request.url).headers["location"], request)
    return client_id


def run_workers(
    base_url: str,
    token_dir: Path,
    client_id: str,
    processes: int,
    threads: int,
    action: str = "call",
) -> list[str]:
    """Start the processes, wait until each is ready, then let them all call (or, with
    ``action="refresh"``, all call ``Longbridge.refresh()``) at once."""
    go = token_dir.parent / f"go-{time.monotonic_ns()}"
    ready = [token_dir.parent / f"{go.name}-ready-{i}" for i in range(processes)]
    argv = [sys.executable, "-c", WORKER, base_url, str(token_dir), client_id, str(threads), action]
    procs = [
        subprocess.Popen(
            [*argv, str(ready[i]), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(processes)
    ]
    try:
        deadline = time.monotonic() + 120
        while not all(r.exists() for r in ready):
            assert all(p.poll() is None for p in procs), "a worker died during start-up"
            assert time.monotonic() < deadline, "the workers did not start"
            time.sleep(0.01)
        go.touch()
        results: list[str] = []
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
            results += json.loads(out)
        return results
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def test_four_processes_of_four_threads_refresh_once(
    server: tuple[Running, MockServer], tmp_path: Path
) -> None:
    running, mock = server
    token_dir = tmp_path / "tokens"
    store = FileTokenStore(token_dir)
    client_id = login(running.base_url, store)
    token = store.load(client_id)
    assert token is not None
    # Enter the refresh leeway (300 s) now; the server still takes the access token.
    store.save(client_id, Token(token.access_token, time.time() + 60, token.refresh_token))
    # A slow token endpoint holds the race open: every process decides to refresh before the
    # first answer arrives.
    mock.ctx.state.runtime_faults = (parse_fault("latency=0.5@/oauth2/token"),)
    before = mock.ctx.state.token_requests

    results = run_workers(running.base_url, token_dir, client_id, processes=4, threads=4)

    assert results == ["ok"] * 16
    assert mock.ctx.state.token_requests - before == 1
    refreshed = store.load(client_id)
    assert refreshed is not None
    assert refreshed.refresh_token != token.refresh_token
    # The family survives: a process started afterwards works, and needs no refresh.
    assert run_workers(running.base_url, token_dir, client_id, processes=1, threads=1) == ["ok"]
    assert mock.ctx.state.token_requests - before == 1


def test_processes_refreshing_explicitly_at_once_refresh_once(
    server: tuple[Running, MockServer], tmp_path: Path
) -> None:
    # Longbridge.refresh() takes the lock file too: each process read the same token, and all
    # but the first find it replaced under the lock and return the new one instead of presenting
    # the consumed refresh token (which would revoke the family, RFC 9700 §4.14.2).
    running, mock = server
    token_dir = tmp_path / "tokens"
    store = FileTokenStore(token_dir)
    client_id = login(running.base_url, store)
    mock.ctx.state.runtime_faults = (parse_fault("latency=0.5@/oauth2/token"),)
    before = mock.ctx.state.token_requests

    results = run_workers(
        running.base_url, token_dir, client_id, processes=3, threads=2, action="refresh"
    )

    assert results == ["ok"] * 6
    assert mock.ctx.state.token_requests - before == 1
    assert run_workers(running.base_url, token_dir, client_id, processes=1, threads=1) == ["ok"]


def test_refresh_after_another_process_refreshed_returns_its_token(
    server: tuple[Running, MockServer], tmp_path: Path
) -> None:
    running, mock = server
    token_dir = tmp_path / "tokens"
    client_id = login(running.base_url, FileTokenStore(token_dir))
    # Two clients with their own store objects on one folder: two processes, as the lock sees
    # them (flock locks belong to the open file, not the process).
    first = Longbridge(client_id, base_url=running.base_url, token_store=FileTokenStore(token_dir))
    second = Longbridge(client_id, base_url=running.base_url, token_store=FileTokenStore(token_dir))
    with first, second:
        assert second.get_socket_token().otp  # second now holds the original token
        before = mock.ctx.state.token_requests
        rotated = first.refresh()
        # Compared, not shown: a failing assert must not print the tokens.
        same = second.refresh().access_token == rotated.access_token
        assert same, "refresh() after another process's refresh did not return its token"
        assert mock.ctx.state.token_requests - before == 1
        assert first.get_socket_token().otp
        assert second.get_socket_token().otp
        # With nobody ahead of it, refresh() refreshes.
        renewed = second.refresh().access_token != rotated.access_token
        assert renewed, "refresh() returned the token it had instead of refreshing"
        assert mock.ctx.state.token_requests - before == 2
        assert first.get_socket_token().otp


def test_async_refresh_after_another_process_refreshed_returns_its_token(
    server: tuple[Running, MockServer], tmp_path: Path
) -> None:
    running, mock = server
    token_dir = tmp_path / "tokens"
    client_id = login(running.base_url, FileTokenStore(token_dir))
    first = Longbridge(client_id, base_url=running.base_url, token_store=FileTokenStore(token_dir))

    async def main() -> tuple[int, str, str]:
        second = AsyncLongbridge(
            client_id, base_url=running.base_url, token_store=FileTokenStore(token_dir)
        )
        async with second:
            assert (await second.get_socket_token()).otp
            before = mock.ctx.state.token_requests
            with first:
                rotated = first.refresh()
            returned = await second.refresh()
            assert (await second.get_socket_token()).otp
            requests = mock.ctx.state.token_requests - before
            return requests, rotated.access_token, returned.access_token

    requests, rotated, returned = asyncio.run(main())
    same = returned == rotated  # compared, not shown: a failing assert must not print the tokens
    assert same, "refresh() after another process's refresh did not return its token"
    assert requests == 1
