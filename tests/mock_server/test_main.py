"""``python -m conformance.mock_server``: start-up, the base URL line, and every option."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from conformance.mock_server.serve import spawn

from .harness import REDIRECT_URI, LegacyApp, legacy_signature, pkce_pair

pytestmark = pytest.mark.slow

WELL_KNOWN = "/.well-known/oauth-authorization-server"


def security_symbols(base_url: str) -> list[str]:
    """The seeded security list, read in legacy mode (no consent involved)."""
    with httpx.Client(base_url=base_url, timeout=10) as http:
        app = LegacyApp(**http.get("/_mock/legacy").json()["apps"][0])
        query = "market=US&category=Overnight"
        path = "/v1/quote/get_security_list"
        timestamp = str(time.time())
        headers = {
            "X-Api-Key": app.app_key,
            "Authorization": app.access_token,
            "X-Timestamp": timestamp,
            "X-Api-Signature": legacy_signature(app, "GET", path, query, timestamp),
        }
        response = http.get(f"{path}?{query}", headers=headers)
        assert response.status_code == 200, response.text
        return [s["symbol"] for s in response.json()["data"]["list"]]


def test_prints_its_base_url_first_and_serves() -> None:
    start = time.monotonic()
    with spawn() as running:
        elapsed = time.monotonic() - start
        # The promise is 1 s (about 0.4 s measured); 5 s keeps slow CI machines green.
        assert elapsed < 5, f"start-up took {elapsed:.2f} s"
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", running.base_url)
        with httpx.Client(base_url=running.base_url, timeout=10) as http:
            metadata = http.get(WELL_KNOWN).json()
            assert metadata["issuer"] == running.base_url
            assert metadata["token_endpoint"] == running.base_url + "/oauth2/token"
            # Defaults: auto consent, PKCE optional.
            registration = http.post("/oauth2/register", json={"redirect_uris": [REDIRECT_URI]})
            assert registration.status_code == 201
            client_id = registration.json()["client_id"]
            authorize = http.get(
                "/oauth2/authorize",
                params={"response_type": "code", "client_id": client_id, "state": "s"},
            )
            assert authorize.status_code == 302
            query = parse_qs(urlsplit(authorize.headers["location"]).query)
            assert query["state"] == ["s"]
            assert query["iss"] == [running.base_url]


def test_options_are_honoured() -> None:
    args = [
        "--consent=manual",
        "--require-pkce",
        "--deviation=issuer_mismatch",
        "--fault=status=502@/v1/socket/token*1",
        "--seed=7",
    ]
    with spawn(args) as running, httpx.Client(base_url=running.base_url, timeout=10) as http:
        # --deviation
        assert http.get(WELL_KNOWN).json()["issuer"] != running.base_url
        client_id = http.post("/oauth2/register", json={"redirect_uris": [REDIRECT_URI]}).json()[
            "client_id"
        ]
        params = {"response_type": "code", "client_id": client_id, "state": "s"}
        # --require-pkce
        refused = http.get("/oauth2/authorize", params=params)
        assert refused.status_code == 302
        assert parse_qs(urlsplit(refused.headers["location"]).query)["error"] == ["invalid_request"]
        # --consent manual
        pkce = pkce_pair()
        page = http.get(
            "/oauth2/authorize",
            params={**params, "code_challenge": pkce.challenge, "code_challenge_method": "S256"},
        )
        assert page.status_code == 200
        assert "consent_id" in page.text
        # --fault, with its *TIMES limit
        failed = http.get("/v1/socket/token")
        assert failed.status_code == 502
        assert failed.json()["code"] == 500000
        assert http.get("/v1/socket/token").status_code == 401
        seven = security_symbols(running.base_url)
    # --seed: the same seed serves the same data, another seed other data.
    with spawn(["--seed", "7"]) as again:
        assert security_symbols(again.base_url) == seven
    with spawn(["--seed", "8"]) as other:
        eight = security_symbols(other.base_url)
    assert eight != seven
    assert "TSLA.US" in seven
    assert "TSLA.US" in eight


BAD_ARGUMENTS = [
    (["--fault", "bogus"], "bad fault"),
    (["--fault", "status=404"], "5xx"),
    (["--fault", "status=" + "9" * 400], "bad fault"),
    (["--deviation", "no_such_deviation"], "invalid choice"),
    (["--consent", "sometimes"], "invalid choice"),
]


def test_bad_arguments_exit_2() -> None:
    # All at once: each child spends most of its second importing.
    children = [
        (
            args,
            message,
            subprocess.Popen(
                [sys.executable, "-m", "conformance.mock_server", "--port", "0", *args],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            ),
        )
        for args, message in BAD_ARGUMENTS
    ]
    for args, message, child in children:
        stdout, stderr = child.communicate(timeout=30)
        assert child.returncode == 2, (args, stderr)
        assert message in stderr, args
        assert "Traceback" not in stderr, args
        assert stdout == "", args
