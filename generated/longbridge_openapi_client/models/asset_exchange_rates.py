from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.asset_exchange_rate import AssetExchangeRate


T = TypeVar("T", bound="AssetExchangeRates")


@_attrs_define
class AssetExchangeRates:
    exchanges: list[AssetExchangeRate]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.asset_exchange_rate import AssetExchangeRate  # noqa: PLC0415

        exchanges = []
        for exchanges_item_data in self.exchanges:
            exchanges_item = exchanges_item_data.to_dict()
            exchanges.append(exchanges_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "exchanges": exchanges,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.asset_exchange_rate import AssetExchangeRate  # noqa: PLC0415

        d = dict(src_dict)
        exchanges = []
        _exchanges = d.pop("exchanges")
        for exchanges_item_data in _exchanges:
            exchanges_item = AssetExchangeRate.from_dict(exchanges_item_data)

            exchanges.append(exchanges_item)

        asset_exchange_rates = cls(
            exchanges=exchanges,
        )

        asset_exchange_rates.additional_properties = d
        return asset_exchange_rates

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
