"""How a mock server behaves: lifetimes, consent, PKCE policy, faults and named deviations.

Everything that changes behaviour is an explicit value here, never global state, so a test can
start a correct server and a deliberately broken one side by side.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

__all__ = ["Deviation", "Fault", "MockConfig", "parse_fault"]


class Deviation(StrEnum):
    """A named way to break the server, so the conformance suite can prove each check can fail."""

    SKIP_PKCE_CHECK = "skip_pkce_check"  # any code_verifier is accepted
    ALLOW_PLAIN_PKCE = "allow_plain_pkce"  # code_challenge_method=plain accepted
    # plain accepted while the metadata offers S256 only (RFC 8414 §2: what it advertises)
    UNADVERTISED_PLAIN_PKCE = "unadvertised_plain_pkce"
    NO_DOWNGRADE_DEFENCE = "no_downgrade_defence"  # verifier accepted for a code without challenge
    ALLOW_CODE_REUSE = "allow_code_reuse"  # codes are not single-use
    NO_REUSE_REVOCATION = "no_reuse_revocation"  # code reuse does not revoke its tokens
    CODE_NOT_BOUND_TO_CLIENT = "code_not_bound_to_client"  # any client may redeem a code
    IGNORE_REDIRECT_URI = "ignore_redirect_uri"  # redirect_uri not compared anywhere
    OPEN_REDIRECT = "open_redirect"  # unknown redirect_uri is redirected to anyway
    ACCEPT_EXPIRED_CODES = "accept_expired_codes"  # codes never expire
    DROP_STATE = "drop_state"  # the redirect omits state
    KEEP_SUPERSEDED_REFRESH_TOKENS = "keep_superseded_refresh_tokens"  # no rotation enforcement
    NO_FAMILY_REVOCATION = "no_family_revocation"  # reuse of a rotated token revokes nothing
    REFRESH_NOT_BOUND_TO_CLIENT = "refresh_not_bound_to_client"
    ACCEPT_ANY_BEARER = "accept_any_bearer"  # the data API accepts any bearer token
    IGNORE_TOKEN_EXPIRY = "ignore_token_expiry"  # expired access tokens still work
    IGNORE_REVOCATION = "ignore_revocation"  # revoke answers 200 but revokes nothing
    OMIT_NO_STORE = "omit_no_store"  # token responses lack Cache-Control: no-store
    ISSUER_MISMATCH = "issuer_mismatch"  # discovery's issuer differs from the base URL
    ENVELOPE_OK_ON_ERROR = "envelope_ok_on_error"  # errors answered with code 0
    NO_TRACE_ID = "no_trace_id"  # responses lack x-trace-id
    NO_WWW_AUTHENTICATE = "no_www_authenticate"  # 401s lack WWW-Authenticate
    IGNORE_SCOPE = "ignore_scope"  # scopes are not enforced on the data API
    SKIP_SIGNATURE_CHECK = "skip_signature_check"  # legacy X-Api-Signature not verified
    ALLOW_REPLAY = "allow_replay"  # legacy replayed requests accepted
    SECRET_FOR_PUBLIC_CLIENTS = "secret_for_public_clients"  # public clients get a secret
    LAX_REDIRECT_URIS = "lax_redirect_uris"  # registration accepts any redirect URI
    REGISTRATION_200 = "registration_200"  # registration answers 200 instead of 201
    NO_SLOW_DOWN = "no_slow_down"  # device polling too fast is not told to slow down
    PKCE_ON_REFRESH = "pkce_on_refresh"  # refresh demands a code_verifier (RFC 6749 §6 has none)
    WIDEN_SCOPE_ON_REFRESH = "widen_scope_on_refresh"  # refresh grants more than the original
    NO_ROTATION = "no_rotation"  # refresh returns no new refresh token; the old one stays
    REVOKE_UNKNOWN_TOKEN_ERROR = "revoke_unknown_token_error"  # unknown token: 400, not 200
    DEVICE_RESPONSE_INCOMPLETE = "device_response_incomplete"  # no verification_uri
    DEVICE_AUTO_APPROVE = "device_auto_approve"  # never authorization_pending
    ACCEPT_EXPIRED_DEVICE_CODES = "accept_expired_device_codes"
    DEVICE_CODE_REUSE = "device_code_reuse"  # a device code can be redeemed twice
    CASE_SENSITIVE_BEARER = "case_sensitive_bearer"  # only "Bearer" exactly is accepted
    ACCEPT_QUERY_TOKEN = "accept_query_token"  # ?access_token= authenticates data API calls
    LAX_CODE_CHALLENGE = "lax_code_challenge"  # any code_challenge string is accepted
    PADDED_S256 = "padded_s256"  # S256 computed with "=" padding: correct verifiers fail
    NO_CORE_METADATA = "no_core_metadata"  # discovery lacks the endpoints and response types
    REGISTRATION_REQUIRES_FORM = "registration_requires_form"  # form bodies only, JSON refused
    REDIRECT_UNKNOWN_CLIENT = "redirect_unknown_client"  # unknown client_id still redirected
    ACCEPT_PASSWORD_GRANT = "accept_password_grant"  # RFC 9700 §2.4 forbids it
    METADATA_NOT_JSON = "metadata_not_json"  # discovery served as text/plain (RFC 8414 §3.2)
    SPARSE_METADATA = "sparse_metadata"  # no registration/PKCE/grant/auth-method members (§2)
    OMIT_REGISTERED_METADATA = "omit_registered_metadata"  # RFC 7591 §3.2.1 echo missing
    LAX_CLIENT_METADATA = "lax_client_metadata"  # inconsistent grant/response types accepted
    ANY_RESPONSE_TYPE = "any_response_type"  # every response_type is treated as "code"
    ALLOW_REPEATED_PARAMETERS = "allow_repeated_parameters"  # authorize: first value wins
    TOKEN_ACCEPTS_JSON = "token_accepts_json"  # token endpoint parses JSON bodies too
    MISSING_AS_INVALID_GRANT = "missing_as_invalid_grant"  # missing code etc.: invalid_grant
    UNKNOWN_GRANT_INVALID_REQUEST = "unknown_grant_invalid_request"  # not unsupported_grant_type
    TOKEN_TYPE_MAC = "token_type_mac"  # token_type "mac" instead of Bearer
    OMIT_EXPIRES_IN = "omit_expires_in"  # token responses lack expires_in
    ENVELOPED_TOKEN_RESPONSE = "enveloped_token_response"  # {code,message,data} at /oauth2/token
    INVALID_CLIENT_400 = "invalid_client_400"  # bad client secret: 400, no WWW-Authenticate
    UNSAFE_ERROR_DESCRIPTION = "unsafe_error_description"  # quote and LF in error_description
    DECIMALS_AS_NUMBERS = "decimals_as_numbers"  # data API decimal text sent as JSON floats
    SKIP_INPUT_VALIDATION = "skip_input_validation"  # data API input not checked against the spec
    PAGING_IGNORES_PAGE = "paging_ignores_page"  # every page request answers page 1
    WRITES_NOT_PERSISTED = "writes_not_persisted"  # data API writes answer success, change nothing
    IGNORE_CLIENT_REQUEST_ID = "ignore_client_request_id"  # a repeated submit places a new order
    # With tls=True (``--tls``): RFC 8996 deprecates TLS 1.0 and 1.1; RFC 9325 §3.1.1 wants 1.2+.
    TLS_LEGACY_VERSIONS = "tls_legacy_versions"  # TLS 1.0 and 1.1 offered besides 1.2 and 1.3
    TLS_LEGACY_ONLY = "tls_legacy_only"  # only TLS 1.0 and 1.1 offered
    TLS_WRONG_HOST = "tls_wrong_host"  # the certificate names another host (RFC 6125 §6)
    PLAIN_HTTP_TOO = "plain_http_too"  # the TLS port also serves plain http (RFC 6749 §3.1)
    WEAK_TOKENS = "weak_tokens"  # access and refresh tokens from a counter (RFC 6749 §10.10)
    # Token and device endpoint requests: PKCE, client authentication, parameters.
    # A verifier under 43 characters is accepted when it hashes to its challenge (RFC 7636 §4.1).
    ACCEPT_SHORT_VERIFIERS = "accept_short_verifiers"
    PLAIN_DOWNGRADE = "plain_downgrade"  # the S256 challenge itself is accepted as the verifier
    CLIENT_ID_OPTIONAL = "client_id_optional"  # code exchange without client_id: the code's client
    CREDENTIALS_IN_QUERY = "credentials_in_query"  # form endpoints read the URL query too
    NO_BASIC_AUTH = "no_basic_auth"  # HTTP Basic client authentication refused (RFC 6749 §2.3.1)
    SECRETLESS_CONFIDENTIAL = "secretless_confidential"  # a confidential client_id alone suffices
    REUSE_KEEPS_REFRESH = "reuse_keeps_refresh"  # code reuse revokes access tokens, not refresh
    FIRST_VALUE_WINS = "first_value_wins"  # token/device forms: a repeated parameter's first value
    REFUSE_UNKNOWN_PARAMETERS = "refuse_unknown_parameters"  # token/device forms: unknown is 400
    # Issue 18, headers, TLS suites and metadata (checklist items 70-77):
    AUTHORIZE_ENDPOINT_FRAGMENT = "authorize_endpoint_fragment"  # "#frag" (RFC 6749 §3.1)
    OMIT_PRAGMA = "omit_pragma"  # OAuth responses lack Pragma: no-cache (RFC 6749 §5.1)
    QUERY_TOKEN_CACHEABLE = "query_token_cacheable"  # query tokens work, answered without private
    NO_ANTI_FRAMING = "no_anti_framing"  # consent page without X-Frame-Options or CSP
    NO_REFERRER_POLICY = "no_referrer_policy"  # consent page without Referrer-Policy
    TLS_NULL_CIPHERS = "tls_null_ciphers"  # with tls: NULL-encryption suites offered (RFC 9325)
    TLS_STATIC_RSA = "tls_static_rsa"  # with tls: RSA key transport offered on TLS 1.2
    # Authorization endpoint requests (issue 18: checklist items 15, 16, 23, 80-86).
    UNKNOWN_SCOPE_INVALID_REQUEST = "unknown_scope_invalid_request"  # not invalid_scope (§4.1.2.1)
    # redirect_uri matched without its query, so ?code=... pollutes the response (RFC 9700 §4.1.3)
    REDIRECT_URI_QUERY_IGNORED = "redirect_uri_query_ignored"
    # redirect_uri percent-decoded and its dot-segments removed before matching (RFC 9700 §4.1.3)
    NORMALISED_REDIRECT_URI = "normalised_redirect_uri"
    # no redirect_uri with several registered: the first is used (RFC 6749 §3.1.2.3)
    DEFAULT_REDIRECT_URI = "default_redirect_uri"
    SKIP_CONSENT = "skip_consent"  # consent="manual", and still a code without asking
    # POST /oauth2/authorize accepted (RFC 6749 §3.1: MAY), its redirect_uri never checked
    POST_AUTHORIZE_UNCHECKED = "post_authorize_unchecked"
    REFUSE_UNKNOWN_AUTHORIZE_PARAMETERS = "refuse_unknown_authorize_parameters"  # §3.1: ignore
    DEFAULT_RESPONSE_TYPE = "default_response_type"  # a missing response_type is taken as code
    CODE_IN_FRAGMENT = "code_in_fragment"  # the code in the fragment, not the query (§4.1.2)
    # Revocation (RFC 7009 §2.1) and races at the token endpoint (RFC 6749 §4.1.2, RFC 9700
    # §4.14.2): the checks of test_rfc7009_revoke.py and test_rfc6749_races.py.
    REVOKE_WITHOUT_CLIENT_AUTH = "revoke_without_client_auth"  # client_id alone, no secret
    REVOKE_OTHER_CLIENTS_TOKENS = "revoke_other_clients_tokens"  # any client revokes any token
    # Check-then-act with a window: cores run on threads, a redemption checks "unused", sleeps,
    # then marks it used, without the lock; parallel redemptions of one code or refresh token win.
    RACY_REDEMPTION = "racy_redemption"


@dataclass(frozen=True)
class Fault:
    """An injected failure on the routes whose path starts with ``route`` (all routes if None).

    ``times`` limits how many requests it hits; None means every one.
    """

    kind: Literal["latency", "status", "rate_limit", "expire_tokens"]
    route: str | None = None
    seconds: float = 0.0  # latency, or Retry-After for rate_limit
    status: int = 503  # for kind="status"
    code: int = 429002  # envelope code for rate_limit on /v1/ (429001 per IP, 429002 per API)
    times: int | None = None

    def matches(self, path: str) -> bool:
        return self.route is None or path.startswith(self.route)


_FAULT = re.compile(
    r"^(?P<kind>latency|status|rate_limit|expire_tokens)(?:=(?P<value>[0-9.]+))?"
    r"(?:@(?P<route>/\S*?))?(?:\*(?P<times>\d+))?$"
)


def parse_fault(text: str) -> Fault:
    """``KIND[=VALUE][@ROUTE][*TIMES]``, e.g. ``status=503@/oauth2/token*2``, ``latency=0.2``."""
    m = _FAULT.match(text)
    if not m:
        raise ValueError(
            f"bad fault {text!r}: expected KIND[=VALUE][@ROUTE][*TIMES] with KIND one of "
            "latency, status, rate_limit, expire_tokens"
        )
    kind = m["kind"]
    times = int(m["times"]) if m["times"] else None
    route = m["route"]
    try:
        value = float(m["value"]) if m["value"] else None
    except ValueError:
        value = math.nan
    if value is not None and not math.isfinite(value):
        # "1.2.3", or digits enough to overflow: an error here, not an OverflowError later.
        raise ValueError(f"bad fault {text!r}: {m['value']!r} is not a finite number")
    if kind == "status":
        status = 503 if value is None else int(value)
        if not 500 <= status <= 599:
            raise ValueError(f"bad fault {text!r}: status must be 5xx")
        return Fault("status", route, status=status, times=times)
    if kind == "latency":
        return Fault("latency", route, seconds=0.1 if value is None else value, times=times)
    if kind == "rate_limit":
        return Fault("rate_limit", route, seconds=1.0 if value is None else value, times=times)
    return Fault("expire_tokens", route, times=times)


@dataclass(frozen=True)
class MockConfig:
    """Behaviour of one mock server. Defaults imitate the real server (docs/longbridge-api.md)."""

    # None: the base URL each request arrives on, so `issuer` always equals it (RFC 8414 §3.3).
    issuer: str | None = None
    consent: Literal["auto", "manual"] = "auto"
    # The real server accepts code exchange without PKCE (the official SDK sends none).
    require_pkce: bool = False
    code_ttl: float = 600.0  # RFC 6749 §4.1.2: 10 minutes at most
    access_token_ttl: int = 2_592_000  # 30 days, the documented expires_in
    # Undocumented; refresh is "rolling, 30 days" per the CLI maintainer. Longer than the access
    # token so that an expired access token can still be refreshed.
    refresh_token_ttl: float = 90 * 86_400.0
    device_code_ttl: int = 300
    device_interval: int = 5
    device_approval_delay: float = 10.0  # auto-approval after this many seconds
    max_body_bytes: int = 64 * 1024
    seed: int = 0
    # Scope keys granted when the authorization request names none (the official SDK sends none).
    default_scopes: tuple[str, ...] = ("watchlist", "account.read", "trade.read", "trade.write")
    # Serve https with a certificate from a throwaway CA made at start (mock_server/tls.py).
    tls: bool = False
    token_prefix: str = ""  # e.g. "us_" to imitate US-DC credentials (x-dc-region: us)
    # Addresses the data API serves; others get 403205 "ip is not allowed". None: everyone.
    ip_allowlist: frozenset[str] | None = None
    faults: tuple[Fault, ...] = ()
    deviations: frozenset[Deviation] = field(default_factory=frozenset)

    def deviates(self, deviation: Deviation) -> bool:
        return deviation in self.deviations
