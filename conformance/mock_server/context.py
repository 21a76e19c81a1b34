"""What every handler of the core needs: configuration, state and the clock."""

from __future__ import annotations

from dataclasses import dataclass, field

from .clock import Clock
from .config import Deviation, MockConfig
from .state import State

__all__ = ["Context"]


@dataclass
class Context:
    config: MockConfig
    clock: Clock
    state: State = field(default_factory=State)

    def now(self) -> float:
        return self.clock.now()

    def deviates(self, deviation: Deviation) -> bool:
        return self.config.deviates(deviation)

    def issuer(self, base_url: str) -> str:
        issuer = self.config.issuer or base_url
        if self.deviates(Deviation.ISSUER_MISMATCH):
            issuer += "/other-tenant"
        return issuer
