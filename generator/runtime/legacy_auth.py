"""Legacy API-key mode: sign every request with the App Secret (docs/longbridge-api.md §3).

The fallback to OAuth 2.0 for App Key / App Secret / Access Token credentials from the developer
site. Each request carries ``X-Api-Key``, the raw token in ``Authorization`` (no ``Bearer``),
``X-Timestamp`` and ``X-Api-Signature``, computed as §3.2 describes step by step (§11 restates
it compactly)::

    canonical      = METHOD|path|query|signed_values|signed_headers|[sha1_hex(body)]
    string_to_sign = "HMAC-SHA256|" + sha1_hex(canonical)
    signature      = hmac_sha256_hex(app_secret, string_to_sign)

``query`` is the query string exactly as sent. So that the server sees the bytes the official
SDK would send, :class:`ApiKeyAuth` first re-encodes the request's query the SDK's way (its
``qs`` module: form encoding that keeps only ``A-Za-z0-9*-._``, spaces as ``+``, keys in their
given order, a repeated key per list item; §3.2 step 3), puts that exact string on the URL and
signs it. ``X-Timestamp`` has millisecond precision (the docs show float seconds, §3.2 notes), so
a retry within the same second is a new signature rather than a replay (``403202``). The SDK's
``x-dc-region`` header is added as well (§2.6): ``us`` for a ``us_`` token, else ``ap``.

The secret and the token are never logged, and :class:`ApiKeyAuth`'s ``repr`` masks them.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable, Generator, Iterable, Mapping
from urllib.parse import unquote_to_bytes

import httpx

from .token import dc_region

__all__ = [
    "SIGNED_HEADERS",
    "ApiKeyAuth",
    "canonical_request",
    "dc_region",
    "encode_query",
    "sign_request",
]

# §3.2 step 5; the SDK signs only "x-api-key;x-timestamp" when it has no token.
SIGNED_HEADERS = "authorization;x-api-key;x-timestamp"
JSON_CONTENT_TYPE = "application/json; charset=utf-8"
DC_REGION_HEADER = "x-dc-region"

_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-._")
_BYTE_ENCODING = tuple(
    chr(b) if b in _UNRESERVED else "+" if b == 0x20 else f"%{b:02X}" for b in range(256)
)


def _sha1_hex(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()  # noqa: S324 - the protocol's choice (§3.2 steps 7, 8)


def _encode_component(value: str | bytes) -> str:
    raw = value.encode("utf-8") if isinstance(value, str) else value
    return "".join(_BYTE_ENCODING[b] for b in raw)


def encode_query(pairs: Iterable[tuple[str | bytes, str | bytes]]) -> str:
    """The query string the official SDK builds from ``pairs`` (docs/longbridge-api.md §3.2 step 3).

    In the given order, ``key=value`` joined by ``&``; UTF-8 bytes other than ``A-Za-z0-9*-._``
    are percent-encoded (upper-case hex) and spaces become ``+``. Pass one pair per item to
    repeat a key for a list (``status=A&status=B``).
    """
    return "&".join(f"{_encode_component(k)}={_encode_component(v)}" for k, v in pairs)


def _reencode_query(query: bytes) -> str:
    """``query`` as sent by httpx, decoded as a form and encoded again the SDK's way.

    Empty fields are dropped; a field without ``=`` stays a bare key.
    """
    fields: list[str] = []
    for field in query.split(b"&"):
        if not field:
            continue
        key, eq, value = field.partition(b"=")
        decoded_key = unquote_to_bytes(key.replace(b"+", b" "))
        if not eq:
            fields.append(_encode_component(decoded_key))
            continue
        decoded_value = unquote_to_bytes(value.replace(b"+", b" "))
        fields.append(f"{_encode_component(decoded_key)}={_encode_component(decoded_value)}")
    return "&".join(fields)


def canonical_request(
    method: str,
    path: str,
    query: str,
    headers: Mapping[str, str],
    body: bytes,
    *,
    signed_headers: str = SIGNED_HEADERS,
) -> str:
    """Steps 1–7 of docs/longbridge-api.md §3.2: the canonical request that gets hashed and signed.

    ``headers`` must hold every name in ``signed_headers`` (looked up case-insensitively).
    """
    lowered = {name.lower(): value for name, value in headers.items()}
    lines = []
    for name in signed_headers.split(";"):
        if name not in lowered:
            raise ValueError(f"the signed header {name!r} is missing")
        lines.append(f"{name}:{lowered[name]}\n")
    canonical = f"{method.upper()}|{path}|{query}|{''.join(lines)}|{signed_headers}|"
    if body:
        canonical += _sha1_hex(body)
    return canonical


def sign_request(
    method: str,
    path: str,
    query: str,
    headers: Mapping[str, str],
    body: bytes,
    app_secret: str,
    *,
    signed_headers: str = SIGNED_HEADERS,
) -> str:
    """The ``X-Api-Signature`` header value for one request (docs/longbridge-api.md §3.2).

    ``path`` is the URL path as sent (percent-encoded, no query); ``query`` the query string
    exactly as sent, without ``?`` (``""`` if none); ``headers`` holds the values of the signed
    headers (``authorization``, ``x-api-key``, ``x-timestamp``); ``body`` the request body bytes,
    hashed into the signature only when non-empty. Returns
    ``HMAC-SHA256 SignedHeaders=authorization;x-api-key;x-timestamp, Signature=<hex>``.
    """
    canonical = canonical_request(method, path, query, headers, body, signed_headers=signed_headers)
    string_to_sign = f"HMAC-SHA256|{_sha1_hex(canonical.encode('utf-8'))}"  # step 8
    signature = hmac.new(  # step 9
        app_secret.encode("utf-8"), string_to_sign.encode("utf-8"), hashlib.sha256
    ).hexdigest()
    return f"HMAC-SHA256 SignedHeaders={signed_headers}, Signature={signature}"  # step 10


class ApiKeyAuth(httpx.Auth):
    """httpx authentication for the legacy API-key mode (docs/longbridge-api.md §3.1, §3.2).

    One ``auth_flow`` serves both ``httpx.Client`` and ``httpx.AsyncClient``. For each request
    it re-encodes the query the SDK's way onto the URL, sets ``X-Api-Key``, ``Authorization``
    (the raw token), ``X-Timestamp`` (``clock()`` in seconds, three decimals), ``x-dc-region``
    (unless already set, as the SDK does), ``Content-Type: application/json; charset=utf-8``
    when there is a body (unless the caller chose a non-JSON type), and ``X-Api-Signature``.
    """

    requires_request_body = True

    def __init__(
        self,
        app_key: str,
        app_secret: str,
        access_token: str,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.app_key = app_key
        self._app_secret = app_secret
        self._access_token = access_token
        self._clock = clock

    def __repr__(self) -> str:
        return f"{type(self).__name__}(app_key={self.app_key!r}, app_secret=***, access_token=***)"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if request.url.query:
            query = _reencode_query(request.url.query)
            request.url = request.url.copy_with(query=query.encode("ascii") or None)
        else:
            query = ""
        path = request.url.raw_path.partition(b"?")[0].decode("ascii")
        body = request.content
        headers = request.headers
        headers["X-Api-Key"] = self.app_key
        headers["Authorization"] = self._access_token
        headers["X-Timestamp"] = f"{self._clock():.3f}"
        if DC_REGION_HEADER not in headers:
            headers[DC_REGION_HEADER] = dc_region(self._access_token)
        if body:
            media_type = headers.get("content-type", "").partition(";")[0].strip().lower()
            if media_type in ("", "application/json"):
                headers["Content-Type"] = JSON_CONTENT_TYPE
        headers["X-Api-Signature"] = sign_request(
            request.method, path, query, headers, body, self._app_secret
        )
        yield request
