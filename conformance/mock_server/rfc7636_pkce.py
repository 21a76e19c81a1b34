"""RFC 7636: Proof Key for Code Exchange. https://www.rfc-editor.org/rfc/rfc7636"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

__all__ = ["CHALLENGE_PATTERN", "VERIFIER_PATTERN", "s256", "verify"]

# §4.1 and §4.2: 43 to 128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~".
VERIFIER_PATTERN = re.compile(r"^[A-Za-z0-9\-._~]{43,128}$")
CHALLENGE_PATTERN = VERIFIER_PATTERN
_ANY_LENGTH = re.compile(r"^[A-Za-z0-9\-._~]{1,128}$")


def s256(verifier: str) -> str:
    """BASE64URL-ENCODE(SHA256(ASCII(code_verifier))) without padding (§4.2)."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def verify(
    verifier: str,
    challenge: str,
    method: str,
    *,
    any_length: bool = False,
    plain_downgrade: bool = False,
) -> bool:
    """§4.6: the server recomputes the challenge from the verifier and compares.

    ``any_length`` and ``plain_downgrade`` are the broken variants' checks: a verifier shorter
    than §4.1's 43 characters, and an S256 challenge sent back as a plain verifier.
    """
    pattern = _ANY_LENGTH if any_length else VERIFIER_PATTERN
    if not pattern.match(verifier):
        return False
    if method == "S256":
        computed = s256(verifier)
        if plain_downgrade and hmac.compare_digest(verifier, challenge):
            return True
    elif method == "plain":
        computed = verifier
    else:
        return False
    return hmac.compare_digest(computed, challenge)
