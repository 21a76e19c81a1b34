"""The package's version, written only here: pyproject.toml reads it (setuptools ``attr:``),
``longbridge_openapi_client.__version__`` and ``longbridge-openapi --version`` show it."""

__version__ = "0.1.0"
