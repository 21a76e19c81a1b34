"""The mock's ``--tls`` and the transport checks against it (RFC 6749 §1.6, §3.1, §10.9).

The mock makes a throwaway CA at start and a certificate for loopback from it; the transport
checks pass against it and skip against a plain http target. Their failing variants are in
test_checks_can_fail.py.
"""

from __future__ import annotations

import json
import os
import socket
import ssl
import subprocess
import sys
import warnings
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from conformance.mock_server import Deviation, MockConfig, OffsetClock, create_app
from conformance.mock_server.serve import Running, run_in_thread, spawn
from generator.paths import ROOT

SUITE = ROOT / "conformance" / "suite"
TRANSPORT_CHECKS = {
    "test_endpoints_refuse_plain_http",
    "test_certificate_is_valid_for_each_host",
    "test_tls_1_2_or_later_is_negotiated",
    "test_tls_1_0_and_1_1_are_refused",
    "test_no_broken_cipher_suite_is_negotiated",
    "test_no_weak_cipher_suite_is_negotiated",
}


def _version(running: Running, context: ssl.SSLContext) -> str | None:
    url = urlsplit(running.base_url)
    assert url.hostname is not None
    assert url.port is not None
    with (
        socket.create_connection((url.hostname, url.port), timeout=10) as raw,
        context.wrap_socket(raw, server_hostname=url.hostname) as tls,
    ):
        return tls.version()


def test_mock_serves_https_trusted_through_its_ca() -> None:
    with run_in_thread(create_app(MockConfig(tls=True), OffsetClock())) as running:
        assert running.base_url.startswith("https://127.0.0.1:")
        assert running.ca_file is not None
        assert running.ca_file.is_file()
        trusting = ssl.create_default_context(cafile=str(running.ca_file))
        r = httpx.get(f"{running.base_url}/.well-known/oauth-authorization-server", verify=trusting)
        assert r.status_code == 200
        assert r.json()["token_endpoint"].startswith("https://")
        assert _version(running, trusting) in ("TLSv1.2", "TLSv1.3")
        with pytest.raises(httpx.ConnectError):  # the system's CAs do not know the throwaway one
            httpx.get(f"{running.base_url}/.well-known/oauth-authorization-server")
    assert not running.ca_file.exists(), "the CA's PEM outlives the server"


def test_mock_refuses_tls_1_0_unless_told_otherwise() -> None:
    legacy = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    legacy.check_hostname = False
    legacy.verify_mode = ssl.CERT_NONE
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        legacy.minimum_version = legacy.maximum_version = ssl.TLSVersion.TLSv1
    legacy.set_ciphers("DEFAULT:@SECLEVEL=0")
    with (
        run_in_thread(create_app(MockConfig(tls=True), OffsetClock())) as running,
        pytest.raises(ssl.SSLError),
    ):
        _version(running, legacy)
    broken = MockConfig(tls=True, deviations=frozenset({Deviation.TLS_LEGACY_VERSIONS}))
    with run_in_thread(create_app(broken, OffsetClock())) as running:
        try:
            version = _version(running, legacy)
        except ssl.SSLError as exc:
            pytest.skip(f"this machine's OpenSSL cannot speak TLS 1.0 even at level 0: {exc}")
        assert version == "TLSv1"


def _run_transport(base_url: str, ca_file: Path | None, report_dir: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "CONFORMANCE_BASE_URL": base_url,
        "CONFORMANCE_STRICT": "1",
        "CONFORMANCE_REPORT_DIR": str(report_dir),
        "CONFORMANCE_SELECT": "transport",
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
    }
    if ca_file is not None:
        env["CONFORMANCE_CA_FILE"] = env["SSL_CERT_FILE"] = str(ca_file)
    command = [sys.executable, "-m", "pytest", str(SUITE), "-q", "-p", "no:cacheprovider"]
    command += ["-p", "_hypothesis_pytestplugin", "-p", "pytest_timeout"]
    proc = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    results = report_dir / "results.json"
    assert results.is_file(), f"the suite wrote no results:\n{proc.stdout[-2000:]}"
    outcome: dict[str, str] = {}
    for r in json.loads(results.read_text()):
        outcome[r["check"]] = r["result"]
    return outcome


@pytest.mark.slow
def test_transport_checks_pass_on_the_mock_started_with_tls(tmp_path: Path) -> None:
    """``python -m conformance.mock_server --tls``, out of process, as CI would start it."""
    with spawn(["--tls"]) as running:
        assert running.base_url.startswith("https://")
        outcome = _run_transport(running.base_url, running.ca_file, tmp_path)
    assert {name.split("[", 1)[0] for name in outcome} == TRANSPORT_CHECKS
    assert set(outcome.values()) == {"pass"}, outcome


@pytest.mark.slow
@pytest.mark.parametrize(
    ("deviation", "caught"),
    [
        ("tls_legacy_versions", {"test_tls_1_0_and_1_1_are_refused"}),
        ("tls_null_ciphers", {"test_no_broken_cipher_suite_is_negotiated"}),
        ("tls_static_rsa", {"test_no_weak_cipher_suite_is_negotiated"}),
    ],
)
def test_transport_checks_fail_on_the_mock_with_broken_tls(
    tmp_path: Path, deviation: str, caught: set[str]
) -> None:
    """``--tls --deviation ...`` out of process, as CI starts it: TLS 1.0 and 1.1 offered (at
    OpenSSL security level 0, tls.LEGACY_CIPHERS), NULL-encryption suites, static RSA suites."""
    if deviation == "tls_legacy_versions" and not (ssl.HAS_TLSv1 and ssl.HAS_TLSv1_1):
        pytest.skip("this Python's OpenSSL is built without TLS 1.0/1.1: nothing to offer")
    with spawn(["--tls", "--deviation", deviation]) as running:
        outcome = _run_transport(running.base_url, running.ca_file, tmp_path)
    failed = {name.split("[", 1)[0] for name, result in outcome.items() if result == "FAIL"}
    assert failed == caught, outcome
    assert "skip" not in outcome.values(), outcome


@pytest.mark.slow
def test_transport_checks_skip_on_plain_http(tmp_path: Path) -> None:
    with run_in_thread(create_app(MockConfig(), OffsetClock())) as running:
        outcome = _run_transport(running.base_url, None, tmp_path)
    assert {name.split("[", 1)[0] for name in outcome} == TRANSPORT_CHECKS
    assert set(outcome.values()) == {"skip"}, outcome


@pytest.mark.slow
def test_cli_runs_the_transport_group_against_the_mock_with_tls(tmp_path: Path) -> None:
    """``python -m conformance --base-url https://... --ca-file PEM --select transport``."""
    with spawn(["--tls"]) as running:
        assert running.ca_file is not None
        command = [sys.executable, "-m", "conformance", "--base-url", running.base_url]
        command += ["--ca-file", str(running.ca_file), "--select", "transport"]
        command += ["--report-dir", str(tmp_path), "--strict"]
        result = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
        )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    outcome = {r["check"]: r["result"] for r in json.loads((tmp_path / "results.json").read_text())}
    assert {name.split("[", 1)[0] for name in outcome} == TRANSPORT_CHECKS
    assert set(outcome.values()) == {"pass"}, outcome


@pytest.mark.slow
def test_every_check_passes_on_the_mock_started_with_tls(tmp_path: Path) -> None:
    """The whole suite over https, as a user runs it against a TLS deployment: the OAuth and data
    checks give the same verdicts as over http, and the transport checks run instead of skipping.
    ``--allow-clock``: the run did not start this mock, so it moves its clock only when allowed."""
    with spawn(["--tls"]) as running:
        assert running.ca_file is not None
        command = [sys.executable, "-m", "conformance", "--base-url", running.base_url]
        command += ["--ca-file", str(running.ca_file), "--report-dir", str(tmp_path)]
        command += ["--allow-clock", "--hypothesis-profile=dev"]
        proc = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
        )
    results = json.loads((tmp_path / "results.json").read_text())
    output = proc.stdout[-3000:] + proc.stderr[-2000:]
    assert proc.returncode == 0, output
    assert not [r["check"] for r in results if r["result"] == "FAIL"], output
    transport = {r["check"].split("[", 1)[0]: r["result"] for r in results}
    assert {transport[name] for name in TRANSPORT_CHECKS} == {"pass"}, output
    assert sum(r["result"] == "pass" for r in results) >= 200, output
