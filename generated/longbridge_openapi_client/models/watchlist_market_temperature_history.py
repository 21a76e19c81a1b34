from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.watchlist_market_temperature_history_type import (
    WatchlistMarketTemperatureHistoryType,
    check_watchlist_market_temperature_history_type,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="WatchlistMarketTemperatureHistory")


@_attrs_define
class WatchlistMarketTemperatureHistory:
    list_: list[Any]
    type_: WatchlistMarketTemperatureHistoryType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        list_ = []
        for list_item_data in self.list_:
            list_item: Any
            list_item = list_item_data
            list_.append(list_item)

        type_: str = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "list": list_,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        list_ = []
        _list_ = d.pop("list")
        for list_item_data in _list_:

            def _parse_list_item(data: object) -> Any:
                return cast(Any, data)

            list_item = _parse_list_item(list_item_data)

            list_.append(list_item)

        type_ = check_watchlist_market_temperature_history_type(d.pop("type"))

        watchlist_market_temperature_history = cls(
            list_=list_,
            type_=type_,
        )

        watchlist_market_temperature_history.additional_properties = d
        return watchlist_market_temperature_history

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
