# Copied verbatim from generator/runtime/token_store.py by `python -m generator`.
# Edit that file and regenerate; changes made here are lost and fail the drift check.
"""Where tokens live between runs: a small protocol, a memory store and a file store.

The file store writes one JSON file per client id, mode 0600, by write-then-rename, so a crash
leaves the old token or the new one, never a torn file. Its format is the official SDK's token
file (docs/longbridge-api.md §6.1), but its default folder is not the SDK's: two programs refreshing
one rotating refresh token would each present a superseded token in turn, and the server then
revokes the whole family (RFC 9700 §4.14.2).

Processes sharing one folder refresh one at a time: :meth:`FileTokenStore.refresh_lock` is a lock
file beside the token file, and the refreshing auth re-reads the token after taking it, so only
the first process refreshes and the others use what it saved.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Protocol, runtime_checkable

from .errors import RefreshLockTimeout, TokenFileError, TokenSaveError
from .token import Token

__all__ = [
    "DEFAULT_TOKEN_DIR",
    "OFFICIAL_SDK_TOKEN_DIR",
    "FileTokenStore",
    "LockingTokenStore",
    "MemoryTokenStore",
    "RefreshLock",
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


@runtime_checkable
class LockingTokenStore(TokenStore, Protocol):
    """A store that other processes may share: refreshes of one client take its lock."""

    def refresh_lock(self, client_id: str) -> RefreshLock: ...


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # one byte at offset 0, never blocking
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


_NO_FILE = -1  # "held" without a lock file: the folder cannot be written


class RefreshLock:
    """An exclusive lock between processes on the file ``path`` (``flock`` on POSIX,
    ``msvcrt.locking`` on Windows); the operating system frees it when its holder dies.

    Not reentrant, and not a lock between threads: the refreshing auth holds its thread lock
    around it. The file stays (removing it would let two processes lock two different files).
    """

    poll = 0.01  # seconds between attempts while another process refreshes

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def try_acquire(self) -> bool:
        """Take the lock if it is free; never waits."""
        if self._fd is not None:
            raise RuntimeError(f"{self.path} is already held by this lock")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            # A folder nobody can write to is shared with nobody: refresh without the lock (the
            # new token is then kept in memory, see TokenSaveError) rather than not at all.
            self._fd = _NO_FILE
            return True
        try:
            if _try_lock(fd):
                self._fd = fd
                return True
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
        return False

    def acquire(self, timeout: float) -> None:
        """Wait for the lock; :class:`RefreshLockTimeout` after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while not self.try_acquire():
            if time.monotonic() >= deadline:
                raise RefreshLockTimeout(str(self.path), timeout)
            time.sleep(self.poll)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None and fd != _NO_FILE:
            try:
                _unlock(fd)
            finally:
                os.close(fd)

    def __repr__(self) -> str:
        return f"RefreshLock({str(self.path)!r}, held={self._fd is not None})"


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
        # A leading dot is refused: hidden names are the store's own (temp and lock files).
        if not _SAFE_ID.match(client_id) or client_id.startswith("."):
            raise ValueError(f"client id {client_id!r} cannot name a file")
        return self.directory / client_id

    def load(self, client_id: str) -> Token | None:
        """The stored token, None without a file, or :class:`TokenFileError` naming the file."""
        path = self.path(client_id)
        try:
            return Token.from_json(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, NotADirectoryError):  # no file, or no folder to hold one
            return None
        except (ValueError, OSError) as exc:  # UnicodeDecodeError is a ValueError
            reason = exc.strerror if isinstance(exc, OSError) else str(exc)
            raise TokenFileError(str(path), reason or type(exc).__name__) from None

    def save(self, client_id: str, token: Token) -> None:
        """Write-then-rename; :class:`TokenSaveError` naming the file when that fails."""
        target = self.path(client_id)
        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(prefix=f".{client_id}.", dir=self.directory)
        except OSError as exc:
            raise TokenSaveError(str(target), exc.strerror or type(exc).__name__) from None
        try:
            # mkstemp creates the file with mode 0600 already; chmod guards odd umasks.
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(token.to_json(client_id))
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)  # atomic on POSIX: readers see the old or the new file
        except BaseException as exc:
            Path(tmp).unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise TokenSaveError(str(target), exc.strerror or type(exc).__name__) from None
            raise

    def refresh_lock(self, client_id: str) -> RefreshLock:
        """The lock processes sharing this folder take around a refresh of ``client_id``."""
        self.path(client_id)  # the same check of the id
        return RefreshLock(self.directory / f".{client_id}.lock")

    def delete(self, client_id: str) -> None:
        self.path(client_id).unlink(missing_ok=True)

    def __repr__(self) -> str:
        return f"FileTokenStore({str(self.directory)!r})"
