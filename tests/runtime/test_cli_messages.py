"""The CLI's messages say what to do: the scope and the command that fixes a 403308, the URL
that cannot be reached, the parameter that is wrong, the token file that is broken.

Each test drives ``main`` against the mock on loopback (or a child process where the test needs
a real stdout, a closed pipe or shell completion).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import socket
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from conformance.mock_server import MockConfig, OffsetClock, create_app
from conformance.mock_server.serve import Running, run_in_thread, spawn
from longbridge_openapi_client import FileTokenStore, Longbridge
from longbridge_openapi_client._runtime.cli import main
from longbridge_openapi_client._runtime.cli import options as cli_options
from longbridge_openapi_client._runtime.cli import output as cli_output

from .test_cli import Browser, Cli, assert_no_secret

SCRIPT = Path(sys.executable).with_name("longbridge-openapi")
SECURITY_LIST = ("/v1/quote/get_security_list", "-p", "market=US", "-p", "category=Overnight")


@pytest.fixture(scope="module")
def server() -> Iterator[Running]:
    mock = create_app(MockConfig(device_approval_delay=0), OffsetClock())
    with run_in_thread(mock) as running:
        yield running


@pytest.fixture
def cli(server: Running, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(server.base_url, tmp_path / "tokens", capsys)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LONGBRIDGE_", "LONGPORT_"))}
    return {**env, **extra}


def test_403308_names_the_scope_and_the_command_that_fixes_it(cli: Cli) -> None:
    cli.register()
    login = cli("login", "--scope", "watchlist", browser=Browser())
    assert login.code == 0, login.err
    refused = cli("call", "GET", "/v1/trade/order/today")
    assert refused.code == 1
    assert "code=403308" in refused.err
    assert "GET /v1/trade/order/today needs the scope trade.read" in refused.err
    # The exact command, keeping the scope the token has, with the options given here.
    command = (
        f"longbridge-openapi login --client-id {cli.client_id} --base-url {cli.base_url} "
        f"--token-dir {cli.token_dir} --scope watchlist,trade.read"
    )
    assert command in refused.err
    assert_no_secret(refused, cli.stored())
    # Run as printed (its options already name the server and the folder), it fixes the call.
    argv = shlex.split(command)[1:]
    assert main(argv, open_browser=Browser(), environ={}) == 0
    cli.capsys.readouterr()
    assert cli("call", "GET", "/v1/trade/order/today").code == 0


def test_an_unreachable_server_is_named(cli: Cli) -> None:
    cli.base_url = f"http://127.0.0.1:{_closed_port()}"
    result = cli("register")
    assert result.code == 1
    assert f"cannot reach {cli.base_url}/.well-known/oauth-authorization-server" in result.err
    assert "--base-url" in result.err


def test_a_wrong_parameter_is_named_with_what_the_spec_allows(cli: Cli) -> None:
    cli.register()
    cli.login()
    wrong = cli("call", "GET", "/v1/quote/get_security_list", "-p", "market=US", "-p", "category=x")
    assert wrong.code == 1
    assert "code=310010" in wrong.err
    assert "category=x is not one the spec allows: Overnight" in wrong.err
    missing = cli("call", "GET", "/v1/quote/get_security_list", "-p", "market=US")
    assert missing.code == 1
    assert "missing category (required by the spec; -p category=VALUE)" in missing.err


def test_an_unknown_path_says_so(cli: Cli) -> None:
    cli.register()
    cli.login()
    result = cli("call", "GET", "/v1/quote/no_such_thing")
    assert result.code == 1
    assert "the server has no GET /v1/quote/no_such_thing (HTTP 404" in result.err
    assert "/v1/quote/no_such_thing is not an endpoint of the spec" in result.err
    assert "not JSON" not in result.err


def test_a_broken_token_file_is_named_with_the_fix_and_revoke_deletes_it(cli: Cli) -> None:
    cli.register()
    cli.login()
    path = FileTokenStore(cli.token_dir).path(cli.client_id)
    path.write_text("{not json")
    for argv in (("token", "show"), ("call", "GET", "/v1/socket/token"), ("token", "refresh")):
        result = cli(*argv)
        assert result.code == 1, argv
        assert f"the token file {path} is not a token" in result.err, argv
        assert "longbridge-openapi token revoke" in result.err
        assert re.search(r"is not a token \(.+\);", result.err)  # the reason, after the path
    revoke = cli("token", "revoke")
    assert revoke.code == 0, revoke.err
    assert "deleted it" in revoke.err
    assert not path.exists()


def test_login_stops_at_once_when_the_server_refuses_the_authorization_url(cli: Cli) -> None:
    cli.client_id = "no-such-client"
    opened: list[str] = []
    # The default timeout is 300 s: only the check before the wait ends this quickly.
    result = cli("login", browser=lambda url: opened.append(url))
    assert result.code == 1
    assert "unknown client_id" in result.err
    assert "http_status=400" in result.err
    assert opened == []
    assert "Waiting up to" not in result.err


def test_call_takes_only_the_methods_its_help_lists(cli: Cli) -> None:
    cli.client_id = "some-client"
    result = cli("call", "PATCH", "/v1/x")
    assert result.code == 2
    assert "use GET, POST, PUT, DELETE" in result.err
    assert cli("call", "get", "/v1/x").code == 1  # any case; then fails: not logged in


def test_ports_are_validated(cli: Cli) -> None:
    cli.client_id = "some-client"
    result = cli("login", "--port", "99999")
    assert result.code == 2
    assert "a port is between 0 and 65535" in result.err
    mock = subprocess.run(
        [sys.executable, "-m", "conformance.mock_server", "--port", "99999"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert mock.returncode == 2
    assert "a port is between 0 and 65535" in mock.stderr
    assert "Traceback" not in mock.stderr


def test_a_float_amount_is_refused(cli: Cli) -> None:
    cli.client_id = "some-client"
    body = '{"symbol": "700.HK", "submitted_price": 300.5}'
    result = cli("call", "POST", "/v1/trade/order", "--json", body)
    assert result.code == 2
    assert 'send amounts as decimal text, "300.5"' in result.err
    with Longbridge("c", base_url=cli.base_url) as lb, pytest.raises(TypeError, match="float"):
        lb.submit_order(
            symbol="700.HK",
            order_type="LO",
            side="Buy",
            submitted_quantity=Decimal(100),
            submitted_price=300.5,  # type: ignore[arg-type]
            time_in_force="Day",
        )


def test_token_show_json(cli: Cli) -> None:
    cli.register()
    token = cli.login()
    result = cli("token", "show", "--json")
    assert result.code == 0, result.err
    shown = json.loads(result.out)
    assert shown["client_id"] == cli.client_id
    assert shown["access_token"] == "<redacted>"
    assert shown["refresh_token"] == "<redacted>"
    assert shown["expires_at"] == int(token.expires_at)
    assert shown["token_type"] == "Bearer"
    assert_no_secret(result, token)


def test_verbose_logs_each_request_with_credentials_masked(cli: Cli) -> None:
    cli.register()
    token = cli.login()
    result = cli("call", "GET", *SECURITY_LIST, "--verbose")
    assert result.code == 0, result.err
    request = f"> GET {cli.base_url}/v1/quote/get_security_list?market=US&category=Overnight"
    assert request in result.err
    assert "authorization" in result.err  # the header's name, never its value
    assert "< 200 GET" in result.err
    assert "x-trace-id" in result.err
    assert_no_secret(result, token)
    login = cli("login", "-v", browser=Browser())
    assert login.code == 0, login.err
    assert "> GET" in login.err  # the authorization URL's check
    assert "> POST" in login.err  # the code exchange, its body not shown
    assert_no_secret(login, cli.stored())
    assert "code_verifier" not in login.err


def test_masked_url_hides_credential_values() -> None:
    import httpx

    url = httpx.URL("http://h/cb?code=abc123secret&state=s1&access_token=tok123456")
    masked = cli_output.masked_url(url)
    assert "abc123secret" not in masked
    assert "tok123456" not in masked
    assert "state=s1" in masked


def test_help_and_version_import_neither_httpx_nor_the_flows() -> None:
    # What keeps `longbridge-openapi --help` within 3x `python -c pass` (scripts/bench, cli).
    code = (
        "import sys\n"
        "from longbridge_openapi_client._runtime.cli import main\n"
        "for argv in (['--help'], ['--version'], ['call', '--help']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = ('httpx', 'typing', 'http.server', 'longbridge_openapi_client._runtime.facade')\n"
        "loaded = [m for m in heavy if m in sys.modules]\n"
        "print(loaded, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stderr.strip() == "[]"
    assert "longbridge-openapi 0.1.0" in done.stdout or "longbridge-openapi " in done.stdout


def test_version() -> None:
    from longbridge_openapi_client import __version__

    done = subprocess.run(
        [str(SCRIPT), "--version"], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == f"longbridge-openapi {__version__}"


def test_default_token_dir_is_the_token_stores() -> None:
    from longbridge_openapi_client._runtime.token_store import DEFAULT_TOKEN_DIR

    assert str(DEFAULT_TOKEN_DIR) == cli_options.DEFAULT_TOKEN_DIR


@pytest.mark.slow
def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    with spawn() as running:
        env = _env(LONGBRIDGE_HTTP_URL=running.base_url, LONGBRIDGE_TOKEN_DIR=str(tmp_path))
        register = subprocess.run(
            [str(SCRIPT), "register"], capture_output=True, text=True, env=env, timeout=60
        )
        assert register.returncode == 0, register.stderr
        env["LONGBRIDGE_CLIENT_ID"] = json.loads(register.stdout)["client_id"]
        login = subprocess.Popen(
            [str(SCRIPT), "login", "--no-browser", "--timeout", "60"],
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        try:
            assert login.stderr is not None
            url = next(line.strip() for line in login.stderr if line.startswith("    http"))
            Browser()(url)
            assert login.wait(timeout=60) == 0
        finally:
            login.kill()
            login.communicate()  # also closes its stderr pipe
        # The reader is gone before the CLI writes: its print meets EPIPE.
        call = subprocess.Popen(
            [str(SCRIPT), "call", "GET", *SECURITY_LIST],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert call.stdout is not None
        call.stdout.close()
        _, err = call.communicate(timeout=60)
        assert call.returncode == 0, err
        assert err == b""


@pytest.mark.slow
def test_shell_completion_with_argcomplete(tmp_path: Path) -> None:
    pytest.importorskip("argcomplete")
    out = tmp_path / "completions"
    line = "longbridge-openapi tok"
    env = _env(
        _ARGCOMPLETE="1",
        COMP_LINE=line,
        COMP_POINT=str(len(line)),
        _ARGCOMPLETE_STDOUT_FILENAME=str(out),
    )
    subprocess.run([str(SCRIPT)], env=env, capture_output=True, timeout=60, check=False)
    assert [word.strip() for word in out.read_text().split("\x0b")] == ["token"]


@pytest.mark.slow
def test_the_mock_logs_requests_on_demand_with_credentials_masked() -> None:
    import httpx

    # Not serve.spawn(): this test reads the child's stderr in full after stopping it.
    proc = subprocess.Popen(
        [sys.executable, "-m", "conformance.mock_server", "--port", "0", "--access-log"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        base = proc.stdout.readline().strip()
        with httpx.Client(base_url=base, trust_env=False) as http:
            http.get("/v1/socket/token", params={"access_token": "hunter2secret"})
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert "GET /v1/socket/token?access_token=<redacted> 401" in err
    assert "hunter2secret" not in err
    assert "trace=" in err


def test_every_mock_option_has_help_and_the_deviations_are_listed_by_name() -> None:
    from conformance.mock_server.__main__ import _parser
    from conformance.mock_server.config import Deviation

    parser = _parser()
    for action in parser._actions:
        assert action.help, action.option_strings
    text = parser.format_help()
    for deviation in Deviation:
        assert deviation.value in text, deviation
