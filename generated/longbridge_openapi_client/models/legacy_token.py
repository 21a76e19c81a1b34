from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.legacy_account_info import LegacyAccountInfo


T = TypeVar("T", bound="LegacyToken")


@_attrs_define
class LegacyToken:
    token: str
    expired_at: str
    """ Expiry of the new token. """
    issued_at: str
    account_info: LegacyAccountInfo
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.legacy_account_info import LegacyAccountInfo  # noqa: PLC0415

        token = self.token

        expired_at = self.expired_at

        issued_at = self.issued_at

        account_info = self.account_info.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "token": token,
                "expired_at": expired_at,
                "issued_at": issued_at,
                "account_info": account_info,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.legacy_account_info import LegacyAccountInfo  # noqa: PLC0415

        d = dict(src_dict)
        token = d.pop("token")

        expired_at = d.pop("expired_at")

        issued_at = d.pop("issued_at")

        account_info = LegacyAccountInfo.from_dict(d.pop("account_info"))

        legacy_token = cls(
            token=token,
            expired_at=expired_at,
            issued_at=issued_at,
            account_info=account_info,
        )

        legacy_token.additional_properties = d
        return legacy_token

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

mask_secrets(LegacyToken, ("token",))
