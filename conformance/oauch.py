"""OAuch (https://github.com/DistriNet/OAuch), the OAuth 2.0 compliance tester, and our checks.

A check names the OAuch tests it answers by class name with folder, as OAuch's source spells them
(``TokenEndpoint.IsHttpsRequiredTest``), with ``@oauch(...)``; ``declared_oauch`` reads them from
source. The catalogue below is every test class of OAuch's ``src/OAuch/OAuch.Tests/Tests/`` at
commit ``SNAPSHOT``: the ones that apply to an authorization server like Longbridge's (code grant
with PKCE, refresh, revocation, bearer access, device flow), and the ones that do not, with the
reason. ``python -m conformance.oauch`` writes the coverage table of conformance/README.md.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from conformance.checks import declared_checks

__all__ = [
    "APPLICABLE",
    "NOT_APPLICABLE",
    "NO_CHECK",
    "PARTLY",
    "SNAPSHOT",
    "coverage",
    "coverage_table",
    "declared_oauch",
    "oauch",
]

SNAPSHOT = "4f18c30f58517915eff6cd72fd399ab1a1cf035e"  # github.com/DistriNet/OAuch

_SENDER = "sender-constrained tokens (RFC 8705 mTLS, RFC 9449 DPoP) are not offered: bearer only"
_JAR = "JWT-secured authorization requests (RFC 9101) are not offered"
_OIDC = "OpenID Connect is not offered"
_IMPLICIT = "the implicit grant is not offered (RFC 9700 §2.1.2); its refusal is checked"
_FORM_POST = "the form_post response mode (OpenID) is not offered"
_JWT = "JWT access tokens, JWKS and JWT client authentication (RFC 7523, RFC 9068) are not offered"
_PRECONDITION = "a precondition of OAuch's other tests, not a rule: our checks fail with their flow"
_ASYMMETRIC = "asymmetric client authentication (RFC 7523, RFC 8705) is not offered"
_CLIENT_CREDENTIALS = "the client credentials grant is not offered"
_DPOP = "DPoP (RFC 9449) is not offered"
_IDTOKENS = _OIDC + " (ID tokens)"
_PARENDPOINT = "pushed authorization requests (RFC 9126) are not offered"
# RFC 7009 §2.1: "If the token passed to the request is an access token, the server MAY revoke
# the respective refresh token as well": both answers conform, so no check could ever fail.
_MAY_REVOKE_REFRESH = (
    "a MAY (RFC 7009 §2.1): revoking an access token may or may not revoke its refresh token; "
    "either conforms, so it is no check (docs/conformance-checklist.md Part 2, choice 11)"
)
# OAuch's Multi* tests spread the race over the addresses the token endpoint's host resolves to.
_ONE_ADDRESS = "the race goes to the address the client connects to, not spread over every one"
_DOCUMENTSUPPORT = (
    "a summary OAuch derives from its other tests' results, not a request to the server"
)

# OAuch test -> the checks answering it that do not name it with @oauch themselves (their
# modules predate this catalogue); () is a test that applies and has no check yet.
APPLICABLE: dict[str, tuple[str, ...]] = {
    "ApiEndpoint.AreStrongCiphersEnabledTest": (),
    "ApiEndpoint.CacheControlTest": (),
    "ApiEndpoint.HasValidCertificateTest": (),
    "ApiEndpoint.IsHttpsRequiredTest": (),
    "ApiEndpoint.IsModernTlsSupportedTest": (),
    "ApiEndpoint.SupportsAuthorizationHeaderTest": ("test_scheme_is_case_insensitive",),
    "ApiEndpoint.TokenAsQueryParameterDisabledTest": ("test_query_token_is_not_accepted",),
    "AuthEndpoint.AreStrongCiphersEnabledTest": (),
    "AuthEndpoint.AutomaticRedirectInvalidResponseTypeTest": (
        "test_unsupported_response_type_is_redirected_with_error",
    ),
    "AuthEndpoint.AutomaticRedirectInvalidScopeTest": (),
    "AuthEndpoint.CodePollutionTest": (),
    "AuthEndpoint.FragmentFixTest": ("test_code_comes_in_the_query",),
    "AuthEndpoint.HasContentSecurityPolicyTest": (),
    "AuthEndpoint.HasFragmentTest": (),
    "AuthEndpoint.HasFrameOptionsTest": (),
    "AuthEndpoint.HasValidCertificateTest": (),
    "AuthEndpoint.InvalidRedirectTest": ("test_unregistered_redirect_uri_is_not_redirected",),
    "AuthEndpoint.IsHttpsRequiredTest": (),
    "AuthEndpoint.IsModernTlsSupportedTest": (),
    "AuthEndpoint.IsResponseTypeCheckedTest": (
        "test_unsupported_response_type_is_redirected_with_error",
        "test_implicit_grant_is_refused",
    ),
    "AuthEndpoint.RedirectUriConfusionTest": ("test_redirect_uri_must_match_exactly",),
    "AuthEndpoint.RedirectUriFullyMatchedTest": ("test_redirect_uri_must_match_exactly",),
    "AuthEndpoint.RedirectUriPathMatchedTest": ("test_redirect_uri_must_match_exactly",),
    "AuthEndpoint.RedirectUriRequiredTest": (),
    "AuthEndpoint.ReferrerPolicyEnforcedTest": (),
    "AuthEndpoint.RequireUserConsentTest": (),
    "AuthEndpoint.SameParameterTwiceDisallowedTest": (
        "test_repeated_parameters_are_invalid_request",
    ),
    "AuthEndpoint.StatePresentTest": ("test_state_is_returned_unchanged",),
    "AuthEndpoint.SupportsPostAuthorizationRequestsTest": (),
    "AuthEndpoint.UnrecognizedParameterAllowedTest": (),
    "Concurrency.ConcurrentTokensRevokedTest": (),
    "Concurrency.MultiFastACExchangeTest": ("test_parallel_exchanges_of_one_code_succeed_once",),
    "Concurrency.MultiFastRefreshTest": ("test_parallel_refreshes_of_one_token_succeed_once",),
    "Concurrency.SingleFastACExchangeTest": (),
    "Concurrency.SingleFastRefreshTest": (),
    "DeviceAuthEndpoint.HasValidCertificateTest": (),
    "DeviceAuthEndpoint.IsHttpsRequiredTest": (),
    "DeviceAuthEndpoint.IsModernTlsSupportedTest": (),
    "DeviceAuthEndpoint.SameParameterTwiceDisallowedTest": (),
    "DeviceAuthEndpoint.UnrecognizedParameterAllowedTest": (),
    "Features.IsDeprecatedTlsSupportedTest": (),
    "Features.PlainPkceTest": ("test_plain_method_is_refused",),
    "Features.TokenAsQueryParameterTest": ("test_query_token_is_not_accepted",),
    "Pkce.HashedPkceDisabledTest": ("test_appendix_b_vector_is_accepted",),
    "Pkce.IsPkceDowngradeDetectedTest": ("test_verifier_for_a_code_without_challenge_is_refused",),
    "Pkce.IsPkceImplementedTest": ("test_wrong_verifier_is_invalid_grant",),
    "Pkce.IsPkcePlainDowngradeDetectedTest": (),
    "Pkce.IsPkceRequiredTest": ("test_authorization_without_pkce_is_refused",),
    "Pkce.IsPkceTokenDowngradeDetectedTest": ("test_missing_verifier_is_invalid_grant",),
    "Pkce.PlainPkceDisabledTest": ("test_plain_method_is_refused",),
    "Pkce.ShortVerifierTest": (),
    "Revocation.CanAccessTokensBeRevokedTest": ("test_revoking_an_access_token_stops_it",),
    "Revocation.CanRefreshTokensBeRevokedTest": (
        "test_revoking_a_refresh_token_revokes_its_grant",
    ),
    "Revocation.IsBoundToClientTest": (),
    "Revocation.IsClientAuthRequiredTest": (),
    "Revocation.IsModernTlsSupportedTest": (),
    "Revocation.IsRevocationEndpointSecureTest": (),
    "Revocation.RefreshRevokesAccessTest": ("test_revoking_a_refresh_token_revokes_its_grant",),
    "TokenEndpoint.AreStrongCiphersEnabledTest": (),
    "TokenEndpoint.AuthorizationCodeTimeoutTest": ("test_expired_code_is_invalid_grant",),
    "TokenEndpoint.ClientSecretEntropyMinReqTest": (),
    "TokenEndpoint.ClientSecretEntropySugReqTest": (),
    "TokenEndpoint.HasCacheControlHeaderTest": ("test_token_response_is_not_cached",),
    "TokenEndpoint.HasPragmaHeaderTest": (),
    "TokenEndpoint.HasValidCertificateTest": (),
    "TokenEndpoint.InvalidatedRefreshTokenTest": ("test_reuse_revokes_the_token_family",),
    "TokenEndpoint.IsAuthInUriAllowedTest": (),
    "TokenEndpoint.IsBasicAuthenticationSupportedTest": (),
    "TokenEndpoint.IsClientAuthenticationRequiredTest": (
        "test_wrong_basic_secret_is_401_with_challenge",
    ),
    "TokenEndpoint.IsClientIdRequiredTest": (),
    "TokenEndpoint.IsCodeBoundToClientTest": ("test_code_is_bound_to_its_client",),
    "TokenEndpoint.IsGetSupportedTest": ("test_token_endpoint_refuses_json_and_get",),
    "TokenEndpoint.IsHttpsRequiredTest": (),
    "TokenEndpoint.IsModernTlsSupportedTest": (),
    "TokenEndpoint.IsPasswordFlowDisabledTest": ("test_password_grant_is_refused",),
    "TokenEndpoint.IsRefreshAuthenticationRequiredTest": (),
    "TokenEndpoint.IsRefreshBoundToClientTest": (
        "test_refresh_token_of_another_client_is_invalid_grant",
    ),
    "TokenEndpoint.MultipleCodeExchangesTest": ("test_code_reuse_is_invalid_grant",),
    "TokenEndpoint.RedirectUriCheckedTest": ("test_redirect_uri_mismatch_is_invalid_grant",),
    "TokenEndpoint.RefreshTokenRevokedAfterUseTest": (
        "test_superseded_refresh_token_is_invalid_grant",
    ),
    "TokenEndpoint.RefreshTokenValidAfterMultiExchangeTest": (),
    "TokenEndpoint.SameParameterTwiceDisallowedTest": (),
    "TokenEndpoint.TokenValidAfterMultiExchangeTest": ("test_code_reuse_revokes_its_tokens",),
    "TokenEndpoint.UnrecognizedParameterAllowedTest": (),
    "TokenEndpoint.UsesTokenRotationTest": ("test_each_refresh_returns_a_new_refresh_token",),
    "Tokens.AccessTokenEntropyMinReqTest": (),
    "Tokens.AccessTokenEntropySugReqTest": (),
    "Tokens.AuthorizationCodeEntropyMinReqTest": (),
    "Tokens.AuthorizationCodeEntropySugReqTest": (),
    "Tokens.DeviceCodeEntropyTest": (),
    "Tokens.RefreshTokenEntropyMinReqTest": (),
    "Tokens.RefreshTokenEntropySugReqTest": (),
    "Tokens.ShortTokenTimeoutTest": ("test_access_token_lives_an_hour_or_less",),
    "Tokens.TokenTimeoutTest": (),
}

# Answered only in part: what the check does not do yet.
PARTLY: dict[str, str] = {
    "Tokens.ShortTokenTimeoutTest": (
        "bound is RFC 6750 §5.3's one hour; OAuch's ten minutes is in no RFC"
    ),
    "AuthEndpoint.FragmentFixTest": "a fragment of the server's own is not required (no RFC "
    "asks it of the code grant): only that the response is in the query, not the fragment",
    "Concurrency.MultiFastACExchangeTest": _ONE_ADDRESS,
    "Concurrency.MultiFastRefreshTest": _ONE_ADDRESS,
}

# Applicable, and answered by a reason instead of a check: a MAY, where both answers conform.
NO_CHECK: dict[str, str] = {
    "Revocation.AccessRevokesRefreshTest": _MAY_REVOKE_REFRESH,
}

NOT_APPLICABLE: dict[str, str] = {
    "ApiEndpoint.AreBearerTokensDisabledTest": _SENDER,
    "AuthEndpoint.ClientIdsCorrespondTest": _JAR,
    "AuthEndpoint.IsJarRequiredTest": _JAR,
    "AuthEndpoint.IsJarSignatureCheckedTest": _JAR,
    "AuthEndpoint.IsJarSignatureRequiredTest": _JAR,
    "AuthEndpoint.IsJarSupportedTest": _JAR,
    "AuthEndpoint.JarParametersInRequestTest": _JAR,
    "AuthEndpoint.NonceRequiredTest": _OIDC,
    "AuthEndpoint.RefreshTokenPresentTest": _IMPLICIT,
    "AuthEndpoint.SupportsPostResponseModeTest": _FORM_POST,
    "DPoP.HasRequiredClaimsTest": _DPOP,
    "DPoP.IsDPoPSupportedTest": _DPOP,
    "DPoP.IsDPoPTokenRequiredTest": _DPOP,
    "DPoP.IsExplicitTypingRequiredTest": _DPOP,
    "DPoP.IsSignatureRequiredTest": _DPOP,
    "DocumentSupport.FormPostSupportedTest": _DOCUMENTSUPPORT,
    "DocumentSupport.OpenIdSupportedTest": _DOCUMENTSUPPORT,
    "DocumentSupport.RFC6749SupportedTest": _DOCUMENTSUPPORT,
    "DocumentSupport.RFC6750SupportedTest": _DOCUMENTSUPPORT,
    "DocumentSupport.RFC6819SupportedTest": _DOCUMENTSUPPORT,
    "DocumentSupport.RFC7009SupportedTest": _DOCUMENTSUPPORT,
    "DocumentSupport.RFC7523SupportedTest": _DOCUMENTSUPPORT,
    "DocumentSupport.RFC7636SupportedTest": _DOCUMENTSUPPORT,
    "DocumentSupport.RFC8628SupportedTest": _DOCUMENTSUPPORT,
    "DocumentSupport.RFC8705SupportedTest": _DOCUMENTSUPPORT,
    "DocumentSupport.RFC9101SupportedTest": _DOCUMENTSUPPORT,
    "DocumentSupport.RFC9126SupportedTest": _DOCUMENTSUPPORT,
    "DocumentSupport.RFC9449SupportedTest": _DOCUMENTSUPPORT,
    "Features.CanSignatureBeVerifiedTest": _JWT,
    "Features.HasAccessTokensTest": _PRECONDITION,
    "Features.HasJwtAccessTokensTest": _JWT,
    "Features.HasRefreshTokensTest": _PRECONDITION,
    "Features.HasSupportedFlowsTest": _PRECONDITION,
    "Features.TestUriSupportedTest": _PRECONDITION,
    "IdTokens.ClientSecretLongEnoughTest": _IDTOKENS,
    "IdTokens.CodeHashValidTest": _IDTOKENS,
    "IdTokens.HasAuthorizedPartyTest": _IDTOKENS,
    "IdTokens.HasAzpForMultiAudienceTest": _IDTOKENS,
    "IdTokens.HasCorrectAudienceTest": _IDTOKENS,
    "IdTokens.HasCorrectIssuerTest": _IDTOKENS,
    "IdTokens.HasCorrectMacTest": _IDTOKENS,
    "IdTokens.HasRequiredClaimsTest": _IDTOKENS,
    "IdTokens.IsAccessTokenHashCorrectTest": _IDTOKENS,
    "IdTokens.IsAccessTokenHashPresentTest": _IDTOKENS,
    "IdTokens.IsAuthorizationCodeHashPresentTest": _IDTOKENS,
    "IdTokens.IsSignedTest": _IDTOKENS,
    "IdTokens.KeyReferencesTest": _IDTOKENS,
    "IdTokens.NoncePresentInTokenTest": _IDTOKENS,
    "IdTokens.SigningKeySecureTest": _IDTOKENS,
    "Jwt.AcceptsNoneSignatureTest": _JWT,
    "Jwt.HasAudienceClaimTest": _JWT,
    "Jwt.HasIssuerClaimTest": _JWT,
    "Jwt.HasSubjectClaimTest": _JWT,
    "Jwt.IsExpirationCheckedTest": _JWT,
    "Jwt.IsIssuedAtCheckedTest": _JWT,
    "Jwt.IsJwtReplayDetectedTest": _JWT,
    "Jwt.IsNotBeforeCheckedTest": _JWT,
    "Jwt.IsSignatureCheckedTest": _JWT,
    "Jwt.IsSignatureRequiredTest": _JWT,
    "Jwt.SupportsJwtClientAuthenticationTest": _JWT,
    "ParEndpoint.AcceptsNewRedirectUriTest": _PARENDPOINT,
    "ParEndpoint.IsClientBoundToUriTest": _PARENDPOINT,
    "ParEndpoint.IsHttpsRequiredTest": _PARENDPOINT,
    "ParEndpoint.IsParAuthenticationRequiredTest": _PARENDPOINT,
    "ParEndpoint.IsParRequiredTest": _PARENDPOINT,
    "ParEndpoint.IsParSupportedTest": _PARENDPOINT,
    "ParEndpoint.IsRequestUriRevokedTest": _PARENDPOINT,
    "ParEndpoint.RequestUriEntropyMinReqTest": _PARENDPOINT,
    "ParEndpoint.RequestUriEntropySugReqTest": _PARENDPOINT,
    "ParEndpoint.RequestUriTimeoutTest": _PARENDPOINT,
    "ParEndpoint.RequiresNewRedirectUriAuthTest": _PARENDPOINT,
    "TokenEndpoint.ClientKeySecureTest": _ASYMMETRIC,
    "TokenEndpoint.IsAsymmetricClientAuthenticationUsedTest": _ASYMMETRIC,
    "TokenEndpoint.RefreshTokenPresentTest": _CLIENT_CREDENTIALS,
}


F = TypeVar("F", bound=Callable[..., object])


def oauch(*tests: str) -> Callable[[F], F]:
    """Mark a check as the answer to these OAuch tests (``Folder.ClassName``)."""
    for name in tests:
        if name.count(".") != 1:
            raise ValueError(f"an OAuch test is Folder.ClassName, not {name!r}")

    def decorate(func: F) -> F:
        func.oauch = tests  # type: ignore[attr-defined]
        return func

    return decorate


def declared_oauch(directory: Path) -> dict[str, tuple[str, ...]]:
    """Check name -> the OAuch tests it answers, from the ``test_*.py`` sources of ``directory``."""
    found: dict[str, tuple[str, ...]] = {}
    for path in sorted(directory.glob("test_*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.FunctionDef):
                continue
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", "") == "oauch":
                    found[node.name] = tuple(ast.literal_eval(a) for a in decorator.args)
    return found


def coverage(suite: Path) -> dict[str, tuple[str, ...]]:
    """Every applicable OAuch test -> the checks answering it (by @oauch or APPLICABLE)."""
    found = {name: set(checks) for name, checks in APPLICABLE.items()}
    found.update((name, set()) for name in NO_CHECK)
    for check, tests in declared_oauch(suite).items():
        for name in tests:
            found.setdefault(name, set()).add(check)
    return {name: tuple(sorted(checks)) for name, checks in sorted(found.items())}


def coverage_table(suite: Path) -> str:
    """The Markdown of conformance/README.md's OAuch section, from the catalogue and the suite."""
    covered = coverage(suite)
    checks = declared_checks(suite)
    done = sum(1 for c in covered.values() if c)
    lines = [
        f"Of OAuch's {len(covered) + len(NOT_APPLICABLE)} tests (commit `{SNAPSHOT[:12]}`), "
        f"{len(covered)} apply; {done} of them have a check ({len(PARTLY)} only in part), "
        f"{len(NO_CHECK)} a stated reason instead (a MAY), "
        f"{len(covered) - done - len(NO_CHECK)} neither yet.",
        "",
        "| OAuch test | our checks |",
        "|---|---|",
    ]
    for name, answered in covered.items():
        cell = "<br>".join(f"`{c}` ({checks[c].label()})" for c in answered)
        cell = cell or (f"no check: {NO_CHECK[name]}" if name in NO_CHECK else "— (not yet)")
        if name in PARTLY:
            cell += f"<br>partly: {PARTLY[name]}"
        lines.append(f"| `{name}` | {cell} |")
    lines += ["", "| OAuch test | why it does not apply |", "|---|---|"]
    lines += [f"| `{name}` | {why} |" for name, why in sorted(NOT_APPLICABLE.items())]
    mapped = {c for answered in covered.values() for c in answered}
    lines += ["", "What we check that OAuch does not, by group:", ""]
    groups: dict[str, list[str]] = {}
    for name, info in sorted(checks.items()):
        if name not in mapped:
            groups.setdefault(info.group, []).append(f"`{name}`")
    lines += [f"- {group}: {', '.join(names)}" for group, names in sorted(groups.items())]
    return "\n".join(lines) + "\n"


START = "<!-- oauch-coverage: generated by python -m conformance.oauch -->"
END = "<!-- /oauch-coverage -->"


def main() -> int:
    """Rewrite the generated section of conformance/README.md."""
    here = Path(__file__).resolve().parent
    readme = here / "README.md"
    text = readme.read_text(encoding="utf-8")
    before, _, after = text.partition(START)
    _, _, after = after.partition(END)
    readme.write_text(
        f"{before}{START}\n{coverage_table(here / 'suite')}{END}{after}", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
