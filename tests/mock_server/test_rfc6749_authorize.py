"""The authorization endpoint (checklist C; Part 2, choices 3, 4 and 9)."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import httpx
import pytest

from conformance.mock_server import MockConfig

from .harness import BASE_URL, REDIRECT_URI, Harness, MakeMock, location_params, pkce_pair


def assert_no_redirect(response: httpx.Response) -> None:
    """RFC 6749 §4.1.2.1: a bad client or redirect URI gets an error page, never a redirect."""
    assert response.status_code == 400, response.text
    assert "location" not in response.headers
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["error"] == "invalid_request"


def assert_error_redirect(response: httpx.Response, error: str, state: str = "state-123") -> None:
    assert response.headers["location"].startswith(REDIRECT_URI + "?")
    params = location_params(response)
    assert params["error"] == error, params
    assert params["state"] == state
    assert "code" not in params


@pytest.mark.parametrize("with_pkce", [True, False])
def test_auto_consent_redirects_with_code_state_and_iss(mock: Harness, with_pkce: bool) -> None:
    client = mock.register()
    response = mock.authorize(client, pkce_pair() if with_pkce else None)
    assert response.status_code == 302
    assert response.headers["location"].startswith(REDIRECT_URI + "?")
    params = location_params(response)
    assert set(params) == {"code", "state", "iss"}
    assert params["state"] == "state-123"
    assert params["iss"] == BASE_URL  # RFC 9207 §2
    assert len(params["code"]) >= 32


@pytest.mark.parametrize("state", ["a b&c=d/é?#%20+", "x" * 500, "eyJhbGciOiJub25lIn0.e30.", "0"])
def test_state_comes_back_unchanged(mock: Harness, state: str) -> None:
    params = location_params(mock.authorize(mock.register(), state=state))
    assert params["state"] == state


def test_no_state_sent_none_returned(mock: Harness) -> None:
    params = location_params(mock.authorize(mock.register(), state=None))
    assert "state" not in params
    assert "code" in params


def test_redirect_keeps_the_registered_query(mock: Harness) -> None:
    uri = "https://app.example/cb?tenant=7"
    client = mock.register(redirect_uris=(uri,))
    response = mock.authorize(client)
    assert response.headers["location"].startswith(uri + "&code=")
    assert location_params(response)["tenant"] == "7"


def test_manual_consent_approve(make_mock: MakeMock) -> None:
    mock = make_mock(MockConfig(consent="manual"))
    client = mock.register(client_name="<b>Trader</b>")
    pkce = pkce_pair()
    page = mock.authorize(client, pkce, scope="4 6")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers["cache-control"] == "no-store"
    assert "<b>Trader</b>" not in page.text  # escaped
    assert "&lt;b&gt;Trader&lt;/b&gt;" in page.text
    assert 'action="/oauth2/authorize/consent"' in page.text
    consent_id = re.search(r'name="consent_id" value="([^"]+)"', page.text)
    assert consent_id is not None
    assert 'name="decision" value="approve"' in page.text
    assert 'name="decision" value="deny"' in page.text

    form = {"consent_id": consent_id[1], "decision": "approve"}
    approved = mock.http.post("/oauth2/authorize/consent", data=form)
    params = location_params(approved)
    assert params["state"] == "state-123"
    token = mock.exchange(client, params["code"], pkce)
    assert token.status_code == 200
    assert token.json()["scope"] == "4 6"
    # The consent session is single-use.
    again = mock.http.post("/oauth2/authorize/consent", data=form)
    assert_no_redirect(again)


def test_consent_page_cannot_be_framed_and_sends_no_referer(make_mock: MakeMock) -> None:
    """RFC 9700 §4.16 (clickjacking) and §4.2.4 (referrer policy); the redirect carries none."""
    mock = make_mock(MockConfig(consent="manual"))
    page = mock.authorize(mock.register(), pkce_pair())
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["content-security-policy"] == "frame-ancestors 'none'"
    assert page.headers["referrer-policy"] == "no-referrer"
    auto = make_mock()
    redirect = auto.authorize(auto.register(), pkce_pair())
    assert redirect.status_code in (302, 303)
    assert "x-frame-options" not in redirect.headers


def test_manual_consent_deny(make_mock: MakeMock) -> None:
    mock = make_mock(MockConfig(consent="manual"))
    page = mock.authorize(mock.register())
    consent_id = re.search(r'name="consent_id" value="([^"]+)"', page.text)
    assert consent_id is not None
    denied = mock.http.post(
        "/oauth2/authorize/consent", data={"consent_id": consent_id[1], "decision": "deny"}
    )
    assert_error_redirect(denied, "access_denied")


def test_manual_consent_checks_before_showing_the_page(make_mock: MakeMock) -> None:
    mock = make_mock(MockConfig(consent="manual"))
    client = mock.register()
    assert_no_redirect(mock.authorize(client, redirect_uri="https://evil.example/cb"))
    assert_error_redirect(
        mock.authorize(client, response_type="token"), "unsupported_response_type"
    )


def test_unknown_consent_session(mock: Harness) -> None:
    assert_no_redirect(mock.http.post("/oauth2/authorize/consent", data={"consent_id": "nope"}))


def test_unknown_client_is_not_redirected(mock: Harness) -> None:
    client = mock.register()
    params = {"response_type": "code", "redirect_uri": REDIRECT_URI, "state": "s"}
    for client_id in ("unknown", None):
        query = dict(params) if client_id is None else {**params, "client_id": client_id}
        assert_no_redirect(mock.http.get("/oauth2/authorize", params=query))
    # A known client, but a repeated client_id: also no redirect (RFC 6749 §3.1).
    repeated = [("client_id", client.client_id), ("client_id", client.client_id)]
    encoded = urlencode([*repeated, *params.items()])
    assert_no_redirect(mock.http.get(f"/oauth2/authorize?{encoded}"))


@pytest.mark.parametrize(
    "uri",
    [
        "https://evil.example/callback",
        "https://app.example/callback/",
        "https://app.example/callback?x=1",
        "https://app.example/Callback",
        "https://APP.example/callback",
        "https://app.example:443/callback",
        "http://app.example/callback",
        "https://app.example/callback#f",
    ],
)
def test_unregistered_redirect_uri_is_not_redirected(mock: Harness, uri: str) -> None:
    # RFC 9700 §4.1.3: exact string comparison; no open redirector (§4.11).
    assert_no_redirect(mock.authorize(mock.register(), redirect_uri=uri))


def test_missing_redirect_uri_with_several_registered(mock: Harness) -> None:
    client = mock.register(redirect_uris=(REDIRECT_URI, "https://app.example/other"))
    response = mock.http.get(
        "/oauth2/authorize", params={"response_type": "code", "client_id": client.client_id}
    )
    assert_no_redirect(response)


def test_missing_redirect_uri_with_one_registered(mock: Harness) -> None:
    client = mock.register()
    response = mock.http.get(
        "/oauth2/authorize", params={"response_type": "code", "client_id": client.client_id}
    )
    assert response.headers["location"].startswith(REDIRECT_URI + "?code=")


@pytest.mark.parametrize(
    ("host", "registered_port", "port"),
    [("127.0.0.1", 60355, 51234), ("localhost", 60355, 8080), ("[::1]", 60355, 1)],
)
def test_loopback_port_may_vary(mock: Harness, host: str, registered_port: int, port: int) -> None:
    # RFC 8252 §7.3: the client picks a free port at run time.
    client = mock.register(redirect_uris=(f"http://{host}:{registered_port}/callback",))
    used = f"http://{host}:{port}/callback"
    pkce = pkce_pair()
    response = mock.authorize(client, pkce, redirect_uri=used)
    assert response.headers["location"].startswith(used + "?")
    code = location_params(response)["code"]
    assert mock.exchange(client, code, pkce, redirect_uri=used).status_code == 200


@pytest.mark.parametrize(
    "uri",
    [
        "http://127.0.0.1:51234/other",  # the path must still match
        "http://127.0.0.2:60355/callback",  # another host
        "https://127.0.0.1:60355/callback",  # another scheme
        "http://127.0.0.1:60355/callback?x=1",
    ],
)
def test_loopback_only_the_port_varies(mock: Harness, uri: str) -> None:
    client = mock.register(redirect_uris=("http://127.0.0.1:60355/callback",))
    assert_no_redirect(mock.authorize(client, redirect_uri=uri))


def test_only_loopback_ports_vary(mock: Harness) -> None:
    client = mock.register(redirect_uris=("https://app.example:8443/callback",))
    assert_no_redirect(mock.authorize(client, redirect_uri="https://app.example:9443/callback"))


def test_pkce_is_optional_by_default(mock: Harness) -> None:
    # Part 2, choice 3: the official SDK sends no PKCE and is accepted.
    client = mock.register()
    response = mock.exchange(client, mock.code(client))
    assert response.status_code == 200, response.text


def test_require_pkce(make_mock: MakeMock) -> None:
    mock = make_mock(MockConfig(require_pkce=True))
    client = mock.register()
    assert_error_redirect(mock.authorize(client), "invalid_request")
    pkce = pkce_pair()
    assert mock.exchange(client, mock.code(client, pkce), pkce).status_code == 200


@pytest.mark.parametrize(
    "extra",
    [
        {"code_challenge_method": "plain"},  # not offered (RFC 9700 §2.1.1)
        {"code_challenge_method": "S512"},
        {"code_challenge_method": "s256"},
        {"code_challenge_method": None},  # RFC 7636 §4.3 would default to plain
    ],
)
def test_challenge_methods_other_than_s256_are_rejected(
    mock: Harness, extra: dict[str, str | None]
) -> None:
    params = {
        "response_type": "code",
        "client_id": mock.register().client_id,
        "redirect_uri": REDIRECT_URI,
        "state": "state-123",
        "code_challenge": pkce_pair().challenge,
    }
    method = extra["code_challenge_method"]
    if method is not None:
        params["code_challenge_method"] = method
    assert_error_redirect(mock.http.get("/oauth2/authorize", params=params), "invalid_request")


@pytest.mark.parametrize(
    "challenge",
    [
        "a" * 42,  # RFC 7636 §4.2: 43 to 128 characters
        "a" * 129,
        "a" * 42 + "=",
        "a" * 42 + "+",
        "a" * 42 + "/",
        "a" * 42 + " ",
    ],
)
def test_malformed_challenges_are_rejected(mock: Harness, challenge: str) -> None:
    client = mock.register()
    response = mock.authorize(client, code_challenge=challenge, code_challenge_method="S256")
    assert_error_redirect(response, "invalid_request")


def test_challenge_grammar_bounds_are_accepted(mock: Harness) -> None:
    client = mock.register()
    for challenge in ("a" * 43, "A-._~" * 25 + "xyz"):
        response = mock.authorize(client, code_challenge=challenge, code_challenge_method="S256")
        assert "code" in location_params(response)


def test_method_without_challenge(mock: Harness) -> None:
    response = mock.authorize(mock.register(), code_challenge_method="S256")
    assert_error_redirect(response, "invalid_request")


def test_response_type(mock: Harness) -> None:
    client = mock.register()
    for response_type, error in [
        ("token", "unsupported_response_type"),
        ("id_token", "unsupported_response_type"),
    ]:
        response = mock.authorize(client, response_type=response_type)
        assert_error_redirect(response, error)
    missing = mock.http.get(
        "/oauth2/authorize",
        params={"client_id": client.client_id, "redirect_uri": REDIRECT_URI, "state": "state-123"},
    )
    assert_error_redirect(missing, "invalid_request")


def test_repeated_parameter_is_an_error_redirect(mock: Harness) -> None:
    client = mock.register()
    query = [
        ("response_type", "code"),
        ("client_id", client.client_id),
        ("redirect_uri", REDIRECT_URI),
        ("state", "state-123"),
        ("scope", "4"),
        ("scope", "6"),
    ]
    response = mock.http.get(f"/oauth2/authorize?{urlencode(query)}")
    assert_error_redirect(response, "invalid_request")


def test_client_without_the_code_grant(mock: Harness) -> None:
    device = "urn:ietf:params:oauth:grant-type:device_code"
    client = mock.register(grant_types=[device], response_types=[])
    assert_error_redirect(mock.authorize(client), "unauthorized_client")


def test_unknown_scopes_are_ignored(mock: Harness) -> None:
    # developers#1238: the real server does not validate scope values; defaults are granted.
    client = mock.register()
    tokens = mock.tokens(client, scope="bogus_nonexistent_scope 3")
    assert tokens["scope"] == "4 6 10 11"
    assert mock.tokens(client, scope="watchlist 10")["scope"] == "4 10"


def test_empty_parameters_count_as_absent(mock: Harness) -> None:
    # RFC 6749 §3.1: parameters sent without a value are treated as omitted.
    client = mock.register()
    params = location_params(mock.authorize(client, code_challenge="", code_challenge_method=""))
    assert mock.exchange(client, params["code"]).status_code == 200


def test_unknown_parameters_are_ignored(mock: Harness) -> None:
    # RFC 6749 §3.1: the server MUST ignore unrecognized request parameters.
    client = mock.register()
    params = location_params(mock.authorize(client, hello="world", nonce="n"))
    assert mock.exchange(client, params["code"]).status_code == 200


def test_missing_response_type_is_invalid_request(mock: Harness) -> None:
    client = mock.register()
    params = {"client_id": client.client_id, "redirect_uri": REDIRECT_URI, "state": "state-123"}
    assert_error_redirect(mock.http.get("/oauth2/authorize", params=params), "invalid_request")


def test_post_is_not_offered(mock: Harness) -> None:
    # RFC 6749 §3.1: GET is a MUST, POST a MAY; the documented endpoint is GET.
    client = mock.register()
    form = {"response_type": "code", "client_id": client.client_id, "redirect_uri": REDIRECT_URI}
    response = mock.post_form("/oauth2/authorize", form)
    assert response.status_code == 405
    assert "location" not in response.headers


@pytest.mark.parametrize(
    "suffix", ["/FAKEPATH/..", "%2FFAKEPATH%2F..", "/%2e%2e", "?code=planted", "/;/../"]
)
def test_encoded_redirect_uris_are_not_normalised(mock: Harness, suffix: str) -> None:
    # RFC 9700 §4.1.3: exact string matching, no decoding or dot-segment removal first.
    client = mock.register()
    query = urlencode({"response_type": "code", "client_id": client.client_id})
    response = mock.http.get(f"/oauth2/authorize?{query}&redirect_uri={REDIRECT_URI}{suffix}")
    assert_no_redirect(response)
