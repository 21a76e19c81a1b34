"""Interop with a client nobody here wrote: the official SDK ``longbridge`` (5.3.0).

The SDK runs in a child process (``python -I -c _DRIVER``): while its native code runs, Python
threads of the same process cannot (``OAuthBuilder.build()`` holds the GIL), a fallback to its
browser flow would block for minutes, and its environment, home directory and working directory
must be its own. Being out of process, it can talk to a mock served from a thread of this
process, behind a small ASGI recorder that keeps what the SDK actually sent.

The child gets a clean environment: ``LONGBRIDGE_REGION`` set (else the SDK probes the
internet), ``HOME`` in a temporary directory (its token cache), a fresh working directory (it
loads a ``.env`` from there), and every proxy variable pointing at a tripwire on loopback with
only loopback exempt, so an attempt to reach a real Longbridge host is refused, never leaves
the machine, and fails the test. See docs/toolchain.md §6 and docs/longbridge-api.md §2.7, §3, §6.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import importlib
import json
import secrets
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import httpx
import pytest

from conformance.mock_server.app import create_app
from conformance.mock_server.clock import OffsetClock
from conformance.mock_server.config import MockConfig
from conformance.mock_server.legacy_signature import canonical_request, sign
from conformance.mock_server.recorder import Recorder, Seen
from conformance.mock_server.serve import bind, run_in_thread

try:
    importlib.import_module("longbridge.openapi")
except ImportError as exc:  # the only reason to skip: the wheel is missing or cannot load
    pytest.skip(
        f"the official SDK (longbridge, requirements/interop.txt) cannot be imported: {exc}",
        allow_module_level=True,
    )

SECURITY_LIST = "/v1/quote/get_security_list?market=US&category=Overnight"
SDK_REDIRECT_URI = "http://localhost:60355/callback"  # the SDK's fixed loopback callback
JSON_UTF8 = "application/json; charset=utf-8"
BROWSER_EXIT = 97  # the driver's exit status when the SDK asked for a browser

# The child process. It reads a plan on stdin and prints one JSON result per call.
_DRIVER = r"""
import json, os, sys
from datetime import datetime
from longbridge.openapi import Config, HttpClient, OAuthBuilder, OpenApiException

def browser_wanted(url):
    # The SDK found no usable cached token and wants the user to log in: fail, never wait.
    print(json.dumps({"browser": url}), flush=True)
    os._exit(97)

plan = json.loads(sys.stdin.read())
url = plan["http_url"]
if plan["mode"] == "oauth":
    builder = OAuthBuilder(plan["client_id"], plan.get("callback_port"))
    client = HttpClient.from_oauth(builder.build(browser_wanted), url)
else:
    creds = (plan["app_key"], plan["app_secret"], plan["access_token"])
    client = HttpClient.from_apikey(*creds, http_url=url)
results = []
for call in plan["calls"]:
    try:
        if call["op"] == "refresh_access_token":
            config = Config.from_apikey(*creds, http_url=url)
            expired_at = datetime.fromisoformat(call["expired_at"])
            results.append({"data": config.refresh_access_token(expired_at)})
        else:
            data = client.request(call["method"], call["path"], body=call.get("body"))
            results.append({"data": data})
    except OpenApiException as exc:
        error = {"kind": str(exc.kind), "code": exc.code, "trace_id": exc.trace_id}
        results.append({"error": {**error, "message": exc.message}})
print(json.dumps({"results": results}, default=repr), flush=True)
"""


@dataclass
class Mock:
    base_url: str
    recorder: Recorder


@dataclass
class Sdk:
    """Where the SDK child runs: its home (with the token cache), its cwd and environment."""

    home: Path
    cwd: Path
    env: dict[str, str]
    tripwire: Tripwire

    def token_file(self, client_id: str) -> Path:
        return self.home / ".longbridge" / "openapi" / "tokens" / client_id

    def seed_token(self, client_id: str, access_token: str, refresh_token: str | None) -> Path:
        """The SDK's cache; ``expires_at`` > now + 300 s, or it refreshes at the real host."""
        path = self.token_file(client_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        cached = {
            "client_id": client_id,
            "access_token": access_token,
            "refresh_token": refresh_token,
            "expires_at": int(time.time()) + 7200,
        }
        path.write_text(json.dumps(cached))
        return path

    def run_driver(self, plan: dict[str, Any]) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(
            [sys.executable, "-I", "-c", _DRIVER],
            input=json.dumps(plan),
            capture_output=True,
            text=True,
            cwd=self.cwd,
            env=self.env,
            timeout=60,
            check=False,
        )
        assert not self.tripwire.hits, f"the SDK tried to leave loopback: {self.tripwire.hits}"
        return proc

    def run(self, plan: dict[str, Any]) -> list[dict[str, Any]]:
        """The results of the plan's calls; fails the test if the SDK wanted a browser."""
        proc = self.run_driver(plan)
        if proc.returncode == BROWSER_EXIT:
            pytest.fail(f"the SDK wanted a browser authorization: {proc.stdout.strip()}")
        assert proc.returncode == 0, f"SDK driver failed ({proc.returncode}):\n{proc.stderr}"
        results: list[dict[str, Any]] = json.loads(proc.stdout)["results"]
        assert len(results) == len(plan["calls"])
        return results


def free_port() -> int:
    sock = bind()
    port: int = sock.getsockname()[1]
    sock.close()
    return port


@dataclass
class Tripwire:
    """A proxy that proxies nothing: it notes what each connection asked for and hangs up.

    The SDK (reqwest) sends everything but loopback through it, so an attempt to reach a real
    Longbridge host (e.g. ``CONNECT openapi.longbridge.com:443`` for a token refresh) is seen
    and refused here instead of leaving the machine.
    """

    url: str
    hits: list[str]


@contextlib.contextmanager
def tripwire() -> Iterator[Tripwire]:
    sock = bind()
    sock.settimeout(0.05)
    host, port = sock.getsockname()[:2]
    wire = Tripwire(f"http://{host}:{port}", [])
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(2)
                try:
                    first = conn.recv(512).split(b"\r\n", 1)[0]
                except OSError:
                    first = b"?"
                wire.hits.append(first.decode("latin-1"))

    thread = threading.Thread(target=watch, name="sdk-tripwire", daemon=True)
    thread.start()
    try:
        yield wire
    finally:
        stop.set()
        thread.join(timeout=5)
        sock.close()


@pytest.fixture
def sdk(tmp_path: Path) -> Iterator[Sdk]:
    """A clean environment for the SDK child: nothing of this process's env leaks in."""
    home, cwd = tmp_path / "home", tmp_path / "cwd"
    home.mkdir()
    cwd.mkdir()  # empty: the SDK loads a .env from its cwd
    with tripwire() as wire:
        env = {
            "HOME": home.as_posix(),  # the token cache lives under it
            "LONGBRIDGE_REGION": "global",  # else a geotest probe to the internet
            "NO_PROXY": "127.0.0.1,localhost",
            "no_proxy": "127.0.0.1,localhost",
        }
        for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
            env[name] = env[name.lower()] = wire.url
        yield Sdk(home, cwd, env, wire)


@contextlib.contextmanager
def serve(config: MockConfig) -> Iterator[Mock]:
    mock = create_app(config, OffsetClock())
    recorder = Recorder(mock.app)
    mock.app = recorder
    with run_in_thread(mock) as running:
        yield Mock(running.base_url, recorder)


@pytest.fixture
def mock(request: pytest.FixtureRequest) -> Iterator[Mock]:
    """A fresh mock per test; ``indirect`` parametrisation passes a token prefix."""
    prefix: str = getattr(request, "param", "")
    with serve(MockConfig(token_prefix=prefix)) as served:
        yield served


# ---------------------------------------------------------------------------------------------
# OAuth mode (docs/longbridge-api.md §2.7, §6.1)


@dataclass(frozen=True)
class Grant:
    client_id: str
    access_token: str
    refresh_token: str | None


def _pkce_grant(base_url: str) -> Grant:
    """A real token from the mock: RFC 7591 registration, then the code flow with S256 PKCE."""
    with httpx.Client(base_url=base_url, timeout=10) as http:
        registered = http.post(
            "/oauth2/register",
            json={
                "client_name": "official SDK interop",
                "redirect_uris": [SDK_REDIRECT_URI],
                "token_endpoint_auth_method": "none",
            },
        )
        assert registered.status_code == 201, registered.text
        client_id = registered.json()["client_id"]
        verifier = secrets.token_urlsafe(48)
        challenge = (
            base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
            .rstrip(b"=")
            .decode()
        )
        state = secrets.token_urlsafe(8)
        authorized = http.get(
            "/oauth2/authorize",
            params={
                "response_type": "code",
                "client_id": client_id,
                "redirect_uri": SDK_REDIRECT_URI,
                "state": state,
                "code_challenge": challenge,
                "code_challenge_method": "S256",
            },
        )
        assert authorized.status_code == 302, authorized.text
        location = authorized.headers["location"]
        assert location.startswith(SDK_REDIRECT_URI + "?")
        answer = parse_qs(urlsplit(location).query)
        assert answer["state"] == [state]
        issued = http.post(
            "/oauth2/token",
            data={
                "grant_type": "authorization_code",
                "code": answer["code"][0],
                "redirect_uri": SDK_REDIRECT_URI,
                "client_id": client_id,
                "code_verifier": verifier,
            },
        )
        assert issued.status_code == 200, issued.text
        tokens = issued.json()
        assert tokens["token_type"].lower() == "bearer"
        return Grant(client_id, tokens["access_token"], tokens.get("refresh_token"))


def _mock_answer(base_url: str, access_token: str, path: str) -> Any:
    response = httpx.get(
        base_url + path, headers={"Authorization": f"Bearer {access_token}"}, timeout=10
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["code"] == 0
    return body["data"]


@pytest.mark.parametrize(("mock", "dc_region"), [("", "ap"), ("us_", "us")], indirect=["mock"])
def test_oauth_sdk_uses_a_mock_token_from_its_cache(mock: Mock, sdk: Sdk, dc_region: str) -> None:
    grant = _pkce_grant(mock.base_url)
    cache = sdk.seed_token(grant.client_id, grant.access_token, grant.refresh_token)
    cached = cache.read_text()
    before = int(time.time())

    ok, bogus = sdk.run(
        {
            "mode": "oauth",
            "client_id": grant.client_id,
            "http_url": mock.base_url,
            "calls": [
                {"op": "request", "method": "get", "path": SECURITY_LIST},
                {
                    "op": "request",
                    "method": "get",
                    "path": "/v1/quote/get_security_list?market=US&category=Bogus",
                },
            ],
        }
    )

    # The SDK unwraps the envelope: what it returns is the mock's `data`, unchanged.
    expected = _mock_answer(mock.base_url, grant.access_token, SECURITY_LIST)
    assert ok == {"data": expected}
    assert "TSLA.US" in [row["symbol"] for row in expected["list"]]

    # A nonzero envelope code surfaces as OpenApiException with the code and x-trace-id.
    sent_ok, sent_bogus = mock.recorder.by_user_agent("openapi-sdk")
    assert bogus["error"]["code"] == 310010
    assert bogus["error"]["kind"] == "ErrorKind.OpenApi"
    assert bogus["error"]["trace_id"] == sent_bogus.trace_id != ""
    assert (sent_ok.status, sent_bogus.status) == (200, 400)

    # What the SDK sent (§2.7): Bearer plus extra headers that the mock must accept and ignore.
    assert (sent_ok.method, sent_ok.path, sent_ok.query) == (
        "GET",
        "/v1/quote/get_security_list",
        "market=US&category=Overnight",
    )
    headers = sent_ok.headers
    assert headers["authorization"] == f"Bearer {grant.access_token}"
    assert headers["x-api-key"] == grant.client_id
    assert before - 5 <= int(headers["x-timestamp"]) <= int(time.time()) + 5
    assert headers["x-dc-region"] == dc_region  # "us" for a token that starts with "us_"
    assert headers["content-type"] == JSON_UTF8  # even on a GET without a body
    assert "x-api-signature" not in headers
    assert sent_ok.body == b""

    # The token was used as cached: no refresh (that would go to the real host), no rewrite.
    assert cache.read_text() == cached


def test_oauth_sdk_reports_an_unknown_token_as_401004(mock: Mock, sdk: Sdk) -> None:
    sdk.seed_token("unregistered-client", "not-a-token-of-this-mock", None)

    (answer,) = sdk.run(
        {
            "mode": "oauth",
            "client_id": "unregistered-client",
            "http_url": mock.base_url,
            "calls": [{"op": "request", "method": "get", "path": SECURITY_LIST}],
        }
    )

    (sent,) = mock.recorder.by_user_agent("openapi-sdk")
    assert sent.status == 401
    assert answer["error"]["code"] == 401004
    assert answer["error"]["kind"] == "ErrorKind.OpenApi"
    assert answer["error"]["trace_id"] == sent.trace_id != ""


def test_oauth_sdk_without_a_cached_token_asks_for_a_browser(mock: Mock, sdk: Sdk) -> None:
    """The guard above works, and the SDK's own authorization request suits the mock."""
    grant = _pkce_grant(mock.base_url)  # a client registered for the SDK's loopback callback
    port = free_port()

    proc = sdk.run_driver(
        {
            "mode": "oauth",
            "client_id": grant.client_id,
            "callback_port": port,
            "http_url": mock.base_url,
            "calls": [{"op": "request", "method": "get", "path": SECURITY_LIST}],
        }
    )

    assert proc.returncode == BROWSER_EXIT, proc.stderr
    assert mock.recorder.by_user_agent("openapi-sdk") == []
    url = urlsplit(json.loads(proc.stdout)["browser"])
    # The authorize URL is on the hard-coded real host; it is read here, never opened.
    assert (url.scheme, url.path) == ("https", "/oauth2/authorize")
    params = {k: v[0] for k, v in parse_qs(url.query).items()}
    assert params.pop("state")
    # No PKCE and no scope (docs/longbridge-api.md §6.1): a server requiring PKCE rejects the SDK.
    assert params == {
        "response_type": "code",
        "client_id": grant.client_id,
        "redirect_uri": f"http://localhost:{port}/callback",
    }
    # The same request at the mock (default config, PKCE optional): a code for the registered
    # loopback callback, whatever its port (RFC 8252 §7.3).
    answer = httpx.get(f"{mock.base_url}/oauth2/authorize?{url.query}", timeout=10)
    assert answer.status_code == 302, answer.text
    location = urlsplit(answer.headers["location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == params["redirect_uri"]
    assert "code" in parse_qs(location.query)


# ---------------------------------------------------------------------------------------------
# Legacy API-key mode (docs/longbridge-api.md §3)


def _legacy_credentials(base_url: str) -> dict[str, str]:
    apps = httpx.get(base_url + "/_mock/legacy", timeout=10).json()["apps"]
    credentials: dict[str, str] = apps[0]
    return credentials


def _signature(seen: Seen) -> tuple[str, str]:
    """(signed header names, hex signature) from ``X-Api-Signature``."""
    scheme, _, rest = seen.headers["x-api-signature"].partition(" SignedHeaders=")
    assert scheme == "HMAC-SHA256"
    signed, _, signature = rest.partition(", Signature=")
    return signed, signature


def test_apikey_sdk_signatures_verify_in_the_mock(mock: Mock, sdk: Sdk) -> None:
    creds = _legacy_credentials(mock.base_url)
    expired_at = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(time.time() + 86_400))
    order = {"symbol": "TSLA.US", "side": "Buy", "submitted_quantity": "1", "remark": "a b&c"}

    listed, bogus, posted, refreshed = sdk.run(
        {
            "mode": "apikey",
            "http_url": mock.base_url,
            **creds,
            "calls": [
                {"op": "request", "method": "get", "path": SECURITY_LIST},
                {
                    "op": "request",
                    "method": "get",
                    "path": "/v1/quote/get_security_list?market=US&category=Bogus",
                },
                # No mock endpoint takes a body yet: the router answers 405 before any check,
                # and the body's part of the signature is verified below instead.
                {"op": "request", "method": "post", "path": SECURITY_LIST, "body": order},
                # The SDK's own query encoding: expired_at's colons go out as %3A (§3.2 step 3).
                {"op": "refresh_access_token", "expired_at": expired_at},
            ],
        }
    )
    sent_list, sent_bogus, sent_post, sent_refresh = mock.recorder.by_user_agent("openapi-sdk")

    # A signed GET with a query string: verified, and the security list comes back.
    assert sent_list.status == 200
    assert "TSLA.US" in [row["symbol"] for row in listed["data"]["list"]]
    headers = sent_list.headers
    assert headers["authorization"] == creds["access_token"]  # raw, no "Bearer" (§3.1)
    assert headers["x-api-key"] == creds["app_key"]
    assert headers["content-type"] == JSON_UTF8
    assert headers["x-timestamp"].isdigit()
    assert _signature(sent_list)[0] == "authorization;x-api-key;x-timestamp"

    # Past the signature check, the operation's own error code and the trace id come through.
    assert sent_bogus.status == 400
    assert bogus["error"]["code"] == 310010
    assert bogus["error"]["trace_id"] == sent_bogus.trace_id != ""

    # A JSON body: the SDK's signature includes sha1(body) (§3.2 step 7), as the mock computes.
    assert sent_post.status == 405
    assert "error" in posted
    assert json.loads(sent_post.body) == order
    signed, signature = _signature(sent_post)
    with_body = canonical_request(
        "POST", sent_post.path, sent_post.query, sent_post.headers, signed, sent_post.body
    )
    without_body = canonical_request(
        "POST", sent_post.path, sent_post.query, sent_post.headers, signed, b""
    )
    assert sign(creds["app_secret"], with_body) == signature
    assert sign(creds["app_secret"], without_body) != signature

    # GET /v1/token/refresh (§3.3): an encoded query, signed as sent, verified by the mock.
    assert (sent_refresh.path, sent_refresh.status) == ("/v1/token/refresh", 200)
    assert "%3A" in sent_refresh.query
    (sent_expiry,) = parse_qs(sent_refresh.query)["expired_at"]
    assert datetime.fromisoformat(sent_expiry) == datetime.fromisoformat(expired_at)
    # The SDK signs the query as sent, not decoded (the cause of longbridge/openapi#180).
    signed, signature = _signature(sent_refresh)
    for query, verifies in ((sent_refresh.query, True), (unquote(sent_refresh.query), False)):
        canonical = canonical_request(
            "GET", sent_refresh.path, query, sent_refresh.headers, signed, b""
        )
        assert (sign(creds["app_secret"], canonical) == signature) is verifies
    new_token = refreshed["data"]
    assert isinstance(new_token, str)
    assert new_token != creds["access_token"]
    assert _legacy_credentials(mock.base_url)["access_token"] == new_token

    # The new token works from the SDK; the old one no longer does (401004).
    fresh, stale = sdk.run(
        {
            "mode": "apikey",
            "http_url": mock.base_url,
            **creds,
            "access_token": new_token,
            "calls": [{"op": "request", "method": "get", "path": SECURITY_LIST}],
        }
    ) + sdk.run(
        {
            "mode": "apikey",
            "http_url": mock.base_url,
            **creds,
            "calls": [{"op": "request", "method": "get", "path": SECURITY_LIST}],
        }
    )
    assert fresh == listed
    assert stale["error"]["code"] == 401004


def test_apikey_sdk_with_a_wrong_secret_gets_403201(mock: Mock, sdk: Sdk) -> None:
    creds = _legacy_credentials(mock.base_url)

    (answer,) = sdk.run(
        {
            "mode": "apikey",
            "http_url": mock.base_url,
            **creds,
            "app_secret": creds["app_secret"][::-1],
            "calls": [{"op": "request", "method": "get", "path": SECURITY_LIST}],
        }
    )

    (sent,) = mock.recorder.by_user_agent("openapi-sdk")
    assert sent.status == 403
    assert "x-api-signature" in sent.headers
    assert answer["error"]["code"] == 403201
    assert answer["error"]["kind"] == "ErrorKind.OpenApi"
    assert answer["error"]["trace_id"] == sent.trace_id != ""


# ---------------------------------------------------------------------------------------------
# The SDK's own typed methods: every HTTP operation it has, parsed by its own structs

# The child calls each method and prints its result's repr; an error is the SDK refusing the
# mock's answer (e.g. "Invalid decimal: empty") or the mock refusing the SDK's request.
_TYPED_DRIVER = r"""
import json, sys, traceback
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from longbridge.openapi import (
    Config, Market, OrderSide, OrderType, PinnedMode, QuoteContext, SecuritiesUpdateMode,
    SecurityListCategory, TimeInForceType, TradeContext,
)

plan = json.loads(sys.stdin.read())
config = Config.from_apikey(
    plan["app_key"], plan["app_secret"], plan["access_token"], http_url=plan["http_url"],
    quote_ws_url=plan["ws_url"], trade_ws_url=plan["ws_url"],
)
quote, trade = QuoteContext(config), TradeContext(config)
now = datetime.now(timezone.utc)
results = {}

def call(name, fn):
    try:
        value = fn()
        results[name] = {"ok": repr(value)}
        return value
    except Exception as exc:
        results[name] = {"error": f"{type(exc).__name__}: {exc}"}

call("watchlist", quote.watchlist)
group = call("create_watchlist_group", lambda: quote.create_watchlist_group("sdk", ["700.HK"]))
call("update_watchlist_group", lambda: quote.update_watchlist_group(
    group, name="sdk2", securities=["AAPL.US"], mode=SecuritiesUpdateMode.Add))
call("update_pinned", lambda: quote.update_pinned(PinnedMode.Add, ["AAPL.US"]))
call("delete_watchlist_group", lambda: quote.delete_watchlist_group(group, True))
call("security_list", lambda: quote.security_list(Market.US, SecurityListCategory.Overnight))
call("market_temperature", lambda: quote.market_temperature(Market.HK))
call("history_market_temperature", lambda: quote.history_market_temperature(
    Market.HK, date(2024, 1, 1), date(2024, 1, 31)))
call("filings", lambda: quote.filings("700.HK"))
call("account_balance", trade.account_balance)
call("account_balance_hkd", lambda: trade.account_balance("HKD"))
call("cash_flow", lambda: trade.cash_flow(now - timedelta(days=30), now))
call("fund_positions", trade.fund_positions)
call("stock_positions", trade.stock_positions)
call("margin_ratio", lambda: trade.margin_ratio("700.HK"))
call("today_orders", trade.today_orders)
call("history_orders", lambda: trade.history_orders(
    start_at=now - timedelta(days=30), end_at=now))
call("today_executions", trade.today_executions)
call("history_executions", lambda: trade.history_executions(
    start_at=now - timedelta(days=30), end_at=now))
call("estimate_max_purchase_quantity", lambda: trade.estimate_max_purchase_quantity(
    "700.HK", OrderType.LO, OrderSide.Buy, price=Decimal("360")))
submitted = call("submit_order", lambda: trade.submit_order(
    "700.HK", OrderType.LO, OrderSide.Buy, Decimal(100), TimeInForceType.Day,
    submitted_price=Decimal("300"), remark="sdk"))
order_id = getattr(submitted, "order_id", "0")
call("order_detail", lambda: trade.order_detail(order_id))
call("replace_order", lambda: trade.replace_order(order_id, Decimal(200), price=Decimal("301")))
call("cancel_order", lambda: trade.cancel_order(order_id))
print(json.dumps(results), flush=True)
"""

SDK_HTTP_CALLS = 24  # the count: 9 QuoteContext and 15 TradeContext HTTP calls


def test_the_sdk_parses_every_answer_of_the_mock(mock: Mock, sdk: Sdk) -> None:
    """The SDK's structs are the closest witness of what the real server sends (issue 15)."""
    closed = free_port()  # nothing listens: the SDK's websocket attempts fail on loopback
    plan = {
        **_legacy_credentials(mock.base_url),
        "http_url": mock.base_url,
        "ws_url": f"ws://127.0.0.1:{closed}",
    }
    proc = subprocess.run(
        [sys.executable, "-I", "-c", _TYPED_DRIVER],
        input=json.dumps(plan),
        capture_output=True,
        text=True,
        cwd=sdk.cwd,
        env=sdk.env,
        timeout=120,
        check=False,
    )
    assert not sdk.tripwire.hits, f"the SDK tried to leave loopback: {sdk.tripwire.hits}"
    assert proc.returncode == 0, f"SDK driver failed ({proc.returncode}):\n{proc.stderr}"
    results: dict[str, dict[str, str]] = json.loads(proc.stdout.splitlines()[-1])
    assert len(results) == SDK_HTTP_CALLS
    failed = {name: r["error"] for name, r in results.items() if "error" in r}
    assert failed == {}
    # Each call reached its operation and was answered 200 (no call was served by a fallback).
    seen = mock.recorder.by_user_agent("openapi-sdk")
    assert len(seen) == SDK_HTTP_CALLS
    assert [s.status for s in seen] == [200] * SDK_HTTP_CALLS, [(s.path, s.status) for s in seen]
    # What the SDK read is what the mock meant (spot checks of the parsed values).
    assert "TSLA.US" in results["security_list"]["ok"]
    assert "700.HK" in results["filings"]["ok"] or "Annual Report" in results["filings"]["ok"]
