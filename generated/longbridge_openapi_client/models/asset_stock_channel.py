from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.asset_stock_info import AssetStockInfo


T = TypeVar("T", bound="AssetStockChannel")


@_attrs_define
class AssetStockChannel:
    account_channel: str
    stock_info: list[AssetStockInfo] | Unset = UNSET
    """ Absent for a channel without stocks; the SDK reads absence as empty. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.asset_stock_info import AssetStockInfo  # noqa: PLC0415

        account_channel = self.account_channel

        stock_info: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.stock_info, Unset):
            stock_info = []
            for stock_info_item_data in self.stock_info:
                stock_info_item = stock_info_item_data.to_dict()
                stock_info.append(stock_info_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_channel": account_channel,
            }
        )
        if stock_info is not UNSET:
            field_dict["stock_info"] = stock_info

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.asset_stock_info import AssetStockInfo  # noqa: PLC0415

        d = dict(src_dict)
        account_channel = d.pop("account_channel")

        _stock_info = d.pop("stock_info", UNSET)
        stock_info: list[AssetStockInfo] | Unset = UNSET
        if _stock_info is not UNSET:
            stock_info = []
            for stock_info_item_data in _stock_info:
                stock_info_item = AssetStockInfo.from_dict(stock_info_item_data)

                stock_info.append(stock_info_item)

        asset_stock_channel = cls(
            account_channel=account_channel,
            stock_info=stock_info,
        )

        asset_stock_channel.additional_properties = d
        return asset_stock_channel

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
