# Copied verbatim from generator/runtime/cli/__main__.py by `python -m generator`.
# Edit that file and regenerate; changes made here are lost and fail the drift check.
# PYTHON_ARGCOMPLETE_OK
"""``python -m longbridge_openapi_client._runtime.cli``: the CLI, as the console script runs it."""

from __future__ import annotations

from .main import main

if __name__ == "__main__":
    raise SystemExit(main())
