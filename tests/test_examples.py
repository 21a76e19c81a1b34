"""Every workflow under examples/ (each ``.yml``/``.yaml`` file) is a valid GitHub Actions workflow.

Validated against the published workflow schema (SchemaStore's, which check-jsonschema ships:
``--builtin-schema vendor.github-workflows``, no network), and for what the schema cannot see:
which contexts an ``if:`` may read (https://docs.github.com/en/actions/learn-github-actions/
contexts#context-availability). ``secrets`` is read by neither a job's nor a step's ``if:``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.paths import ROOT

# The Python examples beside them are run by tests/test_readme_quickstart.py.
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".yml", ".yaml"))
JOB_IF = frozenset({"github", "needs", "vars", "inputs"})
STEP_IF = JOB_IF | {"strategy", "matrix", "job", "runner", "env", "steps"}
CONTEXT = re.compile(r"(?<![\w.'\"-])([a-z_]+)\s*(?:\.|\[)")


def _contexts(expression: str) -> set[str]:
    """The contexts an expression reads (``env.X``, ``secrets['Y']``), strings left out."""
    return set(CONTEXT.findall(re.sub(r"'[^']*'", "''", expression)))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_matches_the_github_workflow_schema(path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_conditions_read_only_the_contexts_they_may(path: Path) -> None:
    workflow: dict[str, Any] = yaml.safe_load(path.read_text())
    for name, job in workflow["jobs"].items():
        condition = str(job.get("if", ""))
        assert _contexts(condition) <= JOB_IF, f"jobs.{name}.if: {condition}"
        for i, step in enumerate(job.get("steps", [])):
            condition = str(step.get("if", ""))
            assert _contexts(condition) <= STEP_IF, f"jobs.{name}.steps[{i}].if: {condition}"


def test_contexts_are_found_in_expressions() -> None:
    assert _contexts("${{ secrets.TOKEN != '' }}") == {"secrets"}
    assert _contexts("always() && env.TOKEN != 'a.b'") == {"env"}
    assert _contexts("secrets['X'] && github.event_name == 'push'") == {"secrets", "github"}
