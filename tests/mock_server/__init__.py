"""Tests of the mock Longbridge server (conformance/mock_server/)."""
