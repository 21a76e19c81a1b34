"""Every citation can be followed by a reader of the repository or of the installed package.

Comments and docs cite a public URL or a file under docs/; the spec's descriptions ship inside
the generated package's docstrings, so they cite public URLs only.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from typing import Any

from spec_reader import ROOT, read_spec

NOTES = re.compile(r"(longbridge-api|conformance-checklist|toolchain-notes|style-examples)\.md")
# A notes file named without the docs/ folder in front of it (docs/toolchain.md is the notes'
# public counterpart of toolchain-notes.md, so that name never stands for a docs/ file).
UNFOLLOWABLE = re.compile(
    r"(?<!docs/)(longbridge-api|conformance-checklist)\.md|toolchain-notes\.md|style-examples\.md|shared/reference"
)


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


# The repository's docs/ folder, not a path on a web site (https://open.longbridge.com/docs/...).
LOCAL_DOCS = re.compile(r"(?<![\w./-])docs/")


def test_the_spec_cites_only_public_sources() -> None:
    local = [s for s in _strings(read_spec()) if NOTES.search(s) or LOCAL_DOCS.search(s)]
    assert local == [], "spec text ships in the package: cite public URLs, not " + repr(local[:3])


def test_every_cited_notes_file_is_in_docs() -> None:
    tracked = (
        subprocess.run(
            [shutil.which("git") or "git", "ls-files", "-z"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    found = []
    for name in tracked:
        # docs/ holds the cited files; this file names the notes to look for them.
        if not name or name.startswith("docs/") or name == "tests/test_citations.py":
            continue
        if not (ROOT / name).is_file():
            continue
        try:
            text = (ROOT / name).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        found += [
            f"{name}:{n}"
            for n, line in enumerate(text.splitlines(), 1)
            if UNFOLLOWABLE.search(line)
        ]
    assert found == [], f"cite docs/<file> or a public URL: {found[:10]}"
    for cited in ("longbridge-api.md", "conformance-checklist.md", "toolchain.md"):
        assert (ROOT / "docs" / cited).is_file()
