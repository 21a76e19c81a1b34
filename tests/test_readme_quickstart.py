"""The README's quickstart runs as written: its shell block (mock, register) and then its Python
block, and the async example after the same shell block.

The one change is the port: 8080 becomes a free one, since other tests may serve on 8080. HOME
is a temporary folder, so the token goes nowhere near the real one.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SECTION = "## Quickstart against the mock"
BASH = shutil.which("bash") or "/bin/bash"

pytestmark = pytest.mark.slow


def _blocks() -> tuple[str, str]:
    """The first ``sh`` and ``python`` blocks of the quickstart section."""
    text = (REPO / "README.md").read_text()
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    shell = re.search(r"```sh\n(.*?)```", section, re.S)
    python = re.search(r"```python\n(.*?)```", section, re.S)
    assert shell is not None
    assert python is not None
    return shell.group(1), python.group(1)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def _run(script: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LONGBRIDGE_", "LONGPORT_"))}
    env["HOME"] = str(home)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    out, err = home / "stdout", home / "stderr"
    # Files, not pipes: the mock left running in the background would hold a pipe open. Its
    # own process group, so that the mock stops with the script, also when the test fails.
    with out.open("w") as stdout, err.open("w") as stderr:
        proc = subprocess.Popen(
            [BASH, "-euo", "pipefail", "-c", script],
            cwd=REPO,
            env=env,
            stdout=stdout,
            stderr=stderr,
            start_new_session=True,
        )
        try:
            proc.wait(timeout=240)
        finally:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            proc.wait()
    return subprocess.CompletedProcess(proc.args, proc.returncode, out.read_text(), err.read_text())


def test_the_quickstart_runs_as_written(tmp_path: Path) -> None:
    shell, python = _blocks()
    assert "8080" in shell
    port = str(_free_port())
    script = shell.replace("8080", port) + f"python - <<'PYTHON'\n{python}PYTHON\n"
    done = _run(script, tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    # The mock prints its URL; the Python block, each seeded watchlist group and its symbols.
    lines = [x for x in done.stdout.splitlines() if not x.startswith("http://")]
    assert lines
    assert all(re.fullmatch(r".+ \[('[^']+'(, )?)*\]", line) for line in lines), lines
    stored = list((tmp_path / ".longbridge" / "openapi-client" / "tokens").iterdir())
    assert len(stored) == 1


def test_the_async_example_runs_after_the_shell_block(tmp_path: Path) -> None:
    shell, _ = _blocks()
    port = str(_free_port())
    script = shell.replace("8080", port) + "python examples/async_quickstart.py\n"
    done = _run(script, tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "socket token received: True" in done.stdout
