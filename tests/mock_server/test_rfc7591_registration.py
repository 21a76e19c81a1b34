"""RFC 7591 registration and RFC 7592 read and delete (checklist B; Part 2, choice 8)."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import pytest

from .harness import BASE_URL, REDIRECT_URI, Harness

# RFC 6749 §5.2: error_description is limited to %x20-21 / %x23-5B / %x5D-7E.
DESCRIPTION = re.compile(r"^[\x20\x21\x23-\x5b\x5d-\x7e]*$")


def register(mock: Harness, body: Any) -> httpx.Response:
    return mock.http.post("/oauth2/register", json=body)


def assert_registration_error(response: httpx.Response, error: str) -> None:
    """RFC 7591 §3.2.2: 400 and a JSON object with ``error`` and ``error_description``."""
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["error"] == error, body
    assert DESCRIPTION.match(body["error_description"])


@pytest.mark.parametrize("method", [None, "none"])
def test_public_client_gets_no_secret(mock: Harness, method: str | None) -> None:
    body: dict[str, Any] = {"client_name": "cli", "redirect_uris": [REDIRECT_URI]}
    if method is not None:
        body["token_endpoint_auth_method"] = method
    response = register(mock, body)
    assert response.status_code == 201
    assert response.headers["cache-control"] == "no-store"
    info = response.json()
    assert info["token_endpoint_auth_method"] == "none"
    assert "client_secret" not in info
    assert "client_secret_expires_at" not in info  # §3.2.1: only with a secret


@pytest.mark.parametrize("method", ["client_secret_post", "client_secret_basic"])
def test_confidential_client_gets_a_secret(mock: Harness, method: str) -> None:
    response = register(
        mock, {"redirect_uris": [REDIRECT_URI], "token_endpoint_auth_method": method}
    )
    assert response.status_code == 201
    info = response.json()
    assert info["token_endpoint_auth_method"] == method
    assert len(info["client_secret"]) >= 32
    assert info["client_secret_expires_at"] == 0  # never


def test_registration_response_echoes_metadata(mock: Harness) -> None:
    body = {
        "client_name": "my-openapi-app",
        "redirect_uris": [REDIRECT_URI, "http://localhost:60355/callback"],
        "grant_types": ["authorization_code", "refresh_token"],
        "response_types": ["code"],
        "contacts": ["ops@app.example"],
        "x-unknown-member": "ignored",  # §2: unknown members are ignored
    }
    info = register(mock, body).json()
    assert re.fullmatch(r"[0-9a-f-]{36}", info["client_id"])
    assert info["client_id_issued_at"] == int(mock.clock.now())
    assert info["client_name"] == "my-openapi-app"
    assert info["redirect_uris"] == body["redirect_uris"]
    assert info["grant_types"] == ["authorization_code", "refresh_token"]
    assert info["response_types"] == ["code"]
    assert info["contacts"] == ["ops@app.example"]
    assert "x-unknown-member" not in info
    assert info["registration_access_token"]
    assert info["registration_client_uri"] == f"{BASE_URL}/oauth2/register/{info['client_id']}"


def test_minimal_registration_gets_defaults(mock: Harness) -> None:
    # The CLI sends only client_name and redirect_uris, then refreshes and uses the device flow.
    info = register(mock, {"client_name": "cli", "redirect_uris": [REDIRECT_URI]}).json()
    assert {"authorization_code", "refresh_token"} <= set(info["grant_types"])
    assert info["response_types"] == ["code"]


def test_client_ids_are_unique(mock: Harness) -> None:
    ids = {mock.register().client_id for _ in range(5)}
    assert len(ids) == 5


@pytest.mark.parametrize(
    "uri",
    [
        REDIRECT_URI,
        "https://app.example:8443/cb?source=app",
        "http://localhost:60355/callback",
        "http://127.0.0.1:60355/callback",
        "http://[::1]:60355/callback",
    ],
)
def test_valid_redirect_uris(mock: Harness, uri: str) -> None:
    response = register(mock, {"redirect_uris": [uri]})
    assert response.status_code == 201, response.text
    assert response.json()["redirect_uris"] == [uri]


@pytest.mark.parametrize(
    "uri",
    [
        "/callback",  # relative (RFC 6749 §3.1.2)
        "callback",
        "//app.example/callback",  # no scheme
        "https://app.example/callback#frag",  # fragment (§3.1.2)
        "https://app.example/callback#",
        "http://app.example/callback",  # http on a non-loopback host (RFC 8252 §8.3)
        "http://localhost.app.example/callback",
        "ftp://app.example/callback",
        "https:///callback",  # no host
        "https://[::1/callback",  # not a URI
        "",
    ],
)
def test_invalid_redirect_uris(mock: Harness, uri: str) -> None:
    assert_registration_error(register(mock, {"redirect_uris": [uri]}), "invalid_redirect_uri")


@pytest.mark.parametrize(
    "body",
    [
        {"client_name": "no redirect uris"},
        {"redirect_uris": []},
        {"redirect_uris": REDIRECT_URI},  # a string, not a list
        {"redirect_uris": [REDIRECT_URI, 7]},
        {"redirect_uris": None},
    ],
)
def test_missing_or_malformed_redirect_uris(mock: Harness, body: dict[str, Any]) -> None:
    assert_registration_error(register(mock, body), "invalid_redirect_uri")


@pytest.mark.parametrize(
    "extra",
    [
        {"token_endpoint_auth_method": "private_key_jwt"},
        {"token_endpoint_auth_method": 1},
        {"grant_types": ["password"]},
        {"grant_types": ["implicit"]},
        {"grant_types": "authorization_code"},
        {"response_types": ["token"]},
        {"client_name": 5},
        {"client_name": None},
        {"contacts": "ops@app.example"},
        {"contacts": [1]},
        # §2.1: authorization_code goes with "code", and only with it.
        {"grant_types": ["refresh_token"], "response_types": ["code"]},
        {"grant_types": ["authorization_code"], "response_types": []},
    ],
)
def test_invalid_client_metadata(mock: Harness, extra: dict[str, Any]) -> None:
    response = register(mock, {"redirect_uris": [REDIRECT_URI], **extra})
    assert_registration_error(response, "invalid_client_metadata")


@pytest.mark.parametrize("body", [[REDIRECT_URI], "text", 1, None])
def test_body_must_be_a_json_object(mock: Harness, body: Any) -> None:
    response = mock.http.post(
        "/oauth2/register", content=json.dumps(body), headers={"Content-Type": "application/json"}
    )
    assert_registration_error(response, "invalid_client_metadata")


def test_device_only_client(mock: Harness) -> None:
    # §2: an explicitly empty response_types is not "omitted"; a device-only client has none.
    device = "urn:ietf:params:oauth:grant-type:device_code"
    response = register(
        mock, {"redirect_uris": [REDIRECT_URI], "grant_types": [device], "response_types": []}
    )
    assert response.status_code == 201, response.text
    assert response.json()["grant_types"] == [device]
    assert response.json()["response_types"] == []


# RFC 7592


def management(mock: Harness, method: str, client_id: str, token: str | None) -> httpx.Response:
    headers = {} if token is None else {"Authorization": f"Bearer {token}"}
    return mock.http.request(method, f"/oauth2/register/{client_id}", headers=headers)


def test_read_registration(mock: Harness) -> None:
    client = mock.register("client_secret_basic", client_name="reader")
    registration = client.registration
    response = management(mock, "GET", client.client_id, registration["registration_access_token"])
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    info = response.json()
    for name in ("client_id", "client_secret", "client_name", "redirect_uris", "grant_types"):
        assert info[name] == registration[name]
    assert info["registration_client_uri"] == registration["registration_client_uri"]


@pytest.mark.parametrize("method", ["GET", "DELETE"])
def test_management_needs_the_clients_registration_token(mock: Harness, method: str) -> None:
    client, other = mock.register(), mock.register()
    other_token = other.registration["registration_access_token"]
    for token in (None, "wrong", other_token):
        response = management(mock, method, client.client_id, token)
        assert response.status_code == 401, (token, response.text)
        challenge = response.headers["www-authenticate"]
        assert challenge.startswith("Bearer ")
        # RFC 6750 §3.1: no error code when no credentials were sent.
        assert ('error="invalid_token"' in challenge) is (token is not None)
        assert response.json()["error"] == "invalid_token"
    # An unknown client answers the same, revealing nothing (RFC 7592 §2.1).
    response = management(mock, method, "00000000-0000-0000-0000-000000000000", other_token)
    assert response.status_code == 401
    # Nothing was deleted.
    token = client.registration["registration_access_token"]
    assert management(mock, "GET", client.client_id, token).status_code == 200


def test_delete_deprovisions_the_client_and_revokes_its_tokens(mock: Harness) -> None:
    client, bystander = mock.register(), mock.register()
    tokens, kept = mock.tokens(client), mock.tokens(bystander)
    assert mock.api(token=tokens["access_token"]).status_code == 200
    token = client.registration["registration_access_token"]

    response = management(mock, "DELETE", client.client_id, token)
    assert response.status_code == 204
    assert response.content == b""

    assert management(mock, "GET", client.client_id, token).status_code == 401
    assert mock.api(token=tokens["access_token"]).json()["code"] == 401004
    refresh = mock.refresh(client, tokens["refresh_token"])
    assert refresh.status_code == 401
    assert refresh.json()["error"] == "invalid_client"
    assert mock.authorize(client).status_code == 400  # unknown client: no redirect
    # Other clients are untouched.
    assert mock.api(token=kept["access_token"]).status_code == 200


def test_registration_needs_json(mock: Harness) -> None:
    # RFC 7591 §3.1: the request is application/json (the spec answers 415 otherwise).
    response = mock.http.post(
        "/oauth2/register",
        content=b'{"redirect_uris": ["https://app.example/callback"]}',
        headers={"Content-Type": "text/plain"},
    )
    assert response.status_code == 415
    assert response.json()["error"] == "invalid_request"
    ok = mock.http.post(
        "/oauth2/register",
        content=b'{"redirect_uris": ["https://app.example/callback"]}',
        headers={"Content-Type": "application/json; charset=utf-8"},
    )
    assert ok.status_code == 201
