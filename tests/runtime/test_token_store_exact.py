"""FileTokenStore.save, exactly: the folders it makes, where the temp file goes, the errors."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

from longbridge_openapi_client import FileTokenStore, Token, TokenSaveError


def test_save_makes_missing_folders_private(tmp_path: Path) -> None:
    old = os.umask(0)  # the mode must not depend on the umask
    try:
        FileTokenStore(tmp_path / "a" / "b").save("cid", Token("é", 1.0, "r"))
    finally:
        os.umask(old)
    assert (tmp_path / "a" / "b").stat().st_mode & 0o777 == 0o700
    assert ((tmp_path / "a" / "b" / "cid").stat().st_mode & 0o777) == 0o600
    data = json.loads((tmp_path / "a" / "b" / "cid").read_bytes().decode("utf-8"))
    assert (data["client_id"], data["access_token"]) == ("cid", "é")


def test_the_temp_file_is_hidden_beside_the_target_and_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[str] = []
    real = tempfile.mkstemp

    def spy(*args: object, **kwargs: object) -> tuple[int, str]:
        fd, name = real(*args, **kwargs)  # type: ignore[call-overload]
        made.append(name)
        return fd, name

    monkeypatch.setattr(tempfile, "mkstemp", spy)
    FileTokenStore(tmp_path).save("cid", Token("a", 1.0))
    [name] = made
    assert Path(name).parent == tmp_path
    assert Path(name).name.startswith(".cid.")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cid"]


def test_a_failed_write_names_the_file_and_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(TokenSaveError) as caught:
        FileTokenStore(tmp_path).save("cid", Token("a", 1.0))
    assert (caught.value.path, caught.value.reason) == (
        str(tmp_path / "cid"),
        "No space left on device",
    )
    assert list(tmp_path.iterdir()) == []  # the temp file is removed


def test_an_error_without_strerror_is_named_by_its_type(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def odd(*args: object, **kwargs: object) -> None:
        raise PermissionError()

    monkeypatch.setattr(os, "replace", odd)
    with pytest.raises(TokenSaveError) as caught:
        FileTokenStore(tmp_path).save("cid", Token("a", 1.0))
    assert caught.value.reason == "PermissionError"
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(TokenSaveError) as folder:
        FileTokenStore(blocker / "tokens").save("cid", Token("a", 1.0))
    assert (folder.value.path, folder.value.reason) == (
        str(blocker / "tokens" / "cid"),
        "Not a directory",
    )
