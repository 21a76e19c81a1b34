"""Every conformance check is shown failing against a deliberately broken variant of the mock.

For each variant (a MockConfig with named deviations) the suite runs in a child process against
the variant on loopback, strict (SHOULD findings count), and the checks expected to catch the
breakage must fail. A correct mock must pass every MUST check. Every check of the suite must be
caught by at least one variant, in each profile: the variants run under ``--profile
longbridge`` and again under ``--profile rfc`` (with the mock's data API as ``--resource``),
where they must fail the checks of theirs that the rfc profile holds. The table variant →
failed checks is written to reports/broken-variants.md.
"""

from __future__ import annotations

import json
import os
import shutil
import ssl
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from conformance.checks import CheckInfo, declared_checks
from conformance.mock_server import Deviation, MockConfig, OffsetClock, create_app
from conformance.mock_server.serve import run_in_thread
from conformance.profiles import Profile
from generator.paths import ROOT

SUITE = ROOT / "conformance" / "suite"
# The module-scoped fixture runs every variant (a minute or two): more than the default timeout.
pytestmark = pytest.mark.timeout(1800)
REPORTS = ROOT / "reports"


@dataclass(frozen=True)
class Variant:
    name: str
    config: MockConfig
    must_fail: frozenset[str]  # check (test function) names
    profile: Profile = "longbridge"
    # Also a breakage under --profile rfc (False: the RFCs allow it, only Longbridge forbids).
    in_rfc: bool = True
    consent: str = "auto"  # the run's --consent (a manual-consent mock needs "follow")

    @property
    def groups(self) -> tuple[str, ...]:
        """Only the groups of the checks that must fail run: the variants stay fast."""
        groups = _suite_checks()
        return tuple(sorted({groups[name] for name in self.must_fail if name in groups}))


@cache
def _declared() -> dict[str, CheckInfo]:
    # Parsed once, on the main thread when the module loads (the rfc variants need it): the
    # worker threads that run the variants only read the cache. ast.parse on such a thread
    # late in a long run raised "AST constructor recursion depth mismatch" on CPython 3.11.7.
    return declared_checks(SUITE)


def _suite_checks() -> dict[str, str]:
    """Every check of the suite and its group."""
    return {name: info.group for name, info in _declared().items()}


def _rfc_checks() -> frozenset[str]:
    """The checks ``--profile rfc`` holds servers to."""
    return frozenset(n for n, i in _declared().items() if i.level_in("rfc"))


def _dev(*deviations: Deviation) -> MockConfig:
    return MockConfig(deviations=frozenset(deviations))


def _v(name: str, *deviations: Deviation, fails: set[str], in_rfc: bool = True) -> Variant:
    return Variant(name, _dev(*deviations), frozenset(fails), in_rfc=in_rfc)


D = Deviation
VARIANTS: tuple[Variant, ...] = (
    Variant(
        "pkce not required (the default mock, strict)",
        MockConfig(),
        frozenset({"test_authorization_without_pkce_is_refused"}),
    ),
    _v(
        "pkce check skipped",
        D.SKIP_PKCE_CHECK,
        fails={"test_wrong_verifier_is_invalid_grant", "test_missing_verifier_is_invalid_grant"},
    ),
    _v(
        "plain pkce allowed",
        D.ALLOW_PLAIN_PKCE,
        fails={"test_plain_method_is_refused", "test_challenge_without_method_is_refused"},
        in_rfc=False,  # advertised plain is allowed (RFC 7636 §4.2); see the unadvertised one
    ),
    _v(
        "no downgrade defence",
        D.NO_DOWNGRADE_DEFENCE,
        fails={"test_verifier_for_a_code_without_challenge_is_refused"},
    ),
    _v(
        "any code_challenge accepted",
        D.LAX_CODE_CHALLENGE,
        fails={"test_malformed_challenge_is_refused"},
    ),
    _v(
        "S256 computed with padding",
        D.PADDED_S256,
        fails={"test_appendix_b_vector_is_accepted", "test_verifiers_of_every_valid_length_work"},
    ),
    _v(
        "pkce demanded on refresh",
        D.PKCE_ON_REFRESH,
        fails={"test_refresh_works_without_code_verifier"},
    ),
    _v(
        "refresh widens scope",
        D.WIDEN_SCOPE_ON_REFRESH,
        fails={"test_wider_scope_is_invalid_scope"},
    ),
    _v(
        "refresh token not bound to its client",
        D.REFRESH_NOT_BOUND_TO_CLIENT,
        fails={"test_refresh_token_of_another_client_is_invalid_grant"},
    ),
    _v(
        "no rotation",
        D.NO_ROTATION,
        fails={"test_each_refresh_returns_a_new_refresh_token"},
    ),
    _v(
        "superseded refresh tokens kept",
        D.KEEP_SUPERSEDED_REFRESH_TOKENS,
        fails={
            "test_superseded_refresh_token_is_invalid_grant",
            "test_reuse_revokes_the_token_family",
        },
    ),
    _v(
        "no family revocation on reuse",
        D.NO_FAMILY_REVOCATION,
        fails={"test_reuse_revokes_the_token_family"},
    ),
    _v(
        "revocation ignored",
        D.IGNORE_REVOCATION,
        fails={
            "test_revoked_refresh_token_is_refused",
            "test_revoking_a_refresh_token_revokes_its_grant",
            "test_revoking_an_access_token_stops_it",
            "test_lifecycle_state_machine",
        },
    ),
    _v(
        "unknown token revocation is an error",
        D.REVOKE_UNKNOWN_TOKEN_ERROR,
        fails={"test_revoking_an_unknown_token_is_200"},
    ),
    _v(
        "device response incomplete",
        D.DEVICE_RESPONSE_INCOMPLETE,
        fails={"test_device_response_fields"},
    ),
    _v(
        "device approved at once",
        D.DEVICE_AUTO_APPROVE,
        fails={"test_pending_before_approval", "test_polling_too_fast_is_slow_down"},
    ),
    _v(
        "no slow_down",
        D.NO_SLOW_DOWN,
        fails={"test_polling_too_fast_is_slow_down"},
        in_rfc=False,  # RFC 8628 §3.5 lets a server keep answering authorization_pending
    ),
    _v(
        "expired device codes accepted",
        D.ACCEPT_EXPIRED_DEVICE_CODES,
        fails={"test_expired_device_code_is_expired_token"},
    ),
    _v(
        "device codes reusable",
        D.DEVICE_CODE_REUSE,
        fails={"test_device_code_is_single_use"},
    ),
    _v(
        "case-sensitive bearer scheme",
        D.CASE_SENSITIVE_BEARER,
        fails={"test_scheme_is_case_insensitive"},
    ),
    _v(
        "token accepted in the query",
        D.ACCEPT_QUERY_TOKEN,
        fails={"test_query_token_is_not_accepted"},
    ),
    _v(
        "any bearer token accepted",
        D.ACCEPT_ANY_BEARER,
        fails={
            "test_bad_token_gets_a_bearer_challenge",
            "test_bad_token_gets_invalid_token_challenge",
            "test_bogus_token_is_401004",
        },
    ),
    _v(
        "token expiry ignored",
        D.IGNORE_TOKEN_EXPIRY,
        fails={"test_expired_token_gets_invalid_token_challenge", "test_lifecycle_state_machine"},
    ),
    _v(
        "no WWW-Authenticate",
        D.NO_WWW_AUTHENTICATE,
        fails={"test_no_credentials_gets_challenge_without_error"},
    ),
    _v(
        "scopes not enforced",
        D.IGNORE_SCOPE,
        fails={
            "test_insufficient_scope_is_403308",
            "test_operation_refuses_a_token_without_its_scope",
        },
    ),
    _v(
        "decimals sent as JSON numbers",
        D.DECIMALS_AS_NUMBERS,
        fails={"test_operation_answers_the_spec_schema"},
    ),
    _v(
        "data API input not validated",
        D.SKIP_INPUT_VALIDATION,
        fails={"test_missing_required_input_is_400"},
    ),
    _v(
        "paging ignores the page number",
        D.PAGING_IGNORES_PAGE,
        fails={"test_pages_are_disjoint_and_complete"},
    ),
    _v(
        "writes answer success and change nothing",
        D.WRITES_NOT_PERSISTED,
        fails={
            "test_a_created_topic_and_its_comments_are_listed",
            "test_a_submitted_order_is_listed_replaced_and_cancelled",
            "test_watchlist_edits_persist",
        },
    ),
    _v(
        "client_request_id ignored",
        D.IGNORE_CLIENT_REQUEST_ID,
        fails={"test_client_request_id_places_one_order"},
    ),
    _v(
        "code 0 on errors",
        D.ENVELOPE_OK_ON_ERROR,
        fails={
            "test_envelope_invariants_for_every_operation",
            "test_missing_token_is_401001",
            "test_security_list_invariants_hold",
            "test_unknown_orders_cannot_be_changed",
        },
    ),
    _v(
        "no x-trace-id",
        D.NO_TRACE_ID,
        fails={
            "test_envelope_invariants_for_every_operation",
            "test_security_list_invariants_hold",
        },
    ),
    _v(
        "discovery document not JSON",
        D.METADATA_NOT_JSON,
        fails={
            "test_metadata_is_at_the_well_known_path",
            "test_metadata_is_a_json_object_without_empty_arrays",
        },
    ),
    _v("issuer mismatch", D.ISSUER_MISMATCH, fails={"test_issuer_equals_the_base_url"}),
    _v(
        "sparse metadata",
        D.SPARSE_METADATA,
        fails={
            "test_required_endpoints_are_present",
            "test_code_challenge_methods_include_s256",
            "test_grant_types_include_code_and_refresh",
            "test_auth_method_none_is_advertised",
        },
        in_rfc=False,  # registration_endpoint is OPTIONAL there: the rfc one follows below
    ),
    _v(
        "no core metadata",
        D.NO_CORE_METADATA,
        fails={
            "test_required_endpoints_are_present",
            "test_response_types_supported_contains_code",
        },
    ),
    _v("plain advertised", D.ALLOW_PLAIN_PKCE, fails={"test_plain_is_not_offered"}, in_rfc=False),
    _v(
        "registration takes forms, not JSON",
        D.REGISTRATION_REQUIRES_FORM,
        fails={"test_json_registration_is_accepted", "test_form_registration_is_refused"},
    ),
    _v(
        "registration answers 200",
        D.REGISTRATION_200,
        fails={
            "test_public_registration_answers_201_without_secret",
            "test_confidential_registration_gets_a_secret",
        },
    ),
    _v(
        "public clients get a secret",
        D.SECRET_FOR_PUBLIC_CLIENTS,
        fails={"test_public_registration_answers_201_without_secret"},
    ),
    _v(
        "registered metadata not returned",
        D.OMIT_REGISTERED_METADATA,
        fails={"test_registration_can_be_read_and_deleted", "test_defaults_are_returned_and_work"},
    ),
    _v(
        "inconsistent metadata accepted",
        D.LAX_CLIENT_METADATA,
        fails={
            "test_inconsistent_grant_and_response_types_are_refused",
            "test_registration_errors_are_rfc7591_errors",
        },
    ),
    _v(
        "any redirect URI registered",
        D.LAX_REDIRECT_URIS,
        fails={"test_bad_redirect_uris_are_refused"},
    ),
    _v(
        "any response_type",
        D.ANY_RESPONSE_TYPE,
        fails={
            "test_unsupported_response_type_is_redirected_with_error",
            "test_implicit_grant_is_refused",
        },
    ),
    _v(
        "redirect_uri ignored",
        D.IGNORE_REDIRECT_URI,
        fails={
            "test_redirect_uri_must_match_exactly",
            "test_unregistered_redirect_uri_is_not_redirected",
            "test_redirect_uri_mismatch_is_invalid_grant",
            "test_token_errors_are_400_json",
        },
    ),
    _v(
        "open redirect",
        D.OPEN_REDIRECT,
        fails={
            "test_redirect_uri_must_match_exactly",
            "test_unregistered_redirect_uri_is_not_redirected",
        },
    ),
    _v(
        "unknown client redirected",
        D.REDIRECT_UNKNOWN_CLIENT,
        fails={"test_unknown_client_is_not_redirected"},
    ),
    _v(
        "state dropped",
        D.DROP_STATE,
        fails={"test_errors_redirect_with_error_and_state", "test_state_is_returned_unchanged"},
    ),
    _v(
        "repeated parameters accepted",
        D.ALLOW_REPEATED_PARAMETERS,
        fails={"test_repeated_parameters_are_invalid_request"},
    ),
    _v("codes never expire", D.ACCEPT_EXPIRED_CODES, fails={"test_expired_code_is_invalid_grant"}),
    _v(
        "token endpoint takes JSON",
        D.TOKEN_ACCEPTS_JSON,
        fails={"test_token_endpoint_refuses_json_and_get"},
    ),
    _v(
        "missing parameters are invalid_grant",
        D.MISSING_AS_INVALID_GRANT,
        fails={"test_missing_code_or_redirect_uri_is_invalid_request"},
    ),
    _v(
        "code reuse allowed",
        D.ALLOW_CODE_REUSE,
        fails={"test_code_reuse_is_invalid_grant"},
    ),
    _v(
        "code reuse revokes nothing",
        D.NO_REUSE_REVOCATION,
        fails={"test_code_reuse_revokes_its_tokens"},
    ),
    _v(
        "code not bound to its client",
        D.CODE_NOT_BOUND_TO_CLIENT,
        fails={"test_code_is_bound_to_its_client"},
    ),
    _v(
        "unknown grant is invalid_request",
        D.UNKNOWN_GRANT_INVALID_REQUEST,
        fails={"test_unknown_grant_is_unsupported_grant_type"},
    ),
    _v(
        "enveloped token response",
        D.ENVELOPED_TOKEN_RESPONSE,
        fails={
            "test_token_response_is_json_with_token_and_type",
            "test_token_response_is_not_enveloped",
        },
    ),
    _v("no expires_in", D.OMIT_EXPIRES_IN, fails={"test_token_response_has_expires_in"}),
    _v("token_type mac", D.TOKEN_TYPE_MAC, fails={"test_token_type_is_bearer"}),
    _v(
        "no Cache-Control: no-store",
        D.OMIT_NO_STORE,
        fails={"test_token_response_is_not_cached", "test_token_errors_are_not_cached"},
    ),
    _v(
        "invalid_client answered 400",
        D.INVALID_CLIENT_400,
        fails={"test_wrong_basic_secret_is_401_with_challenge"},
    ),
    _v(
        "unsafe error_description",
        D.UNSAFE_ERROR_DESCRIPTION,
        fails={"test_token_errors_use_rfc6749_codes_and_safe_text"},
    ),
    _v(
        "password grant accepted", D.ACCEPT_PASSWORD_GRANT, fails={"test_password_grant_is_refused"}
    ),
    _v(
        "plain pkce accepted, not advertised",
        D.UNADVERTISED_PLAIN_PKCE,
        fails={"test_plain_method_is_refused", "test_challenge_without_method_is_refused"},
    ),
    Variant(
        "TLS 1.0 and 1.1 offered",
        MockConfig(tls=True, deviations=frozenset({D.TLS_LEGACY_VERSIONS})),
        frozenset({"test_tls_1_0_and_1_1_are_refused"}),
    ),
    Variant(
        "only TLS 1.0 and 1.1",
        MockConfig(tls=True, deviations=frozenset({D.TLS_LEGACY_ONLY})),
        frozenset({"test_tls_1_2_or_later_is_negotiated", "test_tls_1_0_and_1_1_are_refused"}),
    ),
    Variant(
        "certificate for another host",
        MockConfig(tls=True, deviations=frozenset({D.TLS_WRONG_HOST})),
        frozenset({"test_certificate_is_valid_for_each_host"}),
    ),
    Variant(
        "plain http served on the https port",
        MockConfig(tls=True, deviations=frozenset({D.PLAIN_HTTP_TOO})),
        frozenset({"test_endpoints_refuse_plain_http"}),
    ),
    _v(
        "tokens from a counter",
        D.WEAK_TOKENS,
        fails={"test_credentials_carry_128_bits", "test_credentials_carry_160_bits"},
    ),
    # Token and device endpoint requests: PKCE, client authentication, parameters (items 90-97).
    _v(
        "short verifiers accepted",
        D.ACCEPT_SHORT_VERIFIERS,
        fails={"test_short_verifier_is_refused"},
    ),
    _v(
        "challenge accepted as verifier",
        D.PLAIN_DOWNGRADE,
        fails={"test_challenge_as_verifier_is_refused"},
    ),
    _v(
        "code exchange without client_id",
        D.CLIENT_ID_OPTIONAL,
        fails={"test_exchange_without_client_id_is_refused"},
    ),
    _v(
        "client credentials read from the query",
        D.CREDENTIALS_IN_QUERY,
        fails={"test_credentials_in_the_query_are_refused"},
    ),
    _v("no HTTP Basic", D.NO_BASIC_AUTH, fails={"test_basic_authentication_is_supported"}),
    _v(
        "confidential client without its secret",
        D.SECRETLESS_CONFIDENTIAL,
        fails={
            "test_failed_client_authentication_is_refused",
            "test_refresh_requires_client_authentication",
        },
    ),
    _v(
        "code reuse keeps the refresh token",
        D.REUSE_KEEPS_REFRESH,
        fails={"test_code_reuse_revokes_its_refresh_token"},
    ),
    _v(
        "repeated form parameters: first value wins",
        D.FIRST_VALUE_WINS,
        fails={
            "test_repeated_token_parameters_are_refused",
            "test_repeated_device_parameters_are_refused",
        },
    ),
    _v(
        "unknown form parameters refused",
        D.REFUSE_UNKNOWN_PARAMETERS,
        fails={
            "test_unknown_token_parameters_are_ignored",
            "test_unknown_device_parameters_are_ignored",
        },
    ),
    # Issue 18: headers, lifetimes, TLS suites and metadata (checklist items 70-78).
    _v(
        "authorization endpoint with a fragment",
        D.AUTHORIZE_ENDPOINT_FRAGMENT,
        fails={"test_authorization_endpoint_has_no_fragment"},
    ),
    _v("no Pragma: no-cache", D.OMIT_PRAGMA, fails={"test_token_response_has_pragma_no_cache"}),
    _v(
        "query token accepted and answered cacheable",
        D.QUERY_TOKEN_CACHEABLE,
        fails={"test_query_token_is_not_accepted", "test_query_token_success_is_private"},
    ),
    Variant(
        "30-day access tokens (the default mock, strict)",
        MockConfig(),
        frozenset({"test_access_token_lives_an_hour_or_less"}),
    ),
    Variant(
        "consent page can be framed",
        MockConfig(consent="manual", deviations=frozenset({D.NO_ANTI_FRAMING})),
        frozenset(
            {
                "test_authorization_pages_cannot_be_framed",
                "test_authorization_pages_use_csp_frame_ancestors",
            }
        ),
    ),
    Variant(
        "consent page without Referrer-Policy",
        MockConfig(consent="manual", deviations=frozenset({D.NO_REFERRER_POLICY})),
        frozenset({"test_authorization_pages_set_a_referrer_policy"}),
    ),
    Variant(
        "NULL-encryption cipher suites offered",
        MockConfig(tls=True, deviations=frozenset({D.TLS_NULL_CIPHERS})),
        frozenset({"test_no_broken_cipher_suite_is_negotiated"}),
    ),
    Variant(
        "static RSA cipher suites offered",
        MockConfig(tls=True, deviations=frozenset({D.TLS_STATIC_RSA})),
        frozenset({"test_no_weak_cipher_suite_is_negotiated"}),
    ),
    # Authorization endpoint requests (issue 18: checklist items 15, 16, 23, 80-86).
    _v(
        "unknown scope refused as invalid_request",
        D.UNKNOWN_SCOPE_INVALID_REQUEST,
        fails={"test_unknown_scope_is_invalid_scope"},
    ),
    _v(
        "redirect_uri matched without its query",
        D.REDIRECT_URI_QUERY_IGNORED,
        fails={
            "test_code_in_the_redirect_uri_cannot_pollute_the_response",
            "test_redirect_uri_must_match_exactly",
        },
    ),
    _v(
        "redirect_uri decoded and normalised before matching",
        D.NORMALISED_REDIRECT_URI,
        fails={"test_redirect_uri_must_match_exactly"},
    ),
    _v(
        "first registered redirect_uri when none is sent",
        D.DEFAULT_REDIRECT_URI,
        fails={"test_redirect_uri_is_required_with_several_registered"},
    ),
    Variant(
        "consent page skipped",
        MockConfig(consent="manual", deviations=frozenset({D.SKIP_CONSENT})),
        frozenset({"test_code_is_not_issued_without_asking"}),
        consent="follow",
    ),
    _v(
        "POST authorization requests unchecked",
        D.POST_AUTHORIZE_UNCHECKED,
        fails={"test_post_authorization_requests_are_checked_like_get"},
    ),
    _v(
        "unknown authorization parameters refused",
        D.REFUSE_UNKNOWN_AUTHORIZE_PARAMETERS,
        fails={"test_unrecognized_parameters_are_ignored"},
    ),
    _v(
        "missing response_type taken as code",
        D.DEFAULT_RESPONSE_TYPE,
        fails={"test_missing_response_type_is_refused"},
    ),
    _v("code in the fragment", D.CODE_IN_FRAGMENT, fails={"test_code_comes_in_the_query"}),
    # Revocation bound to the client (RFC 7009 §2.1) and races at the token endpoint.
    _v(
        "revocation without client authentication",
        D.REVOKE_WITHOUT_CLIENT_AUTH,
        fails={"test_revocation_requires_the_clients_credentials"},
    ),
    _v(
        "revocation of another client's tokens",
        D.REVOKE_OTHER_CLIENTS_TOKENS,
        fails={"test_revocation_by_another_client_revokes_nothing"},
    ),
    _v(
        "racy redemption",
        D.RACY_REDEMPTION,
        fails={
            "test_parallel_exchanges_of_one_code_succeed_once",
            "test_parallel_refreshes_of_one_token_succeed_once",
            "test_tokens_won_in_a_race_die_with_their_grant",
        },
    ),
)
# The same breakages under --profile rfc: each must fail the checks of its that the rfc
# profile holds (at their rfc level; strict, so SHOULD findings count).
VARIANTS += tuple(
    Variant(f"{v.name} (rfc)", v.config, v.must_fail & _rfc_checks(), "rfc", consent=v.consent)
    for v in VARIANTS
    if v.in_rfc and v.must_fail & _rfc_checks()
)
VARIANTS += (
    Variant(
        "sparse metadata (rfc)",
        _dev(D.SPARSE_METADATA),
        frozenset({"test_code_challenge_methods_include_s256"}),
        "rfc",
    ),
)


def run_suite(
    config: MockConfig,
    groups: tuple[str, ...],
    report_dir: Path,
    profile: Profile = "longbridge",
    consent: str = "auto",
) -> dict[str, str]:
    """Run the suite against a mock with ``config``; check name -> result (pass/FAIL/warn/skip)."""
    with run_in_thread(create_app(config, OffsetClock())) as running:
        env = {
            **os.environ,
            "CONFORMANCE_BASE_URL": running.base_url,
            "CONFORMANCE_STRICT": "1",
            "CONFORMANCE_REPORT_DIR": str(report_dir),
            "CONFORMANCE_SELECT": ",".join(groups),
            "CONFORMANCE_ALLOW_CLOCK": "1",  # this test started the mock: its clock may move
            "CONFORMANCE_PROFILE": profile,
            # The rfc profile proves tokens alive or dead on a protected resource.
            "CONFORMANCE_RESOURCE": f"{running.base_url}/v1/socket/token",
            "CONFORMANCE_CONSENT": consent,
        }
        # The proof profile is derandomized (the same examples on every run) and does not shrink
        # failures: these runs only need to know that a check fails, not the smallest example.
        command = [sys.executable, "-m", "pytest", str(SUITE), "-q", "-p", "no:cacheprovider"]
        # Only the plugins the suite uses: autoloading all of them (schemathesis's included)
        # doubles the start-up of each of these many short runs.
        env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
        command += ["-p", "_hypothesis_pytestplugin", "-p", "pytest_timeout"]
        command.append("--hypothesis-profile=proof")
        if running.ca_file is not None:
            # The mock's throwaway CA: for the transport checks and for every httpx client.
            env["CONFORMANCE_CA_FILE"] = env["SSL_CERT_FILE"] = str(running.ca_file)
        proc = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False
        )
    results_file = report_dir / "results.json"
    assert results_file.is_file(), f"the suite wrote no results:\n{proc.stdout[-2000:]}"
    outcome: dict[str, str] = {}
    for r in json.loads(results_file.read_text()):
        # A check with several examples or parameters fails if any of them fails.
        name = r["check"].split("[", 1)[0]
        previous = outcome.get(name)
        outcome[name] = "FAIL" if "FAIL" in (previous, r["result"]) else r["result"]
    return outcome


@pytest.fixture(scope="module")
def outcomes() -> Iterator[dict[str, dict[str, str]]]:
    """Every variant's results, two at a time (one per core)."""
    # Plain temporary folders: pytest's tmp_path_factory failed when called around these runs
    # on a fresh clone ("variant is not a normalized and relative path").
    base = Path(tempfile.mkdtemp(prefix="lb-variants-"))
    report_dirs = {v.name: base / f"variant-{i}" for i, v in enumerate(VARIANTS)}

    def one(variant: Variant) -> tuple[str, dict[str, str]]:
        report_dir = report_dirs[variant.name]
        return variant.name, run_suite(
            variant.config, variant.groups, report_dir, variant.profile, variant.consent
        )

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(pool.map(one, VARIANTS))
    REPORTS.mkdir(exist_ok=True)
    lines = [
        "# Broken variants of the mock and the checks that caught them",
        "",
        "| variant | deviations | failed checks |",
        "|---|---|---|",
    ]
    for variant in VARIANTS:
        failed = sorted(n for n, r in results[variant.name].items() if r == "FAIL")
        deviations = ", ".join(sorted(variant.config.deviations)) or "—"
        lines.append(f"| {variant.name} | {deviations} | {', '.join(failed) or '—'} |")
    (REPORTS / "broken-variants.md").write_text("\n".join(lines) + "\n")
    yield results
    shutil.rmtree(base, ignore_errors=True)


@pytest.mark.slow
@pytest.mark.parametrize("variant", VARIANTS, ids=[v.name for v in VARIANTS])
def test_variant_is_caught(variant: Variant, outcomes: dict[str, dict[str, str]]) -> None:
    legacy_tls = {D.TLS_LEGACY_VERSIONS, D.TLS_LEGACY_ONLY}
    if variant.config.deviations & legacy_tls and not (ssl.HAS_TLSv1 and ssl.HAS_TLSv1_1):
        # The check skips too: it cannot offer what this OpenSSL lacks (built without them).
        pytest.skip("this Python's OpenSSL cannot speak TLS 1.0/1.1 to serve this variant")
    failed = {name for name, result in outcomes[variant.name].items() if result == "FAIL"}
    assert variant.must_fail <= failed, f"not caught: {sorted(variant.must_fail - failed)}"


def test_every_check_has_a_variant_that_breaks_it() -> None:
    covered = set().union(*(v.must_fail for v in VARIANTS if v.profile == "longbridge"))
    assert set(_suite_checks()) - covered == set()
    assert covered - set(_suite_checks()) == set(), "a variant names a check that does not exist"


def test_every_rfc_check_has_a_variant_that_breaks_it_under_the_rfc_profile() -> None:
    covered = set().union(*(v.must_fail for v in VARIANTS if v.profile == "rfc"))
    assert _rfc_checks() - covered == set()
