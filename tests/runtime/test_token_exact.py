"""Token, exactly: each message, boundary and field, so that a changed one fails a test."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from longbridge_openapi_client import FileTokenStore, Token, TokenFileError
from longbridge_openapi_client._runtime.token import ServerValueWarning

NOW = 1_800_000_000.0


def test_repr_masks_each_credential_and_shows_none_as_none() -> None:
    token = Token("a", NOW + 0.4, None, "4 6")
    assert repr(token) == (
        "Token(access_token='<redacted>', refresh_token=None, expires_at=1800000000, "
        "scope='4 6', token_type='Bearer')"
    )
    with_refresh = Token("a", NOW, "r")
    assert "refresh_token='<redacted>'" in repr(with_refresh)
    assert str(with_refresh) == repr(with_refresh)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"token_type": "Bearer"}, "token response without access_token"),
        ({"access_token": 5, "token_type": "Bearer"}, "token response without access_token"),
        (
            {"access_token": "a", "token_type": "mac"},
            "unsupported token_type 'mac' (RFC 6749 §7.1)",
        ),
        ({"access_token": "a"}, "unsupported token_type None (RFC 6749 §7.1)"),
        (
            {"access_token": "a", "token_type": "Bearer", "expires_in": "60"},
            "expires_in is not a number",
        ),
    ],
)
def test_response_errors_say_exactly_what_is_wrong(body: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)) as caught:
        Token.from_response(body, NOW)
    assert str(caught.value) == message


def test_a_refresh_token_that_is_not_text_keeps_the_previous_one() -> None:
    previous = Token("old", NOW, "r-old", "4")
    body = {"access_token": "new", "token_type": "Bearer", "refresh_token": 123, "scope": 7}
    token = Token.from_response(body, NOW, previous)
    assert (token.refresh_token, token.scope) == ("r-old", "4")
    assert token.token_type == "Bearer"
    empty = Token.from_response({**body, "refresh_token": ""}, NOW, previous)
    assert empty.refresh_token == "r-old"  # "" would wipe the kept one
    assert Token.from_response(body, NOW).refresh_token is None


def test_the_clamp_warning_points_at_the_caller() -> None:
    with pytest.warns(ServerValueWarning) as caught:
        Token.from_response({"access_token": "a", "token_type": "Bearer", "expires_in": 1}, NOW)
    assert caught[0].filename == __file__


@pytest.mark.parametrize(
    ("expires_at", "within"),
    [(NOW + 300, True), (NOW + 300.001, False), (NOW + 299, True), (NOW - 1, True)],
)
def test_expires_within_includes_the_boundary(expires_at: float, within: bool) -> None:
    assert Token("a", expires_at).expires_within(300, NOW) is within


def test_with_access_replaces_only_the_access_token_and_expiry() -> None:
    token = Token("a", NOW, "r", "4", "Bearer")
    assert token.with_access("b", NOW + 5) == Token("b", NOW + 5, "r", "4", "Bearer")


def test_to_json_is_the_sdk_layout_indented_by_two() -> None:
    text = Token("a", NOW + 0.9, "r", "4").to_json("cid")
    assert text == json.dumps(
        {
            "client_id": "cid",
            "access_token": "a",
            "refresh_token": "r",
            "expires_at": 1800000000,
            "scope": "4",
            "token_type": "Bearer",
        },
        indent=2,
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ("[]", "not a JSON object"),
        ('{"expires_at": 1}', "no access_token"),
        ('{"access_token": "a", "expires_at": "1"}', "expires_at is not a number"),
        ('{"access_token": "a", "expires_at": true}', "expires_at is not a number"),
        ('{"access_token": "a", "expires_at": 1e20}', "expires_at is not a time"),
        ('{"access_token": "a", "expires_at": -0.5}', "expires_at is not a time"),
    ],
)
def test_token_file_errors_name_the_reason(tmp_path: Path, content: str, reason: str) -> None:
    (tmp_path / "cid").write_text(content, encoding="utf-8")
    with pytest.raises(TokenFileError) as caught:
        FileTokenStore(tmp_path).load("cid")
    assert caught.value.reason == reason
    assert str(caught.value) == (
        f"the token file {tmp_path / 'cid'} is unusable ({reason}); "
        "run `longbridge-openapi login` to replace it"
    )


def test_token_file_fields_of_the_wrong_type_are_dropped() -> None:
    text = '{"access_token": "a", "expires_at": 5, "refresh_token": 3, "scope": 4}'
    assert Token.from_json(text) == Token("a", 5.0, None, None)
