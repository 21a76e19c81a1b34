"""Run the suite in a child process: its output masked line by line, and stopped at a deadline.

Everything the child writes to stdout or stderr reaches the terminal through
:func:`conformance.redact.mask`. At the deadline the child gets SIGINT, so pytest still writes
its reports for the checks that ran; if it has not ended :data:`GRACE` seconds later, it is
killed.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from conformance.redact import mask

__all__ = ["GRACE", "Finished", "run_masked"]

GRACE = 20.0  # seconds pytest gets after SIGINT to write its reports


@dataclass(frozen=True)
class Finished:
    returncode: int
    deadline_reached: bool


def _relay(source: IO[str], sink: IO[str]) -> None:
    for line in source:
        sink.write(mask(line))
        sink.flush()


def run_masked(
    command: list[str], cwd: Path, env: Mapping[str, str], deadline: float | None
) -> Finished:
    """Run ``command``; stop it after ``deadline`` seconds (None: no deadline)."""
    started = time.monotonic()
    proc = subprocess.Popen(
        command,
        cwd=cwd,
        env=dict(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
        bufsize=1,
    )
    assert proc.stdout is not None
    relay = threading.Thread(target=_relay, args=(proc.stdout, sys.stdout), daemon=True)
    relay.start()
    reached = False
    try:
        remaining = None if deadline is None else max(0.0, deadline - (time.monotonic() - started))
        proc.wait(timeout=remaining)
    except subprocess.TimeoutExpired:
        reached = True
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=GRACE)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    finally:
        relay.join(timeout=5)
    return Finished(proc.returncode, reached)
