"""RFC 7636: Proof Key for Code Exchange (PKCE), client side. https://www.rfc-editor.org/rfc/rfc7636"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from dataclasses import dataclass

__all__ = ["VERIFIER_PATTERN", "Pkce", "generate_code_verifier", "s256_challenge"]

# §4.1: code_verifier = 43*128unreserved; unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~".
VERIFIER_PATTERN = re.compile(r"^[A-Za-z0-9\-._~]{43,128}$")
_UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"


def generate_code_verifier(length: int = 64) -> str:
    """A random verifier of ``length`` unreserved characters from ``secrets`` (§4.1, §7.1)."""
    if not 43 <= length <= 128:
        raise ValueError("a code_verifier has 43 to 128 characters (RFC 7636 §4.1)")
    return "".join(secrets.choice(_UNRESERVED) for _ in range(length))


def s256_challenge(verifier: str) -> str:
    """BASE64URL-ENCODE(SHA256(ASCII(code_verifier))), unpadded (§4.2)."""
    if not VERIFIER_PATTERN.match(verifier):
        raise ValueError("not a valid code_verifier (RFC 7636 §4.1)")
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class Pkce:
    """A verifier and its S256 challenge; the verifier never appears in ``repr``."""

    verifier: str

    @classmethod
    def generate(cls, length: int = 64) -> Pkce:
        return cls(generate_code_verifier(length))

    @property
    def challenge(self) -> str:
        return s256_challenge(self.verifier)

    method = "S256"

    def __repr__(self) -> str:
        return f"Pkce(challenge={self.challenge!r})"
