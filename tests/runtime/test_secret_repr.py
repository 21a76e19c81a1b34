"""No repr of a generated model shows a credential, and the CLI never sends a server's control
characters to the terminal."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pydantic
import pytest

import longbridge_openapi_client.models as models
from generator.secret_fields import SECRET_FIELDS, read_secret_keys, secret_fields_of
from longbridge_openapi_client import OAuthError, schemas
from longbridge_openapi_client._runtime.cli.failures import failure_message
from longbridge_openapi_client._runtime.cli.output import print_err, printable
from longbridge_openapi_client._runtime.secret_repr import SECRET_KEYS
from longbridge_openapi_client.models import ClientInformation, TokenResponse

SECRET = "s3cr3t-value"


def classes_of(module: ModuleType) -> list[type]:
    return [
        c for c in vars(module).values() if inspect.isclass(c) and c.__module__ == module.__name__
    ]


def generated_classes() -> list[type]:
    classes = classes_of(schemas)
    for info in pkgutil.iter_modules(models.__path__):
        classes += classes_of(importlib.import_module(f"{models.__name__}.{info.name}"))
    return classes


def field_names(cls: type) -> list[str]:
    if attrs.has(cls):
        return [f.name for f in attrs.fields(cls)]
    if issubclass(cls, pydantic.BaseModel):
        return list(cls.model_fields)
    return []


def test_every_generated_model_with_a_credential_masks_it() -> None:
    checked = 0
    for cls in generated_classes():
        names = [n for n in field_names(cls) if n in SECRET_FIELDS]
        if cls.__name__.endswith("TokenRequest") and "code" in field_names(cls):
            names.append("code")
        if not names:
            continue
        masked = cls.__repr__ if attrs.has(cls) else cls.__repr_args__  # type: ignore[attr-defined]
        assert set(getattr(masked, "__masks__", ())) >= set(names), cls
        checked += 1
    assert checked >= 15  # the attrs and the pydantic twin of each OAuth model, and more


def test_client_information_repr_masks_its_credentials() -> None:
    info = ClientInformation.from_dict(
        {
            "client_id": "cid",
            "client_secret": SECRET,
            "registration_access_token": SECRET + "-rat",
            "client_name": "bot",
            "extra": SECRET,  # unknown keys are not credentials by name: shown
            "refresh_token": SECRET,  # but a credential's name is masked there too
        }
    )
    text = repr(info)
    assert text.startswith("ClientInformation(client_id='cid'")
    assert "client_secret='<redacted>'" in text
    assert "registration_access_token='<redacted>'" in text
    assert "client_name='bot'" in text
    assert text.count(SECRET) == 1  # only "extra"
    assert "'refresh_token': '<redacted>'" in text
    assert str(info) == text


def test_unset_credentials_stay_visible_as_unset() -> None:
    text = repr(ClientInformation.from_dict({"client_id": "cid"}))
    assert "client_secret=UNSET" in text
    assert "redacted" not in text


def test_token_response_models_mask_both_tokens() -> None:
    body: dict[str, Any] = {
        "access_token": SECRET,
        "refresh_token": SECRET,
        "token_type": "Bearer",
        "expires_in": 3600,
    }
    for value in (TokenResponse.from_dict(body), schemas.TokenResponse.model_validate(body)):
        assert SECRET not in repr(value)
        assert SECRET not in str(value)
        assert "expires_in=3600" in repr(value)


def test_socket_otp_is_masked() -> None:
    token = schemas.SocketToken.model_validate({"otp": SECRET, "limit": 5, "online": 1})
    assert SECRET not in repr(token)
    assert "limit=5" in repr(token)


def test_the_generator_masks_the_fields_the_runtime_names() -> None:
    assert SECRET_FIELDS == SECRET_KEYS  # read from generator/runtime/secret_repr.py
    assert "client_secret" in SECRET_FIELDS


def test_read_secret_keys_reads_the_literal_and_refuses_anything_else(tmp_path: Path) -> None:
    module = tmp_path / "secret_repr.py"
    module.write_text('MASK = "x"\nSECRET_KEYS = frozenset({"a", "b"})\n', encoding="utf-8")
    assert read_secret_keys(module) == {"a", "b"}
    module.write_text("SECRET_KEYS = frozenset(NAMES)\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no SECRET_KEYS"):
        read_secret_keys(module)


def test_secret_fields_of_reads_the_generated_source() -> None:
    source = (
        "class AuthorizationCodeTokenRequest:\n    code: str\n    client_secret: str\n"
        "class TradeChargeFee:\n    code: str\n    name: str\n"
        "class Plain:\n    x: int\n"
    )
    assert secret_fields_of(source) == {
        "AuthorizationCodeTokenRequest": ("code", "client_secret"),
    }


# -- the terminal ----------------------------------------------------------------------------------

HOSTILE = "bad\x1b]0;pwned\x07\x1b[2J\x9b31m\u202eevil\x00 end"


def test_printable_shows_controls_as_escapes() -> None:
    shown = printable(HOSTILE)
    assert shown == "bad\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\u202eevil\\x00 end"
    assert printable("line one\n\ttwo – 中文") == "line one\n\ttwo – 中文"


def test_cli_errors_from_a_server_reach_the_terminal_inert(
    capsys: pytest.CaptureFixture[str],
) -> None:
    print_err(failure_message(OAuthError("invalid_grant", HOSTILE, 400)))
    err = capsys.readouterr().err
    assert err.startswith("error: the server refused: invalid_grant: bad\\x1b]0;pwned")
    for control in ("\x1b", "\x07", "\x9b", "\u202e", "\x00"):
        assert control not in err
