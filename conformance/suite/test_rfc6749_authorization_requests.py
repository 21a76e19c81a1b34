"""RFC 6749 §3.1, §4.1.1: how the authorization endpoint treats unusual requests (checklist
extension: items 80–86).

Each check names the OAuch test it answers (https://github.com/DistriNet/OAuch,
src/OAuch/OAuch.Tests/Tests/AuthEndpoint/). Requests go through the consent driver
(conformance/consent.py); a check that needs the code to judge asks with ``consent=True``, so
``--consent browser`` skips it rather than asking a person again (only ``BROWSER_CHECKS`` ask).
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

from conformance.checks import check
from conformance.consent import NOT_AUTHORIZATION_RESPONSES, AuthorizationResponse, consent_mode
from conformance.oauch import oauch
from conformance.suite.helpers import Grant, OAuthSession
from longbridge_openapi_client import Pkce

UNKNOWN_SCOPE = "conformance-unknown-scope"
ATTACKER_CODE = "conformance-attacker-code"
UNKNOWN_PARAMETER = "conformance_unrecognized"


def _pkce_params(session: OAuthSession, pkce: Pkce, **extra: str) -> dict[str, str]:
    return session.params(code_challenge=pkce.challenge, code_challenge_method="S256", **extra)


def _refused(response: AuthorizationResponse, what: str) -> None:
    """A refusal without a redirect: §4.1.2.1 when the redirect URI cannot be trusted."""
    assert not response.redirected, (
        f"Expected no redirect for {what}. Received: {response.describe()}"
    )
    assert response.status_code != 404, (
        f"Expected an error page for {what}, not 404 (is this the authorization endpoint?)"
    )


@check(80, "RFC 6749 §3.3, §4.1.2.1", "SHOULD", "authorize")
@oauch("AuthEndpoint.AutomaticRedirectInvalidScopeTest")
def test_unknown_scope_is_invalid_scope(session: OAuthSession) -> None:
    """A scope the server does not know: ignored (§3.3 MAY), or refused as invalid_scope.

    §4.1.2.1 has a code for a scope that is "invalid, unknown, or malformed": invalid_scope.
    access_denied is accepted too: a server may ignore the value (§3.3) and then deny a request
    left with nothing to grant (oidc-provider does). SHOULD, not MUST: invalid_request's
    "invalid parameter value" overlaps, so the less specific code breaks no MUST.

    OAuch counts the automatic redirect back as a weakness (RFC 9700 §4.11.2: a server "should
    only automatically redirect the user agent if it trusts the redirect URI"), which is no
    normative requirement: an error page and a redirect are both accepted. A code without an
    error means the server ignored the value, as §3.3 allows: the check skips then.
    """
    response = session.authorize(pkce=Pkce.generate(), scope=UNKNOWN_SCOPE)
    if response.to_client and "code" in response.params and "error" not in response.params:
        pytest.skip("the server ignored the unknown scope, as RFC 6749 §3.3 allows (MAY)")
    assert "code" not in response.params, (
        f"Expected no code with an error. Received: {response.describe()}"
    )
    if response.to_client:
        assert response.params.get("error") in ("invalid_scope", "access_denied"), (
            f"Expected error=invalid_scope for scope {UNKNOWN_SCOPE!r}. "
            f"Received: {response.describe()}"
        )
    else:
        _refused(response, f"scope {UNKNOWN_SCOPE!r}")


@check(81, "RFC 9700 §2.1, §4.1.3; RFC 6749 §3.1.2", "MUST", "authorize")
@oauch("AuthEndpoint.CodePollutionTest")
def test_code_in_the_redirect_uri_cannot_pollute_the_response(session: OAuthSession) -> None:
    """A redirect_uri carrying an attacker's ``code`` never brings it back to the client.

    OAuch's parameter pollution: with the registered URI plus ``?code=<attacker's>``, a server
    that matches loosely redirects to ``...?code=<attacker's>&code=<real>`` and the client may
    redeem the attacker's code. Exact matching (RFC 9700 §2.1) refuses the URI instead.
    """
    separator = "&" if "?" in session.redirect_uri else "?"
    polluted = f"{session.redirect_uri}{separator}code={ATTACKER_CODE}"
    response = session.authorize(pkce=Pkce.generate(), redirect_uri=polluted)
    location = response.location or ""
    assert ATTACKER_CODE not in location, (
        f"Expected no redirect carrying the code planted in redirect_uri. "
        f"Received: {response.describe()} with the planted code in its query"
    )


@check(82, "RFC 6749 §4.1.2", "MUST", "authorize")
def test_code_comes_in_the_query(session: OAuthSession) -> None:
    """§4.1.2: the code and state are added to the query component of the redirection URI.

    OAuch's FragmentFixTest asks whether the server also attaches a fragment of its own, so
    that a browser does not re-attach the request's fragment to the redirect (RFC 9110
    §10.2.2). No RFC requires that of a code-grant server, so a missing fragment is no
    finding; a fragment that carries the response instead of the query is.
    """
    response = session.authorize(pkce=Pkce.generate())
    assert response.to_client, f"Expected a redirect to the client. Received: {response.describe()}"
    assert "code" in response.query, (
        f"Expected the code in the query component. Received: {response.describe()}, "
        f"fragment parameters {sorted(response.fragment)}"
    )
    assert "code" not in response.fragment, (
        f"Expected no code in the fragment. Received: fragment parameters "
        f"{sorted(response.fragment)}"
    )


@check(83, "RFC 6749 §3.1.2.3, §4.1.2.1", "SHOULD", "authorize")
@oauch("AuthEndpoint.RedirectUriRequiredTest")
def test_redirect_uri_is_required_with_several_registered(session: OAuthSession) -> None:
    """With several redirect URIs registered, the client MUST send one (§3.1.2.3).

    A request without it fails, and §4.1.2.1 says the server SHOULD inform the resource owner
    rather than pick a URI: a code sent to one of the registered URIs is a SHOULD finding (the
    RFC's words for the server), never a MUST failure.
    """
    parts = urlsplit(session.redirect_uri)
    second = parts._replace(path=parts.path.rstrip("/") + "-second").geturl()
    client = OAuthSession.register(session.server, redirect_uris=[session.redirect_uri, second])
    pkce = Pkce.generate()
    params = _pkce_params(client, pkce)
    del params["redirect_uri"]
    response = client.authorize_raw(params, consent=True)
    assert "code" not in response.params, (
        f"Expected a refusal without redirect_uri when two are registered. "
        f"Received: {response.describe()}"
    )


@check(84, "RFC 6749 §4.1.1, §10.2", "SHOULD", "authorize")
@oauch("AuthEndpoint.RequireUserConsentTest")
def test_code_is_not_issued_without_asking(session: OAuthSession) -> None:
    """The first answer to an authorization request is not a code: the server asks first.

    §4.1.1 has the server authenticate the resource owner and obtain their decision; §10.2
    says it SHOULD NOT process requests automatically without the resource owner's
    interaction. OAuch times the flow; the suite sees it directly: a fresh user agent (no
    cookies) sends the request, and the server's answer must be its own page or a redirect on
    its own origin (login, consent), not the redirect to the client with a code.
    ``--consent auto`` declares a target that consents by itself (a test set-up,
    docs/conformance-checklist.md Part 2, choice 9): the check skips there.
    """
    if consent_mode() == "auto":
        pytest.skip("--consent auto: the target is declared to consent by itself (a test set-up)")
    pkce = Pkce.generate()
    endpoint = session.endpoints.require("authorization_endpoint")
    first = session.raw.get(endpoint, params=_pkce_params(session, pkce))
    location = urljoin(endpoint, first.headers.get("location", ""))
    to_client = (
        first.is_redirect
        and first.status_code not in NOT_AUTHORIZATION_RESPONSES
        and location.split("?", 1)[0] == session.redirect_uri.split("?", 1)[0]
    )
    assert not (to_client and "code=" in location), (
        f"Expected a login or consent step before the code. Received: {first.status_code} "
        f"redirect to {location.split('?', 1)[0]} with a code, at once"
    )


@check(85, "RFC 6749 §3.1, §4.1.2.1", "MUST", "authorize")
@oauch("AuthEndpoint.SupportsPostAuthorizationRequestsTest")
def test_post_authorization_requests_are_checked_like_get(session: OAuthSession) -> None:
    """POST at the authorization endpoint is a MAY (§3.1): a server without it is not failed.

    A server that issues codes to POST requests applies the same rules there: state comes back
    unchanged and an unregistered redirect_uri is not redirected to (§4.1.2.1).
    """
    pkce = Pkce.generate()
    response = session.authorize_raw(_pkce_params(session, pkce), consent=True, post=True)
    if not (response.to_client and "code" in response.params):
        pytest.skip(
            "POST authorization requests are not supported, which RFC 6749 §3.1 allows (MAY): "
            f"{response.describe()}"
        )
    state = response.params.get("state")
    assert state == "conformance-state", (
        f"Expected state 'conformance-state' back. Received: {response.describe()}"
    )
    attacker = "https://attacker.example/callback"
    params = _pkce_params(session, Pkce.generate(), redirect_uri=attacker)
    _refused(session.authorize_raw(params, consent=True, post=True), f"a POST to {attacker}")


@check(86, "RFC 6749 §3.1", "MUST", "authorize")
@oauch("AuthEndpoint.UnrecognizedParameterAllowedTest")
def test_unrecognized_parameters_are_ignored(session: OAuthSession) -> None:
    """§3.1: the server MUST ignore unrecognized request parameters: the code still works."""
    pkce = Pkce.generate()
    params = _pkce_params(session, pkce, **{UNKNOWN_PARAMETER: "ignored"})
    response = session.authorize_raw(params, consent=True)
    code = response.params.get("code")
    assert response.to_client, (
        f"Expected a redirect to the client despite the unknown parameter {UNKNOWN_PARAMETER}. "
        f"Received: {response.describe()}"
    )
    assert code is not None, (
        f"Expected a code despite the unknown parameter {UNKNOWN_PARAMETER}. "
        f"Received: {response.describe()}"
    )
    tokens = session.exchange(Grant(code, "conformance-state", pkce, session.redirect_uri))
    assert tokens.status_code == 200, (
        f"Expected the code to be redeemed. Received: {tokens.status_code} {tokens.text[:300]}"
    )
