"""Project tasks. Run them through ./scripts/test and ./scripts/conformance, which set up .venv.

Sessions reuse the active environment (``venv_backend="none"``): the pins in requirements/ are
installed once by scripts/_bootstrap, so a session starts in milliseconds, not minutes.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import tomllib
from collections import Counter
from pathlib import Path

import nox

nox.options.default_venv_backend = "none"
nox.options.error_on_external_run = False
nox.options.sessions = ["lint", "typecheck", "imports", "check_generated", "tests", "floors"]

# The interpreter running nox: the project's .venv when started from scripts/.
PYTHON = sys.executable
PYTHON_SOURCES = [
    "spec_reader",
    "generator",
    "conformance",
    "bench",
    "tests",
    "examples",
    "noxfile.py",
    "conftest.py",
]
ROOT = Path(__file__).resolve().parent
# What the runtime tests need besides the package: the test tools and the mock server's own
# dependencies (starlette, uvicorn). Installed at the versions requirements/dev.txt pins.
FLOOR_TEST_TOOLS = [
    "pytest",
    "pytest-timeout",
    "hypothesis",
    "starlette",
    "uvicorn",
    "jsonschema",
    "pyyaml",
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
    """mutmut over the runtime's core with tests/runtime; prints ``mutation score: NN%``.

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
    for folder in ("tests", "conformance", "spec", "spec_reader", "generator"):
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


def runtime_floors(pyproject: Path = ROOT / "pyproject.toml") -> dict[str, str]:
    """The lowest version each runtime dependency of pyproject.toml allows (its ``>=`` bound)."""
    from packaging.requirements import Requirement

    floors = {}
    for line in tomllib.loads(pyproject.read_text())["project"]["dependencies"]:
        requirement = Requirement(line)
        lows = [s.version for s in requirement.specifier if s.operator in (">=", "==")]
        if len(lows) != 1:
            raise ValueError(f"pyproject.toml: {line!r} needs exactly one >= (or ==) bound")
        floors[requirement.name] = lows[0]
    return floors


def _pins(names: list[str]) -> list[str]:
    """``name==version`` from requirements/dev.txt for each of ``names``."""
    pins = {}
    for line in (ROOT / "requirements" / "dev.txt").read_text().splitlines():
        name, sep, version = line.partition("==")
        if sep and not line.startswith("#"):
            pins[name.lower().replace("_", "-")] = version
    return [f"{name}=={pins[name]}" for name in names]


@nox.session(venv_backend="venv")
def floors(session: nox.Session) -> None:
    """Build the wheel, install it in a fresh venv with the lowest version of every runtime
    dependency pyproject.toml allows, and run the runtime tests against that install."""
    with tempfile.TemporaryDirectory(prefix="lb-floors-") as dist:
        session.run(
            PYTHON, "-m", "build", "--no-isolation", "--wheel", "--outdir", dist, str(ROOT),
            silent=True, external=True,
        )  # fmt: skip
        (wheel,) = Path(dist).glob("*.whl")
        lowest = [f"{name}=={version}" for name, version in runtime_floors().items()]
        # One resolution: a test tool that wanted a newer runtime dependency fails it loudly.
        session.install(str(wheel), *lowest, *_pins(FLOOR_TEST_TOOLS))
    from packaging.version import Version

    freeze = session.run("python", "-m", "pip", "freeze", silent=True)
    assert isinstance(freeze, str)
    installed = dict(line.lower().split("==", 1) for line in freeze.split() if "==" in line)
    for name, version in runtime_floors().items():
        if Version(installed.get(name, "0")) != Version(version):
            session.error(f"{name} {installed.get(name)} installed, not the floor {version}")
    # The package must come from the wheel, not from generated/.
    session.run(
        "python", "-c",
        "import longbridge_openapi_client as m, sys; "
        "sys.exit('site-packages' not in m.__file__)",
    )  # fmt: skip
    session.run(
        "python", "-m", "pytest", "tests/runtime", "-q", "-p", "no:cacheprovider",
        # They name methods with openapi-python-client's snake_case, and that tool needs
        # pydantic>=2.10: installing it would lift the floor under test.
        "--ignore=tests/runtime/test_data_operations.py",
        "--ignore=tests/runtime/test_sdk_shaped_answers.py",
        f"--hypothesis-profile={_hypothesis_profile()}", *session.posargs,
    )  # fmt: skip
