"""PKCE on the client side (RFC 7636)."""

from __future__ import annotations

import base64
import hashlib
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from longbridge_openapi_client import Pkce, generate_code_verifier, s256_challenge

UNRESERVED = set(string.ascii_letters + string.digits + "-._~")


def test_appendix_b_vector() -> None:
    # RFC 7636 Appendix B.
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    assert s256_challenge(verifier) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"


def test_default_verifier_is_64_unreserved_characters() -> None:
    verifier = generate_code_verifier()
    assert len(verifier) == 64
    assert set(verifier) <= UNRESERVED
    assert generate_code_verifier() != verifier


@given(st.integers(min_value=43, max_value=128))
def test_verifier_length_and_alphabet(length: int) -> None:
    verifier = generate_code_verifier(length)
    assert len(verifier) == length
    assert set(verifier) <= UNRESERVED


@pytest.mark.parametrize("length", [0, 42, 129, 1000])
def test_out_of_range_lengths_are_refused(length: int) -> None:
    with pytest.raises(ValueError, match="43 to 128"):
        generate_code_verifier(length)


@given(st.text(alphabet="".join(sorted(UNRESERVED)), min_size=43, max_size=128))
def test_challenge_is_unpadded_base64url_of_sha256(verifier: str) -> None:
    challenge = s256_challenge(verifier)
    assert len(challenge) == 43
    assert "=" not in challenge
    padded = challenge + "="
    assert base64.urlsafe_b64decode(padded) == hashlib.sha256(verifier.encode()).digest()


@given(
    st.one_of(st.text(max_size=42), st.text(min_size=129, max_size=200), st.just("a" * 42 + " "))
)
def test_challenge_refuses_invalid_verifiers(verifier: str) -> None:
    if 43 <= len(verifier) <= 128 and set(verifier) <= UNRESERVED:
        return
    with pytest.raises(ValueError, match="code_verifier"):
        s256_challenge(verifier)


def test_repr_hides_the_verifier() -> None:
    pkce = Pkce.generate()
    assert pkce.verifier not in repr(pkce)
    assert pkce.challenge in repr(pkce)
    assert pkce.method == "S256"
