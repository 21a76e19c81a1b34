"""spec_reader reads the spec through a JSON copy keyed by the YAML's SHA-256."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.paths import SPEC
from spec_reader import read_spec

SMALL = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"


def _copies(folder: Path) -> list[Path]:
    return sorted((folder / "__pycache__").glob("openapi.*.json"))


def test_the_real_spec_reads_back_equal_through_its_copy(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_bytes(SPEC.read_bytes())
    first = read_spec(spec)
    assert len(_copies(tmp_path)) == 1
    assert read_spec(spec) == first == yaml.safe_load(SPEC.read_text(encoding="utf-8"))


def test_a_changed_spec_is_parsed_again_and_replaces_the_old_copy(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(SMALL)
    assert read_spec(spec)["info"]["title"] == "t"
    old = _copies(tmp_path)
    spec.write_text(SMALL.replace("title: t", "title: u"))
    assert read_spec(spec)["info"]["title"] == "u"
    new = _copies(tmp_path)
    assert len(new) == 1
    assert new != old


def test_the_copy_is_what_is_read(tmp_path: Path) -> None:
    # Shows the cache is used at all: a copy that says otherwise wins while the YAML is unchanged.
    spec = tmp_path / "openapi.yaml"
    spec.write_text(SMALL)
    read_spec(spec)
    (copy,) = _copies(tmp_path)
    copy.write_text('{"from": "copy"}')
    assert read_spec(spec) == {"from": "copy"}


@pytest.mark.parametrize("torn", ['{"openapi": "3.1', "[1, 2]", ""])
def test_a_torn_or_foreign_copy_is_ignored_and_rewritten(tmp_path: Path, torn: str) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(SMALL)
    read_spec(spec)
    (copy,) = _copies(tmp_path)
    copy.write_text(torn)
    assert read_spec(spec)["openapi"] == "3.1.0"
    assert copy.read_text() != torn


@pytest.mark.parametrize(
    "document", ["responses:\n  200: {description: ok}\n", "example: 2026-11-29\n"]
)
def test_what_json_cannot_carry_unchanged_is_not_cached(tmp_path: Path, document: str) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(document)
    parsed = read_spec(spec)
    assert parsed == yaml.safe_load(document)  # integer keys and dates as YAML gives them
    assert _copies(tmp_path) == []


def test_an_unwritable_cache_folder_still_reads_the_spec(tmp_path: Path) -> None:
    # A file where the folder should be: every write fails, as in a read-only checkout (a
    # chmod would not stop root, who runs CI in containers).
    spec = tmp_path / "openapi.yaml"
    spec.write_text(SMALL)
    (tmp_path / "__pycache__").write_text("in the way")
    assert read_spec(spec)["openapi"] == "3.1.0"
    assert read_spec(spec)["openapi"] == "3.1.0"


def test_a_document_that_is_not_a_mapping_is_refused(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text("- a list\n")
    with pytest.raises(ValueError, match="not a mapping"):
        read_spec(spec)
