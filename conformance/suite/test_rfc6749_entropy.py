"""Credentials cannot be guessed (checklist extension: item 66).

RFC 6749 §10.10 (https://www.rfc-editor.org/rfc/rfc6749#section-10.10): the probability of
guessing a token or other credential MUST be at most 2^-128 and SHOULD be at most 2^-160;
RFC 8628 §5.2 says the same of device codes. The bits are estimated over a sample of each kind
by conformance/entropy.py (its docstring gives the method: per-position distribution, alphabet
and length, the random part of UUIDs and JWTs only, shared prefixes removed). Messages name the
estimate and the bound that decided it, never a value.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conformance.checks import check
from conformance.entropy import MUST_BITS, SHOULD_BITS, Estimate, estimate_entropy
from conformance.oauch import oauch
from conformance.suite.helpers import OAuthSession, Server
from longbridge_openapi_client import Pkce
from longbridge_openapi_client.api.oauth import request_device_authorization
from longbridge_openapi_client.models import DeviceAuthorizationRequest

SAMPLE = 32  # enough for the per-position bound to see a counter, cheap on any server
KINDS = ("access_token", "refresh_token", "code", "client_secret", "device_code")


def _codes_and_tokens(session: OAuthSession) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {"access_token": [], "refresh_token": [], "code": []}
    for _ in range(SAMPLE):
        grant = session.grant(pkce=Pkce.generate())
        found["code"].append(grant.code)
        response = session.exchange(grant)
        assert response.status_code == 200, f"code exchange failed: {response.status_code}"
        body = response.json()
        found["access_token"].append(body["access_token"])
        if "refresh_token" in body:
            found["refresh_token"].append(body["refresh_token"])
    return found


def _client_secrets(server: Server) -> list[str]:
    if server.endpoints.url("registration_endpoint") is None:
        pytest.skip("needs open registration to sample client secrets")
    secrets = []
    for _ in range(SAMPLE):
        client = server.client(token_endpoint_auth_method="client_secret_basic")
        assert client.secret is not None, "a confidential registration returned no secret"
        secrets.append(client.secret)
    return secrets


def _device_codes(session: OAuthSession) -> list[str]:
    url = session.endpoints.url("device_authorization_endpoint")
    if url is None:
        pytest.skip("the server advertises no device_authorization_endpoint (RFC 8628 §4)")
    codes = []
    for _ in range(SAMPLE):
        body = DeviceAuthorizationRequest(client_id=session.client_id)
        form = request_device_authorization._get_kwargs(body=body)["data"]
        r = session.token_request(form, url=url)
        assert r.status_code == 200, f"device authorization failed: {r.status_code}"
        codes.append(r.json()["device_code"])
    return codes


@pytest.fixture(scope="module")
def estimates() -> dict[str, Estimate]:
    """Filled by the first check that runs; both levels judge the same sample."""
    return {}


def _estimate(
    kind: str, estimates: dict[str, Estimate], session: OAuthSession, server: Server
) -> Estimate:
    if kind not in estimates:
        gather: dict[str, Callable[[], dict[str, list[str]]]] = {
            "client_secret": lambda: {"client_secret": _client_secrets(server)},
            "device_code": lambda: {"device_code": _device_codes(session)},
        }
        for name, sample in gather.get(kind, lambda: _codes_and_tokens(session))().items():
            if len(sample) < 2:
                pytest.skip(f"the server issued fewer than two {name}s to estimate over")
            estimates[name] = estimate_entropy(sample)
    return estimates[kind]


def _message(kind: str, estimate: Estimate, bound: int) -> str:
    return (
        f"Expected at least {bound} bits in each {kind}. Estimated {estimate.bits:.0f} bits "
        f"({estimate.format}; {estimate.reason}) over {SAMPLE} of them."
    )


@check(66, "RFC 6749 §10.10; RFC 8628 §5.2", "MUST", "token")
@oauch(
    "Tokens.AccessTokenEntropyMinReqTest",
    "Tokens.RefreshTokenEntropyMinReqTest",
    "Tokens.AuthorizationCodeEntropyMinReqTest",
    "TokenEndpoint.ClientSecretEntropyMinReqTest",
    "Tokens.DeviceCodeEntropyTest",
)
@pytest.mark.parametrize("kind", KINDS)
def test_credentials_carry_128_bits(
    kind: str, estimates: dict[str, Estimate], session: OAuthSession, server: Server
) -> None:
    estimate = _estimate(kind, estimates, session, server)
    assert estimate.bits >= MUST_BITS, _message(kind, estimate, MUST_BITS)


@check(66, "RFC 6749 §10.10", "SHOULD", "token")
@oauch(
    "Tokens.AccessTokenEntropySugReqTest",
    "Tokens.RefreshTokenEntropySugReqTest",
    "Tokens.AuthorizationCodeEntropySugReqTest",
    "TokenEndpoint.ClientSecretEntropySugReqTest",
)
@pytest.mark.parametrize("kind", KINDS[:4])
def test_credentials_carry_160_bits(
    kind: str, estimates: dict[str, Estimate], session: OAuthSession, server: Server
) -> None:
    estimate = _estimate(kind, estimates, session, server)
    assert estimate.bits >= SHOULD_BITS, _message(kind, estimate, SHOULD_BITS)
