"""A loopback HTTP/1.1 keep-alive server that answers pre-rendered bytes, for timing clients.

``python -m bench.canned_server DIR`` serves every ``DIR/*.json`` file: a file maps request
targets (path and query, exactly as sent) to response bodies, see :func:`write_routes`. It
ignores the request's headers (so any auth passes) and answers 404 to anything else. Answering
costs next to nothing, so a client's round trip against it is mostly the client's own cost.
It prints its base URL on stdout, then serves until killed.
"""

from __future__ import annotations

import asyncio
import base64
import json
import sys
from collections.abc import Mapping
from pathlib import Path

__all__ = ["parse_requests", "render", "write_routes"]

TRACE_ID = "0123456789abcdef0123456789abcdef"
NOT_FOUND = b'{"code":404001,"message":"not found"}'
MAX_HEAD = 64 * 1024


def render(body: bytes, status: int = 200) -> bytes:
    """One whole HTTP/1.1 response with ``body`` and the data API's headers."""
    reason = "OK" if status == 200 else "Not Found"
    head = (
        f"HTTP/1.1 {status} {reason}\r\n"
        "content-type: application/json\r\n"
        f"content-length: {len(body)}\r\n"
        f"x-trace-id: {TRACE_ID}\r\n"
        "\r\n"
    )
    return head.encode() + body


def parse_requests(buffer: bytearray) -> list[tuple[str, str]]:
    """(method, target) of every whole request at the start of ``buffer``, which loses them.

    Requests with a body carry ``content-length``; the body is skipped.
    """
    found: list[tuple[str, str]] = []
    while True:
        end = buffer.find(b"\r\n\r\n")
        if end < 0:
            if len(buffer) > MAX_HEAD:
                raise ValueError("request head too long")
            return found
        head = bytes(buffer[:end]).decode("latin-1").split("\r\n")
        length = 0
        for line in head[1:]:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip())
        if len(buffer) < end + 4 + length:
            return found
        del buffer[: end + 4 + length]
        method, target, _ = head[0].split(" ", 2)
        found.append((method, target))


def write_routes(directory: Path, name: str, routes: Mapping[str, bytes]) -> None:
    """Store ``routes`` (GET target -> body) for the server to load from ``directory``."""
    encoded = {target: base64.b64encode(body).decode() for target, body in routes.items()}
    (directory / f"{name}.json").write_text(json.dumps(encoded))


def _load(directory: Path) -> dict[str, bytes]:
    responses: dict[str, bytes] = {}
    for path in sorted(directory.glob("*.json")):
        for target, body in json.loads(path.read_text()).items():
            responses[target] = render(base64.b64decode(body))
    return responses


class _Answer(asyncio.Protocol):
    def __init__(self, responses: Mapping[str, bytes]) -> None:
        self.responses = responses
        self.buffer = bytearray()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        assert self.transport is not None
        self.buffer += data
        try:
            requests = parse_requests(self.buffer)
        except ValueError:
            self.transport.close()
            return
        for _, target in requests:
            self.transport.write(self.responses.get(target) or render(NOT_FOUND, 404))


async def _serve(directory: Path) -> None:
    responses = _load(directory)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: _Answer(responses), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print(f"http://127.0.0.1:{port}", flush=True)
    async with server:
        await server.serve_forever()


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        raise SystemExit("usage: python -m bench.canned_server DIR")
    asyncio.run(_serve(Path(argv[0])))


if __name__ == "__main__":
    main(sys.argv[1:])
