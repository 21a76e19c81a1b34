"""Another process: its memory and CPU time from Linux's /proc (no psutil dependency), and its
stop."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

__all__ = ["cpu_seconds", "memory", "stop"]


def memory(pid: int) -> tuple[int, int] | None:
    """Resident set size and its peak (VmRSS, VmHWM) in bytes, or None without /proc."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return None
    fields = dict(line.split(":", 1) for line in lines if ":" in line)
    try:
        # The kernel reports these in kB (KiB).
        return int(fields["VmRSS"].split()[0]) * 1024, int(fields["VmHWM"].split()[0]) * 1024
    except (KeyError, ValueError, IndexError):
        return None


def cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time used so far, or None without /proc."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name may contain spaces and parentheses; the fields after the last ")" do not.
    fields = stat.rsplit(")", 1)[1].split()
    utime, stime = int(fields[11]), int(fields[12])  # fields 14 and 15 of proc(5)
    return (utime + stime) / os.sysconf("SC_CLK_TCK")


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Terminate ``proc``, and kill it if it has not exited 10 s later."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
