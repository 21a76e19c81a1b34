"""The conformance checks: pytest modules run by ``python -m conformance`` against any server."""
