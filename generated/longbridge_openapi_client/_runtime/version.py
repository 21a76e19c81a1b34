# Copied verbatim from generator/runtime/version.py by `python -m generator`.
# Edit that file and regenerate; changes made here are lost and fail the drift check.
"""The package's version, written only here: pyproject.toml reads it (setuptools ``attr:``),
``longbridge_openapi_client.__version__`` and ``longbridge-openapi --version`` show it."""

__version__ = "0.1.0"
