"""The sdist and the wheel: what someone who installs the package gets, checked as twine does."""

from __future__ import annotations

import email
import subprocess
import sys
import tarfile
import zipfile
from email.message import Message
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # sdist first, then the wheel from the unpacked sdist: what `pip install <sdist>` does.
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out


def _wheel(dist: Path) -> Path:
    (wheel,) = dist.glob("*.whl")
    return wheel


def _sdist(dist: Path) -> Path:
    (sdist,) = dist.glob("*.tar.gz")
    return sdist


def _metadata(dist: Path) -> Message:
    with zipfile.ZipFile(_wheel(dist)) as wheel:
        (name,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
        return email.message_from_bytes(wheel.read(name))


def test_twine_check_strict_passes(dist: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, sorted(dist.iterdir()))],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_wheel_carries_the_license_and_the_metadata(dist: Path) -> None:
    with zipfile.ZipFile(_wheel(dist)) as wheel:
        names = wheel.namelist()
        license_files = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
        assert license_files
        assert b"MIT License" in wheel.read(license_files[0])
    meta = _metadata(dist)
    import longbridge_openapi_client

    assert meta["Version"] == longbridge_openapi_client.__version__
    assert meta["License-Expression"] == "MIT"
    urls = meta.get_all("Project-URL") or []
    assert any(u.startswith("Documentation, https://open.longbridge.com") for u in urls), urls
    classifiers = meta.get_all("Classifier") or []
    assert "Typing :: Typed" in classifiers
    assert "Programming Language :: Python :: 3.11" in classifiers


def test_the_description_is_for_someone_who_installed_the_wheel(dist: Path) -> None:
    description = _metadata(dist).get_payload()
    assert isinstance(description, str)
    assert "pip install longbridge-openapi-client" in description
    # The wheel has neither the repository's scripts nor the conformance kit.
    for absent in ("./scripts/", "python -m conformance", "generated/"):
        assert absent not in description, absent


def test_the_sdist_has_what_builds_the_wheel_and_no_tests(dist: Path) -> None:
    with tarfile.open(_sdist(dist)) as sdist:
        names = [n.split("/", 1)[1] for n in sdist.getnames() if "/" in n]
    assert "LICENSE" in names
    assert "pyproject.toml" in names
    assert "docs/package-readme.md" in names
    assert "generated/longbridge_openapi_client/__init__.py" in names
    stray = [n for n in names if n.startswith(("tests/", "conformance/", "bench/", "scripts/"))]
    assert stray == []
    assert "README.md" not in names  # the repository's README is about ./scripts/


def test_build_leaves_nothing_git_would_show() -> None:
    # `python -m build` writes build/ and dist/ into the checkout; .gitignore hides them.
    for path in ("build/lib/x.py", "dist/x.whl"):
        command = ["git", "check-ignore", "-q", path]
        done = subprocess.run(command, cwd=REPO, check=False)
        assert done.returncode == 0, f"{path} is not ignored"
