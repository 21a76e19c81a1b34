"""Clocks for the mock server: expiry is tested by moving a clock, never by sleeping."""

from __future__ import annotations

import threading
import time
from typing import Protocol

__all__ = ["Clock", "FakeClock", "OffsetClock"]

# 2026-01-01T00:00:00Z: a fixed, readable start for in-process tests.
FAKE_EPOCH = 1_767_225_600.0


class Clock(Protocol):
    """Seconds since the epoch, and a way to move forward."""

    def now(self) -> float: ...

    def advance(self, seconds: float) -> float: ...


class FakeClock:
    """A clock that only moves when told to (in-process tests)."""

    def __init__(self, start: float = FAKE_EPOCH) -> None:
        self._now = start
        self._lock = threading.Lock()

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> float:
        if seconds < 0:
            raise ValueError("a clock does not go backwards")
        with self._lock:
            self._now += seconds
            return self._now


class OffsetClock:
    """Wall-clock time plus an offset that only grows (the server on loopback).

    Real time keeps flowing for clients that poll or sign with the current time, and the admin
    endpoint can still jump ahead to expire codes and tokens.
    """

    def __init__(self) -> None:
        self._offset = 0.0
        self._lock = threading.Lock()

    def now(self) -> float:
        return time.time() + self._offset

    def advance(self, seconds: float) -> float:
        if seconds < 0:
            raise ValueError("a clock does not go backwards")
        with self._lock:
            self._offset += seconds
        return self.now()
