"""The sections, in the order the table shows them. Add one here to extend the benchmark."""

from __future__ import annotations

from . import build, cli_start, client_overhead, conformance_run, mock_server, refresh_concurrency
from .model import Section

__all__ = ["SECTIONS"]

SECTIONS: list[Section] = [
    Section("client", client_overhead.TITLE, client_overhead.run),
    Section("refresh", refresh_concurrency.TITLE, refresh_concurrency.run),
    Section("mock", mock_server.TITLE, mock_server.run),
    Section("conformance", conformance_run.TITLE, conformance_run.run),
    Section("build", build.TITLE, build.run),
    Section("cli", cli_start.TITLE, cli_start.run),
]
