from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.watchlist_security import WatchlistSecurity


T = TypeVar("T", bound="WatchlistGroup")


@_attrs_define
class WatchlistGroup:
    id: int | str
    """ A 64-bit identifier. The SDK and the vendor YAML send a string; documentation examples
    show a number, which loses precision in JavaScript. Clients read it as a string.
     """
    name: str
    securities: list[WatchlistSecurity]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.watchlist_security import WatchlistSecurity  # noqa: PLC0415

        id: int | str
        id = self.id

        name = self.name

        securities = []
        for securities_item_data in self.securities:
            securities_item = securities_item_data.to_dict()
            securities.append(securities_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "securities": securities,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.watchlist_security import WatchlistSecurity  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_id(data: object) -> int | str:
            return cast(int | str, data)

        id = _parse_id(d.pop("id"))

        name = d.pop("name")

        securities = []
        _securities = d.pop("securities")
        for securities_item_data in _securities:
            securities_item = WatchlistSecurity.from_dict(securities_item_data)

            securities.append(securities_item)

        watchlist_group = cls(
            id=id,
            name=name,
            securities=securities,
        )

        watchlist_group.additional_properties = d
        return watchlist_group

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
