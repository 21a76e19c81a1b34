"""Project tasks. Run them through ./scripts/test and ./scripts/conformance, which set up .venv.

Sessions reuse the active environment (``venv_backend="none"``): the pins in requirements/ are
installed once by scripts/_bootstrap, so a session starts in milliseconds, not minutes.
"""

from __future__ import annotations

import os
import sys

import nox

nox.options.default_venv_backend = "none"
nox.options.error_on_external_run = False
nox.options.sessions = ["lint", "typecheck", "imports", "check_generated", "tests"]

# The interpreter running nox: the project's .venv when started from scripts/.
PYTHON = sys.executable
PYTHON_SOURCES = [
    "spec_reader",
    "generator",
    "conformance",
    "bench",
    "tests",
    "noxfile.py",
    "conftest.py",
]


def _hypothesis_profile() -> str:
    return os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev")


@nox.session
def generate(session: nox.Session) -> None:
    """Regenerate generated/ from spec/ and generator/."""
    session.run(PYTHON, "-m", "generator", *session.posargs)


@nox.session
def check_generated(session: nox.Session) -> None:
    """Fail when generated/ differs from what the spec and generator produce."""
    session.run(PYTHON, "-m", "generator", "--check")


@nox.session
def lint(session: nox.Session) -> None:
    """Run ruff lint and the ruff format check."""
    session.run(PYTHON, "-m", "ruff", "check", *PYTHON_SOURCES)
    session.run(PYTHON, "-m", "ruff", "format", "--check", *PYTHON_SOURCES)


@nox.session
def typecheck(session: nox.Session) -> None:
    """Run mypy --strict on the generator, the generated package with its runtime, and tests."""
    session.run(PYTHON, "-m", "mypy", "generated/longbridge_openapi_client", *PYTHON_SOURCES)


@nox.session
def imports(session: nox.Session) -> None:
    """Check the import contracts of ARCHITECTURE.md (pyproject.toml, [tool.importlinter])."""
    # lint-imports finds the packages on sys.path: the repository root and generated/.
    pythonpath = os.pathsep.join(["generated", ".", os.environ.get("PYTHONPATH", "")])
    lint_imports = os.path.join(os.path.dirname(PYTHON), "lint-imports")  # import-linter's CLI
    session.run(lint_imports, "--no-cache", env={"PYTHONPATH": pythonpath.rstrip(os.pathsep)})


@nox.session
def tests(session: nox.Session) -> None:
    """Run every test, the conformance suite's own tests included."""
    session.run(
        PYTHON, "-m", "pytest", f"--hypothesis-profile={_hypothesis_profile()}", *session.posargs
    )


@nox.session
def conformance(session: nox.Session) -> None:
    """Validate the spec, then run the conformance suite (--base-url URL: another server)."""
    session.run(PYTHON, "-m", "conformance", *session.posargs)
