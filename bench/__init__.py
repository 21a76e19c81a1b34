"""Benchmarks: ``scripts/bench`` (``python -m bench``) runs sections and prints one table.

A section is a named function from :class:`~bench.model.Settings` to table rows; add one by
appending to ``SECTIONS`` in ``bench/sections.py``. This package imports only the standard library,
so load-generator processes start fast.
"""
