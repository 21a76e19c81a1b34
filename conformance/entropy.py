"""How many bits of a server's credentials an attacker must guess, estimated over a sample.

RFC 6749 §10.10 (https://www.rfc-editor.org/rfc/rfc6749#section-10.10): "The probability of an
attacker guessing generated tokens (and other credentials not intended for handling by end-users)
MUST be less than or equal to 2^(-128) and SHOULD be less than or equal to 2^(-160)." RFC 8628
§5.2 (https://www.rfc-editor.org/rfc/rfc8628#section-5.2) applies the same to device codes. So a
credential needs 128 random bits (MUST) and should have 160 (SHOULD).

A sample cannot prove randomness (a hash of a counter looks random); it can show its absence.
The estimate is therefore an upper bound built conservatively, the smallest of:

- the format bound: the length of the varying part times log2 of the smallest standard alphabet
  (digits, hex, base32, base36, alphanumeric, base64url, base64, printable ASCII) holding every
  character seen, or of the characters actually seen when a sample that large would have shown
  the whole alphabet (base64: the whole bytes it encodes);
- the per-position bound: for each position, log2 of the alphabet if the number of distinct
  characters seen there is what uniform draws would give, else log2 of the smallest alphabet that
  explains that many distinct characters (a counter's high digits are constant: 0 bits);
- the repetition bound: a value seen twice in n draws has at most about 2·log2(n) bits.

Before that, what the sample shares is removed: a common prefix and suffix (``us_m_``, ``lb_``,
padding) carry no secret. Formats with known structure are taken apart first:

- UUIDs: version 4 has 122 random bits (RFC 9562 §5.4), version 7 has 74 (§5.7), the others are
  time or name based (0); the per-position bound still applies to the hex digits.
- JWTs (RFC 7519): the header and the numeric claims are predictable and the signature is a
  function of them under the server's key, which a sample cannot measure; so the estimate is the
  sum over the string claims that vary (``jti``, ``sub``...), each estimated as a sample itself.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["MUST_BITS", "SHOULD_BITS", "Estimate", "estimate_entropy"]

MUST_BITS = 128
SHOULD_BITS = 160

_B64URL = string.ascii_letters + string.digits + "-_"
_B64 = string.ascii_letters + string.digits + "+/"
# Smallest first: a value is judged by the smallest of these alphabets that holds it.
_ALPHABETS: tuple[tuple[str, frozenset[str]], ...] = (
    ("digits", frozenset(string.digits)),
    ("hex", frozenset("0123456789abcdef")),
    ("HEX", frozenset("0123456789ABCDEF")),
    ("base32", frozenset(string.ascii_uppercase + "234567")),
    ("base36", frozenset(string.ascii_lowercase + string.digits)),
    ("base36", frozenset(string.ascii_uppercase + string.digits)),
    ("alphanumeric", frozenset(string.ascii_letters + string.digits)),
    ("base64url", frozenset(_B64URL)),
    ("base64", frozenset(_B64)),
    ("printable", frozenset(string.printable.strip())),
)
_UUID = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I
)
_UUID_BITS = {"4": 122.0, "7": 74.0}
# A position is judged short of the full alphabet only below five standard deviations of the
# distinct count uniform draws give: measured at 32 draws, under 2e-5 per position for every
# alphabet above, so a true 128-bit token is rarely cut short; a counter's digits fall far below.
_Z = 5.0


@dataclass(frozen=True)
class Estimate:
    bits: float
    format: str  # what the sample was read as: "base64url", "uuid4", "jwt", ...
    reason: str  # which bound decided, for the check's message (never a value of the sample)


def _expected_distinct(k: int, n: int) -> float:
    """Expected number of distinct symbols in ``n`` uniform draws from ``k``."""
    return k * (1 - (1 - 1 / k) ** n)


def _sd_distinct(k: int, n: int) -> float:
    q1, q2 = (1 - 1 / k) ** n, (1 - 2 / k) ** n
    return math.sqrt(max(0.0, k * (k - 1) * q2 + k * q1 - k * k * q1 * q1))


def _effective_alphabet(distinct: int, draws: int, ceiling: int) -> int:
    """The alphabet size explaining ``distinct`` symbols in ``draws`` draws, at most ``ceiling``.

    Uniform draws from the full alphabet: the full size (within ``_Z`` standard deviations).
    Fewer: the smallest size whose expected count reaches ``distinct`` (half a symbol of slack).
    """
    if distinct >= _expected_distinct(ceiling, draws) - _Z * _sd_distinct(ceiling, draws):
        return ceiling
    k = max(distinct, 1)
    while k < ceiling and _expected_distinct(k, draws) < distinct - 0.5:
        k += 1
    return k


def _shared_start(values: Sequence[str]) -> int:
    """The length of the prefix every value shares."""
    shortest = min(len(v) for v in values)
    for i in range(shortest):
        if len({v[i] for v in values}) > 1:
            return i
    return shortest


def _strip_shared(values: Sequence[str]) -> list[str]:
    start = _shared_start(values)
    rest = [v[start:] for v in values]
    end = _shared_start([v[::-1] for v in rest])
    return [v[: len(v) - end] for v in rest]


def _plain(values: Sequence[str], label: str | None = None) -> Estimate:
    n = len(values)
    if n < 2:
        raise ValueError("an entropy estimate needs a sample of at least two values")
    if len(set(values)) < n:
        bits = 2 * math.log2(n)
        return Estimate(bits, label or "repeating", f"values repeat within {n} draws")
    parts = _strip_shared(values)
    length = min(len(p) for p in parts)
    seen = set("".join(parts))
    name, alphabet = next(
        ((a, chars) for a, chars in _ALPHABETS if seen <= chars), ("any", frozenset(seen))
    )
    pooled = _effective_alphabet(len(seen), sum(len(p) for p in parts), max(len(alphabet), 2))
    format_bits = length * math.log2(max(pooled, 1))
    if name.startswith("base64") and pooled == len(alphabet):
        # Unpadded base64 of n bytes: the last character carries only the bits left over.
        format_bits = min(format_bits, 8.0 * (length * 6 // 8))
    position_bits = 0.0
    for i in range(length):
        column = {p[i] for p in parts}
        if len(column) > 1:
            position_bits += math.log2(_effective_alphabet(len(column), n, pooled))
    if position_bits < format_bits - 1e-9:
        reason = f"per-position distribution over {n} values ({length} varying characters)"
    else:
        reason = f"{length} varying characters of a {pooled}-symbol alphabet"
    return Estimate(min(format_bits, position_bits), label or name, reason)


def _b64url_json(part: str) -> object:
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def _jwt(values: Sequence[str]) -> Estimate | None:
    claims: list[dict[str, object]] = []
    for value in values:
        pieces = value.split(".")
        if len(pieces) != 3:
            return None
        try:
            header, payload = _b64url_json(pieces[0]), _b64url_json(pieces[1])
        except (ValueError, binascii.Error):
            return None
        if not (isinstance(header, dict) and "alg" in header and isinstance(payload, dict)):
            return None
        claims.append(payload)
    bits = 0.0
    names = sorted({k for c in claims for k, v in c.items() if isinstance(v, str)})
    random_claims = []
    for name in names:
        column = [c.get(name) for c in claims]
        texts = [v for v in column if isinstance(v, str)]
        if len(texts) == len(column) and len(set(texts)) > 1:
            bits += _plain(texts).bits
            random_claims.append(name)
    reason = f"varying string claims {random_claims}" if random_claims else "no varying claim"
    return Estimate(bits, "jwt", reason)


def _uuid(values: Sequence[str]) -> Estimate | None:
    matches = [_UUID.match(v) for v in values]
    if not all(matches):
        return None
    versions = {m[1] for m in matches if m}
    cap = min(_UUID_BITS.get(v, 0.0) for v in versions)
    label = "uuid" + "".join(sorted(versions)) if len(versions) == 1 else "uuid"
    digits = _plain([v.replace("-", "").lower() for v in values], label)
    if digits.bits < cap:
        return digits
    return Estimate(cap, label, f"the random bits of UUID version {'/'.join(sorted(versions))}")


def estimate_entropy(sample: Sequence[str]) -> Estimate:
    """An upper estimate of the guessable bits in each value of ``sample`` (see the module)."""
    if len(sample) < 2:
        raise ValueError("an entropy estimate needs a sample of at least two values")
    return _uuid(sample) or _jwt(sample) or _plain(sample)
