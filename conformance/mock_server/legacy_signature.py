"""Legacy API-key mode: verify ``X-Api-Signature`` exactly as docs/longbridge-api.md §3.2 describes.

    canonical = METHOD|path|query|signed_values|signed_headers|[sha1_hex(body)]
    string_to_sign = "HMAC-SHA256|" + sha1_hex(canonical)
    signature = hmac_sha256_hex(app_secret, string_to_sign)

``query`` is the query string exactly as sent; ``signed_values`` is one ``name:value\\n`` line per
signed header, lower-case names, in the order of ``signed_headers``.
"""

from __future__ import annotations

import hashlib
import hmac
import re

from .config import Deviation
from .context import Context
from .http import ApiProblem, Incoming
from .rfc6750_bearer import unauthorized
from .state import LegacyApp

__all__ = ["SIGNED_HEADER_SETS", "authenticate_legacy", "canonical_request", "sign"]

# The SDK signs these three headers, or only the last two when it has no token (signature.rs).
SIGNED_HEADER_SETS = ("authorization;x-api-key;x-timestamp", "x-api-key;x-timestamp")
_HEADER = re.compile(
    r"^HMAC-SHA256 SignedHeaders=(?P<signed>[a-z;-]+), Signature=(?P<signature>[0-9a-f]{64})$"
)
_REPLAY_MEMORY = 100_000


def canonical_request(
    method: str, path: str, query: str, headers: dict[str, str], signed: str, body: bytes
) -> str:
    """Steps 1–7 of §3.2."""
    values = "".join(f"{name}:{headers.get(name, '')}\n" for name in signed.split(";"))
    canonical = f"{method.upper()}|{path}|{query}|{values}|{signed}|"
    if body:
        canonical += hashlib.sha1(body).hexdigest()  # noqa: S324 - the protocol's choice
    return canonical


def sign(app_secret: str, canonical: str) -> str:
    """Steps 8–9 of §3.2: the hex HMAC-SHA256 of the hashed canonical request."""
    digest = hashlib.sha1(canonical.encode("utf-8")).hexdigest()  # noqa: S324
    return hmac.new(
        app_secret.encode("utf-8"), f"HMAC-SHA256|{digest}".encode(), hashlib.sha256
    ).hexdigest()


def _forbidden(code: int, message: str) -> ApiProblem:
    return ApiProblem(code, message, 403)


def authenticate_legacy(ctx: Context, req: Incoming) -> LegacyApp:
    """Check App Key, token, signature and replay; errors per docs/longbridge-api.md §4.2.

    The 401s carry a challenge too, as every 401 must (RFC 9110 §15.5.2).
    """
    app = ctx.state.legacy_apps.get(req.headers.get("x-api-key", ""))
    if app is None:
        raise _forbidden(403203, "apikey illegal")
    token = req.headers.get("authorization", "")
    if not token:
        raise unauthorized(ctx, 401001, "token empty", None)
    if not hmac.compare_digest(token, app.access_token):
        raise unauthorized(ctx, 401004, "token invalid", "invalid_token")
    if ctx.now() >= app.expires_at:
        raise unauthorized(ctx, 401003, "token expired", "invalid_token")
    if ctx.deviates(Deviation.SKIP_SIGNATURE_CHECK):
        return app
    match = _HEADER.match(req.headers.get("x-api-signature", ""))
    if match is None or match["signed"] not in SIGNED_HEADER_SETS:
        raise _forbidden(403201, "signature invalid")
    if not req.headers.get("x-timestamp"):
        raise _forbidden(403201, "signature invalid")
    canonical = canonical_request(
        # The SDK signs the path as sent, percent-encoding included.
        req.method,
        req.raw_path or req.path,
        req.query_string,
        dict(req.headers),
        match["signed"],
        req.body,
    )
    if not hmac.compare_digest(sign(app.app_secret, canonical), match["signature"]):
        raise _forbidden(403201, "signature invalid")
    # 403202: the same signed request again, without a new X-Timestamp.
    seen = ctx.state.seen_signatures
    if match["signature"] in seen and not ctx.deviates(Deviation.ALLOW_REPLAY):
        raise _forbidden(403202, "duplicate request")
    if len(seen) >= _REPLAY_MEMORY:
        seen.pop(next(iter(seen)))
    seen[match["signature"]] = ctx.now()
    return app
