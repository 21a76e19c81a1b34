"""The Longbridge conformance kit: a mock server, and a Hypothesis suite for any server."""
