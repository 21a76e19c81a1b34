# Copied verbatim from generator/runtime/token_store.py by `python -m generator`.
# Edit that file and regenerate; changes made here are lost and fail the drift check.
"""Where tokens live between runs: a small protocol, a memory store and a file store.

The file store writes one JSON file per client id, mode 0600, by write-then-rename, so a crash
leaves the old token or the new one, never a torn file. Its format is the official SDK's token
file (longbridge-api.md §6.1), but its default folder is not the SDK's: two programs refreshing
one rotating refresh token would each present a superseded token in turn, and the server then
revokes the whole family (RFC 9700 §4.14.2).
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
from pathlib import Path
from typing import Protocol, runtime_checkable

from .token import Token

__all__ = [
    "DEFAULT_TOKEN_DIR",
    "OFFICIAL_SDK_TOKEN_DIR",
    "FileTokenStore",
    "MemoryTokenStore",
    "TokenStore",
]

DEFAULT_TOKEN_DIR = Path("~/.longbridge/openapi-client/tokens")
OFFICIAL_SDK_TOKEN_DIR = Path("~/.longbridge/openapi/tokens")
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,200}$")


@runtime_checkable
class TokenStore(Protocol):
    """Load and save the token of a client id."""

    def load(self, client_id: str) -> Token | None: ...

    def save(self, client_id: str, token: Token) -> None: ...

    def delete(self, client_id: str) -> None: ...


class MemoryTokenStore:
    """Tokens in a dict; for tests and short-lived programs."""

    def __init__(self) -> None:
        self._tokens: dict[str, Token] = {}
        self._lock = threading.Lock()

    def load(self, client_id: str) -> Token | None:
        with self._lock:
            return self._tokens.get(client_id)

    def save(self, client_id: str, token: Token) -> None:
        with self._lock:
            self._tokens[client_id] = token

    def delete(self, client_id: str) -> None:
        with self._lock:
            self._tokens.pop(client_id, None)

    def __repr__(self) -> str:
        return f"MemoryTokenStore(clients={sorted(self._tokens)})"


class FileTokenStore:
    """One file per client id in ``directory`` (default ``~/.longbridge/openapi-client/tokens``)."""

    def __init__(self, directory: str | os.PathLike[str] = DEFAULT_TOKEN_DIR) -> None:
        self.directory = Path(directory).expanduser()

    def path(self, client_id: str) -> Path:
        if not _SAFE_ID.match(client_id) or client_id in (".", ".."):
            raise ValueError(f"client id {client_id!r} cannot name a file")
        return self.directory / client_id

    def load(self, client_id: str) -> Token | None:
        try:
            return Token.from_json(self.path(client_id).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None

    def save(self, client_id: str, token: Token) -> None:
        target = self.path(client_id)
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=f".{client_id}.", dir=self.directory)
        try:
            # mkstemp creates the file with mode 0600 already; chmod guards odd umasks.
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(token.to_json(client_id))
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)  # atomic on POSIX: readers see the old or the new file
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def delete(self, client_id: str) -> None:
        self.path(client_id).unlink(missing_ok=True)

    def __repr__(self) -> str:
        return f"FileTokenStore({str(self.directory)!r})"
