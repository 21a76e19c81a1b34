"""Malformed input never gives a 500: bad JSON, content types, types, encodings, sizes, and fuzzing.

The in-process transport re-raises an exception escaping the app, so a crash fails these tests
even before the status check.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, urlencode

import httpx
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conformance.mock_server import Deviation, FakeClock, MockConfig, create_app
from conformance.mock_server.serve import run_in_thread

from .harness import FORM, REDIRECT_URI, Harness, MakeMock, basic_auth, pkce_pair

JSON = "application/json"
FORM_ENDPOINTS = ["/oauth2/token", "/oauth2/revoke", "/oauth2/device/authorize"]
OAUTH_POSTS = ["/oauth2/register", *FORM_ENDPOINTS, "/oauth2/authorize/consent"]
ADMIN_POSTS = [
    ("POST", "/_mock/clock/advance"),
    ("POST", "/_mock/tokens/expire"),
    ("PUT", "/_mock/faults"),
    ("POST", "/_mock/device/decide"),
]


def assert_oauth_error(response: httpx.Response, status: int = 400) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(JSON)
    body = response.json()
    assert isinstance(body["error"], str)
    assert isinstance(body["error_description"], str)
    error: str = body["error"]
    return error


def post(mock: Harness, path: str, content: bytes | str, content_type: str) -> httpx.Response:
    return mock.http.post(path, content=content, headers={"Content-Type": content_type})


# Malformed JSON (registration)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{",
        b'{"redirect_uris": ["https://app.example/cb"],}',
        b"{'redirect_uris': []}",
        b"\xff\xfe{}",
        b"\x00",
        b"[" * 50_000,  # deeper than the JSON parser recurses
        b'{"a":' * 10_000,
        b"NaN",
    ],
)
def test_malformed_json(mock: Harness, content: bytes) -> None:
    assert assert_oauth_error(post(mock, "/oauth2/register", content, JSON)) == (
        "invalid_client_metadata"
    )


@pytest.mark.parametrize(
    "text",
    ['"\\ud800"', '"a\\udfffb"', '"\\udc00\\ud800"'],  # lone surrogates
)
def test_json_strings_must_be_unicode(mock: Harness, text: str) -> None:
    for member in ("client_name", "client_uri"):
        body = f'{{"redirect_uris": ["{REDIRECT_URI}"], "{member}": {text}}}'
        response = post(mock, "/oauth2/register", body, JSON)
        assert assert_oauth_error(response) == "invalid_client_metadata"
    body = f'{{"redirect_uris": [{text}]}}'
    assert assert_oauth_error(post(mock, "/oauth2/register", body, JSON)) in (
        "invalid_redirect_uri",
        "invalid_client_metadata",
    )


# Content types


@pytest.mark.parametrize("path", FORM_ENDPOINTS)
@pytest.mark.parametrize(
    "content_type",
    [JSON, "text/plain", "multipart/form-data; boundary=x", "application/x-www-form", ""],
)
def test_form_endpoints_need_a_form(mock: Harness, path: str, content_type: str) -> None:
    client = mock.register()
    body = urlencode({"grant_type": "refresh_token", "client_id": client.client_id, "token": "t"})
    response = mock.http.post(
        path, content=body, headers={"Content-Type": content_type} if content_type else {}
    )
    assert assert_oauth_error(response, 415) == "invalid_request"


@pytest.mark.parametrize("path", FORM_ENDPOINTS)
def test_form_content_type_parameters_are_fine(mock: Harness, path: str) -> None:
    client = mock.register()
    body = urlencode({"client_id": client.client_id, "token": "t", "grant_type": "x"})
    for content_type in (FORM + "; charset=UTF-8", "Application/X-WWW-Form-Urlencoded"):
        response = post(mock, path, body, content_type)
        assert response.status_code != 415, response.text


@pytest.mark.parametrize(
    "content_type", [FORM, "text/plain", "application/jsonp", "application/json-patch+json"]
)
def test_registration_needs_json(mock: Harness, content_type: str) -> None:
    body = json.dumps({"redirect_uris": [REDIRECT_URI]})
    assert assert_oauth_error(post(mock, "/oauth2/register", body, content_type), 415) == (
        "invalid_request"
    )


# Wrong types: strict validation


@pytest.mark.parametrize(
    ("member", "value"),
    [
        ("client_name", 1),
        ("client_name", True),
        ("client_name", ["a"]),
        ("client_name", {"en": "a"}),
        ("scope", 4),
        ("contacts", "a@b.example"),
        ("grant_types", [None]),
        ("token_endpoint_auth_method", ["none"]),
        ("software_version", 1.5),
        ("logo_uri", "not a uri"),
    ],
)
def test_wrong_types_are_rejected(mock: Harness, member: str, value: Any) -> None:
    body = json.dumps({"redirect_uris": [REDIRECT_URI], member: value})
    response = post(mock, "/oauth2/register", body, JSON)
    assert assert_oauth_error(response) == "invalid_client_metadata"
    assert member in response.json()["error_description"]


# Grants and parameters


@pytest.mark.parametrize(
    "grant", ["password", "client_credentials", "implicit", "refresh", "urn:x", "%ZZ", "?"]
)
def test_unknown_grant(mock: Harness, grant: str) -> None:
    client = mock.register()
    response = mock.token(client, {"grant_type": grant})
    assert assert_oauth_error(response) == "unsupported_grant_type"


@pytest.mark.parametrize(
    ("path", "form"),
    [
        ("/oauth2/token", "grant_type=refresh_token&grant_type=refresh_token&refresh_token=r"),
        ("/oauth2/token", "grant_type=refresh_token&refresh_token=a&refresh_token=b"),
        ("/oauth2/token", "grant_type=refresh_token&refresh_token=r&client_id={id}&client_id={id}"),
        ("/oauth2/revoke", "token=a&token=b&client_id={id}"),
        ("/oauth2/device/authorize", "client_id={id}&client_id={id}"),
        ("/oauth2/device/authorize", "client_id={id}&scope=4&scope=6"),
    ],
)
def test_duplicated_form_parameters(mock: Harness, path: str, form: str) -> None:
    client = mock.register()
    response = post(mock, path, form.format(id=client.client_id), FORM)
    assert assert_oauth_error(response) == "invalid_request"
    assert "repeated" in response.json()["error_description"]


@pytest.mark.parametrize(
    "body",
    [
        b"grant_type=refresh_token&refresh_token=%FF",  # percent-encoded invalid UTF-8
        b"grant_type=refresh_token&refresh_token=%C3%28",
        b"grant_type=refresh_token&refresh_token=%ED%A0%80",  # an encoded surrogate
        b"grant_type=refresh_token&refresh_token=\xff",  # raw invalid UTF-8
        b"\xc3",
    ],
)
@pytest.mark.parametrize("path", FORM_ENDPOINTS)
def test_invalid_utf8_in_forms(mock: Harness, path: str, body: bytes) -> None:
    assert assert_oauth_error(post(mock, path, body, FORM)) == "invalid_request"


@pytest.mark.parametrize("query", ["%FF", "client_id=%C3%28", "state=%ED%A0%80"])
def test_invalid_utf8_in_the_authorization_query(mock: Harness, query: str) -> None:
    client = mock.register()
    base = urlencode({"response_type": "code", "client_id": client.client_id})
    response = mock.http.get(f"/oauth2/authorize?{base}&{query}")
    assert assert_oauth_error(response) == "invalid_request"
    assert "location" not in response.headers


def test_invalid_utf8_in_data_api_queries(mock: Harness) -> None:
    token = mock.tokens(mock.register())["access_token"]
    response = mock.http.get(
        "/v1/socket/token?market=%FF",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 400
    assert response.json() == {"code": 400000, "message": response.json()["message"], "data": None}


def test_bad_percent_escapes_are_just_text(mock: Harness) -> None:
    client = mock.register()
    response = post(mock, "/oauth2/token", f"grant_type=%ZZ&client_id={client.client_id}", FORM)
    assert assert_oauth_error(response) == "unsupported_grant_type"


@pytest.mark.parametrize(
    "header",
    [
        b"Basic \xe9t\xe9",  # not ASCII
        b"Basic " + "é".encode() * 3,
        b"Basic ====",
        b"Basic",
        b"Basic " + b"A" * 5000,
    ],
)
def test_malformed_basic_header(mock: Harness, header: bytes) -> None:
    response = mock.http.post(
        "/oauth2/token",
        content="grant_type=refresh_token&refresh_token=r",
        headers={b"Content-Type": FORM.encode(), b"Authorization": header},
    )
    assert response.status_code in (400, 401)
    assert_oauth_error(response, response.status_code)


def test_non_ascii_headers_on_the_data_api(mock: Harness) -> None:
    for headers in (
        {b"Authorization": b"Bearer \xe9\xff"},
        {b"Authorization": b"\xe9", b"X-Api-Key": b"\xff"},
        {b"X-Api-Key": b"\xe9", b"Authorization": b"t", b"X-Api-Signature": b"\xff"},
    ):
        response = mock.http.get("/v1/socket/token", headers=headers)
        assert response.status_code in (401, 403)
        assert response.json()["code"] != 0


def test_non_ascii_redirect_is_percent_encoded(make_mock: MakeMock) -> None:
    # Even when a deviation lets any redirect URI through, Location stays a valid header value.
    mock = make_mock(MockConfig(deviations=frozenset({Deviation.OPEN_REDIRECT})))
    client = mock.register()
    response = mock.authorize(client, redirect_uri="https://例え.jp/cb path\x00", state="é")
    assert response.status_code == 302
    location = response.headers["location"]
    assert location.isascii()
    assert location.startswith("https://%E4%BE%8B%E3%81%88.jp/cb%20path%00?")


# Sizes


@pytest.mark.parametrize("path", OAUTH_POSTS)
def test_oversized_bodies_are_413(make_mock: MakeMock, path: str) -> None:
    mock = make_mock(MockConfig(max_body_bytes=1024))
    content_type = JSON if path == "/oauth2/register" else FORM
    response = post(mock, path, b"a=" + b"b" * 1023, content_type)
    assert assert_oauth_error(response, 413) == "invalid_request"
    # At the limit the body is read (and judged on its merits).
    response = post(mock, path, b"a=" + b"b" * 1022, content_type)
    assert response.status_code != 413


def test_oversized_streamed_body_is_413() -> None:
    # Without Content-Length (chunked), the limit applies while reading.
    with run_in_thread(create_app(MockConfig(max_body_bytes=1024), FakeClock())) as running:

        def chunks() -> Iterator[bytes]:
            for _ in range(20):
                yield b"x" * 100

        response = httpx.post(
            running.base_url + "/oauth2/token",
            content=chunks(),
            headers={"Content-Type": FORM},
            timeout=10,
        )
        assert "content-length" not in response.request.headers
        assert response.status_code == 413
        assert response.json()["error"] == "invalid_request"
        api = httpx.request("GET", running.base_url + "/v1/socket/token", content=chunks())
        assert api.status_code == 413
        assert api.json()["code"] == 400000


# Fuzzing every POST endpoint


CONTENT_TYPES = [
    FORM,
    JSON,
    FORM + "; charset=utf-8",
    JSON + "; charset=utf-8",
    "text/plain",
    "multipart/form-data; boundary=x",
    "",
]
PARAMETER_NAMES = [
    "grant_type",
    "code",
    "client_id",
    "client_secret",
    "redirect_uri",
    "code_verifier",
    "refresh_token",
    "token",
    "token_type_hint",
    "device_code",
    "scope",
    "consent_id",
    "decision",
    "user_code",
    "seconds",
    "faults",
]
# Placeholders the fuzz tests replace with a registered client's credentials, so that generated
# requests also get past client authentication.
CLIENT_ID, CLIENT_SECRET, BASIC = "CLIENTID", "CLIENTSECRET", "Basic BASICCREDENTIALS"
PARAMETER_VALUES = [
    CLIENT_ID,
    CLIENT_SECRET,
    "authorization_code",
    "refresh_token",
    "urn:ietf:params:oauth:grant-type:device_code",
    "access_token",
    "approve",
    "deny",
    REDIRECT_URI,
    pkce_pair().verifier,
    "",
]
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(PARAMETER_VALUES),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(PARAMETER_NAMES) | st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=12,
)
form_pairs = st.lists(
    st.tuples(
        st.sampled_from(PARAMETER_NAMES) | st.text(max_size=8),
        st.sampled_from(PARAMETER_VALUES) | st.text(max_size=20),
    ),
    max_size=8,
)


# Near-valid requests, so the fuzzer also reaches the checks behind parsing and authentication.
PLAUSIBLE_FORM = {
    "grant_type": st.sampled_from(
        ["authorization_code", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code"]
    ),
    "client_id": st.just(CLIENT_ID),
    "code": st.text(max_size=10),
    "redirect_uri": st.just(REDIRECT_URI),
    "code_verifier": st.just(pkce_pair().verifier) | st.text(max_size=50),
    "refresh_token": st.text(max_size=10),
    "device_code": st.text(max_size=10),
    "token": st.text(max_size=10),
    "token_type_hint": st.sampled_from(["access_token", "refresh_token", "id_token"]),
    "scope": st.sampled_from(["4", "6 4", "bogus", ""]),
    "decision": st.sampled_from(["approve", "deny"]),
}
PLAUSIBLE_REGISTRATION = {
    "redirect_uris": st.lists(
        st.sampled_from([REDIRECT_URI, "http://127.0.0.1:9/cb", "https://x/#f"]) | st.text(),
        max_size=3,
    ),
    "client_name": st.text(max_size=10) | st.integers(),
    "grant_types": st.lists(st.sampled_from(["authorization_code", "refresh_token", "x"])),
    "response_types": st.lists(st.sampled_from(["code", "token"]), max_size=2),
    "token_endpoint_auth_method": st.sampled_from(
        ["none", "client_secret_post", "client_secret_basic", "private_key_jwt"]
    ),
    "contacts": st.lists(st.text(max_size=10), max_size=2),
    "client_uri": st.sampled_from(["https://app.example", "not a uri"]),
}


@st.composite
def bodies(draw: st.DrawFn, path: str) -> tuple[bytes, str]:
    kind = draw(st.sampled_from(["bytes", "form", "json", "raw-form", "plausible"]))
    if kind == "plausible":
        if path != "/oauth2/register":
            form = draw(st.fixed_dictionaries({}, optional=PLAUSIBLE_FORM))
            return urlencode(form).encode(), FORM
        registration = draw(st.fixed_dictionaries({}, optional=PLAUSIBLE_REGISTRATION))
        return json.dumps(registration).encode(), JSON
    if kind == "bytes":
        return draw(st.binary(max_size=200)), draw(st.sampled_from(CONTENT_TYPES))
    if kind == "form":
        return urlencode(draw(form_pairs)).encode(), FORM
    if kind == "raw-form":  # unencoded text, stray % and & and =
        text = "&".join(f"{k}={v}" for k, v in draw(form_pairs))
        return text.encode("utf-8", "surrogatepass"), FORM
    value = draw(json_values)
    text = json.dumps(value, allow_nan=True)
    return text.encode("utf-8", "surrogatepass"), JSON


authorizations = st.none() | st.sampled_from(
    ["Basic Og==", "Basic !", "Bearer x", "bearer", "Basic dTpw", "Digest x", BASIC]
)


@pytest.fixture(scope="module")
def fuzzed() -> Iterator[Harness]:
    """One server for all examples; it has a public and a confidential client."""
    harness = Harness()
    harness.register(redirect_uris=(REDIRECT_URI, "http://127.0.0.1:1/cb"))
    harness.register("client_secret_basic")
    yield harness
    harness.close()


def with_credentials(mock: Harness, text: bytes) -> bytes:
    public, confidential = list(mock.state.clients.values())[:2]
    assert confidential.client_secret is not None
    basic = basic_auth(confidential.client_id, confidential.client_secret)
    for placeholder, value in (
        (BASIC, basic),
        (CLIENT_ID, public.client_id),
        (CLIENT_SECRET, confidential.client_secret),
    ):
        text = text.replace(placeholder.encode(), value.encode())
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    target=st.sampled_from([("POST", p) for p in OAUTH_POSTS] + ADMIN_POSTS),
    data=st.data(),
    authorization=authorizations,
)
def test_fuzz_post_endpoints(
    fuzzed: Harness, target: tuple[str, str], data: st.DataObject, authorization: str | None
) -> None:
    method, path = target
    content, content_type = data.draw(bodies(path), label="body")
    headers = {"Content-Type": content_type} if content_type else {}
    if authorization is not None:
        headers["Authorization"] = with_credentials(fuzzed, authorization.encode()).decode()
    content = with_credentials(fuzzed, content)
    response = fuzzed.http.request(method, path, content=content, headers=headers)
    fuzzed.state.runtime_faults = ()  # a lucky valid fault list must not break later examples
    event(f"{path} {response.status_code}")  # see --hypothesis-show-statistics
    assert response.status_code < 500, response.text
    assert "x-trace-id" in response.headers
    if response.status_code >= 400:
        assert response.headers["content-type"].startswith(JSON)
        error = response.json()
        assert isinstance(error, dict)
        assert isinstance(error["error"], str)


@settings(max_examples=100, deadline=None)
@given(content=st.binary(max_size=200), content_type=st.sampled_from(CONTENT_TYPES))
def test_fuzz_device_verification_page(fuzzed: Harness, content: bytes, content_type: str) -> None:
    # A page for people: HTML, never a crash.
    headers = {"Content-Type": content_type} if content_type else {}
    response = fuzzed.http.post("/oauth2/device/verify", content=content, headers=headers)
    assert response.status_code in (200, 400)
    assert response.headers["content-type"].startswith("text/html")


query_pairs = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "response_type",
                "client_id",
                "redirect_uri",
                "state",
                "scope",
                "code_challenge",
                "code_challenge_method",
                "market",
                "category",
                "expired_at",
                "user_code",
            ]
        )
        | st.text(max_size=6),
        st.sampled_from(["code", "S256", "plain", REDIRECT_URI, "US", "Overnight", CLIENT_ID, ""])
        | st.text(max_size=30),
    ),
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(
    path=st.sampled_from(
        [
            "/oauth2/authorize",
            "/v1/quote/get_security_list",
            "/v1/socket/token",
            "/v1/token/refresh",
            "/oauth2/device/verify",
            "/.well-known/oauth-authorization-server",
        ]
    ),
    pairs=query_pairs,
    raw=st.booleans(),
    authorization=authorizations,
)
def test_fuzz_get_queries(
    fuzzed: Harness,
    path: str,
    pairs: list[tuple[str, str]],
    raw: bool,
    authorization: str | None,
) -> None:
    if raw:
        query = "&".join(f"{quote(k, safe='%=&')}={quote(v, safe='%=&')}" for k, v in pairs)
    else:
        query = urlencode(pairs)
    query = with_credentials(fuzzed, query.encode()).decode()
    headers = {}
    if authorization is not None:
        headers["Authorization"] = with_credentials(fuzzed, authorization.encode()).decode()
    response = fuzzed.http.get(f"{path}?{query}", headers=headers)
    assert response.status_code < 500, response.text
    if response.status_code == 302:
        assert response.headers["location"].isascii()
    elif response.status_code >= 400:
        body = response.json()
        if path.startswith("/v1/"):
            assert body["code"] != 0
        else:
            assert isinstance(body["error"], str)


def test_basic_auth_helper_encodes_like_rfc6749() -> None:
    # The helper form-encodes before Basic encoding (RFC 6749 §2.3.1).
    assert basic_auth("a b", "c:d") == "Basic YStiOmMlM0Fk"
