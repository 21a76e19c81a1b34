"""The Token value and its JSON form (runtime/token.py)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from longbridge_openapi_client import Token
from longbridge_openapi_client._runtime.token import DEFAULT_EXPIRES_IN, dc_region

NOW = 1_800_000_000.0


def test_from_response_computes_expiry() -> None:
    token = Token.from_response(
        {
            "access_token": "a" * 40,
            "token_type": "Bearer",
            "expires_in": 2592000,
            "refresh_token": "r",
        },
        NOW,
    )
    assert token.expires_at == NOW + 2592000
    assert token.refresh_token == "r"


def test_expires_in_defaults_to_3600() -> None:
    token = Token.from_response({"access_token": "a", "token_type": "bearer"}, NOW)
    assert token.expires_at == NOW + DEFAULT_EXPIRES_IN == NOW + 3600


def test_refresh_without_new_refresh_token_keeps_the_old_one() -> None:
    old = Token("old-access", NOW, "old-refresh", "4 6")
    new = Token.from_response({"access_token": "new", "token_type": "Bearer"}, NOW, old)
    assert new.refresh_token == "old-refresh"
    assert new.scope == "4 6"


@pytest.mark.parametrize(
    "body",
    [
        {"token_type": "Bearer"},
        {"access_token": "", "token_type": "Bearer"},
        {"access_token": "a", "token_type": "mac"},
        {"access_token": "a"},
        {"access_token": "a", "token_type": "Bearer", "expires_in": "3600"},
        {"access_token": "a", "token_type": "Bearer", "expires_in": True},
    ],
)
def test_malformed_responses_are_refused(body: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"access_token|token_type|expires_in"):
        Token.from_response(body, NOW)


@given(st.sampled_from(["Bearer", "bearer", "BEARER", "bEaReR"]))
def test_token_type_is_case_insensitive(token_type: str) -> None:
    # RFC 6749 §5.1 / §7.1; docs/conformance-checklist.md item 38.
    assert (
        Token.from_response({"access_token": "a", "token_type": token_type}, NOW).token_type
        == "Bearer"
    )


def test_repr_and_str_never_show_credentials() -> None:
    token = Token("access-secret-value-123456", NOW, "refresh-secret-value-123456", "4")
    for text in (repr(token), str(token), f"{token}", f"{[token]}"):
        assert "access-secret" not in text
        assert "refresh-secret" not in text
        assert "123456" not in text


def test_json_round_trip_and_official_sdk_fields() -> None:
    token = Token("access", NOW + 10.7, "refresh", "4 10")
    text = token.to_json("client-1")
    data = json.loads(text)
    # The official SDK's token file: {client_id, access_token, refresh_token, expires_at}.
    assert {"client_id", "access_token", "refresh_token", "expires_at"} <= data.keys()
    assert data["expires_at"] == int(NOW + 10.7)
    back = Token.from_json(text)
    assert (back.access_token, back.refresh_token, back.scope) == ("access", "refresh", "4 10")


def test_reads_the_official_sdk_token_file() -> None:
    sdk = json.dumps(
        {"client_id": "c", "access_token": "a", "refresh_token": None, "expires_at": 1}
    )
    token = Token.from_json(sdk)
    assert token.refresh_token is None
    assert token.expires_at == 1.0


@pytest.mark.parametrize(
    ("credential", "region"), [("us_abc", "us"), ("us_m_x", "us"), ("ap_x", "ap"), ("abc", "ap")]
)
def test_dc_region_from_prefix(credential: str, region: str) -> None:
    assert dc_region(credential) == region
