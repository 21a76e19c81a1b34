"""``python -m conformance`` (./scripts/conformance) against servers on loopback."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, quote_plus

import httpx
import pytest

from conformance.mock_server.serve import spawn
from generator.paths import ROOT
from longbridge_openapi_client import ClientCredentials, OAuthClient, ServerEndpoints, run_sync
from spec_reader.api_operations import api_operations


def run(
    *args: str, report_dir: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "conformance", "--report-dir", str(report_dir), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.slow
def test_passes_against_the_mock_by_url(tmp_path: Path) -> None:
    with spawn() as server:
        result = run("--base-url", server.base_url, report_dir=tmp_path)
        exercised = httpx.get(f"{server.base_url}/_mock/stats").json()["operations"]
    assert result.returncode == 0, result.stdout + result.stderr
    # Every data API operation of the spec is answered successfully by some conformance check.
    unexercised = [op.operation_id for op in api_operations() if op.operation_id not in exercised]
    assert not unexercised, f"No conformance check calls {unexercised}"
    assert "is valid OpenAPI 3.1" in result.stdout
    assert f"target: {server.base_url}" in result.stdout
    assert (tmp_path / "conformance.xml").is_file()


@pytest.mark.slow
def test_fails_against_a_broken_server(tmp_path: Path) -> None:
    with spawn(["--deviation", "issuer_mismatch"]) as server:
        result = run("--base-url", server.base_url, report_dir=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "issuer" in result.stdout
    # The terminal shows the failures and the summary, not the passing rows (those need -v).
    assert "| FAIL |" in result.stdout
    assert "| pass |" not in result.stdout
    page = (tmp_path / "conformance.html").read_text()
    # Failures first, with their evidence: the request line and the response's status.
    assert page.index("test_issuer_equals_the_base_url") < page.index("<h2>Every check</h2>")
    assert "GET /.well-known/oauth-authorization-server</code> → <strong>200</strong>" in page
    assert f"<dd>{server.base_url}</dd>" in page
    assert '<a href="https://www.rfc-editor.org/rfc/rfc8414#section-3.2">§3.2</a>' in page
    markdown = (tmp_path / "conformance.md").read_text()
    assert f"- **target**: {server.base_url}" in markdown
    assert "- **strictness**: MUST findings fail" in markdown


def _pytest_counts(stdout: str) -> dict[str, int]:
    """pytest's own last line: "3 failed, 57 passed, 12 errors in 9.1s"."""
    last = [line for line in stdout.splitlines() if re.search(r" in [0-9.]+s", line)][-1]
    return {word: int(n) for n, word in re.findall(r"(\d+) (\w+)", last)}


@pytest.mark.slow
def test_set_up_errors_are_counted_as_pytest_counts_them(tmp_path: Path) -> None:
    # Registration refusing JSON breaks the fixture that registers a client: set-up errors.
    with spawn(["--deviation", "registration_requires_form"]) as server:
        result = run("--base-url", server.base_url, "--select", "token,revoke", report_dir=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    pytest_says = _pytest_counts(result.stdout)
    rows = json.loads((tmp_path / "results.json").read_text())
    ours = {k: sum(r["result"] == k for r in rows) for k in ("pass", "FAIL", "ERROR", "skip")}
    assert ours["ERROR"] > 0
    assert ours["ERROR"] == pytest_says.get("errors", pytest_says.get("error", 0))
    assert ours["FAIL"] == pytest_says.get("failed", 0)
    assert ours["pass"] == pytest_says.get("passed", 0)
    assert ours["skip"] == pytest_says.get("skipped", 0)
    summary = f"{ours['ERROR']} errors"
    for name in ("conformance.md", "conformance.html"):
        assert summary in (tmp_path / name).read_text(), name
    assert summary in result.stdout


@pytest.mark.slow
def test_verbose_shows_every_row(tmp_path: Path) -> None:
    result = run("--select", "discovery", "-v", report_dir=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "| pass |" in result.stdout


def _clock_offset(base_url: str) -> float:
    return float(httpx.get(f"{base_url}/_mock/clock").json()["now"]) - time.time()


@pytest.mark.slow
def test_never_moves_the_clock_of_a_mock_it_did_not_start(tmp_path: Path) -> None:
    with spawn() as server:
        result = run("--base-url", server.base_url, "--select", "token", report_dir=tmp_path)
        untouched = _clock_offset(server.base_url)
        allowed = run(
            "--base-url",
            server.base_url,
            "--select",
            "token",
            "--allow-clock",
            report_dir=tmp_path / "allowed",
        )
        moved = _clock_offset(server.base_url)
    assert result.returncode == allowed.returncode == 0, result.stdout + allowed.stdout
    assert abs(untouched) < 60  # the person's tokens still live
    rows = {r["check"]: r for r in json.loads((tmp_path / "results.json").read_text())}
    expired = rows["test_expired_code_is_invalid_grant"]
    assert expired["result"] == "skip"
    assert "--allow-clock" in expired["evidence"]
    assert moved >= 600  # with --allow-clock the code expiry check moved it (RFC 6749 §4.1.2)


def test_an_unreachable_server_gets_one_line_and_exit_2(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    result = run("--base-url", url, report_dir=tmp_path)
    assert result.returncode == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(f"error: cannot reach {url}: ConnectError")
    assert len(result.stdout.splitlines()) < 6, result.stdout
    assert "UNREACHABLE" in (tmp_path / "conformance.html").read_text()


@contextmanager
def _silent_server(answer_first: bool = False) -> Iterator[str]:
    """A loopback socket that accepts connections and never answers (the first, optionally)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            if answer_first and not held:
                conn.recv(65536)
                conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
            held.append(conn)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        listener.close()
        for conn in held:
            conn.close()
        thread.join(timeout=5)


def test_a_server_that_never_answers_ends_the_run(tmp_path: Path) -> None:
    started = time.monotonic()
    with _silent_server() as url:
        result = run("--base-url", url, report_dir=tmp_path)  # the default --timeout, 10 s
    assert time.monotonic() - started < 240
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"error: cannot reach {url}: no answer within 10 s" in result.stderr
    assert (tmp_path / "conformance.html").is_file()


@pytest.mark.slow
def test_a_server_that_stops_answering_stops_the_run(tmp_path: Path) -> None:
    started = time.monotonic()
    with _silent_server(answer_first=True) as url:
        result = run("--base-url", url, "--timeout", "1", report_dir=tmp_path)
    assert time.monotonic() - started < 120
    assert result.returncode == 2, result.stdout + result.stderr
    assert "STOPPED: the server stopped answering" in result.stdout
    assert "STOPPED: the server stopped answering" in (tmp_path / "conformance.html").read_text()


@pytest.mark.slow
def test_the_deadline_ends_the_run_with_its_report(tmp_path: Path) -> None:
    started = time.monotonic()
    with _silent_server(answer_first=True) as url:
        result = run("--base-url", url, "--timeout", "30", "--deadline", "8", report_dir=tmp_path)
    assert time.monotonic() - started < 60
    assert result.returncode == 3, result.stdout + result.stderr
    verdict = "STOPPED: the deadline of 8 s (--deadline) was reached"
    assert verdict in result.stdout
    assert verdict in (tmp_path / "conformance.html").read_text()


def test_help_documents_exit_statuses_and_strict_on_the_mock() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "conformance", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    for status in ("0 every MUST check passed", "1 a MUST check failed", "2 the server could not"):
        assert status in text
    assert "--strict fails against the bundled mock unless it runs with --require-pkce" in text
    readme = " ".join((ROOT / "README.md").read_text().split())
    assert "fails against the bundled mock unless the mock runs with `--require-pkce`" in readme


def _live_token(http: httpx.Client, base_url: str) -> str:
    """An access token from a code flow against the mock, as a user would bring one."""
    redirect = "http://127.0.0.1:1/cb"
    client_id = http.post("/oauth2/register", json={"redirect_uris": [redirect]}).json()[
        "client_id"
    ]
    oauth = OAuthClient(ServerEndpoints.fallback(base_url), ClientCredentials(client_id))
    request = oauth.authorization_request(redirect)
    code = oauth.parse_callback(http.get(request.url).headers["location"], request)
    return run_sync(oauth.exchange_code_flow(code, request), http).access_token


def _run_live(
    base_url: str, token: str, report_dir: Path, *extra: str
) -> subprocess.CompletedProcess[str]:
    return run(
        "--profile",
        "live",
        "--base-url",
        base_url,
        "--min-interval",  # the mock has no rate limit to keep under
        "0.01",
        *extra,
        report_dir=report_dir,
        env={**os.environ, "LONGBRIDGE_ACCESS_TOKEN": token},
    )


def _groups(report_dir: Path) -> set[str]:
    return {row["group"] for row in json.loads((report_dir / "results.json").read_text())}


@pytest.mark.slow
def test_live_profile_only_reads_and_never_prints_the_token(tmp_path: Path) -> None:
    with spawn() as server, httpx.Client(base_url=server.base_url) as http:
        token = _live_token(http, server.base_url)
        before = http.get("/_mock/stats").json()
        result = _run_live(server.base_url, token, tmp_path)
        after = http.get("/_mock/stats").json()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "profile: live" in result.stdout
    # Nothing registered and no order placed or watchlist edited: the live profile only reads.
    assert after["clients"] == before["clients"]
    assert after["writes"] == before["writes"] == 0
    assert after["operations"].keys() > {"getAccountBalance", "listTodayOrders"}
    assert_no_trace(token, result, tmp_path)
    groups = _groups(tmp_path)
    assert groups <= {"discovery", "bearer", "envelope", "data"}
    assert {"envelope", "data"} <= groups


@pytest.mark.slow
def test_live_profile_writes_only_when_allowed(tmp_path: Path) -> None:
    with spawn() as server, httpx.Client(base_url=server.base_url) as http:
        token = _live_token(http, server.base_url)
        result = _run_live(server.base_url, token, tmp_path, "--allow-writes", "--select", "state")
        after = http.get("/_mock/stats").json()
    assert result.returncode == 0, result.stdout + result.stderr
    assert _groups(tmp_path) == {"state"}
    assert after["writes"] > 0
    assert {"submitOrder", "cancelOrder", "createWatchlistGroup"} <= after["operations"].keys()
    assert_no_trace(token, result, tmp_path)


def assert_no_trace(token: str, result: subprocess.CompletedProcess[str], reports: Path) -> None:
    """``token``, as sent or URL-encoded, is in no output, report or Hypothesis database file."""
    forms = {token, quote(token, safe=""), quote_plus(token)}
    for form in forms:
        assert form not in result.stdout, "stdout"
        assert form not in result.stderr, "stderr"
    files = [p for p in reports.rglob("*") if p.is_file()]
    assert files
    database = ROOT / ".hypothesis"
    if database.is_dir():
        files += [p for p in database.rglob("*") if p.is_file()]
    for path in files:
        data = path.read_bytes()
        for form in forms:
            assert form.encode() not in data, path


# Tokens of the base64 and URL-safe alphabets ("/", "+", "=", "-", "_"), 8 characters and up:
# a length heuristic (the old mask hid 24 and more of [A-Za-z0-9_-~.]) misses each of them.
LIVE_TOKENS = [
    "a/b+c=d=",
    "Zq-_9xY-_Kp0aB1cD2eF3g",
    "QmF/c2U2+NC9wbHVz/y0+dXJsc2FmZV9fIGFsbCBvZiB0aGVtIQ-_==",
]


@pytest.mark.slow
@pytest.mark.parametrize("token", LIVE_TOKENS)
def test_a_failing_live_run_leaves_no_trace_of_the_token(tmp_path: Path, token: str) -> None:
    # A broken server: any bearer token works (so ours is "valid"), a token in the query is
    # accepted (the token lands in a request line), the scheme is case-sensitive (a check that
    # receives the token as its argument fails, and pytest prints a failing check's arguments).
    deviations = ["accept_any_bearer", "accept_query_token", "case_sensitive_bearer"]
    with spawn([arg for d in deviations for arg in ("--deviation", d)]) as server:
        result = _run_live(server.base_url, token, tmp_path, "--select", "bearer,envelope", "-v")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "test_scheme_is_case_insensitive FAILED" in result.stdout
    rows = {r["check"]: r for r in json.loads((tmp_path / "results.json").read_text())}
    query = rows["test_query_token_is_not_accepted"]
    assert query["result"] == "warn"
    assert query["exchange"]["request_line"] == "GET /v1/socket/token?access_token=[secret]"
    assert_no_trace(token, result, tmp_path)
