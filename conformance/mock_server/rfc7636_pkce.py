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


def s256(verifier: str) -> str:
    """BASE64URL-ENCODE(SHA256(ASCII(code_verifier))) without padding (§4.2)."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def verify(verifier: str, challenge: str, method: str) -> bool:
    """§4.6: the server recomputes the challenge from the verifier and compares."""
    if not VERIFIER_PATTERN.match(verifier):
        return False
    if method == "S256":
        computed = s256(verifier)
    elif method == "plain":
        computed = verifier
    else:
        return False
    return hmac.compare_digest(computed, challenge)
