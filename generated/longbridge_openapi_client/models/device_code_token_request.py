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

T = TypeVar("T", bound="DeviceCodeTokenRequest")


@_attrs_define
class DeviceCodeTokenRequest:
    """Poll for the device grant (RFC 8628 §3.4)."""

    grant_type: Literal["urn:ietf:params:oauth:grant-type:device_code"]
    device_code: str
    client_id: str | Unset = UNSET
    client_secret: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grant_type = self.grant_type

        device_code = self.device_code

        client_id = self.client_id

        client_secret = self.client_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grant_type": grant_type,
                "device_code": device_code,
            }
        )
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grant_type = cast(
            Literal["urn:ietf:params:oauth:grant-type:device_code"], d.pop("grant_type")
        )
        if grant_type != "urn:ietf:params:oauth:grant-type:device_code":
            raise ValueError(
                f"grant_type must match const 'urn:ietf:params:oauth:grant-type:device_code', got '{grant_type}'"
            )

        device_code = d.pop("device_code")

        client_id = d.pop("client_id", UNSET)

        client_secret = d.pop("client_secret", UNSET)

        device_code_token_request = cls(
            grant_type=grant_type,
            device_code=device_code,
            client_id=client_id,
            client_secret=client_secret,
        )

        device_code_token_request.additional_properties = d
        return device_code_token_request

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

mask_secrets(DeviceCodeTokenRequest, ("device_code", "client_secret"))
