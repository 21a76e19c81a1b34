from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LegacyAccountInfo")


@_attrs_define
class LegacyAccountInfo:
    member_id: int | str
    """ Sent as a string or a number; the sources do not say which. """
    aaid: int | str
    """ Sent as a string or a number; the sources do not say which. """
    account_channel: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        member_id: int | str
        member_id = self.member_id

        aaid: int | str
        aaid = self.aaid

        account_channel = self.account_channel

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "member_id": member_id,
                "aaid": aaid,
                "account_channel": account_channel,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_member_id(data: object) -> int | str:
            return cast(int | str, data)

        member_id = _parse_member_id(d.pop("member_id"))

        def _parse_aaid(data: object) -> int | str:
            return cast(int | str, data)

        aaid = _parse_aaid(d.pop("aaid"))

        account_channel = d.pop("account_channel")

        legacy_account_info = cls(
            member_id=member_id,
            aaid=aaid,
            account_channel=account_channel,
        )

        legacy_account_info.additional_properties = d
        return legacy_account_info

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
