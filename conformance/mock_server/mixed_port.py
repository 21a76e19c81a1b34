"""One port for https and plain http: the ``plain_http_too`` deviation (RFC 6749 §3.1 broken).

A TLS connection starts with a handshake record (content type 22); anything else is taken for
plain http. The front forwards each connection, first byte included, to the https or the http
server behind it, so the same URL answers with and without TLS.
"""

from __future__ import annotations

import asyncio
import socket

__all__ = ["serve_mixed_port"]

_TLS_HANDSHAKE = b"\x16"


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except OSError:
        pass  # either side hung up: the other side is closed below
    finally:
        writer.close()


async def serve_mixed_port(front: socket.socket, tls_port: int, plain_port: int) -> asyncio.Server:
    """Accept on ``front``; forward to ``tls_port`` or ``plain_port`` on loopback."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        first = await reader.read(1)
        if not first:
            writer.close()
            return
        port = tls_port if first == _TLS_HANDSHAKE else plain_port
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", port)
        up_writer.write(first)
        await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))

    return await asyncio.start_server(handle, sock=front)
