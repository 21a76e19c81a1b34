"""The server under test: a base URL, and (for the bundled mock) a handle to move its clock.

``CONFORMANCE_BASE_URL`` names a running server; without it the suite starts the mock on
loopback itself. Admin actions (advancing the clock, expiring tokens) use the mock's ``/_mock/``
routes, so they work in-process and out of process alike, and are skipped on other servers.

Moving a mock's clock expires every token it issued, to anyone: the checks that do it run only
on a mock the run started itself, or with ``--allow-clock`` (``CONFORMANCE_ALLOW_CLOCK=1``, which
``python -m conformance`` also sets for the mock it starts). Elsewhere they skip, saying why.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import httpx

from conformance.limits import request_timeout
from conformance.profiles import ENV_PROFILE, profile

__all__ = [
    "CLOCK_REFUSED",
    "ENV_ALLOW_CLOCK",
    "ENV_BASE_URL",
    "ENV_MIN_INTERVAL",
    "ENV_PROFILE",
    "LIVE_GROUPS",
    "WRITE_GROUPS",
    "Target",
    "live_profile",
    "min_interval",
]

ENV_BASE_URL = "CONFORMANCE_BASE_URL"
ENV_MIN_INTERVAL = "CONFORMANCE_MIN_INTERVAL"
ENV_ALLOW_CLOCK = "CONFORMANCE_ALLOW_CLOCK"
CLOCK_REFUSED = (
    "moves the mock's clock, which expires every token it issued: only on a mock this run "
    "started, or with --allow-clock"
)
# docs/longbridge-api.md §4.3: at most 10 quote calls a second; live runs keep to 2 unless told.
LIVE_MIN_INTERVAL = 0.5
# --profile live: what needs no consent page and changes nothing at the server. Registration
# creates clients and "state" places orders and edits watchlists, so they join only with
# --allow-writes (and the "data" group's write operations with them).
LIVE_GROUPS = frozenset({"discovery", "bearer", "envelope", "data"})
WRITE_GROUPS = frozenset({"registration", "state"})


def live_profile() -> bool:
    return profile() == "live"


def min_interval() -> float:
    """Least seconds between two requests: --min-interval, else 0.5 live and 0 otherwise."""
    given = os.environ.get(ENV_MIN_INTERVAL)
    if given:
        return float(given)
    return LIVE_MIN_INTERVAL if live_profile() else 0.0


@dataclass(frozen=True)
class Target:
    base_url: str
    is_mock: bool  # the bundled mock: its /_mock/ admin routes are available
    owned: bool = False  # started by this run, or --allow-clock: its clock may be moved

    @property
    def may_move_clock(self) -> bool:
        return self.is_mock and self.owned

    @classmethod
    def from_env(cls) -> Target | None:
        url = os.environ.get(ENV_BASE_URL)
        if not url:
            return None
        url = url.rstrip("/")
        try:
            probe = httpx.get(f"{url}/_mock/clock", timeout=request_timeout())
            is_mock = probe.status_code == 200 and "now" in probe.json()
        except (httpx.HTTPError, ValueError):
            is_mock = False
        return cls(url, is_mock, owned=os.environ.get(ENV_ALLOW_CLOCK, "") not in ("", "0"))

    def advance_clock(self, seconds: float) -> None:
        """Move the mock's clock; only when :attr:`may_move_clock` (the caller skips elsewhere)."""
        if not self.may_move_clock:
            raise PermissionError(CLOCK_REFUSED)
        response = httpx.post(
            f"{self.base_url}/_mock/clock/advance",
            json={"seconds": seconds},
            timeout=request_timeout(),
        )
        response.raise_for_status()
