"""Secrets of a conformance run, and the one function that masks them in everything it writes.

A credential given to the run (``LONGBRIDGE_ACCESS_TOKEN`` with ``--profile live``) is carried
as a :class:`Secret`, whose ``repr`` and ``str`` hide it: pytest prints a failing test's
arguments, so the token must never be a plain string argument. It is revealed only where a
request is built (:class:`BearerAuth`). Whatever still reaches a stream or a report (a server
echoing the token, a traceback through httpx) goes through :func:`mask`, which replaces every
known secret exactly, in each of the encodings a request or a report can give it: as sent, in
a URL query (``/``, ``+`` and ``=`` percent-encoded), JSON-escaped, and HTML/XML-escaped.
"""

from __future__ import annotations

import html
import json
import os
import re
import threading
from collections.abc import Generator, Iterable
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote, quote_plus

import httpx

__all__ = [
    "ENV_SECRETS",
    "MASK",
    "BearerAuth",
    "Secret",
    "known_secrets",
    "mask",
    "mask_bytes",
    "mask_files",
    "remember",
]

# Environment variables that hold credentials a run may be given: the access token and App
# Secret under the LONGBRIDGE_ and LONGPORT_ names the kit reads, and an OAuth client secret.
ENV_SECRETS = (
    "LONGBRIDGE_ACCESS_TOKEN",
    "LONGPORT_ACCESS_TOKEN",
    "LONGBRIDGE_APP_SECRET",
    "LONGPORT_APP_SECRET",
    "LONGBRIDGE_CLIENT_SECRET",
    "CONFORMANCE_CLIENT_SECRET",  # --client-secret / --client2-secret (conformance/clients.py)
    "CONFORMANCE_CLIENT2_SECRET",
)
MASK = "[secret]"

_remembered: set[str] = set()
_lock = threading.Lock()


class Secret:
    """A credential whose ``repr`` and ``str`` never show it; :meth:`reveal` where it is sent."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not value:
            raise ValueError("a secret is not empty")
        self._value = value
        remember(value)

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"Secret({MASK!r})"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


class BearerAuth(httpx.Auth):
    """``Authorization: Bearer <token>`` (RFC 6750 §2.1), set on the request as it is sent."""

    def __init__(self, token: Secret, scheme: str = "Bearer") -> None:
        self._token = token
        self._scheme = scheme

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"{self._scheme} {self._token.reveal()}"
        yield request

    def __repr__(self) -> str:
        return f"BearerAuth({self._scheme!r}, {self._token!r})"


def remember(value: str) -> None:
    """Mask ``value`` too from now on (in this process): a token the run obtained."""
    if value:
        with _lock:
            _remembered.add(value)


def known_secrets() -> frozenset[str]:
    """The credentials in the environment (:data:`ENV_SECRETS`) and those remembered here."""
    from_env = {os.environ.get(name, "") for name in ENV_SECRETS}
    with _lock:
        return frozenset((from_env | _remembered) - {""})


def _forms(secret: str) -> set[str]:
    """``secret`` as it can appear in a URL, a JSON body, an HTML or XML report."""
    forms = {
        secret,
        quote(secret, safe=""),
        quote(secret),
        quote_plus(secret),
        json.dumps(secret)[1:-1],
        secret.replace("/", "\\/"),  # JSON encoders that escape the solidus
        html.escape(secret),
        html.escape(secret, quote=False),
    }
    return {f for f in forms if f}


@lru_cache(maxsize=16)  # the set grows as the suite obtains tokens: keep the latest
def _pattern(secrets: frozenset[str]) -> re.Pattern[str] | None:
    forms = {f for s in secrets for f in _forms(s)}
    if not forms:
        return None
    # Longest first: a form that contains another is replaced whole.
    return re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))


# Credentials the run did not bring but meets, by the name they travel under: codes, verifiers,
# tokens and secrets in the bodies and redirects of RFC 6749 §4.1.2, §5.1, RFC 7636 §4.5,
# RFC 7591 §3.2.1, RFC 8628 §3.2 (a live run with --allow-writes registers real clients), and the
# data API's socket OTP. Only string values: the envelope's numeric "code" stays readable.
_NAMES = (
    r"access_token|refresh_token|id_token|code|code_verifier|device_code|client_secret"
    r"|registration_access_token|app_secret|token|otp"
)
_Q = r"""(?:["']|&quot;|&\#x27;|&\#39;|&apos;)"""  # a quote, or one escaped in XML or HTML
_QUOTED = re.compile(
    # A value cut short by an excerpt has no closing quote: the end of the text ends it too.
    rf"(?P<k>(?P<q1>{_Q})(?:{_NAMES})(?P=q1)\s*[:=]\s*)(?P<q2>{_Q})(?P<v>[^\"'\\&<]+)(?:(?P=q2)|$)"
)
_ARG = re.compile(rf"(?P<k>(?<![\w.])(?:{_NAMES}) = )(?P<q2>{_Q})(?P<v>[^\"'\\&<]+)(?P=q2)")
_FORM = re.compile(rf"""(?P<k>(?<![\w.])(?:{_NAMES})=)(?P<v>[^&\s"'#<]+)""")
_SCHEME = re.compile(r"(?P<k>\b(?:Bearer|Basic) )(?P<v>[A-Za-z0-9._~+/=-]{8,})")


def _fields(text: str) -> str:
    for quoted in (_QUOTED, _ARG):
        text = quoted.sub(lambda m: f"{m['k']}{m['q2']}{MASK}{m['q2']}", text)
    text = _FORM.sub(lambda m: m["k"] + MASK, text)
    return _SCHEME.sub(lambda m: m["k"] + MASK, text)


def mask(text: str, secrets: Iterable[str] | None = None) -> str:
    """``text`` with every known secret (or each of ``secrets``) replaced by :data:`MASK`.

    Known secrets are matched exactly, whatever their length or alphabet; then the values of
    credential fields (``"code": "…"``, ``access_token=…``, ``Bearer …``) are masked by name.
    """
    pattern = _pattern(known_secrets() if secrets is None else frozenset(secrets) - {""})
    if pattern is not None:
        text = pattern.sub(MASK, text)
    return _fields(text)


def mask_bytes(data: bytes, secrets: Iterable[str] | None = None) -> bytes:
    """:func:`mask` for bytes, read as UTF-8 (undecodable bytes are kept as they are)."""
    return mask(data.decode("utf-8", "surrogateescape"), secrets).encode("utf-8", "surrogateescape")


def mask_files(directory: Path, secrets: Iterable[str] | None = None) -> None:
    """Mask every file under ``directory`` in place (the reports of a run)."""
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        data = path.read_bytes()
        masked = mask_bytes(data, secrets)
        if masked != data:
            path.write_bytes(masked)
