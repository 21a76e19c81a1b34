"""The Hypothesis profiles of conftest.py do what their comments promise, on CI too."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from generator.paths import ROOT

# One property run twice under each profile, in a fresh interpreter with the given environment:
# did the two runs draw different examples?
_PROBE = """
import json
import conftest
from hypothesis import given, settings, strategies as st

def examples(profile):
    seen = []

    @settings(settings.get_profile(profile), max_examples=20)
    @given(st.integers())
    def probe(value):
        seen.append(value)

    probe()
    return seen

print(json.dumps({p: examples(p) != examples(p) for p in ("dev", "ci", "thorough", "proof")}))
"""


def _draws_anew(ci: bool) -> dict[str, bool]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "HYPOTHESIS_PROFILE")}
    if ci:
        env["CI"] = "true"  # what .ci/run has: Hypothesis then defaults to its derandomized ci
    done = subprocess.run(
        [sys.executable, "-c", _PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result: dict[str, bool] = json.loads(done.stdout)
    return result


def test_ci_draws_new_examples_on_every_run_as_dev_does() -> None:
    # A derandomized ci profile ran the same examples on every CI run, so CI never found the
    # failures that dev runs (new examples each time) found; dev itself was derandomized on CI.
    for on_ci in (False, True):
        drawn = _draws_anew(on_ci)
        assert drawn["ci"], f"ci profile, CI={on_ci}"
        assert drawn["dev"], f"dev profile, CI={on_ci}"
        assert drawn["thorough"], f"thorough profile, CI={on_ci}"
        # The broken-variant runs (tests/conformance) need the same examples every time.
        assert not drawn["proof"], f"proof profile, CI={on_ci}"
