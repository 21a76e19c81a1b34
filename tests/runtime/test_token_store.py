"""Token stores: memory and file (mode 0600, write-then-rename, crash-safe)."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from longbridge_openapi_client import FileTokenStore, MemoryTokenStore, Token, TokenStore


def test_stores_satisfy_the_protocol(tmp_path: Path) -> None:
    assert isinstance(MemoryTokenStore(), TokenStore)
    assert isinstance(FileTokenStore(tmp_path), TokenStore)


@pytest.mark.parametrize("kind", ["memory", "file"])
def test_save_load_delete(kind: str, tmp_path: Path) -> None:
    store: TokenStore = MemoryTokenStore() if kind == "memory" else FileTokenStore(tmp_path / "t")
    assert store.load("c1") is None
    token = Token("a", 1_800_000_000.0, "r", "4")
    store.save("c1", token)
    assert store.load("c1") == Token("a", 1_800_000_000.0, "r", "4")
    assert store.load("c2") is None
    store.delete("c1")
    assert store.load("c1") is None
    store.delete("c1")  # deleting twice is fine


def test_file_store_mode_is_0600_and_one_file_per_client(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path / "tokens")
    store.save("client-a", Token("a", 1.0))
    store.save("client-b", Token("b", 1.0))
    files = sorted(p.name for p in (tmp_path / "tokens").iterdir())
    assert files == ["client-a", "client-b"]
    mode = stat.S_IMODE((tmp_path / "tokens" / "client-a").stat().st_mode)
    assert mode == 0o600


@pytest.mark.parametrize("client_id", ["../escape", "a/b", "", ".", ".."])
def test_file_store_refuses_ids_that_are_not_file_names(tmp_path: Path, client_id: str) -> None:
    with pytest.raises(ValueError, match="cannot name a file"):
        FileTokenStore(tmp_path).save(client_id, Token("a", 1.0))


def test_repr_shows_no_token(tmp_path: Path) -> None:
    store = MemoryTokenStore()
    store.save("c", Token("secret-access", 1.0, "secret-refresh"))
    assert "secret" not in repr(store)
    assert "secret" not in repr(FileTokenStore(tmp_path))


WRITER = textwrap.dedent(
    """
    import sys
    from longbridge_openapi_client import FileTokenStore, Token
    store = FileTokenStore(sys.argv[1])
    big = "x" * 200_000  # a large token makes every write take a while
    i = 0
    print("ready", flush=True)
    while True:
        i += 1
        store.save("client", Token(f"{i}-" + big, float(i), f"r{i}-" + big))
    """
)


def test_writer_killed_mid_write_leaves_old_or_new_never_torn(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path)
    store.save("client", Token("0-initial", 0.0, "r0"))
    for _ in range(5):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(0.05 + 0.03 * _)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        token = store.load("client")  # must parse: the old or the new file, whole
        assert token is not None
        number = token.access_token.split("-", 1)[0]
        assert token.refresh_token is not None
        assert token.refresh_token.startswith(f"r{number}")  # access and refresh from one write
    # The writer's temporary files may remain, but never replace the token.
    assert (tmp_path / "client").is_file()
