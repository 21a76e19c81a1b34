"""Framework-free request and reply values, and the two error shapes (OAuth JSON, envelope)."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

__all__ = ["ApiProblem", "Incoming", "OAuthProblem", "Reply", "error_description", "parse_params"]

NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def error_description(text: str) -> str:
    """``text`` limited to %x20-21 / %x23-5B / %x5D-7E, as RFC 6749 §4.1.2.1 and §5.2 require.

    Descriptions may quote what the client sent (a repeated parameter's name); any other
    character becomes ``?``.
    """
    return "".join(c if " " <= c <= "~" and c not in '"\\' else "?" for c in text)


@dataclass(frozen=True)
class Incoming:
    """One HTTP request, as the core sees it. Header names are lower-case."""

    method: str
    path: str
    query_string: str  # exactly as sent, without "?" (the legacy signature covers it)
    headers: Mapping[str, str]
    body: bytes
    base_url: str  # scheme://host[:port], no trailing slash
    raw_path: str = ""  # the path exactly as sent, still percent-encoded ("" = same as path)
    client_ip: str = ""  # the peer's address, for the IP allow list
    path_params: Mapping[str, str] = field(default_factory=dict)  # from the route's template

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()


@dataclass
class Reply:
    """What the core answers; the adapter turns it into an HTTP response."""

    status: int
    body: Any = None  # JSON-serialisable, or str with media_type text/html, or None for empty
    headers: dict[str, str] = field(default_factory=dict)
    media_type: str = "application/json"

    def encode(self) -> bytes:
        if self.body is None:
            return b""
        if isinstance(self.body, str):
            return self.body.encode("utf-8")
        return json.dumps(self.body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class OAuthProblem(Exception):
    """An RFC 6749 §5.2-shaped error: ``{"error": ..., "error_description": ...}``."""

    def __init__(
        self,
        error: str,
        description: str,
        status: int = 400,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(error, description)
        self.error = error
        self.description = error_description(description)
        self.status = status
        self.headers = dict(headers or {})

    def reply(self, no_store: bool = True) -> Reply:
        headers = {**(NO_STORE if no_store else {}), **self.headers}
        body = {"error": self.error, "error_description": self.description}
        return Reply(self.status, body, headers)


class ApiProblem(Exception):
    """A data API error: the envelope with a nonzero code (docs/longbridge-api.md §4)."""

    def __init__(
        self, code: int, message: str, status: int, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message
        self.status = status
        self.headers = dict(headers or {})


class DuplicateParameter(ValueError):
    """A parameter was sent more than once (RFC 6749 §3.1: parameters MUST NOT repeat)."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def parse_params(text: str, recognized: Collection[str] | None = None) -> dict[str, str]:
    """Form or query parameters; empty values count as absent (RFC 6749 §3.1).

    With ``recognized``, other names are dropped, repeated or not: RFC 6749 §3.1 and §3.2 say the
    server MUST ignore unrecognized parameters, and only the recognized ones must not repeat.
    Raises :class:`DuplicateParameter` for a repeated name and ``ValueError`` for bad encoding.
    """
    params: dict[str, str] = {}
    for name, value in parse_qsl(text, keep_blank_values=True, errors="strict"):
        if recognized is not None and name not in recognized:
            continue
        if name in params:
            raise DuplicateParameter(name)
        params[name] = value
    for name in [n for n, v in params.items() if v == ""]:
        del params[name]
    return params
