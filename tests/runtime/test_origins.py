"""Where credentials may go: metadata endpoints (RFC 6749 §3.1, RFC 9700 §4.4) and the callback's
``iss`` (RFC 9207 §2.4)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from longbridge_openapi_client import (
    AuthorizationError,
    ClientCredentials,
    DiscoveryError,
    IssuerMismatchError,
    Longbridge,
    MemoryTokenStore,
    OAuthClient,
    RefreshingBearerAuth,
    ServerEndpoints,
    Token,
)
from longbridge_openapi_client._runtime.rfc8414_discovery import is_loopback

HTTPS = "https://lb.test"
LOCAL = "http://127.0.0.1:8080"


def doc(issuer: str, **endpoints: object) -> dict[str, Any]:
    return {"issuer": issuer, **endpoints}


@pytest.mark.parametrize(
    ("issuer", "token_endpoint"),
    [
        (HTTPS, "http://lb.test/oauth2/token"),  # the same host without TLS
        (HTTPS, "http://evil.example/oauth2/token"),
        (LOCAL, "http://evil.example/oauth2/token"),  # loopback http only for loopback
        ("http://lb.test", "http://lb.test/oauth2/token"),  # a plain-http issuer elsewhere
        (HTTPS, "ftp://lb.test/oauth2/token"),
    ],
)
def test_endpoints_must_use_https(issuer: str, token_endpoint: str) -> None:
    for allow in (False, True):
        with pytest.raises(DiscoveryError, match=r"_endpoint .*is not (https|an absolute URL)"):
            ServerEndpoints.from_metadata(
                issuer, doc(issuer, token_endpoint=token_endpoint), allow_other_origins=allow
            )


@pytest.mark.parametrize(
    ("issuer", "token_endpoint"),
    [
        (HTTPS, "https://evil.example/oauth2/token"),
        (HTTPS, "https://lb.test:8443/oauth2/token"),
        (HTTPS, "https://auth.lb.test/oauth2/token"),
        (LOCAL, "http://127.0.0.1:9/oauth2/token"),
        (LOCAL, "http://localhost:8080/oauth2/token"),
        (LOCAL, "https://127.0.0.1:8080/oauth2/token"),  # another scheme is another origin
    ],
)
def test_endpoints_on_another_origin_need_the_callers_consent(
    issuer: str, token_endpoint: str
) -> None:
    with pytest.raises(DiscoveryError, match=r"issuer's origin.*RFC 9700 §4\.4"):
        ServerEndpoints.from_metadata(issuer, doc(issuer, token_endpoint=token_endpoint))
    allowed = ServerEndpoints.from_metadata(
        issuer, doc(issuer, token_endpoint=token_endpoint), allow_other_origins=True
    )
    assert allowed.token_endpoint == token_endpoint


@pytest.mark.parametrize(
    ("issuer", "endpoint"),
    [
        (HTTPS, "https://lb.test/oauth2/token"),
        (HTTPS, "https://LB.test:443/oauth2/token"),  # default port, host case-insensitive
        (LOCAL, "http://127.0.0.1:8080/oauth2/token"),
        ("http://localhost", "http://localhost:80/x"),
        ("http://[::1]:9", "http://[::1]:9/x"),
    ],
)
def test_same_origin_endpoints_are_accepted(issuer: str, endpoint: str) -> None:
    names = [
        "authorization_endpoint",
        "token_endpoint",
        "revocation_endpoint",
        "registration_endpoint",
        "device_authorization_endpoint",
    ]
    endpoints = ServerEndpoints.from_metadata(issuer, doc(issuer, **dict.fromkeys(names, endpoint)))
    assert [getattr(endpoints, n) for n in names] == [endpoint] * 5


@pytest.mark.parametrize(
    "name",
    [
        "authorization_endpoint",
        "revocation_endpoint",
        "registration_endpoint",
        "device_authorization_endpoint",
    ],
)
def test_every_endpoint_is_checked(name: str) -> None:
    with pytest.raises(DiscoveryError, match=name):
        ServerEndpoints.from_metadata(HTTPS, doc(HTTPS, **{name: "https://evil.example/x"}))


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("localhost", True),
        ("LocalHost", True),
        ("10.0.0.1", False),
        ("::2", False),
        ("example.com", False),
        ("localhost.example.com", False),
        ("", False),
        (None, False),
    ],
)
def test_is_loopback(host: str | None, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def metadata_server(token_endpoint: str) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/.well-known/oauth-authorization-server":
            return httpx.Response(200, json=doc(HTTPS, token_endpoint=token_endpoint))
        if str(request.url) == token_endpoint:
            body = {"access_token": "new", "token_type": "Bearer", "expires_in": 3600}
            return httpx.Response(200, json=body)
        return httpx.Response(200, json={"code": 0, "message": "", "data": {}})

    return httpx.MockTransport(handle)


def test_the_facade_refuses_another_origin_unless_allowed() -> None:
    transport = metadata_server("https://auth.example/token")
    with (
        Longbridge(
            "cid", base_url=HTTPS, token_store=MemoryTokenStore(), transport=transport
        ) as lb,
        pytest.raises(DiscoveryError),
    ):
        lb.discover()
    with Longbridge(
        "cid",
        base_url=HTTPS,
        token_store=MemoryTokenStore(),
        transport=transport,
        allow_other_origins=True,
    ) as lb:
        assert lb.discover().token_endpoint == "https://auth.example/token"


@pytest.mark.parametrize("allow", [False, True])
def test_the_refreshing_auth_discovers_with_the_same_rule(allow: bool) -> None:
    store = MemoryTokenStore()
    store.save("cid", Token("old", 0.0, "r1"))
    auth = RefreshingBearerAuth(
        ClientCredentials("cid", "secret"),
        store,
        base_url=HTTPS,
        clock=lambda: 1.0,
        allow_other_origins=allow,
    )
    transport = metadata_server("https://auth.example/token")
    with httpx.Client(transport=transport, auth=auth) as http:
        if allow:
            assert http.get(f"{HTTPS}/v1/x").status_code == 200
            assert auth.current_token().access_token == "new"
        else:
            with pytest.raises(DiscoveryError):
                http.get(f"{HTTPS}/v1/x")


# -- RFC 9207 -------------------------------------------------------------------------------------


def client(*, discovered: bool = True, advertised: bool = True) -> OAuthClient:
    d = doc(HTTPS, authorization_response_iss_parameter_supported=advertised)
    endpoints = (
        ServerEndpoints.from_metadata(HTTPS, d) if discovered else ServerEndpoints.fallback(HTTPS)
    )
    return OAuthClient(endpoints, ClientCredentials("cid"))


def callback(state: str, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in {"state": state, **params}.items())
    return f"http://127.0.0.1:1/cb?{query}"


def test_advertised_iss_must_be_present_and_equal() -> None:
    oauth = client()
    request = oauth.authorization_request("http://127.0.0.1:1/cb")
    assert (request.issuer, request.iss_required) == (HTTPS, True)
    assert oauth.parse_callback(callback(request.state, code="c", iss=HTTPS), request) == "c"
    with pytest.raises(IssuerMismatchError, match="lacks iss"):
        oauth.parse_callback(callback(request.state, code="c"), request)
    with pytest.raises(IssuerMismatchError, match="evil"):
        oauth.parse_callback(callback(request.state, code="c", iss="https://evil.example"), request)


def test_a_wrong_iss_is_refused_before_the_error_is_believed() -> None:
    oauth = client()
    request = oauth.authorization_request("http://127.0.0.1:1/cb")
    with pytest.raises(IssuerMismatchError):
        oauth.parse_callback(
            callback(request.state, error="access_denied", iss="https://evil.example"), request
        )
    with pytest.raises(AuthorizationError):
        oauth.parse_callback(callback(request.state, error="access_denied", iss=HTTPS), request)


def test_unadvertised_iss_is_optional_but_checked_when_sent() -> None:
    oauth = client(advertised=False)
    request = oauth.authorization_request("http://127.0.0.1:1/cb")
    assert (request.issuer, request.iss_required) == (HTTPS, False)
    assert oauth.parse_callback(callback(request.state, code="c"), request) == "c"
    with pytest.raises(IssuerMismatchError):
        oauth.parse_callback(callback(request.state, code="c", iss="https://evil.example"), request)


def test_without_metadata_the_issuer_is_unknown_and_iss_is_not_compared() -> None:
    oauth = client(discovered=False)
    request = oauth.authorization_request("http://127.0.0.1:1/cb")
    assert (request.issuer, request.iss_required) == (None, False)
    assert oauth.parse_callback(callback(request.state, code="c", iss="https://x"), request) == "c"


def test_a_repeated_iss_is_refused() -> None:
    oauth = client()
    request = oauth.authorization_request("http://127.0.0.1:1/cb")
    with pytest.raises(Exception, match="repeats iss"):
        oauth.parse_callback(
            callback(request.state, code="c", iss=HTTPS) + f"&iss={HTTPS}", request
        )
