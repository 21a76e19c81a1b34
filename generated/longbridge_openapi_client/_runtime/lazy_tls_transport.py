# Copied verbatim from generator/runtime/lazy_tls_transport.py by `python -m generator`.
# Edit that file and regenerate; changes made here are lost and fail the drift check.
"""An httpx transport that builds its TLS context on the first ``https://`` request.

httpx's default transport loads the CA bundle when it is created: the largest single cost of a
CLI command against a local ``http://`` server (the mock), which never uses it. ``http://``
requests go through a transport without certificate loading (no TLS is involved at all);
``https://`` requests through httpx's default, verified transport, created once when first
needed. Verification is never weakened: an ``https://`` URL always gets the default context.
"""

from __future__ import annotations

import threading

import httpx

__all__ = ["LazyTlsTransport"]


class LazyTlsTransport(httpx.BaseTransport):
    """``http://`` at once, ``https://`` through httpx's default transport made on first use."""

    def __init__(self, limits: httpx.Limits) -> None:
        self._limits = limits
        # verify=False only spares loading the CA bundle: this transport sees http:// alone.
        self._plain = httpx.HTTPTransport(verify=False, limits=limits)
        self._tls: httpx.HTTPTransport | None = None
        self._lock = threading.Lock()

    def _secure(self) -> httpx.HTTPTransport:
        with self._lock:
            if self._tls is None:
                self._tls = httpx.HTTPTransport(limits=self._limits)
            return self._tls

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.scheme == "http":
            return self._plain.handle_request(request)
        return self._secure().handle_request(request)

    def close(self) -> None:
        self._plain.close()
        if self._tls is not None:
            self._tls.close()
