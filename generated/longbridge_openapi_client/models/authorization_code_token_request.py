from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    BinaryIO,
    Generator,
    Literal,
    TextIO,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuthorizationCodeTokenRequest")


@_attrs_define
class AuthorizationCodeTokenRequest:
    """Exchange an authorization code (RFC 6749 §4.1.3, RFC 7636 §4.5)."""

    grant_type: Literal["authorization_code"]
    code: str
    redirect_uri: str
    """ Identical to the `redirect_uri` of the authorization request. """
    client_id: str | Unset = UNSET
    """ Required unless the client authenticates with HTTP Basic (RFC 6749 §4.1.3). """
    client_secret: str | Unset = UNSET
    """ Confidential clients using `client_secret_post` only. """
    code_verifier: str | Unset = UNSET
    """ The PKCE verifier, 43–128 unreserved characters (RFC 7636 §4.1). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grant_type = self.grant_type

        code = self.code

        redirect_uri = self.redirect_uri

        client_id = self.client_id

        client_secret = self.client_secret

        code_verifier = self.code_verifier

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grant_type": grant_type,
                "code": code,
                "redirect_uri": redirect_uri,
            }
        )
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if code_verifier is not UNSET:
            field_dict["code_verifier"] = code_verifier

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grant_type = cast(Literal["authorization_code"], d.pop("grant_type"))
        if grant_type != "authorization_code":
            raise ValueError(
                f"grant_type must match const 'authorization_code', got '{grant_type}'"
            )

        code = d.pop("code")

        redirect_uri = d.pop("redirect_uri")

        client_id = d.pop("client_id", UNSET)

        client_secret = d.pop("client_secret", UNSET)

        code_verifier = d.pop("code_verifier", UNSET)

        authorization_code_token_request = cls(
            grant_type=grant_type,
            code=code,
            redirect_uri=redirect_uri,
            client_id=client_id,
            client_secret=client_secret,
            code_verifier=code_verifier,
        )

        authorization_code_token_request.additional_properties = d
        return authorization_code_token_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Credentials never reach a repr (generator/secret_fields.py).
from .._runtime.secret_repr import mask_secrets  # noqa: E402

mask_secrets(AuthorizationCodeTokenRequest, ("code", "client_secret", "code_verifier"))
