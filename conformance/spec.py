"""spec/openapi.yaml for the conformance kit: spec_reader's names, re-exported.

The spec's operations (``ApiOperation``, ``api_operations``, ``operation``) and reading the file
(``load_spec``, ``read_spec``, ``deref``, ``validator_for``) are spec_reader's; the mock and the
suite import them from there. This module keeps the old import path for the tests that still use
it (tests/mock_server/).
"""

from __future__ import annotations

from spec_reader import deref, load_spec, read_spec, validator_for
from spec_reader.api_operations import METHODS, ApiOperation, api_operations, operation

__all__ = [
    "METHODS",
    "ApiOperation",
    "api_operations",
    "deref",
    "load_spec",
    "operation",
    "read_spec",
    "validator_for",
]
