from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.asset_fund_info import AssetFundInfo


T = TypeVar("T", bound="AssetFundChannel")


@_attrs_define
class AssetFundChannel:
    account_channel: str
    fund_info: list[AssetFundInfo] | Unset = UNSET
    """ Absent for a channel without funds; the SDK reads absence as empty. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.asset_fund_info import AssetFundInfo  # noqa: PLC0415

        account_channel = self.account_channel

        fund_info: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fund_info, Unset):
            fund_info = []
            for fund_info_item_data in self.fund_info:
                fund_info_item = fund_info_item_data.to_dict()
                fund_info.append(fund_info_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_channel": account_channel,
            }
        )
        if fund_info is not UNSET:
            field_dict["fund_info"] = fund_info

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.asset_fund_info import AssetFundInfo  # noqa: PLC0415

        d = dict(src_dict)
        account_channel = d.pop("account_channel")

        _fund_info = d.pop("fund_info", UNSET)
        fund_info: list[AssetFundInfo] | Unset = UNSET
        if _fund_info is not UNSET:
            fund_info = []
            for fund_info_item_data in _fund_info:
                fund_info_item = AssetFundInfo.from_dict(fund_info_item_data)

                fund_info.append(fund_info_item)

        asset_fund_channel = cls(
            account_channel=account_channel,
            fund_info=fund_info,
        )

        asset_fund_channel.additional_properties = d
        return asset_fund_channel

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
