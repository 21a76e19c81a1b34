"""Getting from an authorization request to the authorization response, however the server asks.

RFC 6749 §4.1.1-§4.1.2 leave the step between the request and the redirect back to the client to
the server: most servers first send the user agent to their own login and consent pages. The
driver plays the user agent (``--consent``):

- ``auto``: the server redirects to the client at once (the bundled mock);
- ``follow``: follow redirects on the server's own origin with a cookie jar until the redirect to
  the client's ``redirect_uri``, and submit a simple consent form when one is found (one form,
  hidden fields only, an approve button);
- ``browser``: a person consents: the authorization URL opens in their browser and the code
  arrives on a loopback redirect URI (RFC 8252 §7.3). Only the checks of ``BROWSER_CHECKS`` ask
  (one consent each, announced before the run); every other request is followed as in
  ``follow``, and a check that would need a person otherwise skips.

RFC 6749 §1.7 and §3.1 allow any redirection; RFC 9700 §4.12 warns against 307 (and 308, which
repeats a POST too), so any other 3xx to the client is an authorization response.
"""

from __future__ import annotations

import os
import sys
import threading
import webbrowser
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Literal
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import httpx
import pytest

__all__ = [
    "BROWSER_CHECKS",
    "ENV_CONSENT",
    "AuthorizationResponse",
    "ConsentDriver",
    "ConsentMode",
    "Page",
    "SetupError",
    "consent_mode",
]

ConsentMode = Literal["auto", "follow", "browser"]
ENV_CONSENT = "CONFORMANCE_CONSENT"
# RFC 9700 §4.12: a 307 (or 308) would make the browser repeat a POST of credentials.
NOT_AUTHORIZATION_RESPONSES = frozenset({307, 308})
MAX_HOPS = 12
APPROVE_WORDS = ("approve", "allow", "accept", "consent", "authorize", "yes", "confirm", "continue")
BROWSER_WAIT = 300.0
# --consent browser: the checks a person consents for, one consent each. The code, PKCE,
# refresh and revocation rules, kept few: each costs the person a click.
BROWSER_CHECKS = frozenset(
    {
        "test_token_response_is_json_with_token_and_type",
        "test_appendix_b_vector_is_accepted",
        "test_missing_verifier_is_invalid_grant",
        "test_code_reuse_is_invalid_grant",
        "test_redirect_uri_mismatch_is_invalid_grant",
        "test_superseded_refresh_token_is_invalid_grant",
        "test_revoked_refresh_token_is_refused",
        "test_revoking_an_access_token_stops_it",
    }
)
# Response parameters safe to show in evidence; a code or token never is.
SHOWN = frozenset({"error", "error_description", "error_uri", "state", "iss"})


class SetupError(Exception):
    """The suite could not set a check up: not a verdict on the server.

    Its message says so first, so that every report tells it from a broken rule.
    """

    def __init__(self, message: str) -> None:
        super().__init__(f"set-up failed, no verdict: {message}")


def consent_mode() -> ConsentMode:
    mode = os.environ.get(ENV_CONSENT, "") or "auto"
    if mode not in ("auto", "follow", "browser"):
        raise ValueError(f"unknown consent mode {mode!r}")
    return mode  # type: ignore[return-value]


def _params(text: str) -> dict[str, str]:
    return dict(parse_qsl(text, keep_blank_values=True))


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


# The response headers that say how a browser may frame a page or send its address onwards
# (RFC 9700 §4.16, §4.2.4); a Page keeps only these, never a cookie.
PAGE_HEADERS = ("content-type", "x-frame-options", "content-security-policy", "referrer-policy")


@dataclass(frozen=True)
class Page:
    """A page of the server's own that the user agent was shown on the way (login, consent)."""

    url: str  # without its query: the query may carry a consent id
    status: int
    headers: dict[str, str]  # PAGE_HEADERS only, repeated fields joined with ", "
    meta_referrer: str | None = None  # <meta name="referrer" content="...">

    @classmethod
    def of(cls, response: httpx.Response) -> Page:
        headers = {}
        for name in PAGE_HEADERS:
            values = response.headers.get_list(name)
            if values:
                headers[name] = ", ".join(values)
        meta = _MetaReferrer()
        meta.feed(response.text)
        return cls(str(response.url).split("?", 1)[0], response.status_code, headers, meta.content)


class _MetaReferrer(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.content: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and a.get("name", "").lower() == "referrer" and self.content is None:
            self.content = a.get("content", "")


@dataclass(frozen=True, repr=False)
class AuthorizationResponse:
    """Where an authorization request ended: a redirect off the server, or a page of its own."""

    status_code: int  # the status of the last response
    location: str | None = None  # absolute; set when the server redirected off its own origin
    redirect_uri: str = ""  # the redirect_uri the request named
    text: str = ""  # the body of the last response, when it did not redirect
    query: dict[str, str] = field(default_factory=dict)
    fragment: dict[str, str] = field(default_factory=dict)
    pages: tuple[Page, ...] = ()  # the server's own pages shown on the way, in order

    @property
    def redirected(self) -> bool:
        """The server sent the user agent away (to the client, or anywhere off its origin)."""
        return self.location is not None

    @property
    def to_client(self) -> bool:
        """An authorization response: a redirect to ``redirect_uri`` with an allowed status."""
        return (
            self.location is not None
            and self.location.split("?", 1)[0].split("#", 1)[0] == self.redirect_uri.split("?")[0]
            and self.status_code not in NOT_AUTHORIZATION_RESPONSES
        )

    @property
    def params(self) -> dict[str, str]:
        """The response parameters: query, or fragment for fragment-mode responses (§4.2.2)."""
        return {**self.fragment, **self.query}

    def __repr__(self) -> str:
        return f"AuthorizationResponse({self.describe()})"  # never the code itself

    def describe(self) -> str:
        """For evidence: where it went and the parameters, credentials (a code) hidden."""
        if self.location is not None:
            where = self.location.split("?")[0].split("#")[0]
            shown = {k: v if k in SHOWN else "…" for k, v in self.params.items()}
            return f"{self.status_code} redirect to {where} {shown}"
        return f"{self.status_code} without redirect: {' '.join(self.text.split())[:200]}"


@dataclass
class _Form:
    action: str
    method: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    visible: list[str] = field(default_factory=list)  # inputs a person would fill in
    buttons: list[tuple[str, str, str]] = field(default_factory=list)  # name, value, label


class _Forms(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[_Form] = []
        self._button: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(_Form(a.get("action", ""), a.get("method", "get").lower()))
        elif not self.forms:
            return
        elif tag == "input":
            kind = a.get("type", "text").lower()
            if kind == "hidden" and a.get("name"):
                self.forms[-1].fields.append((a["name"], a.get("value", "")))
            elif kind == "submit":
                self.forms[-1].buttons.append((a.get("name", ""), a.get("value", ""), ""))
            elif kind not in ("button", "reset", "image"):
                self.forms[-1].visible.append(a.get("name", kind))
        elif tag == "button" and a.get("type", "submit").lower() == "submit":
            self._button = [a.get("name", ""), a.get("value", ""), ""]
        elif tag in ("select", "textarea"):
            self.forms[-1].visible.append(a.get("name", tag))

    def handle_data(self, data: str) -> None:
        if self._button is not None:
            self._button[2] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "button" and self._button is not None and self.forms:
            name, value, label = self._button
            self.forms[-1].buttons.append((name, value, label.strip()))
            self._button = None


def _consent_form(html: str) -> _Form | None:
    """The page's one simple consent form and its approve button, or None."""
    parser = _Forms()
    parser.feed(html)
    if len(parser.forms) != 1 or parser.forms[0].visible:
        return None  # no form, several, or one asking for input (a login): a person's job
    form = parser.forms[0]
    approve = [b for b in form.buttons if any(w in " ".join(b).lower() for w in APPROVE_WORDS)] or (
        form.buttons if len(form.buttons) == 1 else []
    )
    if len(form.buttons) > 1 and not approve:
        return None
    if approve and approve[0][0]:
        form.fields.append((approve[0][0], approve[0][1]))
    return form


class ConsentDriver:
    """Sends authorization requests and plays the user agent until the server answers."""

    def __init__(self, mode: ConsentMode, authorization_endpoint: str, timeout: float = 30) -> None:
        self.mode = mode
        self.endpoint = authorization_endpoint
        self.timeout = timeout
        self.consents = 0  # browser consents asked for so far
        self.check = ""  # the check running now: browser mode asks a person only for some

    def authorize(
        self,
        params: Mapping[str, str] | Sequence[tuple[str, str]],
        *,
        consent: bool = False,
        raw: tuple[str, str] | None = None,
        post: bool = False,
    ) -> AuthorizationResponse:
        """The outcome of one authorization request with ``params`` (repeats allowed).

        ``consent``: the request is well-formed and the check needs its code; in browser mode a
        person approves it. ``raw``: a parameter sent exactly as given, not percent-encoded (a
        ``redirect_uri`` built to confuse parsers). ``post``: the parameters as a form body
        (RFC 6749 §3.1 lets a server support POST); redirects are then followed with GET.
        """
        pairs = list(params.items()) if isinstance(params, Mapping) else list(params)
        redirect_uri = next((v for k, v in pairs if k == "redirect_uri"), "")
        query = urlencode(pairs)
        if raw is not None:
            redirect_uri = raw[1] if raw[0] == "redirect_uri" else redirect_uri
            query = "&".join(q for q in (query, f"{raw[0]}={raw[1]}") if q)
        separator = "&" if "?" in self.endpoint else "?"
        url = f"{self.endpoint}{separator}{query}"
        if self.mode == "browser" and consent and self.check in BROWSER_CHECKS and not post:
            return self._browser(url, redirect_uri)
        with httpx.Client(follow_redirects=False, timeout=self.timeout) as agent:
            response = self._follow(agent, url, redirect_uri, body=query if post else None)
        if self.mode == "browser" and consent and not response.redirected:
            # A login or consent page the driver cannot pass: this check is not one a person
            # is asked for (BROWSER_CHECKS).
            pytest.skip("needs a person's consent; --consent browser asks only for a few checks")
        return response

    def _follow(
        self, agent: httpx.Client, url: str, redirect_uri: str, body: str | None = None
    ) -> AuthorizationResponse:
        server = _origin(self.endpoint)
        if body is None:
            response = agent.get(url)
        else:
            form_type = {"Content-Type": "application/x-www-form-urlencoded"}
            response = agent.post(self.endpoint, content=body, headers=form_type)
        pages: list[Page] = []
        for _ in range(MAX_HOPS):
            location = response.headers.get("location")
            if not response.is_redirect and _origin(str(response.url)) == server:
                pages.append(Page.of(response))
            if response.is_redirect and location:
                target = urljoin(str(response.url), location)
                off_server = _origin(target) != server or target.startswith(redirect_uri or "\0")
                if off_server or self.mode == "auto":
                    parts = urlsplit(target)
                    return AuthorizationResponse(
                        response.status_code,
                        target,
                        redirect_uri,
                        query=_params(parts.query),
                        fragment=_params(parts.fragment),
                        pages=tuple(pages),
                    )
                response = agent.get(target)
                continue
            form = _consent_form(response.text) if self.mode != "auto" else None
            if response.status_code == 200 and form is not None:
                action = urljoin(str(response.url), form.action or str(response.url))
                if _origin(action) != server:
                    break
                encoded = urlencode(form.fields)
                if form.method == "post":
                    form_type = {"Content-Type": "application/x-www-form-urlencoded"}
                    response = agent.post(action, content=encoded, headers=form_type)
                else:
                    response = agent.get(f"{action.split('?')[0]}?{encoded}")
                continue
            break
        return AuthorizationResponse(
            response.status_code, None, redirect_uri, response.text, pages=tuple(pages)
        )

    def _browser(self, url: str, redirect_uri: str) -> AuthorizationResponse:
        """RFC 8252 §7.3: receive the authorization response on a loopback redirect URI."""
        parts = urlsplit(redirect_uri)
        if parts.scheme != "http" or parts.hostname not in ("127.0.0.1", "localhost", "[::1]"):
            raise SetupError(f"--consent browser needs a loopback redirect URI, not {redirect_uri}")
        received: list[str] = []
        done = threading.Event()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if urlsplit(self.path).path == parts.path:
                    received.append(self.path)
                    done.set()
                body = b"The conformance suite received the answer. You may close this tab."
                self.send_response(200)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                return  # the query holds the code: never logged

        with HTTPServer((parts.hostname or "127.0.0.1", parts.port or 80), Handler) as server:
            thread = threading.Thread(target=server.serve_forever, daemon=True)
            thread.start()
            self.consents += 1
            out = sys.__stderr__ or sys.stderr
            out.write(f"\nconsent #{self.consents}: approve in your browser: {url}\n")
            out.flush()
            webbrowser.open(url)
            try:
                if not done.wait(BROWSER_WAIT):
                    raise SetupError(
                        f"no consent arrived at {redirect_uri} in {BROWSER_WAIT:.0f} s"
                    )
            finally:
                server.shutdown()
        query = urlsplit(received[0]).query
        location = f"{redirect_uri}?{query}"
        return AuthorizationResponse(302, location, redirect_uri, query=_params(query))
