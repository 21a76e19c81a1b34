"""The token endpoint and revocation (checklist D–G; RFC 6749 §4.1.3, §5, §6; RFC 7009)."""

from __future__ import annotations

import base64
import hashlib
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest

from conformance.mock_server import Deviation, FakeClock, MockConfig
from conformance.mock_server.http import Incoming, OAuthProblem
from conformance.mock_server.rfc6749_token import token
from spec_reader import validator_for

from .harness import BASE_URL, FORM, Harness, MakeMock, basic_auth, location_params, pkce_pair

DESCRIPTION = re.compile(r"^[\x20\x21\x23-\x5b\x5d-\x7e]*$")  # RFC 6749 §5.2
ERRORS = {
    "invalid_request",
    "invalid_client",
    "invalid_grant",
    "unauthorized_client",
    "unsupported_grant_type",
    "invalid_scope",
}


def assert_token_error(response: httpx.Response, error: str, status: int = 400) -> dict[str, Any]:
    """RFC 6749 §5.2: status, JSON body with a known ``error``, and no caching."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["cache-control"] == "no-store"
    body: dict[str, Any] = response.json()
    assert body["error"] == error, body
    assert error in ERRORS
    assert DESCRIPTION.match(body["error_description"])
    assert "code" not in body  # never the data API envelope
    return body


def assert_invalid_client(response: httpx.Response, scheme: str) -> None:
    assert_token_error(response, "invalid_client", 401)
    assert response.headers["www-authenticate"].startswith(f'{scheme} realm="')


def api_code(mock: Harness, token: str) -> int:
    code: int = mock.api(token=token).json()["code"]
    return code


@pytest.mark.parametrize("method", [None, "client_secret_post", "client_secret_basic"])
def test_code_flow_issues_bearer_tokens(mock: Harness, method: str | None) -> None:
    client = mock.register(method)
    pkce = pkce_pair()
    response = mock.exchange(client, mock.code(client, pkce), pkce)
    assert response.status_code == 200, response.text
    # RFC 6749 §5.1: no caching; plain JSON, never the envelope (checklist item 41).
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["pragma"] == "no-cache"
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"access_token", "token_type", "expires_in", "refresh_token", "scope"}
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 2_592_000
    assert body["scope"] == "4 6 10 11"
    assert body["access_token"] != body["refresh_token"]
    assert api_code(mock, body["access_token"]) == 0


def test_token_prefix(make_mock: MakeMock) -> None:
    # docs/longbridge-api.md §2.6: US-DC credentials carry a "us_" prefix.
    mock = make_mock(MockConfig(token_prefix="us_"))
    client = mock.register()
    code = mock.code(client)
    assert code.startswith("us_")
    body = mock.exchange(client, code).json()
    assert body["access_token"].startswith("us_")
    assert body["refresh_token"].startswith("us_")


def test_no_refresh_token_without_the_refresh_grant(mock: Harness) -> None:
    client = mock.register(grant_types=["authorization_code"])
    body = mock.exchange(client, mock.code(client)).json()
    assert "refresh_token" not in body
    assert_token_error(mock.refresh(client, "anything"), "unauthorized_client")


def test_code_is_single_use_and_reuse_revokes_its_tokens(mock: Harness) -> None:
    client = mock.register()
    other = mock.tokens(client)  # another grant of the same client
    pkce = pkce_pair()
    code = mock.code(client, pkce)
    first = mock.exchange(client, code, pkce).json()
    refreshed = mock.refresh(client, first["refresh_token"]).json()

    assert_token_error(mock.exchange(client, code, pkce), "invalid_grant")
    # RFC 6749 §4.1.2, §10.5: every token descended from the code stops working.
    assert api_code(mock, first["access_token"]) == 401004
    assert api_code(mock, refreshed["access_token"]) == 401004
    assert_token_error(mock.refresh(client, refreshed["refresh_token"]), "invalid_grant")
    # Other grants are untouched.
    assert api_code(mock, other["access_token"]) == 0


def test_code_is_bound_to_its_client(mock: Harness) -> None:
    client, thief = mock.register(), mock.register()
    pkce = pkce_pair()
    code = mock.code(client, pkce)
    assert_token_error(mock.exchange(thief, code, pkce), "invalid_grant")


def test_code_is_bound_to_its_redirect_uri(mock: Harness) -> None:
    client = mock.register(redirect_uris=("https://app.example/callback", "https://app.example/b"))
    pkce = pkce_pair()
    code = mock.code(client, pkce)
    response = mock.exchange(client, code, pkce, redirect_uri="https://app.example/b")
    assert_token_error(response, "invalid_grant")
    missing = mock.token(client, {"grant_type": "authorization_code", "code": code})
    assert_token_error(missing, "invalid_request")


def test_loopback_redirect_uri_must_be_identical_at_the_token_endpoint(mock: Harness) -> None:
    # RFC 6749 §4.1.3: "identical" to the one of the authorization request, port included.
    client = mock.register(redirect_uris=("http://127.0.0.1:60355/callback",))
    pkce = pkce_pair()
    code = mock.code(client, pkce, redirect_uri="http://127.0.0.1:5000/callback")
    response = mock.exchange(client, code, pkce, redirect_uri="http://127.0.0.1:60355/callback")
    assert_token_error(response, "invalid_grant")


def test_code_is_bound_to_its_challenge(mock: Harness) -> None:
    client = mock.register()
    pkce = pkce_pair()
    wrong = pkce_pair().verifier
    for verifier in (wrong, "short", pkce.challenge, pkce.verifier + "x"):
        response = mock.exchange(client, mock.code(client, pkce), verifier=verifier)
        assert_token_error(response, "invalid_grant")  # RFC 7636 §4.6


def test_missing_verifier_for_a_pkce_code(mock: Harness) -> None:
    # Part 2, choice 2: invalid_grant.
    client = mock.register()
    assert_token_error(mock.exchange(client, mock.code(client, pkce_pair())), "invalid_grant")


def test_rfc7636_appendix_b_vector(mock: Harness) -> None:
    client = mock.register()
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    response = mock.authorize(client, code_challenge=challenge, code_challenge_method="S256")
    code = response.headers["location"].split("code=")[1].split("&")[0]
    assert mock.exchange(client, code, verifier=verifier).status_code == 200


def test_downgrade_is_refused(mock: Harness) -> None:
    # RFC 9700 §4.8.2: a verifier for a code issued without a challenge.
    client = mock.register()
    response = mock.exchange(client, mock.code(client), verifier=pkce_pair().verifier)
    assert_token_error(response, "invalid_grant")


@pytest.mark.parametrize(("seconds", "ok"), [(0, True), (599, True), (600, False), (3600, False)])
def test_codes_expire_after_ten_minutes(mock: Harness, seconds: float, ok: bool) -> None:
    client = mock.register()
    pkce = pkce_pair()
    code = mock.code(client, pkce)
    mock.clock.advance(seconds)
    response = mock.exchange(client, code, pkce)
    if ok:
        assert response.status_code == 200
    else:
        assert_token_error(response, "invalid_grant")


def test_refresh_rotates(mock: Harness) -> None:
    client = mock.register()
    first = mock.tokens(client)
    response = mock.refresh(client, first["refresh_token"])
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    second = response.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    assert api_code(mock, second["access_token"]) == 0
    # Part 2, choice 11: the previous access token may stay valid until it expires.
    assert api_code(mock, first["access_token"]) == 0
    third = mock.refresh(client, second["refresh_token"]).json()
    assert api_code(mock, third["access_token"]) == 0


def test_reuse_of_a_superseded_refresh_token_revokes_the_family(mock: Harness) -> None:
    client = mock.register()
    first = mock.tokens(client)
    bystander = mock.tokens(client)
    second = mock.refresh(client, first["refresh_token"]).json()

    assert_token_error(mock.refresh(client, first["refresh_token"]), "invalid_grant")
    # RFC 9700 §4.14.2: the current refresh and access tokens stop working too.
    assert_token_error(mock.refresh(client, second["refresh_token"]), "invalid_grant")
    assert api_code(mock, second["access_token"]) == 401004
    assert api_code(mock, first["access_token"]) == 401004
    assert api_code(mock, bystander["access_token"]) == 0
    assert mock.refresh(client, bystander["refresh_token"]).status_code == 200


def test_refresh_token_is_bound_to_its_client(mock: Harness) -> None:
    client, thief = mock.register(), mock.register()
    tokens = mock.tokens(client)
    assert_token_error(mock.refresh(thief, tokens["refresh_token"]), "invalid_grant")
    # The failed attempt neither rotated nor revoked it.
    assert mock.refresh(client, tokens["refresh_token"]).status_code == 200


def test_refresh_may_narrow_the_scope(mock: Harness) -> None:
    client = mock.register()
    tokens = mock.tokens(client, scope="4 6")
    narrowed = mock.refresh(client, tokens["refresh_token"], scope="6").json()
    assert narrowed["scope"] == "6"
    assert mock.security_list(narrowed["access_token"]).json()["code"] == 403308
    # The family keeps its original grant: a later refresh may ask for all of it again.
    widened = mock.refresh(client, narrowed["refresh_token"], scope="4 6").json()
    assert mock.security_list(widened["access_token"]).json()["code"] == 0


@pytest.mark.parametrize("scope", ["10", "4 11", "bogus"])
def test_refresh_cannot_widen_the_scope(mock: Harness, scope: str) -> None:
    client = mock.register()
    tokens = mock.tokens(client, scope="4 6")
    assert_token_error(mock.refresh(client, tokens["refresh_token"], scope=scope), "invalid_scope")


def test_expired_access_token_can_be_refreshed(mock: Harness) -> None:
    client = mock.register()
    tokens = mock.tokens(client)
    mock.clock.advance(2_592_000)
    assert api_code(mock, tokens["access_token"]) == 401003
    fresh = mock.refresh(client, tokens["refresh_token"]).json()
    assert api_code(mock, fresh["access_token"]) == 0


def test_refresh_tokens_expire(mock: Harness) -> None:
    client = mock.register()
    tokens = mock.tokens(client)
    mock.clock.advance(90 * 86_400)
    assert_token_error(mock.refresh(client, tokens["refresh_token"]), "invalid_grant")


def test_unknown_refresh_token(mock: Harness) -> None:
    assert_token_error(mock.refresh(mock.register(), "not-a-token"), "invalid_grant")


def post_token(mock: Harness, form: dict[str, str], **headers: str) -> httpx.Response:
    return mock.post_form("/oauth2/token", form, headers)


@pytest.mark.parametrize(
    ("form", "error"),
    [
        ({}, "invalid_request"),
        ({"code": "x"}, "invalid_request"),
        ({"grant_type": "password", "username": "u", "password": "p"}, "unsupported_grant_type"),
        ({"grant_type": "client_credentials"}, "unsupported_grant_type"),
        ({"grant_type": "implicit"}, "unsupported_grant_type"),
        ({"grant_type": "AUTHORIZATION_CODE"}, "unsupported_grant_type"),
        ({"grant_type": "authorization_code"}, "invalid_request"),  # no client_id
    ],
)
def test_request_errors(mock: Harness, form: dict[str, str], error: str) -> None:
    assert_token_error(post_token(mock, form), error)


def test_missing_grant_parameters(mock: Harness) -> None:
    client = mock.register()
    for form in (
        {"grant_type": "authorization_code", "redirect_uri": client.redirect_uri},
        {"grant_type": "refresh_token"},
        {"grant_type": "urn:ietf:params:oauth:grant-type:device_code"},
    ):
        body = assert_token_error(mock.token(client, form), "invalid_request")
        assert "missing" in body["error_description"]


def test_unknown_client(mock: Harness) -> None:
    form = {"grant_type": "authorization_code", "code": "c", "redirect_uri": "x"}
    assert_invalid_client(post_token(mock, {**form, "client_id": "nobody"}), "Bearer")
    assert_invalid_client(post_token(mock, form, Authorization=basic_auth("nobody", "pw")), "Basic")


@pytest.mark.parametrize("method", ["client_secret_post", "client_secret_basic"])
def test_confidential_client_authentication(mock: Harness, method: str) -> None:
    client = mock.register(method)
    code = mock.code(client)
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": client.redirect_uri}
    secret = client.client_secret
    assert secret is not None
    scheme = "Basic" if method == "client_secret_basic" else "Bearer"
    if method == "client_secret_basic":
        wrong = post_token(mock, form, Authorization=basic_auth(client.client_id, secret + "x"))
    else:
        wrong = post_token(
            mock, {**form, "client_id": client.client_id, "client_secret": secret + "x"}
        )
    assert_invalid_client(wrong, scheme)
    # No secret at all.
    assert_invalid_client(post_token(mock, {**form, "client_id": client.client_id}), "Bearer")
    # Either method authenticates a confidential client (RFC 6749 §2.3.1).
    assert post_token(mock, form, Authorization=basic_auth(client.client_id, secret)).is_success
    code = mock.code(client)
    post = {**form, "code": code, "client_id": client.client_id, "client_secret": secret}
    assert post_token(mock, post).status_code == 200


def test_public_client_must_not_send_a_secret(mock: Harness) -> None:
    client = mock.register()
    code = mock.code(client)
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": client.redirect_uri,
        "client_id": client.client_id,
        "client_secret": "guess",
    }
    assert_invalid_client(post_token(mock, form), "Bearer")


def test_two_authentication_methods_at_once(mock: Harness) -> None:
    client = mock.register("client_secret_basic")
    secret = client.client_secret
    assert secret is not None
    form = {
        "grant_type": "authorization_code",
        "code": mock.code(client),
        "redirect_uri": client.redirect_uri,
        "client_secret": secret,
    }
    response = post_token(mock, form, Authorization=basic_auth(client.client_id, secret))
    assert_token_error(response, "invalid_request")  # RFC 6749 §2.3


def test_basic_client_id_must_match_the_form(mock: Harness) -> None:
    client = mock.register("client_secret_basic")
    assert client.client_secret is not None
    form = {
        "grant_type": "authorization_code",
        "code": mock.code(client),
        "redirect_uri": client.redirect_uri,
        "client_id": mock.register().client_id,
    }
    auth = basic_auth(client.client_id, client.client_secret)
    assert_token_error(post_token(mock, form, Authorization=auth), "invalid_request")


@pytest.mark.parametrize(
    "header", ["Basic !!!", "Basic bm9jb2xvbg==", "Basic /w==", "Basic " + "x" * 3]
)
def test_malformed_basic_credentials(mock: Harness, header: str) -> None:
    form = {"grant_type": "refresh_token", "refresh_token": "r"}
    assert_invalid_client(post_token(mock, form, Authorization=header), "Basic")


def test_basic_credentials_are_form_decoded(mock: Harness) -> None:
    # RFC 6749 §2.3.1: id and secret are form-urlencoded before Basic encoding, so the server
    # decodes them: "%2D" is "-", and "%5F" is "_".
    client = mock.register("client_secret_basic")
    assert client.client_secret is not None
    tokens = mock.tokens(client)
    escaped_id = client.client_id.replace("-", "%2D")
    escaped_secret = "".join("%5F" if c == "_" else c for c in client.client_secret)
    pair = f"{escaped_id}:{escaped_secret}".encode()
    refresh = {"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]}
    response = post_token(mock, refresh, Authorization="Basic " + base64.b64encode(pair).decode())
    assert response.status_code == 200, response.text
    # The escapes are decoded, not ignored: a wrong escape fails.
    wrong = f"{escaped_id}:{client.client_secret}%41".encode()
    response = post_token(mock, refresh, Authorization="Basic " + base64.b64encode(wrong).decode())
    assert_invalid_client(response, "Basic")


def test_token_requests_are_counted(mock: Harness) -> None:
    client = mock.register()
    mock.tokens(client)
    post_token(mock, {})
    assert mock.http.get("/_mock/stats").json()["token_requests"] == 2


# Revocation (RFC 7009)


def test_revoke_unknown_token_is_200(mock: Harness) -> None:
    response = mock.revoke(mock.register(), "never-issued")
    assert response.status_code == 200  # §2.2
    assert response.headers["cache-control"] == "no-store"
    assert response.content == b""


def test_revoke_access_token(mock: Harness) -> None:
    client = mock.register()
    tokens = mock.tokens(client)
    assert mock.revoke(client, tokens["access_token"], token_type_hint="access_token").is_success
    assert api_code(mock, tokens["access_token"]) == 401004
    # Revoking an access token leaves its refresh token alone.
    fresh = mock.refresh(client, tokens["refresh_token"]).json()
    assert api_code(mock, fresh["access_token"]) == 0
    # Revoking twice is still 200.
    assert mock.revoke(client, tokens["access_token"]).status_code == 200


@pytest.mark.parametrize("hint", [None, "refresh_token", "access_token"])
def test_revoke_refresh_token_kills_its_access_tokens(mock: Harness, hint: str | None) -> None:
    client = mock.register()
    tokens = mock.tokens(client)
    rotated = mock.refresh(client, tokens["refresh_token"]).json()
    extra = {} if hint is None else {"token_type_hint": hint}
    assert mock.revoke(client, rotated["refresh_token"], **extra).status_code == 200
    assert_token_error(mock.refresh(client, rotated["refresh_token"]), "invalid_grant")
    assert api_code(mock, rotated["access_token"]) == 401004
    assert api_code(mock, tokens["access_token"]) == 401004


def test_an_empty_token_type_hint_is_no_hint_and_the_spec_says_so(mock: Harness) -> None:
    """RFC 6749 §3.2: a parameter with an empty value is as if omitted; RFC 7009 §2.1 uses it.

    The spec accepts the request the mock accepts, so schemathesis's negative-data check cannot
    take ``token_type_hint=`` for a malformed request answered 200 (ST201).
    """
    client = mock.register()
    tokens = mock.tokens(client)
    form = {"token": tokens["refresh_token"], "token_type_hint": "", "client_id": client.client_id}
    validator_for({"$ref": "#/components/schemas/RevocationRequest"}).validate(form)
    assert mock.revoke(client, tokens["refresh_token"], token_type_hint="").status_code == 200
    assert_token_error(mock.refresh(client, tokens["refresh_token"]), "invalid_grant")


def test_revoke_another_clients_token_does_nothing(mock: Harness) -> None:
    owner, other = mock.register(), mock.register()
    tokens = mock.tokens(owner)
    assert mock.revoke(other, tokens["access_token"]).status_code == 200
    assert mock.revoke(other, tokens["refresh_token"]).status_code == 200
    assert api_code(mock, tokens["access_token"]) == 0
    assert mock.refresh(owner, tokens["refresh_token"]).status_code == 200


def test_revoke_errors(mock: Harness) -> None:
    client = mock.register("client_secret_post")
    tokens = mock.tokens(client)
    assert_token_error(mock.revoke(client, ""), "invalid_request")  # token missing
    bad_hint = mock.revoke(client, tokens["access_token"], token_type_hint="id_token")
    assert_token_error(bad_hint, "invalid_request")
    wrong_secret = mock.post_form(
        "/oauth2/revoke",
        {"token": tokens["access_token"], "client_id": client.client_id, "client_secret": "x"},
    )
    assert_invalid_client(wrong_secret, "Bearer")
    assert api_code(mock, tokens["access_token"]) == 0


@pytest.mark.parametrize("authorization", [None, "Bearer some-access-token"])
def test_revoke_without_client_authentication_is_invalid_client(
    mock: Harness, authorization: str | None
) -> None:
    # RFC 7009 §2.2.1 -> RFC 6749 §5.2: "no client authentication included". An access token in
    # the Authorization header is not client authentication (schemathesis found the 400).
    tokens = mock.tokens(mock.register())
    headers = {} if authorization is None else {"Authorization": authorization}
    response = mock.post_form("/oauth2/revoke", {"token": tokens["access_token"]}, headers)
    assert_invalid_client(response, "Basic")
    assert api_code(mock, tokens["access_token"]) == 0


# Token requests: PKCE verifiers, client identification, parameters (RFC 6749 §2.3.1, §3.2).


def _exchange_form(mock: Harness, client_id: str | None = None) -> dict[str, str]:
    client = mock.register()
    pkce = pkce_pair()
    form = {
        "grant_type": "authorization_code",
        "code": mock.code(client, pkce),
        "redirect_uri": client.redirect_uri,
        "code_verifier": pkce.verifier,
    }
    return {**form, "client_id": client_id or client.client_id}


@pytest.mark.parametrize("verifier", ["abc", "a" * 42])
def test_a_short_verifier_is_invalid_grant_even_when_it_matches(
    mock: Harness, verifier: str
) -> None:
    # RFC 7636 §4.1: 43 to 128 characters.
    client = mock.register()
    digest = hashlib.sha256(verifier.encode()).digest()
    challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    response = mock.authorize(client, code_challenge=challenge, code_challenge_method="S256")
    code = location_params(response)["code"]
    assert_token_error(mock.exchange(client, code, verifier=verifier), "invalid_grant")


def test_the_challenge_is_no_verifier(mock: Harness) -> None:
    client = mock.register()
    pkce = pkce_pair()
    code = mock.code(client, pkce)
    assert_token_error(mock.exchange(client, code, verifier=pkce.challenge), "invalid_grant")


def test_a_public_client_must_send_its_client_id(mock: Harness) -> None:
    form = _exchange_form(mock)
    del form["client_id"]
    assert_token_error(mock.post_form("/oauth2/token", form), "invalid_request")


def test_credentials_in_the_query_are_not_read(mock: Harness) -> None:
    client = mock.register("client_secret_basic")
    pkce = pkce_pair()
    form = {
        "grant_type": "authorization_code",
        "code": mock.code(client, pkce),
        "redirect_uri": client.redirect_uri,
        "code_verifier": pkce.verifier,
    }
    query = f"client_id={client.client_id}&client_secret={client.client_secret}"
    assert_token_error(mock.post_form(f"/oauth2/token?{query}", form), "invalid_request")


def test_a_repeated_parameter_is_invalid_request_and_an_unknown_one_ignored(mock: Harness) -> None:
    form = _exchange_form(mock)
    content = f"{urlencode(form)}&code={form['code']}"
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    repeated = mock.http.post("/oauth2/token", content=content, headers=headers)
    assert_token_error(repeated, "invalid_request")
    unknown = mock.post_form("/oauth2/token", {**form, "conformance_extension": "x"})
    assert unknown.status_code == 200, unknown.text


def test_a_confidential_clients_refresh_needs_its_secret(mock: Harness) -> None:
    client = mock.register("client_secret_basic")
    refresh_token = mock.tokens(client)["refresh_token"]
    form = {"grant_type": "refresh_token", "refresh_token": refresh_token}
    assert_token_error(mock.post_form("/oauth2/token", form), "invalid_request")
    with_id = mock.post_form("/oauth2/token", {**form, "client_id": client.client_id})
    assert_token_error(with_id, "invalid_client", 401)


class _SlowClock(FakeClock):
    """A clock that takes its time: it is read between "not used yet" and "used" (the expiry
    check), which opens that window wide for redemptions running on threads."""

    def now(self) -> float:
        time.sleep(0.02)
        return super().now()


def _redeem_in_parallel(mock: Harness, form: dict[str, str], client_id: str) -> list[int]:
    """The token core itself, called from 5 threads at once (as workers of a server would)."""
    request = Incoming(
        method="POST",
        path="/oauth2/token",
        query_string="",
        headers={"content-type": FORM},
        body=urlencode({**form, "client_id": client_id}).encode(),
        base_url=BASE_URL,
    )
    ctx = mock.server.ctx
    ctx.clock = _SlowClock(ctx.clock.now())
    barrier = threading.Barrier(5)

    def one(_: int) -> int:
        barrier.wait(timeout=10)
        try:
            return token(ctx, request).status
        except OAuthProblem as problem:
            return problem.status

    with ThreadPoolExecutor(max_workers=5) as pool:
        return list(pool.map(one, range(5)))


@pytest.mark.parametrize("grant", ["authorization_code", "refresh_token"])
def test_parallel_redemptions_on_threads_succeed_once(make_mock: MakeMock, grant: str) -> None:
    # RFC 6749 §4.1.2 (a code is used once), RFC 9700 §4.14.2 (so is a rotated refresh token):
    # atomic under State.redemption_lock even when the core runs on several threads.
    def statuses(mock: Harness) -> list[int]:
        client = mock.register()
        pkce = pkce_pair()
        code = mock.code(client, pkce)
        if grant == "authorization_code":
            form = {"grant_type": grant, "code": code, "redirect_uri": client.redirect_uri}
            form["code_verifier"] = pkce.verifier
        else:
            refresh_token = mock.exchange(client, code, pkce).json()["refresh_token"]
            form = {"grant_type": grant, "refresh_token": refresh_token}
        return _redeem_in_parallel(mock, form, client.client_id)

    assert sorted(statuses(make_mock())) == [200, 400, 400, 400, 400]
    # Without the lock (the racy variant) the same calls redeem more than once.
    racy = make_mock(MockConfig(deviations=frozenset({Deviation.RACY_REDEMPTION})))
    assert statuses(racy).count(200) > 1
