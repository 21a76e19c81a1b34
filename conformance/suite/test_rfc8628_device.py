"""RFC 8628 device authorization grant (checklist extension: items 60, 96, 97).

OPTIONAL in RFC 8414 §2: without a ``device_authorization_endpoint`` these checks skip.
"""

from __future__ import annotations

from typing import Any

import httpx

from conformance.checks import check
from conformance.oauch import oauch
from conformance.redact import mask
from conformance.suite.helpers import OAuthSession, is_refusal, json_of
from conformance.target import Target
from longbridge_openapi_client.api.oauth import request_device_authorization, request_token
from longbridge_openapi_client.models import DeviceAuthorizationRequest, DeviceCodeTokenRequest


def _start(session: OAuthSession) -> dict[str, Any]:
    url = session.endpoints.require("device_authorization_endpoint")
    body = DeviceAuthorizationRequest(client_id=session.client_id)
    if session.endpoints.scope:
        body.scope = session.endpoints.scope
    form = request_device_authorization._get_kwargs(body=body)["data"]
    r = session.token_request(form, url=url)
    assert r.status_code == 200, f"Expected 200. Received: {r.status_code} {r.text}"
    data: dict[str, Any] = r.json()
    return data


def _poll(session: OAuthSession, device_code: str) -> httpx.Response:
    body = DeviceCodeTokenRequest(
        grant_type="urn:ietf:params:oauth:grant-type:device_code",
        device_code=device_code,
        client_id=session.client_id,
    )
    return session.token_request(request_token._get_kwargs(body=body)["data"])


def _error(r: httpx.Response) -> object:
    return json_of(r).get("error") if r.status_code != 200 else None


@check(60, "RFC 8628 §3.2", "MUST", "device")
def test_device_response_fields(session: OAuthSession) -> None:
    data = _start(session)
    for name in ("device_code", "user_code", "verification_uri"):
        assert isinstance(data.get(name), str), f"Expected string {name}. Received: {data}"
    assert isinstance(data.get("expires_in"), int), f"Expected int expires_in. Received: {data}"
    assert isinstance(data.get("interval", 5), int), f"Expected int interval. Received: {data}"


@check(60, "RFC 8628 §3.5", "MUST", "device")
def test_pending_before_approval(session: OAuthSession) -> None:
    r = _poll(session, _start(session)["device_code"])
    assert _error(r) == "authorization_pending", (
        f"Expected authorization_pending. Received: {r.status_code} {r.text}"
    )


@check(60, "RFC 8628 §3.5", "SHOULD", "device", rfc="no")
def test_polling_too_fast_is_slow_down(session: OAuthSession) -> None:
    # §3.5 defines slow_down for the server to ask the client to back off, but requires no server
    # to send it: a server may keep answering authorization_pending (test_pending_before_approval,
    # a MUST in both profiles). Telling a fast poller to slow down is Longbridge's choice here.
    code = _start(session)["device_code"]
    _poll(session, code)
    r = _poll(session, code)
    assert _error(r) == "slow_down", f"Expected slow_down. Received: {r.status_code} {r.text}"


@check(60, "RFC 8628 §3.5", "MUST", "device")
def test_expired_device_code_is_expired_token(session: OAuthSession, mock_only: Target) -> None:
    data = _start(session)
    mock_only.advance_clock(float(data["expires_in"]) + 1)
    r = _poll(session, data["device_code"])
    assert _error(r) == "expired_token", (
        f"Expected expired_token. Received: {r.status_code} {r.text}"
    )


@check(60, "RFC 8628 §3.5", "MUST", "device")
def test_device_code_is_single_use(session: OAuthSession, mock_only: Target) -> None:
    data = _start(session)
    mock_only.advance_clock(60)  # past the mock's auto-approval
    first = _poll(session, data["device_code"])
    assert first.status_code == 200, f"Expected tokens. Received: {first.status_code} {first.text}"
    mock_only.advance_clock(60)
    again = _poll(session, data["device_code"])
    assert again.status_code == 400, (
        f"Expected a second redemption to be refused. Received: {again.status_code} {again.text}"
    )


def _start_form(session: OAuthSession) -> dict[str, str]:
    form = {"client_id": session.client_id}
    if session.endpoints.scope:
        form["scope"] = session.endpoints.scope
    return form


@check(96, "RFC 8628 §3.1; RFC 6749 §3.2, §5.2", "MUST", "device")
@oauch("DeviceAuthEndpoint.SameParameterTwiceDisallowedTest")
def test_repeated_device_parameters_are_refused(session: OAuthSession) -> None:
    # RFC 8628 §3.1 takes RFC 6749's parameter rules: "Request and response parameters MUST NOT
    # be included more than once" (RFC 6749 §3.2).
    url = session.endpoints.require("device_authorization_endpoint")
    pairs = [*_start_form(session).items(), ("client_id", session.client_id)]
    r = session.form_request(url, pairs)
    refused = is_refusal(r) and "device_code" not in json_of(r)
    assert refused, (
        f"Expected a device authorization with client_id sent twice to be refused. "
        f"Received: {r.status_code} {mask(r.text[:300])}"
    )


@check(97, "RFC 8628 §3.1; RFC 6749 §3.2", "MUST", "device")
@oauch("DeviceAuthEndpoint.UnrecognizedParameterAllowedTest")
def test_unknown_device_parameters_are_ignored(session: OAuthSession) -> None:
    # "The authorization server MUST ignore unrecognized request parameters" (RFC 6749 §3.2).
    url = session.endpoints.require("device_authorization_endpoint")
    form = {**_start_form(session), "conformance_extension": "ignored"}
    r = session.token_request(form, url=url)
    ok = r.status_code == 200 and "device_code" in json_of(r)
    assert ok, (
        "Expected a device authorization with an unknown parameter to succeed. "
        f"Received: {r.status_code} {mask(r.text[:300])}"
    )
