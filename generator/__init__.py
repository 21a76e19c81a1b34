"""Turn ``spec/openapi.yaml`` into the ``longbridge_openapi_client`` package.

``python -m generator`` regenerates ``generated/``; ``python -m generator --check`` fails when
``generated/`` differs from what the spec and ``generator/runtime/`` produce now.
"""
