"""The entropy estimator on samples of known entropy: strong ones pass, weak ones are flagged."""

from __future__ import annotations

import base64
import json
import secrets
import uuid
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conformance.entropy import MUST_BITS, SHOULD_BITS, estimate_entropy

N = 32


def sample(make: Callable[[int], str], n: int = N) -> list[str]:
    return [make(i) for i in range(n)]


def _b64(data: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def jwt(jti: str, iat: int) -> str:
    header = _b64({"alg": "HS256", "typ": "JWT"})
    payload = _b64({"iss": "https://as.example", "sub": "user-1", "iat": iat, "jti": jti})
    return f"{header}.{payload}.{secrets.token_urlsafe(32)}"


@pytest.mark.parametrize(
    ("make", "true_bits"),
    [
        (lambda i: secrets.token_urlsafe(32), 256),
        (lambda i: secrets.token_urlsafe(24), 192),
        (lambda i: secrets.token_hex(32), 256),
        (lambda i: "us_m_" + secrets.token_urlsafe(32), 256),
        (lambda i: "lb_" + secrets.token_hex(24), 192),
        (lambda i: jwt(secrets.token_urlsafe(32), 1_700_000_000 + i), 256),
    ],
    ids=[
        "token_urlsafe(32)",
        "token_urlsafe(24)",
        "token_hex(32)",
        "us_m_ prefix",
        "lb_ hex",
        "jwt",
    ],
)
def test_strong_credentials_reach_the_should_level(
    make: Callable[[int], str], true_bits: int
) -> None:
    estimate = estimate_entropy(sample(make))
    assert SHOULD_BITS <= estimate.bits <= true_bits + 1, estimate


@pytest.mark.parametrize(
    ("make", "true_bits"),
    [
        (lambda i: secrets.token_urlsafe(16), 128),
        (lambda i: secrets.token_hex(16), 128),
    ],
    ids=["token_urlsafe(16)", "token_hex(16)"],
)
def test_128_bits_meet_the_must_level_only(make: Callable[[int], str], true_bits: int) -> None:
    estimate = estimate_entropy(sample(make))
    assert MUST_BITS <= estimate.bits < SHOULD_BITS, estimate


def test_uuid4_has_122_bits_short_of_the_must_level() -> None:
    estimate = estimate_entropy(sample(lambda i: str(uuid.uuid4())))
    assert estimate.format == "uuid4"
    assert 115 <= estimate.bits <= 122, estimate


def test_time_based_uuids_have_no_random_bits() -> None:
    assert estimate_entropy(sample(lambda i: str(uuid.uuid1()))).bits == 0


@pytest.mark.parametrize(
    "make",
    [
        lambda i: f"tok{1000 + i:08d}",
        lambda i: f"lb_{0xABC000 + 7 * i:032x}",
        lambda i: secrets.token_hex(8),
        lambda i: secrets.token_urlsafe(12),
        lambda i: jwt(f"jti-{i:06d}", 1_700_000_000 + i),
        lambda i: jwt("constant", 1_700_000_000 + i),
        lambda i: secrets.choice(["a", "b", "c"]) + "x" * 40,
    ],
    ids=[
        "counter",
        "hex counter",
        "token_hex(8)",
        "token_urlsafe(12)",
        "jwt counter jti",
        "jwt without random claim",
        "repeating",
    ],
)
def test_weak_credentials_are_flagged(make: Callable[[int], str]) -> None:
    estimate = estimate_entropy(sample(make))
    assert estimate.bits < MUST_BITS, estimate


@settings(max_examples=30, deadline=None)
@given(nbytes=st.integers(min_value=4, max_value=48), prefix=st.sampled_from(["", "lb_", "us_m_"]))
def test_estimate_tracks_the_true_entropy_of_random_tokens(nbytes: int, prefix: str) -> None:
    """Never above the true entropy (plus the rounding of the last character), and close to it."""
    estimate = estimate_entropy(sample(lambda i: prefix + secrets.token_urlsafe(nbytes)))
    true_bits = 8 * nbytes
    assert true_bits - 16 <= estimate.bits <= true_bits + 1, estimate


@settings(max_examples=30, deadline=None)
@given(start=st.integers(min_value=0, max_value=10**12), step=st.integers(1, 1000))
def test_counters_stay_far_below_the_must_level(start: int, step: int) -> None:
    estimate = estimate_entropy(sample(lambda i: f"at-{start + step * i:016d}"))
    assert estimate.bits < 64, estimate


def test_a_sample_of_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least two"):
        estimate_entropy(["only"])
