"""A faithful, stateful imitation of the Longbridge OpenAPI server.

The core is framework-free and organised by RFC (``rfc6749_authorize``, ``rfc6749_token``,
``rfc7636_pkce``, ``rfc7591_registration``, ``rfc7009_revoke``, ``rfc8628_device``,
``rfc8414_metadata``, ``rfc6750_bearer``), plus ``data_api``, ``envelope`` and
``legacy_signature`` for what is Longbridge's own. ``app`` adapts it to Starlette, so the same
server runs in-process (``httpx.ASGITransport``) and on loopback (``python -m
conformance.mock_server``).
"""

from .app import MockServer, create_app
from .clock import FakeClock, OffsetClock
from .config import Deviation, Fault, MockConfig, parse_fault

__all__ = [
    "Deviation",
    "FakeClock",
    "Fault",
    "MockConfig",
    "MockServer",
    "OffsetClock",
    "create_app",
    "parse_fault",
]
