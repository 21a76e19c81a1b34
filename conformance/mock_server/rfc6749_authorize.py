"""RFC 6749 §4.1.1–4.1.2: the authorization endpoint, with RFC 7636 PKCE and RFC 9207 ``iss``.

https://www.rfc-editor.org/rfc/rfc6749#section-4.1
"""

from __future__ import annotations

import html
import posixpath
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from .config import Deviation
from .context import Context
from .http import Incoming, OAuthProblem, Reply, error_description, parse_params
from .rfc7591_registration import is_loopback
from .rfc7636_pkce import CHALLENGE_PATTERN
from .scopes import SCOPE_IDS, parse_scope
from .state import AuthorizationCode, RegisteredClient, new_secret

__all__ = ["authorize", "consent_decision", "methods", "redirect_uri_matches"]

# RFC 6749 §3.1.1, §4.1.1, RFC 7636 §4.3, RFC 9207: the parameters this endpoint knows.
_KNOWN = frozenset(
    {
        "response_type",
        "client_id",
        "redirect_uri",
        "scope",
        "state",
        "code_challenge",
        "code_challenge_method",
    }
)


class _OpenRedirect(Exception):
    """Only under the ``redirect_unknown_client`` deviation."""

    def __init__(self, uri: str) -> None:
        super().__init__(uri)
        self.uri = uri


class _RedirectError(Exception):
    """An error that travels back to the client in the redirect (§4.1.2.1)."""

    def __init__(self, error: str, description: str) -> None:
        super().__init__(error, description)
        self.error = error
        self.description = error_description(description)  # §4.1.2.1: restricted characters


# RFC 3986 §2.2 reserved, and "%" of the escapes already there; unreserved ones are always safe.
_URI_CHARACTERS = ":/?#[]@!$&'()*+,;=%"


def redirect_uri_matches(registered: str, presented: str) -> bool:
    """Exact string match (RFC 9700 §4.1.3), except any port on a loopback host (RFC 8252 §7.3)."""
    if registered == presented:
        return True
    try:
        a, b = urlsplit(registered), urlsplit(presented)
        same_but_port = (a.scheme, a.hostname, a.path, a.query) == (
            b.scheme,
            b.hostname,
            b.path,
            b.query,
        )
        return same_but_port and a.scheme == "http" and is_loopback(a.hostname)
    except ValueError:
        return False


def _normalised(uri: str) -> str:
    """Only under ``normalised_redirect_uri``: decoded until stable, dot-segments removed."""
    for _ in range(4):
        uri = unquote(uri)
    parts = urlsplit(uri.replace("\r", "").replace("\n", ""))
    path = posixpath.normpath(parts.path) if parts.path else ""
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


def _matches(ctx: Context, registered: str, presented: str) -> bool:
    """``redirect_uri_matches``, or the looser comparisons of the broken variants."""
    if ctx.deviates(Deviation.REDIRECT_URI_QUERY_IGNORED):
        presented = presented.split("?", 1)[0]
    if ctx.deviates(Deviation.NORMALISED_REDIRECT_URI):
        presented = _normalised(presented)
    return redirect_uri_matches(registered, presented)


def methods(ctx: Context) -> list[str]:
    """GET (RFC 6749 §3.1: MUST); POST, which §3.1 makes a MAY, only in a broken variant."""
    return ["GET", "POST"] if ctx.deviates(Deviation.POST_AUTHORIZE_UNCHECKED) else ["GET"]


def _with_query(uri: str, params: dict[str, str]) -> str:
    parts = urlsplit(uri)
    query = "&".join(q for q in (parts.query, urlencode(params)) if q)
    location = urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
    # Location holds a URI (RFC 9110 §10.2.2), ASCII only: percent-encode anything else as
    # RFC 3987 §3.1 maps an IRI, so even a deviation's unchecked redirect URI is a valid header.
    return quote(location, safe=_URI_CHARACTERS)


def _no_redirect(description: str) -> OAuthProblem:
    # §4.1.2.1: with a bad client_id or redirect_uri the server MUST NOT redirect.
    return OAuthProblem("invalid_request", description, 400)


def _query(req: Incoming) -> tuple[dict[str, str], set[str]]:
    """The parameters (empty ones dropped, RFC 6749 §3.1) and the names sent more than once."""
    # POST only under post_authorize_unchecked (methods()): a form body then.
    raw = req.body.decode("utf-8", "replace") if req.method == "POST" else req.query_string
    try:
        pairs = parse_qsl(raw, keep_blank_values=True, errors="strict")
    except ValueError:
        raise _no_redirect("the query is not valid percent-encoded UTF-8") from None
    seen: dict[str, str] = {}
    repeated: set[str] = set()
    for name, value in pairs:
        if name in seen:
            repeated.add(name)
        seen.setdefault(name, value)
    return {k: v for k, v in seen.items() if v}, repeated


def _client_and_redirect(
    ctx: Context, params: dict[str, str], repeated: set[str], req_method: str = "GET"
) -> tuple[RegisteredClient, str]:
    for name in ("client_id", "redirect_uri"):
        if name in repeated:
            raise _no_redirect(f"parameter {name} is repeated")
    client = ctx.state.clients.get(params.get("client_id", ""))
    if client is None:
        if ctx.deviates(Deviation.REDIRECT_UNKNOWN_CLIENT) and params.get("redirect_uri"):
            # The broken variant is an open redirector (RFC 9700 §4.11).
            raise _OpenRedirect(params["redirect_uri"])
        raise _no_redirect("unknown client_id")
    redirect_uri = params.get("redirect_uri")
    if redirect_uri is None:
        # Longbridge's page always sends redirect_uri; a single registered URI is the fallback
        # (RFC 6749 §3.1.2.3: with several the client MUST send one).
        several = len(client.redirect_uris) != 1
        if several and not ctx.deviates(Deviation.DEFAULT_REDIRECT_URI):
            raise _no_redirect("redirect_uri is required")
        redirect_uri = client.redirect_uris[0]
    elif not any(_matches(ctx, r, redirect_uri) for r in client.redirect_uris):
        unchecked_post = req_method == "POST"  # only served under post_authorize_unchecked
        if not (
            ctx.deviates(Deviation.OPEN_REDIRECT)
            or ctx.deviates(Deviation.IGNORE_REDIRECT_URI)
            or unchecked_post
        ):
            raise _no_redirect("redirect_uri is not registered for this client")
    return client, redirect_uri


def _validate(
    ctx: Context, client: RegisteredClient, params: dict[str, str], repeated: set[str]
) -> None:
    if repeated:
        raise _RedirectError("invalid_request", f"parameter {sorted(repeated)[0]} is repeated")
    unknown = sorted(set(params) - _KNOWN)
    if unknown and ctx.deviates(Deviation.REFUSE_UNKNOWN_AUTHORIZE_PARAMETERS):
        raise _RedirectError("invalid_request", f"unknown parameter {unknown[0]}")
    response_type = params.get("response_type")
    if response_type is None and ctx.deviates(Deviation.DEFAULT_RESPONSE_TYPE):
        response_type = params["response_type"] = "code"
    if response_type is None:
        raise _RedirectError("invalid_request", "response_type is required")
    if response_type != "code" and not ctx.deviates(Deviation.ANY_RESPONSE_TYPE):
        raise _RedirectError("unsupported_response_type", "only response_type=code is supported")
    if "authorization_code" not in client.grant_types:
        raise _RedirectError("unauthorized_client", "the client may not use the code grant")
    if ctx.deviates(Deviation.UNKNOWN_SCOPE_INVALID_REQUEST) and _unknown_scope(params):
        # The real server ignores unknown scope values (scopes.py); a server that refuses them
        # says invalid_scope (RFC 6749 §4.1.2.1), which this broken variant does not.
        raise _RedirectError("invalid_request", "unknown scope")
    challenge = params.get("code_challenge")
    method = params.get("code_challenge_method")
    if challenge is None:
        if method is not None:
            raise _RedirectError("invalid_request", "code_challenge_method without code_challenge")
        if ctx.config.require_pkce:
            # RFC 9700 §2.1.1; RFC 7636 §4.4.1.
            raise _RedirectError("invalid_request", "code_challenge is required")
        return
    plain = ctx.deviates(Deviation.ALLOW_PLAIN_PKCE) or ctx.deviates(
        Deviation.UNADVERTISED_PLAIN_PKCE
    )
    if plain:
        # The broken variant follows RFC 7636 §4.3 literally: no method means plain.
        params.setdefault("code_challenge_method", "plain")
        method = params["code_challenge_method"]
    allowed = {"S256", "plain"} if plain else {"S256"}
    # RFC 7636 §4.3 defaults a missing method to plain, which this server does not offer.
    if method not in allowed:
        raise _RedirectError(
            "invalid_request", "code_challenge_method must be S256 (plain is not supported)"
        )
    if not CHALLENGE_PATTERN.match(challenge) and not ctx.deviates(Deviation.LAX_CODE_CHALLENGE):
        raise _RedirectError(
            "invalid_request", "code_challenge is malformed (RFC 7636 section 4.2)"
        )


def _unknown_scope(params: dict[str, str]) -> bool:
    ids = {str(i) for i in SCOPE_IDS.values()}
    return any(s not in SCOPE_IDS and s not in ids for s in params.get("scope", "").split())


def _redirect(
    ctx: Context, req: Incoming, redirect_uri: str, state: str | None, response: dict[str, str]
) -> Reply:
    if state is not None and not ctx.deviates(Deviation.DROP_STATE):
        response["state"] = state  # §4.1.2: exactly as received
    response["iss"] = ctx.issuer(req.base_url)  # RFC 9207 §2
    location = _with_query(redirect_uri, response)
    if ctx.deviates(Deviation.CODE_IN_FRAGMENT) and "code" in response:
        # The broken variant answers in the fragment, as for response_type=token (§4.2.2).
        location = _with_query(redirect_uri, {}) + "#" + urlencode(response)
    return Reply(302, None, {"Location": location}, "text/plain")


def _issue_code(
    ctx: Context, client: RegisteredClient, redirect_uri: str, p: dict[str, str]
) -> str:
    code = AuthorizationCode(
        code=new_secret(ctx.config.token_prefix),
        client_id=client.client_id,
        redirect_uri=redirect_uri,
        scopes=parse_scope(p.get("scope"), ctx.config.default_scopes),
        challenge=p.get("code_challenge"),
        challenge_method=p.get("code_challenge_method"),
        expires_at=ctx.now() + ctx.config.code_ttl,
    )
    ctx.state.codes[code.code] = code
    return code.code


def authorize(ctx: Context, req: Incoming) -> Reply:
    """§4.1.1: validate, then redirect with a code (auto consent) or show a consent page."""
    params, repeated = _query(req)
    if ctx.deviates(Deviation.ALLOW_REPEATED_PARAMETERS):
        repeated = set()  # the broken variant keeps the first value (RFC 6749 §3.1 forbids)
    try:
        client, redirect_uri = _client_and_redirect(ctx, params, repeated, req.method)
    except _OpenRedirect as broken:
        error = {"error": "unauthorized_client", "error_description": "unknown client"}
        return _redirect(ctx, req, broken.uri, params.get("state"), error)
    state = params.get("state")
    try:
        _validate(ctx, client, params, repeated)
    except _RedirectError as err:
        error = {"error": err.error, "error_description": err.description}
        return _redirect(ctx, req, redirect_uri, state, error)
    if ctx.config.consent == "manual" and not ctx.deviates(Deviation.SKIP_CONSENT):
        return _consent_page(ctx, client, redirect_uri, params)
    code = _issue_code(ctx, client, redirect_uri, params)
    return _redirect(ctx, req, redirect_uri, state, {"code": code})


def _consent_page(
    ctx: Context, client: RegisteredClient, redirect_uri: str, params: dict[str, str]
) -> Reply:
    consent_id = new_secret(nbytes=16)
    ctx.state.consents[consent_id] = {**params, "redirect_uri": redirect_uri}
    name = html.escape(str(client.metadata.get("client_name", client.client_id)))
    scopes = ", ".join(parse_scope(params.get("scope"), ctx.config.default_scopes))
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Authorize {name}</title></head>
<body><h1>Authorize {name}?</h1><p>Requested access: {html.escape(scopes)}</p>
<form method="post" action="/oauth2/authorize/consent">
<input type="hidden" name="consent_id" value="{consent_id}">
<button name="decision" value="approve">Approve</button>
<button name="decision" value="deny">Deny</button>
</form></body></html>
"""
    return Reply(200, page, {"Cache-Control": "no-store"}, "text/html")


def consent_decision(ctx: Context, req: Incoming) -> Reply:
    """The consent page's form: approve issues a code, deny redirects with access_denied."""
    try:
        form = parse_params(req.body.decode("utf-8"))
    except ValueError:
        raise _no_redirect("malformed consent form") from None
    params = ctx.state.consents.pop(form.get("consent_id", ""), None)
    if params is None:
        raise _no_redirect("unknown or already used consent_id")
    client = ctx.state.clients.get(params["client_id"])
    if client is None:
        raise _no_redirect("unknown client_id")
    redirect_uri = params["redirect_uri"]
    if form.get("decision") == "approve":
        response = {"code": _issue_code(ctx, client, redirect_uri, params)}
    else:
        response = {"error": "access_denied", "error_description": "the user denied access"}
    return _redirect(ctx, req, redirect_uri, params.get("state"), response)
