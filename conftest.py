"""Hypothesis profiles for every test in the project, chosen by name (--hypothesis-profile)."""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, Phase, settings

# dev: quick feedback while editing. ci: twice dev's examples, new ones on every run as in dev (a
# derandomized ci drew the same examples forever and never found what dev runs found), no example
# database (a fresh clone has none), and each failure printed with the blob that replays it
# (@reproduce_failure). thorough: many examples, for a nightly run.
# derandomize=False is explicit: under a CI variable Hypothesis loads its own "ci" profile
# (derandomized) as the default that every profile registered here inherits from.
settings.register_profile("dev", max_examples=25, deadline=None, derandomize=False)
settings.register_profile(
    "ci",
    max_examples=50,
    derandomize=False,
    database=None,
    print_blob=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# proof: the broken-variant runs (tests/conformance): reproducible, and no time spent shrinking.
settings.register_profile(
    "proof",
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    max_examples=1000,
    stateful_step_count=100,
    deadline=timedelta(seconds=5),
    derandomize=False,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
