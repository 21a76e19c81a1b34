"""CLI start-up: ``longbridge-openapi --help`` and one ``call`` against the local mock, each as a
ratio to ``python -c pass`` (the interpreter's own start, measured in the same run).

Targets (issue: what a new user meets): ``--help`` within 3× ``python -c pass``; ``call``
within 0.35 s wall. Both are met by importing nothing but argparse before a command needs more.
The children compile to a private bytecode cache first, as an installed wheel has its ``.pyc``
files from pip: without one, every run would time the compiler too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .model import Row, Settings, median

__all__ = ["CALL_TARGET", "HELP_TARGET", "TITLE", "run"]

TITLE = "CLI start-up"
HELP_TARGET = 3.0  # times python -c pass
CALL_TARGET = 0.35  # seconds, wall
TIMEOUT = 60.0
SCRIPT = Path(sys.executable).with_name("longbridge-openapi")
CALL = ["call", "GET", "/v1/quote/get_security_list", "-p", "market=US", "-p", "category=Overnight"]


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, timeout=TIMEOUT, check=False)
    took = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{command[1:3]} failed ({done.returncode}): {done.stderr[-2000:]!r}")
    return took


def _log_in(base_url: str, token_dir: str, env: dict[str, str]) -> str:
    """Register a client with the CLI and store a token for it (the mock consents at once)."""
    import httpx

    from longbridge_openapi_client import FileTokenStore, Longbridge

    done = subprocess.run(
        [str(SCRIPT), "register"], env=env, capture_output=True, timeout=TIMEOUT, check=True
    )
    client_id = str(json.loads(done.stdout)["client_id"])
    store = FileTokenStore(token_dir)
    with Longbridge(client_id, base_url=base_url, token_store=store) as lb:
        request = lb.authorization_request("http://127.0.0.1/callback", ["watchlist"])
        with httpx.Client(trust_env=False) as browser:
            location = browser.get(request.url).headers["location"]
        lb.finish_authorization(location, request)
    return client_id


def run(settings: Settings) -> list[Row]:
    """Median wall time of ``python -c pass``, ``--help`` and ``call``, interleaved."""
    from conformance.mock_server.serve import spawn

    samples = 5 if settings.quick else 21
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as tmp, spawn() as mock:
        env = {
            k: v for k, v in os.environ.items() if not k.startswith(("LONGBRIDGE_", "LONGPORT_"))
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.update(
            PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"),
            LONGBRIDGE_HTTP_URL=mock.base_url,
            LONGBRIDGE_TOKEN_DIR=str(Path(tmp) / "tokens"),
        )
        env["LONGBRIDGE_CLIENT_ID"] = _log_in(mock.base_url, env["LONGBRIDGE_TOKEN_DIR"], env)
        commands = {
            "pass": [sys.executable, "-c", "pass"],
            "help": [str(SCRIPT), "--help"],
            "call": [str(SCRIPT), *CALL],
        }
        for command in commands.values():
            _timed(command, env)  # fills the bytecode cache
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(samples):
            for name, command in commands.items():  # interleaved: drift hits all alike
                times[name].append(_timed(command, env))
    base, help_, call = (median(times[name]) for name in ("pass", "help", "call"))
    of = f"median of {samples}"
    help_verdict = "meets" if help_ / base <= HELP_TARGET else "MISSES"
    call_verdict = "meets" if call <= CALL_TARGET else "MISSES"
    return [
        Row(TITLE, "python -c pass (the reference)", value=f"{base * 1000:.0f} ms", note=of),
        Row(
            TITLE,
            "longbridge-openapi --help",
            value=f"{help_ * 1000:.0f} ms",
            ratio=help_ / base,
            note=f"vs python -c pass; target ≤ {HELP_TARGET:g}× ({help_verdict} it); {of}",
        ),
        Row(
            TITLE,
            "longbridge-openapi call GET security list (local mock)",
            value=f"{call * 1000:.0f} ms",
            ratio=call / base,
            note=f"vs python -c pass; target ≤ {CALL_TARGET:g} s wall ({call_verdict} it); {of}",
        ),
    ]
