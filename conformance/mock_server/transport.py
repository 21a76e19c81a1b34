"""Call the mock in-process from synchronous httpx code.

``httpx.ASGITransport`` serves only ``AsyncClient``; this transport runs it on a private event
loop in a daemon thread, so a plain ``httpx.Client`` can use the app too and a forgotten
``close()`` never keeps the interpreter alive.
"""

from __future__ import annotations

import asyncio
import threading

import httpx
from starlette.types import ASGIApp

__all__ = ["SyncASGITransport"]


class SyncASGITransport(httpx.BaseTransport):
    def __init__(self, app: ASGIApp) -> None:
        self._async = httpx.ASGITransport(app=app)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock = threading.Lock()

    def _get_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()

                def run() -> None:
                    # Close the loop once close() stops it: an unclosed loop leaks its self-pipe
                    # sockets (a ResourceWarning, an error under filterwarnings=error).
                    try:
                        loop.run_forever()
                    finally:
                        loop.close()

                threading.Thread(target=run, name="mock-asgi", daemon=True).start()
                self._loop = loop
            return self._loop

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()

        async def call() -> httpx.Response:
            async_request = httpx.Request(
                request.method, request.url, headers=request.headers, content=body
            )
            response = await self._async.handle_async_request(async_request)
            content = await response.aread()
            # A stream, not content=: the client then reads and closes it, which sets .elapsed
            # (a preloaded body is never read by the client, so .elapsed would stay unset).
            return httpx.Response(
                response.status_code, headers=response.headers, stream=httpx.ByteStream(content)
            )

        return asyncio.run_coroutine_threadsafe(call(), self._get_loop()).result()

    def close(self) -> None:
        with self._lock:
            loop, self._loop = self._loop, None
        if loop is not None:
            loop.call_soon_threadsafe(loop.stop)
