"""The sections, in the order the table shows them. Add one here to extend the benchmark."""

from __future__ import annotations

from . import mock_server
from .model import Section

__all__ = ["SECTIONS"]

# Planned: client per-call overhead, refresh under concurrency, Prism for comparison, conformance
# run time, generation and import time.
SECTIONS: list[Section] = [
    Section("mock", mock_server.TITLE, mock_server.run),
]
