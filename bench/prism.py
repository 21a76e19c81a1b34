"""Prism (``@stoplight/prism-cli``), the reference mock: installed on demand, spawned on loopback.

Installed with npm into a cache outside the repository; the node process is spawned directly
(not through ``npm exec``), so /proc reports Prism's own memory and CPU time.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from .proc import stop

__all__ = [
    "PACKAGE",
    "VERSION",
    "PrismServer",
    "PrismUnavailable",
    "cache_dir",
    "ensure_prism",
    "entry_point",
    "installed_version",
    "prism_argv",
    "spawn_prism",
]

# 5.15 and later need node >= 24 (docs/toolchain.md §5); 5.14.2 runs on node 18 and up.
VERSION = "5.14.2"
PACKAGE = f"@stoplight/prism-cli@{VERSION}"
START_TIMEOUT = 60.0
READY_PATH = "/.well-known/oauth-authorization-server"


class PrismUnavailable(Exception):
    """Prism cannot run here; the message says why, for a "skipped: ..." row."""


@dataclass(frozen=True)
class PrismServer:
    proc: subprocess.Popen[bytes]
    base_url: str
    ready_after: float  # seconds from spawn to the first 200

    @property
    def pid(self) -> int:
        return self.proc.pid


def cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """Where Prism is installed: ``$XDG_CACHE_HOME`` (else ~/.cache), outside git."""
    env = os.environ if env is None else env
    root = Path(env.get("XDG_CACHE_HOME") or Path(env.get("HOME") or Path.home()) / ".cache")
    return root / "longbridge-openapi-bench" / f"prism-{VERSION}"


def entry_point(prefix: Path) -> Path:
    return prefix / "node_modules" / "@stoplight" / "prism-cli" / "dist" / "index.js"


def installed_version(prefix: Path) -> str | None:
    """The prism-cli version installed under ``prefix``, or None."""
    package_json = prefix / "node_modules" / "@stoplight" / "prism-cli" / "package.json"
    try:
        version = json.loads(package_json.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError, AttributeError):
        return None
    return version if isinstance(version, str) else None


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1][:200] if lines else "no output"


def ensure_prism(prefix: Path | None = None, timeout: float = 300.0) -> tuple[str, Path]:
    """``(node, index.js)`` of Prism, installing it first if needed (bounded by ``timeout``).

    Raises :class:`PrismUnavailable` when node or npm is missing or the install fails.
    """
    prefix = cache_dir() if prefix is None else prefix
    node = shutil.which("node")
    if node is None:
        raise PrismUnavailable("node is not on PATH")
    entry = entry_point(prefix)
    if installed_version(prefix) == VERSION and entry.is_file():
        return node, entry
    npm = shutil.which("npm")
    if npm is None:
        raise PrismUnavailable("npm is not on PATH")
    prefix.mkdir(parents=True, exist_ok=True)
    argv = [npm, "install", "--prefix", str(prefix), PACKAGE, "--no-audit", "--no-fund"]
    try:
        done = subprocess.run(
            argv, capture_output=True, text=True, timeout=timeout, check=False, cwd=prefix
        )
    except subprocess.TimeoutExpired:
        raise PrismUnavailable(f"npm install {PACKAGE} took over {timeout:g} s") from None
    if done.returncode != 0:
        reason = _last_line(done.stderr or done.stdout)
        raise PrismUnavailable(f"npm install {PACKAGE} failed ({done.returncode}): {reason}")
    if installed_version(prefix) != VERSION or not entry.is_file():
        raise PrismUnavailable(f"npm install {PACKAGE} left no {entry.name}")
    return node, entry


def prism_argv(node: str, entry: Path, port: int, spec: Path) -> list[str]:
    """Static mode (the default) on loopback. Logging at "warn": at "info" Prism logs five lines
    per request, work the other mock does not do."""
    return [
        node,
        str(entry),
        "mock",
        "-h",
        "127.0.0.1",
        "-p",
        str(port),
        "-v",
        "warn",
        str(spec),
    ]


def _free_port() -> int:
    # Prism takes a port number, not a socket: the port may be taken in between, which the
    # start-up check then reports.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _answers(port: int) -> bool:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        conn.request("GET", READY_PATH)
        return conn.getresponse().status == 200
    except OSError:
        return False
    finally:
        conn.close()


@contextlib.contextmanager
def spawn_prism(node: str, entry: Path, spec: Path) -> Iterator[PrismServer]:
    """Prism serving ``spec`` on a free loopback port, stopped when the block ends."""
    port = _free_port()
    started = time.perf_counter()
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            prism_argv(node, entry, port, spec),
            cwd=spec.parent,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = started + START_TIMEOUT
            while not _answers(port):
                if proc.poll() is not None or time.perf_counter() > deadline:
                    log.seek(0)
                    out = _last_line(log.read().decode(errors="replace"))
                    raise RuntimeError(f"Prism did not start (exit {proc.poll()}): {out}")
                time.sleep(0.02)
            ready = time.perf_counter() - started
            yield PrismServer(proc, f"http://127.0.0.1:{port}", ready)
        finally:
            stop(proc)
