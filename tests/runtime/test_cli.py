"""The ``longbridge-openapi`` CLI end to end against the mock server on loopback.

``main`` runs in this process (its output captured with ``capsys``); a scripted stand-in for the
browser follows the authorize redirect to the CLI's own loopback callback server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import httpx
import pytest

from conformance.mock_server import MockConfig, OffsetClock, create_app
from conformance.mock_server.serve import Running, run_in_thread, spawn
from longbridge_openapi_client import FileTokenStore, Token
from longbridge_openapi_client._runtime.cli import main

BROWSER_UNUSED = "the test did not expect a browser"


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


class Browser:
    """Does what a browser does with the authorize URL: follow the redirect, show the page."""

    def __init__(self, callback_query: str | None = None) -> None:
        self.callback_query = callback_query  # replaces the redirect's query when given
        self.urls: list[str] = []
        self.pages: list[httpx.Response] = []

    def __call__(self, url: str) -> bool:
        self.urls.append(url)
        with httpx.Client(trust_env=False) as browser:
            consent = browser.get(url)  # the mock consents at once: 302 to the redirect URI
            assert consent.status_code == 302, consent.text
            location = consent.headers["location"]
            if self.callback_query is not None:
                location = location.split("?")[0] + "?" + self.callback_query
            self.pages.append(browser.get(location))
        return True


def no_browser(url: str) -> bool:
    raise AssertionError(BROWSER_UNUSED)


@dataclass
class Cli:
    base_url: str
    token_dir: Path
    capsys: pytest.CaptureFixture[str]
    client_id: str = ""

    def __call__(self, *argv: str, browser: Callable[[str], object] = no_browser) -> Result:
        args = [*argv, "--base-url", self.base_url, "--token-dir", str(self.token_dir)]
        if self.client_id:
            args += ["--client-id", self.client_id]
        code = main(args, open_browser=browser, sleep=lambda _: None, environ={})
        out, err = self.capsys.readouterr()
        return Result(code, out, err)

    def register(self, *argv: str) -> dict[str, object]:
        result = self("register", *argv)
        assert result.code == 0, result.err
        info: dict[str, object] = json.loads(result.out)
        self.client_id = str(info["client_id"])
        return info

    def login(self) -> Token:
        browser = Browser()
        result = self("login", browser=browser)
        assert result.code == 0, result.err
        return self.stored()

    def stored(self) -> Token:
        token = FileTokenStore(self.token_dir).load(self.client_id)
        assert token is not None
        return token


@pytest.fixture(scope="module")
def server() -> Iterator[Running]:
    """One mock for the module (each test registers its own client and uses its own store)."""
    mock = create_app(MockConfig(device_approval_delay=0), OffsetClock())
    with run_in_thread(mock) as running:
        yield running


@pytest.fixture
def cli(server: Running, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(server.base_url, tmp_path / "tokens", capsys)


def assert_no_secret(result: Result, token: Token) -> None:
    for secret in (token.access_token, token.refresh_token):
        assert secret
        for text in (result.out, result.err):
            assert secret not in text
            assert secret[:8] not in text  # not even partially


def bearer_code(base_url: str, access_token: str) -> object:
    with httpx.Client(base_url=base_url, trust_env=False) as http:
        response = http.get("/v1/socket/token", headers={"Authorization": f"Bearer {access_token}"})
        return response.json()["code"]


def test_login_show_call_refresh_revoke(cli: Cli, server: Running) -> None:
    cli.register()
    browser = Browser()
    login = cli("login", "--scope", "watchlist", "--scope", "10", browser=browser)
    assert login.code == 0, login.err
    [url] = browser.urls
    assert url in login.err  # the URL is always printed, browser or not
    query = parse_qs(urlsplit(url).query)
    assert query["code_challenge_method"] == ["S256"]
    assert query["scope"] == ["4 10"]
    redirect = urlsplit(query["redirect_uri"][0])
    assert (redirect.scheme, redirect.hostname, redirect.path) == ("http", "127.0.0.1", "/callback")
    assert redirect.port
    assert redirect.port > 0
    [page] = browser.pages
    assert page.status_code == 200
    assert "close this tab" in page.text
    assert "Logged in" in login.err
    first = cli.stored()
    assert first.scope == "4 10"
    assert_no_secret(login, first)

    show = cli("token", "show")
    assert show.code == 0, show.err
    assert cli.client_id in show.out
    assert "4 (watchlist) 10 (trade.read)" in show.out
    assert "Bearer" in show.out
    assert "<redacted>" in show.out
    assert_no_secret(show, first)

    call = cli(
        "call", "GET", "/v1/quote/get_security_list", "-p", "market=US", "-p", "category=Overnight"
    )
    assert call.code == 0, call.err
    data = json.loads(call.out)
    assert "TSLA.US" in [item["symbol"] for item in data["list"]]
    assert_no_secret(call, first)

    refresh = cli("token", "refresh")
    assert refresh.code == 0, refresh.err
    second = cli.stored()
    assert second.access_token != first.access_token
    assert second.refresh_token != first.refresh_token
    assert_no_secret(refresh, first)
    assert_no_secret(refresh, second)

    revoke = cli("token", "revoke")
    assert revoke.code == 0, revoke.err
    assert FileTokenStore(cli.token_dir).load(cli.client_id) is None
    assert bearer_code(server.base_url, second.access_token) == 401004
    assert_no_secret(revoke, second)

    after = cli("call", "GET", "/v1/socket/token")
    assert after.code == 1
    assert "log in" in after.err
    again = cli("token", "revoke")
    assert again.code == 0
    assert "nothing to revoke" in again.err


def test_device_login_against_a_spawned_mock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with spawn(["--device-approval-delay", "0"]) as running:
        cli = Cli(running.base_url, tmp_path, capsys)
        cli.register()
        login = cli("login", "--device", "--scope", "watchlist")
        assert login.code == 0, login.err
        assert "enter the code: " in login.err
        assert f"{running.base_url}/oauth2/device/verify" in login.err
        assert "?user_code=" in login.err  # verification_uri_complete
        token = cli.stored()
        assert token.scope == "4"
        assert_no_secret(login, token)
        call = cli(
            "call",
            "GET",
            "/v1/quote/get_security_list",
            "-p",
            "market=US",
            "-p",
            "category=Overnight",
        )
        assert call.code == 0, call.err
        assert "TSLA.US" in call.out


def test_register_prints_the_credentials_once(cli: Cli) -> None:
    public = cli.register("--name", "cli test", "--redirect-uri", "http://127.0.0.1/callback")
    assert public["client_name"] == "cli test"
    assert public["redirect_uris"] == ["http://127.0.0.1/callback"]
    assert "client_secret" not in public
    assert public["registration_access_token"]
    result = cli("register", "--confidential")
    assert result.code == 0, result.err
    confidential = json.loads(result.out)
    assert confidential["token_endpoint_auth_method"] == "client_secret_basic"
    assert confidential["client_secret"]
    assert "Save the output above now: client_secret and registration_access_token" in result.err
    assert "LONGBRIDGE_CLIENT_SECRET" in result.err
    cli.client_id = confidential["client_id"]
    result = cli("token", "show")  # nothing else prints them
    assert str(confidential["client_secret"]) not in result.out + result.err


def test_confidential_client_logs_in_with_the_secret_from_the_environment(
    cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    info = cli.register("--confidential")
    secret = str(info["client_secret"])
    argv = [
        "--base-url",
        cli.base_url,
        "--token-dir",
        str(cli.token_dir),
        "--client-id",
        cli.client_id,
    ]
    code = main(
        ["login", *argv], open_browser=Browser(), environ={"LONGBRIDGE_CLIENT_SECRET": secret}
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    assert secret not in out + err
    token = cli.stored()
    code = main(["login", *argv], open_browser=Browser(), environ={})
    out, err = capsys.readouterr()
    assert code == 1
    assert "invalid_client" in err
    assert token.access_token not in out + err


def test_api_errors_exit_1_with_code_and_trace_id(cli: Cli) -> None:
    cli.register()
    token = cli.login()
    bad = cli(
        "call", "GET", "/v1/quote/get_security_list", "-p", "market=US", "-p", "category=Nope"
    )
    assert bad.code == 1
    assert bad.out == ""
    assert bad.err.startswith("error: ")
    assert "code=310010" in bad.err
    assert "trace_id=" in bad.err
    assert "trace_id=None" not in bad.err
    assert_no_secret(bad, token)


def test_no_token_asks_to_log_in(cli: Cli) -> None:
    cli.client_id = "never-logged-in"
    for argv in (("call", "GET", "/v1/socket/token"), ("token", "show"), ("token", "refresh")):
        result = cli(*argv)
        assert result.code == 1, argv
        assert "log in" in result.err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("call", "GET", "https://example.com/v1/x"), "path on the server"),
        (("call", "GET", "//example.com/v1/x"), "path on the server"),
        (("call", "GET", "/v1/x", "-p", "novalue"), "KEY=VALUE"),
        (("call", "POST", "/v1/x", "--json", "{bad"), "not valid JSON"),
        (("call", "G E T", "/v1/x"), "HTTP method"),
        (("login", "--scope", "trade.everything"), "unknown scope"),
        (("login", "--timeout", "0"), "more than 0"),
        (("token",), "required"),
        (("frobnicate",), "invalid choice"),
    ],
)
def test_usage_errors_exit_2(cli: Cli, argv: tuple[str, ...], message: str) -> None:
    cli.client_id = "some-client"
    result = cli(*argv)
    assert result.code == 2
    assert message in result.err


def test_no_client_id_is_a_usage_error(cli: Cli) -> None:
    result = cli("token", "show")
    assert result.code == 2
    assert "LONGBRIDGE_CLIENT_ID" in result.err


def test_options_before_the_command(cli: Cli) -> None:
    cli.register()
    cli.login()
    where = ["--base-url", cli.base_url, "--token-dir", str(cli.token_dir)]
    for argv in (
        [*where, "--client-id", cli.client_id, "token", "show"],
        ["token", *where, "--client-id", cli.client_id, "show"],
        [*where, "--client-id", "someone-else", "token", "show", "--client-id", cli.client_id],
    ):
        assert main(argv, environ={}) == 0, argv
        assert cli.client_id in cli.capsys.readouterr().out


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "login" in capsys.readouterr().out


def test_login_ignores_a_redirect_with_another_state(cli: Cli) -> None:
    cli.register()
    pages: list[httpx.Response] = []

    def browser(url: str) -> bool:
        redirect = parse_qs(urlsplit(url).query)["redirect_uri"][0]
        with httpx.Client(trust_env=False) as other:
            pages.append(other.get(f"{redirect}?code=stolen&state=forged"))
            pages.append(other.get(redirect.replace("/callback", "/favicon.ico")))
        return Browser()(url)

    result = cli("login", browser=browser)
    assert result.code == 0, result.err
    assert [p.status_code for p in pages] == [400, 404]
    assert "state does not match" in result.err
    cli.stored()


def test_login_refused_by_the_user(cli: Cli) -> None:
    cli.register()

    def browser(url: str) -> bool:
        state = parse_qs(urlsplit(url).query)["state"][0]
        iss = quote(cli.base_url, safe="")  # RFC 9207: error responses carry iss too
        return Browser(f"error=access_denied&state={state}&iss={iss}")(url)

    result = cli("login", browser=browser)
    assert result.code == 1
    assert "access_denied" in result.err
    assert FileTokenStore(cli.token_dir).load(cli.client_id) is None


def test_login_times_out_without_a_redirect(cli: Cli) -> None:
    cli.register()
    result = cli("login", "--no-browser", "--timeout", "0.2")
    assert result.code == 1
    assert "/oauth2/authorize?" in result.err  # printed for the user to open by hand
    assert "no redirect" in result.err


def test_login_reports_a_browser_that_cannot_start(cli: Cli) -> None:
    cli.register()

    def broken(url: str) -> bool:
        raise OSError("no display")

    result = cli("login", "--timeout", "0.2", browser=broken)
    assert result.code == 1
    assert "could not open a browser" in result.err


@pytest.mark.slow
def test_console_script_and_module(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LONGBRIDGE_", "LONGPORT_"))}
    script = Path(sys.executable).with_name("longbridge-openapi")
    argv = ["token", "show", "--client-id", "nobody", "--token-dir", str(tmp_path)]
    for command in (
        [str(script)],
        [sys.executable, "-m", "longbridge_openapi_client._runtime.cli"],
    ):
        done = subprocess.run(
            [*command, *argv], capture_output=True, text=True, env=env, timeout=60
        )
        assert done.returncode == 1, done.stderr
        assert "log in" in done.stderr
