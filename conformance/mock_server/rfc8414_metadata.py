"""RFC 8414: OAuth 2.0 Authorization Server Metadata. https://www.rfc-editor.org/rfc/rfc8414"""

from __future__ import annotations

from typing import Any

from .config import Deviation
from .context import Context
from .http import Incoming, Reply
from .scopes import SCOPE_IDS

__all__ = ["metadata"]


def metadata(ctx: Context, req: Incoming) -> Reply:
    """§3.2: the metadata document; ``issuer`` is the base URL it is served on (§3.3)."""
    base = ctx.config.issuer or req.base_url
    body: dict[str, Any] = {
        "issuer": ctx.issuer(req.base_url),
        "authorization_endpoint": f"{base}/oauth2/authorize",
        "token_endpoint": f"{base}/oauth2/token",
        "revocation_endpoint": f"{base}/oauth2/revoke",
        "registration_endpoint": f"{base}/oauth2/register",
        "device_authorization_endpoint": f"{base}/oauth2/device/authorize",
        "jwks_uri": f"{base}/.well-known/jwks.json",
        "scopes_supported": [str(i) for i in sorted(SCOPE_IDS.values())],
        "response_types_supported": ["code"],
        "grant_types_supported": [
            "authorization_code",
            "refresh_token",
            "urn:ietf:params:oauth:grant-type:device_code",
        ],
        "token_endpoint_auth_methods_supported": [
            "none",
            "client_secret_post",
            "client_secret_basic",
        ],
        "revocation_endpoint_auth_methods_supported": [
            "none",
            "client_secret_post",
            "client_secret_basic",
        ],
        "code_challenge_methods_supported": ["S256"],
        "authorization_response_iss_parameter_supported": True,
    }
    if ctx.deviates(Deviation.SPARSE_METADATA):
        for name in (
            "registration_endpoint",
            "code_challenge_methods_supported",
            "grant_types_supported",
            "token_endpoint_auth_methods_supported",
        ):
            del body[name]
    if ctx.deviates(Deviation.NO_CORE_METADATA):
        for name in ("authorization_endpoint", "token_endpoint", "response_types_supported"):
            del body[name]
    if ctx.deviates(Deviation.AUTHORIZE_ENDPOINT_FRAGMENT):
        body["authorization_endpoint"] += "#frag"  # RFC 6749 §3.1: MUST NOT include one
    if ctx.deviates(Deviation.ALLOW_PLAIN_PKCE):
        body["code_challenge_methods_supported"] = ["S256", "plain"]
    media_type = "text/plain" if ctx.deviates(Deviation.METADATA_NOT_JSON) else "application/json"
    return Reply(200, body, media_type=media_type)
