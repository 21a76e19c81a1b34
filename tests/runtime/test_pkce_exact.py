"""PKCE's errors, exactly (RFC 7636 §4.1; found by mutmut)."""

from __future__ import annotations

import re

import pytest

from longbridge_openapi_client import generate_code_verifier, s256_challenge


@pytest.mark.parametrize("length", [42, 129])
def test_a_verifier_length_out_of_range_is_refused(length: int) -> None:
    message = "a code_verifier has 43 to 128 characters (RFC 7636 §4.1)"
    with pytest.raises(ValueError, match=re.escape(message)) as caught:
        generate_code_verifier(length)
    assert str(caught.value) == message


def test_a_verifier_outside_the_alphabet_is_refused() -> None:
    message = "not a valid code_verifier (RFC 7636 §4.1)"
    with pytest.raises(ValueError, match=re.escape(message)) as caught:
        s256_challenge("é" * 43)
    assert str(caught.value) == message
