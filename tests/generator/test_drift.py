"""The drift check: tree comparison, determinism, and a spec edited without regenerating."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import build
from generator.drift import Difference, compare_trees
from generator.paths import GENERATED_DIR, ROOT


def test_compare_trees_lists_missing_extra_and_changed(tmp_path: Path) -> None:
    expected, actual = tmp_path / "expected", tmp_path / "actual"
    for root in (expected, actual):
        (root / "pkg").mkdir(parents=True)
        (root / "pkg" / "same.py").write_text("x = 1\n")
        (root / "pkg" / "__pycache__").mkdir()
        (root / "pkg" / "__pycache__" / "same.cpython-311.pyc").write_bytes(os.urandom(8))
    (expected / "pkg" / "new.py").write_text("")
    (actual / "pkg" / "stale.py").write_text("")
    (expected / "pkg" / "edited.py").write_text("a = 1\n")
    (actual / "pkg" / "edited.py").write_text("a = 2\n")
    assert compare_trees(expected, actual) == [
        Difference("pkg/edited.py", "changed"),
        Difference("pkg/new.py", "missing"),
        Difference("pkg/stale.py", "extra"),
    ]
    assert compare_trees(expected, expected) == []


def test_compare_trees_reports_everything_when_target_is_absent(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "f.py").write_text("")
    assert compare_trees(tmp_path / "a", tmp_path / "nothing") == [Difference("f.py", "missing")]


@pytest.mark.slow
def test_generation_is_deterministic_and_matches_committed_tree(tmp_path: Path) -> None:
    build(tmp_path / "one")
    build(tmp_path / "two")
    assert compare_trees(tmp_path / "one", tmp_path / "two") == []
    assert compare_trees(tmp_path / "one", GENERATED_DIR) == []


def _project_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("spec", "spec_reader", "generator", "generated"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("noxfile.py", "pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, copy / name)
    return copy


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.slow
def test_changed_schema_without_regenerating_fails_the_check(tmp_path: Path) -> None:
    copy = _project_copy(tmp_path)
    spec = copy / "spec" / "openapi.yaml"
    text = spec.read_text()
    anchor = (
        "    Security:\n      type: object\n      required: [symbol, name_cn, name_hk, name_en]\n"
    )
    assert text.count(anchor) == 1
    new_field = "        lot_size:\n          type: integer\n"
    edited = anchor.replace("name_en]", "name_en, lot_size]") + "      properties:\n" + new_field
    text = text.replace(anchor + "      properties:\n", edited)
    # ... and an operation's summary, which the README's table of operations shows.
    summary = 'summary: Securities of a market segment (Longbridge "Security list")'
    assert text.count(summary) == 1
    spec.write_text(text.replace(summary, "summary: Overnight securities"))

    check = _run(["-m", "generator", "--check"], cwd=copy)
    assert check.returncode == 1, check.stdout + check.stderr
    assert "changed: longbridge_openapi_client/models/security.py" in check.stderr
    assert "changed: longbridge_openapi_client/schemas.py" in check.stderr
    assert "changed: README.md (the table of operations)" in check.stderr
    assert "python -m generator" in check.stderr

    # ./scripts/test runs the same check through nox, so it fails as well.
    nox = _run(["-m", "nox", "-s", "check_generated"], cwd=copy)
    assert nox.returncode != 0
    assert "models/security.py" in nox.stdout + nox.stderr

    regenerate = _run(["-m", "generator"], cwd=copy)
    assert regenerate.returncode == 0, regenerate.stderr
    assert "| Overnight securities |" in (copy / "README.md").read_text()
    assert _run(["-m", "generator", "--check"], cwd=copy).returncode == 0


def test_scripts_test_runs_the_drift_check() -> None:
    script = (ROOT / "scripts" / "test").read_text()
    assert "check_generated" in script
    assert (
        "check_generated" in (ROOT / ".ci" / "run").read_text()
        or "./scripts/test" in (ROOT / ".ci" / "run").read_text()
    )


@pytest.mark.slow
def test_generator_warning_fails_generation(tmp_path: Path) -> None:
    # An array-of-object header parameter makes openapi-python-client skip the endpoint with
    # only a warning (docs/toolchain.md §2.1); the generator must refuse the partial output.
    copy = _project_copy(tmp_path)
    spec = copy / "spec" / "openapi.yaml"
    text = spec.read_text()
    anchor = "      operationId: getSocketToken\n"
    bad_param = (
        "      parameters:\n"
        "        - name: X-Objects\n"
        "          in: header\n"
        "          schema:\n"
        "            type: array\n"
        "            items: {type: object, properties: {a: {type: string}}}\n"
    )
    spec.write_text(text.replace(anchor, anchor + bad_param))
    result = _run(["-m", "generator", "--output", str(tmp_path / "out")], cwd=copy)
    assert result.returncode == 2
    assert "warning" in result.stderr.lower()
    assert not (tmp_path / "out").exists()
