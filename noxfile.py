"""Project tasks. Run them through ./scripts/test and ./scripts/conformance, which set up .venv.

Sessions reuse the active environment (``venv_backend="none"``): the pins in requirements/ are
installed once by scripts/_bootstrap, so a session starts in milliseconds, not minutes.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

import nox

nox.options.default_venv_backend = "none"
nox.options.error_on_external_run = False
nox.options.sessions = ["lint", "typecheck", "check_generated", "tests"]

# The interpreter running nox: the project's .venv when started from scripts/.
PYTHON = sys.executable
PYTHON_SOURCES = ["generator", "conformance", "bench", "tests", "noxfile.py", "conftest.py"]


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
def tests(session: nox.Session) -> None:
    """Run every test, the conformance suite's own tests included."""
    session.run(
        PYTHON, "-m", "pytest", f"--hypothesis-profile={_hypothesis_profile()}", *session.posargs
    )


@nox.session
def conformance(session: nox.Session) -> None:
    """Validate the spec, then run the conformance suite (--base-url URL: another server)."""
    session.run(PYTHON, "-m", "conformance", *session.posargs)


MUTATION_DIR = Path(".mutation")
MUTATION_MODULES = (
    "refreshing_auth",
    "token",
    "token_store",
    "rfc7636_pkce",
    "rfc6749_client",
    "retry",
    "envelope",
)
# Killed: a test failed, the mutant hung (timeout) or the type checker refused it.
_KILLED = {"killed", "timeout", "caught by type check"}
_RESULT = re.compile(r"^\s*longbridge_openapi_client\._runtime\.(\w+)\.(\S+): (.+)$")


@nox.session
def mutation(session: nox.Session) -> None:
    """mutmut over the runtime's core with tests/runtime (and tests/test_envelope.py); prints
    ``mutation score: NN%``.

    Slow (CPU-bound, minutes to an hour): run on demand, not by ./scripts/test. Arguments are
    mutmut's mutant names or globs (``"*token_store*"``). The surviving mutants judged equivalent
    are listed in tests/runtime/MUTATION.md.
    """
    if MUTATION_DIR.exists():
        shutil.rmtree(MUTATION_DIR)
    (MUTATION_DIR / "src").mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", ".hypothesis", "*.pyc")
    shutil.copytree(
        "generated/longbridge_openapi_client",
        MUTATION_DIR / "src" / "longbridge_openapi_client",
        ignore=ignore,
    )
    for folder in ("tests", "conformance", "spec", "generator"):
        shutil.copytree(folder, MUTATION_DIR / folder, ignore=ignore)
    for name in ("conftest.py", "pyproject.toml"):
        shutil.copy2(name, MUTATION_DIR / name)
    with session.chdir(MUTATION_DIR):
        session.run("mutmut", "run", "--max-children", str(os.cpu_count() or 2), *session.posargs)
        listing = session.run("mutmut", "results", "--all", "true", silent=True)
    counts: dict[str, Counter[str]] = {m: Counter() for m in MUTATION_MODULES}
    for line in str(listing).splitlines():
        match = _RESULT.match(line)
        if match and match[1] in counts:
            counts[match[1]][match[3].strip()] += 1
    total, killed = Counter[str](), 0
    for module, statuses in counts.items():
        n = sum(statuses.values())
        k = sum(statuses[s] for s in _KILLED)
        total.update(statuses)
        killed += k
        score = f"{100 * k / n:.0f}%" if n else "n/a"
        detail = ", ".join(f"{v} {s}" for s, v in sorted(statuses.items()))
        session.log(f"{module}: mutation score: {score} ({detail})")
    n = sum(total.values())
    if not n:
        session.error("mutmut reported no mutants")
    session.log(f"mutation score: {100 * killed / n:.0f}% ({killed} of {n} killed)")
