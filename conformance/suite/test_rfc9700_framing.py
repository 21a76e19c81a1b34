"""The pages a person sees during authorization: no framing, no Referer (checklist 74-76).

RFC 9700 §4.16 (https://www.rfc-editor.org/rfc/rfc9700#section-4.16): "Authorization servers
MUST prevent clickjacking attacks", naming the X-Frame-Options header (RFC 6749 §10.13 already
did) and, besides, "authorization servers SHOULD also use Content Security Policy (CSP) level 2
... or greater", on "the authorization endpoint and, if applicable, other endpoints used to
authenticate the user and authorize the client (e.g., ... login pages, error pages, etc.)".
RFC 9700 §4.2.4 lists a referrer policy among the measures that "further reduce the chances" of
a code leaking through the Referer header: no requirement word, so no rfc-profile level.

The pages are the HTML pages the server's own origin shows while the consent driver walks a
well-formed authorization request (conformance/consent.py): its login and consent pages. A
server that redirects at once (the bundled mock's default auto consent) shows none: the checks
skip. ``python -m conformance.mock_server --consent manual`` shows a consent page.
"""

from __future__ import annotations

import pytest

from conformance.checks import check
from conformance.consent import Page
from conformance.oauch import oauch
from conformance.suite.helpers import OAuthSession
from longbridge_openapi_client import Pkce

# Referrer Policy (https://www.w3.org/TR/referrer-policy/#referrer-policies): the values that
# never send a path or query (where a code would be) to another origin.
SAFE_REFERRER = frozenset(
    {
        "no-referrer",
        "origin",
        "origin-when-cross-origin",
        "same-origin",
        "strict-origin",
        "strict-origin-when-cross-origin",
    }
)


def _pages(session: OAuthSession) -> list[Page]:
    pkce = Pkce.generate()
    params = session.params(code_challenge=pkce.challenge, code_challenge_method="S256")
    response = session.authorize_raw(params)
    pages = [p for p in response.pages if p.headers.get("content-type", "").startswith("text/html")]
    if not pages:
        pytest.skip(
            "the server showed no page of its own during authorization (it redirected at once): "
            "nothing to frame"
        )
    return pages


def _frame_ancestors(page: Page) -> list[str] | None:
    """The sources of the CSP ``frame-ancestors`` directive (None: no such directive)."""
    for policy in page.headers.get("content-security-policy", "").split(","):
        for directive in policy.split(";"):
            name, _, sources = directive.strip().partition(" ")
            if name.lower() == "frame-ancestors":
                return sources.split()
    return None


def _csp_forbids_framing(page: Page) -> bool:
    """frame-ancestors that names no wildcard and no bare scheme (any host of it)."""
    sources = _frame_ancestors(page)
    if not sources:
        return False
    return not any(s == "*" or s.endswith(":") for s in sources)


def _xfo_forbids_framing(page: Page) -> bool:
    value = page.headers.get("x-frame-options", "").split(",")[0].strip().lower()
    return value in ("deny", "sameorigin")


def _show(page: Page) -> str:
    shown = {k: v for k, v in page.headers.items() if k != "content-type"}
    return f"{page.status} {page.url} {shown}"


@check(74, "RFC 9700 §4.16; RFC 6749 §10.13", "MUST", "authorize")
@oauch("AuthEndpoint.HasFrameOptionsTest")
def test_authorization_pages_cannot_be_framed(session: OAuthSession) -> None:
    """X-Frame-Options DENY or SAMEORIGIN, or a CSP frame-ancestors without wildcards, on every
    page: the two header measures RFC 9700 §4.16 names (frame-busting scripts are not seen)."""
    pages = _pages(session)
    open_to_framing = [
        _show(p) for p in pages if not (_xfo_forbids_framing(p) or _csp_forbids_framing(p))
    ]
    assert not open_to_framing, (
        "Expected X-Frame-Options (DENY/SAMEORIGIN) or CSP frame-ancestors on every "
        f"authorization page. Received: {open_to_framing}"
    )


@check(75, "RFC 9700 §4.16", "SHOULD", "authorize")
@oauch("AuthEndpoint.HasContentSecurityPolicyTest")
def test_authorization_pages_use_csp_frame_ancestors(session: OAuthSession) -> None:
    """CSP level 2's frame-ancestors (a ``<meta>`` policy cannot carry it, so the header)."""
    without = [_show(p) for p in _pages(session) if not _csp_forbids_framing(p)]
    assert not without, (
        "Expected a Content-Security-Policy with frame-ancestors on every authorization page. "
        f"Received: {without}"
    )


@check(76, "RFC 9700 §4.2.4", "SHOULD", "authorize", rfc="no")
@oauch("AuthEndpoint.ReferrerPolicyEnforcedTest")
def test_authorization_pages_set_a_referrer_policy(session: OAuthSession) -> None:
    """A Referrer-Policy header (its last known value wins) or ``<meta name="referrer">`` that
    sends no path onwards. RFC 9700 §4.2.4 words it as a measure, with no requirement word: a
    finding here is a warning in the longbridge profile and no rule in the rfc profile."""
    leaky = []
    for page in _pages(session):
        header = page.headers.get("referrer-policy", "")
        values = [v.strip().lower() for v in header.split(",") if v.strip()]
        policy = values[-1] if values else (page.meta_referrer or "").strip().lower()
        if policy not in SAFE_REFERRER:
            leaky.append(f"{_show(page)} meta referrer {page.meta_referrer!r}")
    assert not leaky, (
        f"Expected a Referrer-Policy of one of {sorted(SAFE_REFERRER)}. Received: {leaky}"
    )
