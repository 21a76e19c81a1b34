"""A real browser logs in: headless Chromium opens the URL ``longbridge-openapi login`` prints,
clicks Approve on the mock's consent page (``--consent manual``), follows the redirect to the
CLI's loopback callback (RFC 8252 §7.3), and the CLI stores the token.

Chromium is Debian's package (``apt-get install chromium``; .ci/run installs it), driven by
Playwright's Python package pointed at that executable: Playwright's own browser download is
never used. Skips, saying why, only where Chromium or Playwright cannot be found.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conformance.mock_server.serve import spawn
from longbridge_openapi_client import FileTokenStore

SCRIPT = Path(sys.executable).with_name("longbridge-openapi")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Headless on a shared CI machine: no sandbox (containers lack the namespaces), no GPU, and
# nothing that reaches the internet on its own (QUIC, sync, component updates).
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"
    ),
]


def test_a_real_browser_approves_and_the_cli_stores_the_token(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    assert CHROMIUM is not None
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LONGBRIDGE_", "LONGPORT_"))}
    with spawn(["--consent", "manual"]) as mock:
        env.update(LONGBRIDGE_HTTP_URL=mock.base_url, LONGBRIDGE_TOKEN_DIR=str(tmp_path))
        register = subprocess.run(
            [str(SCRIPT), "register", "--name", "browser-test"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=True,
        )
        client_id = json.loads(register.stdout)["client_id"]
        env["LONGBRIDGE_CLIENT_ID"] = client_id
        login = subprocess.Popen(
            [str(SCRIPT), "login", "--no-browser", "--timeout", "120", "--scope", "watchlist"],
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        lines: list[str] = []
        try:
            assert login.stderr is not None
            for line in login.stderr:
                lines.append(line)
                if line.startswith("    http"):
                    break
            url = lines[-1].strip()
            assert url.startswith(f"{mock.base_url}/oauth2/authorize?"), "".join(lines)
            # The rest of stderr, read while the browser works, so the CLI never blocks on it.
            rest: list[str] = []
            reader = threading.Thread(target=lambda: rest.extend(login.stderr or []), daemon=True)
            reader.start()
            with sync_api.sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
                )
                try:
                    page = browser.new_page()
                    page.goto(url)
                    assert "Authorize browser-test?" in page.content()
                    with page.expect_navigation(url="**/callback?**"):
                        page.click("button[value=approve]")
                    assert "Authorization received" in page.content()
                finally:
                    browser.close()
            assert login.wait(timeout=60) == 0, "".join(lines + rest)
            reader.join(timeout=10)
        finally:
            if login.poll() is None:
                login.kill()
            login.wait()
            if login.stderr is not None:
                login.stderr.close()
    output = "".join(lines + rest)
    assert "Logged in" in output
    token = FileTokenStore(tmp_path).load(client_id)
    assert token is not None
    assert token.scope == "4"
    assert token.access_token not in output
