"""Each named deviation really breaks its rule, and the correct server really keeps it.

A scenario drives a server and answers "did the broken behaviour happen?". It must answer False
on the default server and True with the deviation on, so each conformance check built on a
deviation can be shown to fail.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import hashlib
import socket
import ssl
import threading
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx
import pytest

from conformance.entropy import MUST_BITS, estimate_entropy
from conformance.mock_server import Deviation, MockConfig, OffsetClock, create_app
from conformance.mock_server.serve import Running, run_in_thread

from .harness import (
    BASE_URL,
    REDIRECT_URI,
    Client,
    Harness,
    MakeMock,
    basic_auth,
    location_params,
    pkce_pair,
)

Scenario = Callable[[Harness], bool]
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"


def skip_pkce_check(mock: Harness) -> bool:
    client = mock.register()
    code = mock.code(client, pkce_pair())
    return mock.exchange(client, code, verifier=pkce_pair().verifier).status_code == 200


def allow_plain_pkce(mock: Harness) -> bool:
    client = mock.register()
    verifier = pkce_pair().verifier
    response = mock.authorize(client, code_challenge=verifier, code_challenge_method="plain")
    params = location_params(response)
    if "code" not in params:
        return False
    return mock.exchange(client, params["code"], verifier=verifier).status_code == 200


def unadvertised_plain_pkce(mock: Harness) -> bool:
    offered = mock.http.get(META).json().get("code_challenge_methods_supported")
    return offered == ["S256"] and allow_plain_pkce(mock)


def no_downgrade_defence(mock: Harness) -> bool:
    client = mock.register()
    code = mock.code(client)  # no challenge
    return mock.exchange(client, code, verifier=pkce_pair().verifier).status_code == 200


def allow_code_reuse(mock: Harness) -> bool:
    client = mock.register()
    code = mock.code(client)
    assert mock.exchange(client, code).status_code == 200
    return mock.exchange(client, code).status_code == 200


def no_reuse_revocation(mock: Harness) -> bool:
    client = mock.register()
    code = mock.code(client)
    tokens = mock.exchange(client, code).json()
    assert mock.exchange(client, code).json()["error"] == "invalid_grant"
    return bool(mock.api(token=tokens["access_token"]).status_code == 200)


def code_not_bound_to_client(mock: Harness) -> bool:
    client, thief = mock.register(), mock.register()
    return mock.exchange(thief, mock.code(client)).status_code == 200


def ignore_redirect_uri(mock: Harness) -> bool:
    client = mock.register(redirect_uris=(REDIRECT_URI, "https://app.example/other"))
    code = mock.code(client)
    response = mock.exchange(client, code, redirect_uri="https://app.example/other")
    return response.status_code == 200


def open_redirect(mock: Harness) -> bool:
    response = mock.authorize(mock.register(), redirect_uri="https://evil.example/steal")
    location: str = response.headers.get("location", "")
    return location.startswith("https://evil.example/steal?")


def accept_expired_codes(mock: Harness) -> bool:
    client = mock.register()
    code = mock.code(client)
    mock.clock.advance(601)
    return mock.exchange(client, code).status_code == 200


def drop_state(mock: Harness) -> bool:
    return "state" not in location_params(mock.authorize(mock.register()))


def keep_superseded_refresh_tokens(mock: Harness) -> bool:
    client = mock.register()
    tokens = mock.tokens(client)
    assert mock.refresh(client, tokens["refresh_token"]).status_code == 200
    return mock.refresh(client, tokens["refresh_token"]).status_code == 200


def no_family_revocation(mock: Harness) -> bool:
    client = mock.register()
    tokens = mock.tokens(client)
    current = mock.refresh(client, tokens["refresh_token"]).json()
    assert mock.refresh(client, tokens["refresh_token"]).status_code == 400
    still_refreshes = mock.refresh(client, current["refresh_token"]).status_code == 200
    return still_refreshes and mock.api(token=current["access_token"]).status_code == 200


def refresh_not_bound_to_client(mock: Harness) -> bool:
    client, thief = mock.register(), mock.register()
    tokens = mock.tokens(client)
    return mock.refresh(thief, tokens["refresh_token"]).status_code == 200


def accept_any_bearer(mock: Harness) -> bool:
    response = mock.security_list("made-up-token")
    return response.status_code == 200 and response.json()["data"] is not None


def ignore_token_expiry(mock: Harness) -> bool:
    token = mock.tokens(mock.register())["access_token"]
    mock.clock.advance(2_592_000 + 1)
    return mock.api(token=token).status_code == 200


def ignore_revocation(mock: Harness) -> bool:
    client = mock.register()
    tokens = mock.tokens(client)
    assert mock.revoke(client, tokens["refresh_token"]).status_code == 200
    return mock.api(token=tokens["access_token"]).status_code == 200


def omit_no_store(mock: Harness) -> bool:
    client = mock.register()
    code = mock.code(client)
    ok = mock.exchange(client, code)
    error = mock.exchange(client, code)
    return "no-store" not in ok.headers.get("cache-control", "") and "no-store" not in (
        error.headers.get("cache-control", "")
    )


def issuer_mismatch(mock: Harness) -> bool:
    metadata = mock.http.get("/.well-known/oauth-authorization-server").json()
    iss = location_params(mock.authorize(mock.register()))["iss"]
    return bool(metadata["issuer"] != BASE_URL and iss != BASE_URL)


def envelope_ok_on_error(mock: Harness) -> bool:
    response = mock.api()
    return response.status_code == 401 and response.json()["code"] == 0


def no_trace_id(mock: Harness) -> bool:
    responses = [mock.api(), mock.http.get("/.well-known/oauth-authorization-server")]
    return all("x-trace-id" not in r.headers for r in responses)


def no_www_authenticate(mock: Harness) -> bool:
    responses = [mock.api(), mock.api(token="bogus")]
    unauthorized = [r for r in responses if r.status_code == 401]
    return bool(unauthorized) and all("www-authenticate" not in r.headers for r in unauthorized)


def ignore_scope(mock: Harness) -> bool:
    token = mock.tokens(mock.register(), scope="6")["access_token"]
    return mock.security_list(token).status_code == 200


def _all_scopes(mock: Harness) -> str:
    token: str = mock.tokens(mock.register(), scope="4 6 10 11")["access_token"]
    return token


def decimals_as_numbers(mock: Harness) -> bool:
    response = mock.api("/v1/risk/margin-ratio", _all_scopes(mock), params={"symbol": "700.HK"})
    return any(isinstance(v, float) for v in response.json()["data"].values())


def skip_input_validation(mock: Harness) -> bool:
    # A page size outside the spec's 1..10000 is refused with 400 unless validation is off.
    now = int(mock.clock.now())
    window = {"start_time": str(now - 86_400), "end_time": str(now), "size": "0"}
    response = mock.api("/v1/asset/cashflow", _all_scopes(mock), params=window)
    return response.status_code != 400


def paging_ignores_page(mock: Harness) -> bool:
    token = _all_scopes(mock)
    now = int(mock.clock.now())
    window = {"start_time": str(now - 90 * 86_400), "end_time": str(now), "size": "5"}
    pages = [
        mock.api("/v1/asset/cashflow", token, params={**window, "page": page}).json()["data"]
        for page in ("1", "2")
    ]
    return bool(pages[0]["list"]) and pages[0] == pages[1]


def writes_not_persisted(mock: Harness) -> bool:
    token = _all_scopes(mock)
    auth = {"Authorization": f"Bearer {token}"}
    created = mock.http.post(
        "/v1/watchlist/groups", json={"name": "persist", "securities": ["700.HK"]}, headers=auth
    )
    assert created.status_code == 200, created.text
    group_id = created.json()["data"]["id"]
    groups = mock.api("/v1/watchlist/groups", token).json()["data"]["groups"]
    return group_id not in [g["id"] for g in groups]


def ignore_client_request_id(mock: Harness) -> bool:
    auth = {"Authorization": f"Bearer {_all_scopes(mock)}"}
    order = {
        "symbol": "AAPL.US",
        "order_type": "LO",
        "side": "Buy",
        "submitted_quantity": "1",
        "submitted_price": "180.00",
        "time_in_force": "Day",
        "client_request_id": "deviation-test-1",
    }
    ids: list[str] = []
    for _ in range(2):
        response = mock.http.post("/v1/trade/order", json=order, headers=auth)
        assert response.status_code == 200, response.text
        ids.append(response.json()["data"]["order_id"])
    return ids[0] != ids[1]


def skip_signature_check(mock: Harness) -> bool:
    app = mock.legacy_app()
    bogus = "HMAC-SHA256 SignedHeaders=authorization;x-api-key;x-timestamp, Signature=" + "0" * 64
    return mock.legacy_get(app, signature=bogus).status_code == 200


def allow_replay(mock: Harness) -> bool:
    app = mock.legacy_app()
    assert mock.legacy_get(app, timestamp="1767225600").status_code == 200
    return mock.legacy_get(app, timestamp="1767225600").status_code == 200


def secret_for_public_clients(mock: Harness) -> bool:
    return "client_secret" in mock.register().registration


def lax_redirect_uris(mock: Harness) -> bool:
    response = mock.http.post(
        "/oauth2/register", json={"redirect_uris": ["http://app.example/cb#fragment"]}
    )
    return response.status_code == 201


def registration_200(mock: Harness) -> bool:
    response = mock.http.post("/oauth2/register", json={"redirect_uris": [REDIRECT_URI]})
    return response.status_code == 200


def no_slow_down(mock: Harness) -> bool:
    client = mock.register()
    body, headers = client.authenticated({})
    code = mock.post_form("/oauth2/device/authorize", body, headers).json()["device_code"]
    poll = {"grant_type": DEVICE_GRANT, "device_code": code}
    errors = [mock.token(client, poll).json()["error"] for _ in range(3)]
    return "slow_down" not in errors


def pkce_on_refresh(mock: Harness) -> bool:
    client = mock.register()
    tokens = mock.tokens(client)
    return mock.refresh(client, tokens["refresh_token"]).status_code != 200


def widen_scope_on_refresh(mock: Harness) -> bool:
    client = mock.register()
    tokens = mock.tokens(client, scope="4")
    return mock.refresh(client, tokens["refresh_token"], scope="4 11").status_code == 200


def no_rotation(mock: Harness) -> bool:
    client = mock.register()
    tokens = mock.tokens(client)
    return "refresh_token" not in mock.refresh(client, tokens["refresh_token"]).json()


def revoke_unknown_token_error(mock: Harness) -> bool:
    return mock.revoke(mock.register(), "no-such-token").status_code != 200


def _device_start(mock: Harness, client: Client) -> dict[str, Any]:
    body, headers = client.authenticated({})
    start: dict[str, Any] = mock.post_form("/oauth2/device/authorize", body, headers).json()
    return start


def _device_poll(mock: Harness, client: Client, device_code: str) -> httpx.Response:
    return mock.token(client, {"grant_type": DEVICE_GRANT, "device_code": device_code})


def device_response_incomplete(mock: Harness) -> bool:
    return "verification_uri" not in _device_start(mock, mock.register())


def device_auto_approve(mock: Harness) -> bool:
    client = mock.register()
    return _device_poll(mock, client, _device_start(mock, client)["device_code"]).status_code == 200


def accept_expired_device_codes(mock: Harness) -> bool:
    client = mock.register()
    code = _device_start(mock, client)["device_code"]
    mock.clock.advance(3600)
    return _device_poll(mock, client, code).status_code == 200


def device_code_reuse(mock: Harness) -> bool:
    client = mock.register()
    code = _device_start(mock, client)["device_code"]
    mock.clock.advance(60)
    assert _device_poll(mock, client, code).status_code == 200
    mock.clock.advance(60)
    return _device_poll(mock, client, code).status_code == 200


def case_sensitive_bearer(mock: Harness) -> bool:
    token = mock.tokens(mock.register())["access_token"]
    response = mock.http.get("/v1/socket/token", headers={"Authorization": f"bearer {token}"})
    return response.status_code == 401


def accept_query_token(mock: Harness) -> bool:
    token = mock.tokens(mock.register())["access_token"]
    return mock.http.get("/v1/socket/token", params={"access_token": token}).status_code == 200


def lax_code_challenge(mock: Harness) -> bool:
    client = mock.register()
    response = mock.authorize(client, code_challenge="short", code_challenge_method="S256")
    return "code" in location_params(response)


def padded_s256(mock: Harness) -> bool:
    client = mock.register()
    pair = pkce_pair()
    return mock.exchange(client, mock.code(client, pair), verifier=pair.verifier).status_code != 200


META = "/.well-known/oauth-authorization-server"


def metadata_not_json(mock: Harness) -> bool:
    return not mock.http.get(META).headers["content-type"].startswith("application/json")


def sparse_metadata(mock: Harness) -> bool:
    return "code_challenge_methods_supported" not in mock.http.get(META).json()


def omit_registered_metadata(mock: Harness) -> bool:
    return "grant_types" not in mock.register().registration


def lax_client_metadata(mock: Harness) -> bool:
    body = {"redirect_uris": [REDIRECT_URI], "grant_types": ["refresh_token"]}
    return mock.http.post("/oauth2/register", json=body).status_code == 201


def any_response_type(mock: Harness) -> bool:
    response = mock.authorize(mock.register(), response_type="token")
    return "code" in location_params(response)


def allow_repeated_parameters(mock: Harness) -> bool:
    client = mock.register()
    query = f"response_type=code&client_id={client.client_id}&redirect_uri={REDIRECT_URI}"
    response = mock.http.get(f"/oauth2/authorize?{query}&state=a&state=b")
    return "code" in location_params(response)


def token_accepts_json(mock: Harness) -> bool:
    client = mock.register()
    form = {"grant_type": "authorization_code", "code": mock.code(client)}
    form |= {"redirect_uri": REDIRECT_URI, "client_id": client.client_id}
    return mock.http.post("/oauth2/token", json=form).status_code == 200


def missing_as_invalid_grant(mock: Harness) -> bool:
    client = mock.register()
    form = {"grant_type": "authorization_code", "redirect_uri": REDIRECT_URI}
    return bool(mock.token(client, form).json().get("error") == "invalid_grant")


def unknown_grant_invalid_request(mock: Harness) -> bool:
    response = mock.token(mock.register(), {"grant_type": "urn:example:none"})
    return bool(response.json().get("error") == "invalid_request")


def token_type_mac(mock: Harness) -> bool:
    return mock.tokens(mock.register()).get("token_type") == "mac"


def omit_expires_in(mock: Harness) -> bool:
    return "expires_in" not in mock.tokens(mock.register())


def enveloped_token_response(mock: Harness) -> bool:
    client = mock.register()
    return "data" in mock.exchange(client, mock.code(client)).json()


def invalid_client_400(mock: Harness) -> bool:
    client = mock.register(auth_method="client_secret_basic")
    headers = {"Authorization": basic_auth(client.client_id, "wrong")}
    form = {"grant_type": "authorization_code", "code": "x", "redirect_uri": REDIRECT_URI}
    return mock.post_form("/oauth2/token", form, headers).status_code == 400


def unsafe_error_description(mock: Harness) -> bool:
    response = mock.token(mock.register(), {"grant_type": "urn:example:none"})
    return '"' in response.json().get("error_description", "")


def no_core_metadata(mock: Harness) -> bool:
    body = mock.http.get("/.well-known/oauth-authorization-server").json()
    return "token_endpoint" not in body


def registration_requires_form(mock: Harness) -> bool:
    response = mock.http.post("/oauth2/register", data={"redirect_uris": REDIRECT_URI})
    return response.status_code in (200, 201)


def redirect_unknown_client(mock: Harness) -> bool:
    params = {"response_type": "code", "client_id": "nobody", "redirect_uri": REDIRECT_URI}
    return "location" in mock.http.get("/oauth2/authorize", params=params).headers


def accept_password_grant(mock: Harness) -> bool:
    client = mock.register()
    form = {"grant_type": "password", "username": "u", "password": "p"}
    return mock.token(client, form).status_code == 200


def weak_tokens(mock: Harness) -> bool:
    client = mock.register()
    tokens = [mock.exchange(client, mock.code(client)).json()["access_token"] for _ in range(8)]
    return estimate_entropy(tokens).bits < MUST_BITS


# Authorization endpoint requests (issue 18: checklist items 15, 16, 23, 80-86).
def unknown_scope_invalid_request(mock: Harness) -> bool:
    response = mock.authorize(mock.register(), scope="no-such-scope")
    return location_params(response).get("error") == "invalid_request"


def redirect_uri_query_ignored(mock: Harness) -> bool:
    response = mock.authorize(mock.register(), redirect_uri=f"{REDIRECT_URI}?code=planted")
    return "code=planted" in response.headers.get("location", "")


def normalised_redirect_uri(mock: Harness) -> bool:
    response = mock.authorize(mock.register(), redirect_uri=f"{REDIRECT_URI}/FAKEPATH/..")
    return "FAKEPATH" in response.headers.get("location", "")


def default_redirect_uri(mock: Harness) -> bool:
    client = mock.register(redirect_uris=(REDIRECT_URI, "https://app.example/other"))
    response = mock.http.get(
        "/oauth2/authorize", params={"response_type": "code", "client_id": client.client_id}
    )
    return "code" in urlsplit(response.headers.get("location", "")).query


def skip_consent(mock: Harness) -> bool:
    manual = Harness(dataclasses.replace(mock.server.config, consent="manual"))
    try:
        response = manual.authorize(manual.register())
        return response.status_code == 302 and "code" in location_params(response)
    finally:
        manual.close()


def post_authorize_unchecked(mock: Harness) -> bool:
    client = mock.register()
    form = {"response_type": "code", "client_id": client.client_id}
    response = mock.post_form("/oauth2/authorize", form | {"redirect_uri": "https://evil.example/"})
    location: str = response.headers.get("location", "")
    return location.startswith("https://evil.example/?")


def refuse_unknown_authorize_parameters(mock: Harness) -> bool:
    response = mock.authorize(mock.register(), hello="world")
    return location_params(response).get("error") == "invalid_request"


def default_response_type(mock: Harness) -> bool:
    client = mock.register()
    params = {"client_id": client.client_id, "redirect_uri": REDIRECT_URI, "state": "s"}
    return "code" in location_params(mock.http.get("/oauth2/authorize", params=params))


def code_in_fragment(mock: Harness) -> bool:
    location = mock.authorize(mock.register()).headers.get("location", "")
    return "code=" in urlsplit(location).fragment


# The TLS deviations act on the socket, not on the app: their scenarios serve the harness's
# config over https on loopback (the in-memory client never sees TLS).
def _over_tls(mock: Harness) -> contextlib.AbstractContextManager[Running]:
    config = dataclasses.replace(mock.server.config, tls=True)
    return run_in_thread(create_app(config, OffsetClock()))


def _handshake(running: Running, context: ssl.SSLContext) -> str | None:
    url = urlsplit(running.base_url)
    assert url.hostname is not None
    assert url.port is not None
    with (
        socket.create_connection((url.hostname, url.port), timeout=10) as raw,
        context.wrap_socket(raw, server_hostname=url.hostname) as tls,
    ):
        return tls.version()


def _legacy_client() -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        context.minimum_version = ssl.TLSVersion.TLSv1
        context.maximum_version = ssl.TLSVersion.TLSv1_1
    context.set_ciphers("DEFAULT:@SECLEVEL=0")
    return context


def tls_legacy_versions(mock: Harness) -> bool:
    with _over_tls(mock) as running:
        try:
            return _handshake(running, _legacy_client()) in ("TLSv1", "TLSv1.1")
        except ssl.SSLError:
            return False


def tls_legacy_only(mock: Harness) -> bool:
    modern = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    modern.check_hostname = False
    modern.verify_mode = ssl.CERT_NONE
    modern.minimum_version = ssl.TLSVersion.TLSv1_2
    with _over_tls(mock) as running:
        try:
            _handshake(running, modern)
        except ssl.SSLError:
            return True
        return False


def tls_wrong_host(mock: Harness) -> bool:
    with _over_tls(mock) as running:
        assert running.ca_file is not None
        try:
            _handshake(running, ssl.create_default_context(cafile=str(running.ca_file)))
        except ssl.SSLCertVerificationError:
            return True
        return False


def plain_http_too(mock: Harness) -> bool:
    with _over_tls(mock) as running:
        plain = running.base_url.replace("https://", "http://")
        try:
            return httpx.get(f"{plain}/.well-known/oauth-authorization-server").status_code == 200
        except httpx.HTTPError:
            return False


def _suite_client(ciphers: str) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    context.maximum_version = ssl.TLSVersion.TLSv1_2
    context.set_ciphers(f"{ciphers}:@SECLEVEL=0")
    return context


def _suite_accepted(mock: Harness, ciphers: str) -> bool:
    with _over_tls(mock) as running:
        try:
            return _handshake(running, _suite_client(ciphers)) is not None
        except ssl.SSLError:
            return False


def tls_null_ciphers(mock: Harness) -> bool:
    return _suite_accepted(mock, "eNULL")


def tls_static_rsa(mock: Harness) -> bool:
    return _suite_accepted(mock, "kRSA")


# Issue 18's header deviations, seen on the token response and the device verification page
# (an HTML page of the mock's, like the consent page of --consent manual).
def omit_pragma(mock: Harness) -> bool:
    client = mock.register()
    return "pragma" not in mock.exchange(client, mock.code(client)).headers


def _page_headers(mock: Harness) -> httpx.Headers:
    page = mock.http.get("/oauth2/device/verify")
    assert page.headers["content-type"].startswith("text/html")
    return page.headers


def no_anti_framing(mock: Harness) -> bool:
    headers = _page_headers(mock)
    return "x-frame-options" not in headers and "content-security-policy" not in headers


def no_referrer_policy(mock: Harness) -> bool:
    return "referrer-policy" not in _page_headers(mock)


def authorize_endpoint_fragment(mock: Harness) -> bool:
    body = mock.http.get("/.well-known/oauth-authorization-server").json()
    return "#" in body.get("authorization_endpoint", "")


def query_token_cacheable(mock: Harness) -> bool:
    client = mock.register()
    token = mock.exchange(client, mock.code(client)).json()["access_token"]
    r = mock.http.get("/v1/socket/token", params={"access_token": token})
    return r.status_code == 200 and "private" not in r.headers.get("cache-control", "")


# Revocation (RFC 7009 §2.1) and races at the token endpoint.


def revoke_without_client_auth(mock: Harness) -> bool:
    client = mock.register("client_secret_post")
    tokens = mock.tokens(client)
    form = {"token": tokens["refresh_token"], "client_id": client.client_id}
    mock.post_form("/oauth2/revoke", form)  # no secret
    return mock.refresh(client, tokens["refresh_token"]).status_code != 200


def revoke_other_clients_tokens(mock: Harness) -> bool:
    client, other = mock.register(), mock.register()
    tokens = mock.tokens(client)
    assert mock.revoke(other, tokens["refresh_token"]).status_code == 200
    return mock.refresh(client, tokens["refresh_token"]).status_code != 200


def racy_redemption(mock: Harness) -> bool:
    client = mock.register()
    pkce = pkce_pair()
    code = mock.code(client, pkce)
    barrier = threading.Barrier(3)

    def exchange(_: int) -> int:
        barrier.wait(timeout=10)
        return mock.exchange(client, code, pkce).status_code

    with ThreadPoolExecutor(max_workers=3) as pool:
        return list(pool.map(exchange, range(3))).count(200) > 1


TLS_DEVIATIONS = {
    Deviation.TLS_NULL_CIPHERS,
    Deviation.TLS_STATIC_RSA,
    Deviation.TLS_LEGACY_VERSIONS,
    Deviation.TLS_LEGACY_ONLY,
    Deviation.TLS_WRONG_HOST,
    Deviation.PLAIN_HTTP_TOO,
}

# Token and device endpoint requests: PKCE, client authentication, parameters.


def _exchange_form(mock: Harness, client: Client) -> dict[str, str]:
    pkce = pkce_pair()
    code = mock.code(client, pkce)
    return {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": client.redirect_uri,
        "code_verifier": pkce.verifier,
    }


def accept_short_verifiers(mock: Harness) -> bool:
    client = mock.register()
    verifier = "abc"  # RFC 7636 §4.1: at least 43 characters
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    response = mock.authorize(client, code_challenge=challenge, code_challenge_method="S256")
    code = location_params(response)["code"]
    return mock.exchange(client, code, verifier=verifier).status_code == 200


def plain_downgrade(mock: Harness) -> bool:
    client = mock.register()
    pkce = pkce_pair()
    code = mock.code(client, pkce)
    return mock.exchange(client, code, verifier=pkce.challenge).status_code == 200


def client_id_optional(mock: Harness) -> bool:
    form = _exchange_form(mock, mock.register())  # a public client, without its client_id
    return mock.post_form("/oauth2/token", form).status_code == 200


def credentials_in_query(mock: Harness) -> bool:
    client = mock.register("client_secret_basic")
    assert client.client_secret is not None
    query = urlencode({"client_id": client.client_id, "client_secret": client.client_secret})
    return mock.post_form(f"/oauth2/token?{query}", _exchange_form(mock, client)).status_code == 200


def no_basic_auth(mock: Harness) -> bool:
    client = mock.register("client_secret_basic")
    return mock.token(client, _exchange_form(mock, client)).status_code != 200


def secretless_confidential(mock: Harness) -> bool:
    client = mock.register("client_secret_post")
    form = {**_exchange_form(mock, client), "client_id": client.client_id}
    return mock.post_form("/oauth2/token", form).status_code == 200


def reuse_keeps_refresh(mock: Harness) -> bool:
    client = mock.register()
    form = _exchange_form(mock, client)
    tokens = mock.token(client, form).json()
    if mock.token(client, form).status_code == 200:
        return False  # reuse allowed: another deviation
    return mock.refresh(client, tokens["refresh_token"]).status_code == 200


def first_value_wins(mock: Harness) -> bool:
    client = mock.register()
    form = {**_exchange_form(mock, client), "client_id": client.client_id}
    content = f"{urlencode(form)}&{urlencode({'code': form['code']})}"
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    return mock.http.post("/oauth2/token", content=content, headers=headers).status_code == 200


def refuse_unknown_parameters(mock: Harness) -> bool:
    client = mock.register()
    form = {**_exchange_form(mock, client), "conformance_extension": "ignored"}
    return mock.token(client, form).status_code != 200


SCENARIOS: dict[Deviation, Scenario] = {
    Deviation.SKIP_PKCE_CHECK: skip_pkce_check,
    Deviation.ALLOW_PLAIN_PKCE: allow_plain_pkce,
    Deviation.UNADVERTISED_PLAIN_PKCE: unadvertised_plain_pkce,
    Deviation.NO_DOWNGRADE_DEFENCE: no_downgrade_defence,
    Deviation.ALLOW_CODE_REUSE: allow_code_reuse,
    Deviation.NO_REUSE_REVOCATION: no_reuse_revocation,
    Deviation.CODE_NOT_BOUND_TO_CLIENT: code_not_bound_to_client,
    Deviation.IGNORE_REDIRECT_URI: ignore_redirect_uri,
    Deviation.OPEN_REDIRECT: open_redirect,
    Deviation.ACCEPT_EXPIRED_CODES: accept_expired_codes,
    Deviation.DROP_STATE: drop_state,
    Deviation.KEEP_SUPERSEDED_REFRESH_TOKENS: keep_superseded_refresh_tokens,
    Deviation.NO_FAMILY_REVOCATION: no_family_revocation,
    Deviation.REFRESH_NOT_BOUND_TO_CLIENT: refresh_not_bound_to_client,
    Deviation.ACCEPT_ANY_BEARER: accept_any_bearer,
    Deviation.IGNORE_TOKEN_EXPIRY: ignore_token_expiry,
    Deviation.IGNORE_REVOCATION: ignore_revocation,
    Deviation.OMIT_NO_STORE: omit_no_store,
    Deviation.ISSUER_MISMATCH: issuer_mismatch,
    Deviation.ENVELOPE_OK_ON_ERROR: envelope_ok_on_error,
    Deviation.NO_TRACE_ID: no_trace_id,
    Deviation.NO_WWW_AUTHENTICATE: no_www_authenticate,
    Deviation.IGNORE_SCOPE: ignore_scope,
    Deviation.DECIMALS_AS_NUMBERS: decimals_as_numbers,
    Deviation.SKIP_INPUT_VALIDATION: skip_input_validation,
    Deviation.PAGING_IGNORES_PAGE: paging_ignores_page,
    Deviation.WRITES_NOT_PERSISTED: writes_not_persisted,
    Deviation.IGNORE_CLIENT_REQUEST_ID: ignore_client_request_id,
    Deviation.SKIP_SIGNATURE_CHECK: skip_signature_check,
    Deviation.ALLOW_REPLAY: allow_replay,
    Deviation.SECRET_FOR_PUBLIC_CLIENTS: secret_for_public_clients,
    Deviation.LAX_REDIRECT_URIS: lax_redirect_uris,
    Deviation.REGISTRATION_200: registration_200,
    Deviation.NO_SLOW_DOWN: no_slow_down,
    Deviation.PKCE_ON_REFRESH: pkce_on_refresh,
    Deviation.WIDEN_SCOPE_ON_REFRESH: widen_scope_on_refresh,
    Deviation.NO_ROTATION: no_rotation,
    Deviation.REVOKE_UNKNOWN_TOKEN_ERROR: revoke_unknown_token_error,
    Deviation.DEVICE_RESPONSE_INCOMPLETE: device_response_incomplete,
    Deviation.DEVICE_AUTO_APPROVE: device_auto_approve,
    Deviation.ACCEPT_EXPIRED_DEVICE_CODES: accept_expired_device_codes,
    Deviation.DEVICE_CODE_REUSE: device_code_reuse,
    Deviation.CASE_SENSITIVE_BEARER: case_sensitive_bearer,
    Deviation.ACCEPT_QUERY_TOKEN: accept_query_token,
    Deviation.LAX_CODE_CHALLENGE: lax_code_challenge,
    Deviation.PADDED_S256: padded_s256,
    Deviation.NO_CORE_METADATA: no_core_metadata,
    Deviation.REGISTRATION_REQUIRES_FORM: registration_requires_form,
    Deviation.REDIRECT_UNKNOWN_CLIENT: redirect_unknown_client,
    Deviation.ACCEPT_PASSWORD_GRANT: accept_password_grant,
    Deviation.METADATA_NOT_JSON: metadata_not_json,
    Deviation.SPARSE_METADATA: sparse_metadata,
    Deviation.OMIT_REGISTERED_METADATA: omit_registered_metadata,
    Deviation.LAX_CLIENT_METADATA: lax_client_metadata,
    Deviation.ANY_RESPONSE_TYPE: any_response_type,
    Deviation.ALLOW_REPEATED_PARAMETERS: allow_repeated_parameters,
    Deviation.TOKEN_ACCEPTS_JSON: token_accepts_json,
    Deviation.MISSING_AS_INVALID_GRANT: missing_as_invalid_grant,
    Deviation.UNKNOWN_GRANT_INVALID_REQUEST: unknown_grant_invalid_request,
    Deviation.TOKEN_TYPE_MAC: token_type_mac,
    Deviation.OMIT_EXPIRES_IN: omit_expires_in,
    Deviation.ENVELOPED_TOKEN_RESPONSE: enveloped_token_response,
    Deviation.INVALID_CLIENT_400: invalid_client_400,
    Deviation.UNSAFE_ERROR_DESCRIPTION: unsafe_error_description,
    Deviation.WEAK_TOKENS: weak_tokens,
    Deviation.REVOKE_WITHOUT_CLIENT_AUTH: revoke_without_client_auth,
    Deviation.REVOKE_OTHER_CLIENTS_TOKENS: revoke_other_clients_tokens,
    Deviation.RACY_REDEMPTION: racy_redemption,
    Deviation.TLS_LEGACY_VERSIONS: tls_legacy_versions,
    Deviation.TLS_LEGACY_ONLY: tls_legacy_only,
    Deviation.TLS_WRONG_HOST: tls_wrong_host,
    Deviation.PLAIN_HTTP_TOO: plain_http_too,
    Deviation.ACCEPT_SHORT_VERIFIERS: accept_short_verifiers,
    Deviation.PLAIN_DOWNGRADE: plain_downgrade,
    Deviation.CLIENT_ID_OPTIONAL: client_id_optional,
    Deviation.CREDENTIALS_IN_QUERY: credentials_in_query,
    Deviation.NO_BASIC_AUTH: no_basic_auth,
    Deviation.SECRETLESS_CONFIDENTIAL: secretless_confidential,
    Deviation.REUSE_KEEPS_REFRESH: reuse_keeps_refresh,
    Deviation.FIRST_VALUE_WINS: first_value_wins,
    Deviation.REFUSE_UNKNOWN_PARAMETERS: refuse_unknown_parameters,
    Deviation.AUTHORIZE_ENDPOINT_FRAGMENT: authorize_endpoint_fragment,
    Deviation.OMIT_PRAGMA: omit_pragma,
    Deviation.QUERY_TOKEN_CACHEABLE: query_token_cacheable,
    Deviation.NO_ANTI_FRAMING: no_anti_framing,
    Deviation.NO_REFERRER_POLICY: no_referrer_policy,
    Deviation.TLS_NULL_CIPHERS: tls_null_ciphers,
    Deviation.TLS_STATIC_RSA: tls_static_rsa,
    Deviation.UNKNOWN_SCOPE_INVALID_REQUEST: unknown_scope_invalid_request,
    Deviation.REDIRECT_URI_QUERY_IGNORED: redirect_uri_query_ignored,
    Deviation.NORMALISED_REDIRECT_URI: normalised_redirect_uri,
    Deviation.DEFAULT_REDIRECT_URI: default_redirect_uri,
    Deviation.SKIP_CONSENT: skip_consent,
    Deviation.POST_AUTHORIZE_UNCHECKED: post_authorize_unchecked,
    Deviation.REFUSE_UNKNOWN_AUTHORIZE_PARAMETERS: refuse_unknown_authorize_parameters,
    Deviation.DEFAULT_RESPONSE_TYPE: default_response_type,
    Deviation.CODE_IN_FRAGMENT: code_in_fragment,
}


def test_every_deviation_has_a_scenario() -> None:
    assert set(SCENARIOS) == set(Deviation)


@pytest.mark.parametrize("deviation", list(Deviation), ids=str)
def test_deviation_breaks_its_rule(make_mock: MakeMock, deviation: Deviation) -> None:
    scenario = SCENARIOS[deviation]
    assert scenario(make_mock()) is False, "the correct server already breaks the rule"
    broken = make_mock(MockConfig(deviations=frozenset({deviation})))
    assert scenario(broken) is True, "the deviation changes nothing"


def test_a_deviation_breaks_only_its_rule(make_mock: MakeMock) -> None:
    # One deviation on: every other scenario still sees correct behaviour.
    # Not drop_state and registration_200: the helpers check the state of every code flow and
    # the 201 of every registration they run.
    # Nor pkce_on_refresh and no_rotation: scenarios about refresh expect a working rotation;
    # nor device_auto_approve: the device scenarios expect a pending authorization first;
    # nor padded_s256: every PKCE exchange of the helpers fails under it;
    # nor omit_registered_metadata / enveloped_token_response: the helpers read the registered
    # auth method and the plain token response; nor code_in_fragment: they read the query.
    helpers_check = {
        Deviation.CODE_IN_FRAGMENT,
        Deviation.REGISTRATION_REQUIRES_FORM,
        Deviation.OMIT_REGISTERED_METADATA,
        Deviation.ENVELOPED_TOKEN_RESPONSE,
        Deviation.DEVICE_AUTO_APPROVE,
        Deviation.PADDED_S256,
        Deviation.DROP_STATE,
        Deviation.REGISTRATION_200,
        Deviation.PKCE_ON_REFRESH,
        Deviation.NO_ROTATION,
    }
    # Nor the TLS deviations: they change nothing in-process, and their scenarios start servers.
    deviations = [d for d in Deviation if d not in helpers_check | TLS_DEVIATIONS]
    mock_for = {d: make_mock(MockConfig(deviations=frozenset({d}))) for d in deviations}
    for deviation, mock in mock_for.items():
        for other, scenario in SCENARIOS.items():
            if other in TLS_DEVIATIONS:
                continue
            if other is deviation or frozenset({deviation, other}) in RELATED:
                continue
            assert scenario(mock) is False, (deviation, other)


# Pairs whose scenarios observe the same behaviour from two sides.
RELATED = {
    # A confidential client's client_id alone authenticates it everywhere, revocation included.
    frozenset({Deviation.SECRETLESS_CONFIDENTIAL, Deviation.REVOKE_WITHOUT_CLIENT_AUTH}),
    frozenset({Deviation.IGNORE_REDIRECT_URI, Deviation.OPEN_REDIRECT}),
    frozenset({Deviation.ALLOW_CODE_REUSE, Deviation.NO_REUSE_REVOCATION}),
    # A reusable code is redeemed by every parallel request too.
    frozenset({Deviation.ALLOW_CODE_REUSE, Deviation.RACY_REDEMPTION}),
    # Both accept plain PKCE; they differ in what the metadata offers.
    frozenset({Deviation.ALLOW_PLAIN_PKCE, Deviation.UNADVERTISED_PLAIN_PKCE}),
    frozenset({Deviation.KEEP_SUPERSEDED_REFRESH_TOKENS, Deviation.NO_FAMILY_REVOCATION}),
    # Replays are recognised by their verified signature.
    frozenset({Deviation.SKIP_SIGNATURE_CHECK, Deviation.ALLOW_REPLAY}),
    # A server that checks no verifier accepts a short one and the challenge as one too.
    frozenset({Deviation.SKIP_PKCE_CHECK, Deviation.ACCEPT_SHORT_VERIFIERS}),
    frozenset({Deviation.SKIP_PKCE_CHECK, Deviation.PLAIN_DOWNGRADE}),
    # Code reuse that revokes nothing keeps the refresh token too.
    frozenset({Deviation.NO_REUSE_REVOCATION, Deviation.REUSE_KEEPS_REFRESH}),
    # Both take a token from the query; one also answers it cacheable.
    frozenset({Deviation.ACCEPT_QUERY_TOKEN, Deviation.QUERY_TOKEN_CACHEABLE}),
    # omit_no_store drops both headers of RFC 6749 §5.1, Pragma included.
    frozenset({Deviation.OMIT_NO_STORE, Deviation.OMIT_PRAGMA}),
    # Any redirect_uri accepted is also one accepted despite its query or its dot-segments.
    frozenset({Deviation.IGNORE_REDIRECT_URI, Deviation.REDIRECT_URI_QUERY_IGNORED}),
    frozenset({Deviation.OPEN_REDIRECT, Deviation.REDIRECT_URI_QUERY_IGNORED}),
    frozenset({Deviation.IGNORE_REDIRECT_URI, Deviation.NORMALISED_REDIRECT_URI}),
    frozenset({Deviation.OPEN_REDIRECT, Deviation.NORMALISED_REDIRECT_URI}),
}
