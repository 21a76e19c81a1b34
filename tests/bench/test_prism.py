"""Prism's install and spawn logic, and the mock section's side-by-side rows (no timings)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import prism
from bench.mock_server import PRISM, _memory_rows, _start_rows, ratio


def _fake_install(prefix: Path, version: str) -> None:
    package = prefix / "node_modules" / "@stoplight" / "prism-cli"
    (package / "dist").mkdir(parents=True)
    (package / "dist" / "index.js").write_text("")
    (package / "package.json").write_text(json.dumps({"version": version}))


def test_cache_dir_is_outside_the_repository() -> None:
    xdg = prism.cache_dir({"XDG_CACHE_HOME": "/c", "HOME": "/h"})
    assert xdg == Path("/c/longbridge-openapi-bench/prism-5.14.2")
    assert prism.cache_dir({"HOME": "/h"}) == Path(
        "/h/.cache/longbridge-openapi-bench/prism-5.14.2"
    )


def test_installed_version(tmp_path: Path) -> None:
    assert prism.installed_version(tmp_path) is None
    _fake_install(tmp_path, "5.14.2")
    assert prism.installed_version(tmp_path) == "5.14.2"


def test_argv_runs_node_on_loopback_in_static_mode() -> None:
    argv = prism.prism_argv("/usr/bin/node", Path("/p/index.js"), 4010, Path("/r/spec.yaml"))
    assert argv[:3] == ["/usr/bin/node", "/p/index.js", "mock"]
    assert argv[argv.index("-h") + 1] == "127.0.0.1"
    assert argv[argv.index("-p") + 1] == "4010"
    assert argv[-1] == "/r/spec.yaml"
    assert "--dynamic" not in argv
    assert "-d" not in argv


def test_no_node_means_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bench.prism.shutil.which", lambda _: None)
    with pytest.raises(prism.PrismUnavailable, match="node is not on PATH"):
        prism.ensure_prism(tmp_path)


def test_no_npm_and_nothing_installed_means_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "bench.prism.shutil.which", lambda name: "/bin/node" if name == "node" else None
    )
    with pytest.raises(prism.PrismUnavailable, match="npm is not on PATH"):
        prism.ensure_prism(tmp_path)


def test_a_cached_install_needs_no_npm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "bench.prism.shutil.which", lambda name: "/bin/node" if name == "node" else None
    )
    _fake_install(tmp_path, prism.VERSION)
    assert prism.ensure_prism(tmp_path) == ("/bin/node", prism.entry_point(tmp_path))


def test_another_version_in_the_cache_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "bench.prism.shutil.which", lambda name: "/bin/node" if name == "node" else None
    )
    _fake_install(tmp_path, "5.16.0")
    with pytest.raises(prism.PrismUnavailable, match="npm is not on PATH"):
        prism.ensure_prism(tmp_path)


def test_ratio() -> None:
    assert ratio(6.0, 2.0) == 3.0
    assert ratio(None, 2.0) is None
    assert ratio(1.0, None) is None
    assert ratio(1.0, 0.0) is None


def test_memory_rows_side_by_side() -> None:
    mb = 2**20
    mock, reference = _memory_rows("RSS after start", (40 * mb, 41 * mb), (160 * mb, 170 * mb), "")
    assert (mock.what, mock.value, mock.ratio) == ("RSS after start", "40.0 MB", 0.25)
    assert reference.what == f"{PRISM}: RSS after start"
    assert reference.value == "160.0 MB"
    assert reference.ratio is None


def test_memory_rows_without_prism() -> None:
    (only,) = _memory_rows("RSS after start", (40 * 2**20, 41 * 2**20), None, "")
    assert only.ratio is None
    assert "Prism" not in only.note


def test_start_rows() -> None:
    mock, reference = _start_rows([0.5, 0.4, 0.6], [1.0, 2.0, 1.5])
    assert mock.value == "0.50 s"
    assert mock.ratio == pytest.approx(0.5 / 1.5)
    assert reference.value == "1.50 s"
    (alone,) = _start_rows([0.5], [])
    assert alone.ratio is None
