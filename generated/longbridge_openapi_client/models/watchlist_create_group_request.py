from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WatchlistCreateGroupRequest")


@_attrs_define
class WatchlistCreateGroupRequest:
    """No length limit on `name` is documented (https://open.longbridge.com/docs/quote/individual/watchlist_create_group);
    an empty name names nothing and is refused.

    """

    name: str
    securities: list[str] | Unset = UNSET
    """ Display order follows this list. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        securities: list[str] | Unset = UNSET
        if not isinstance(self.securities, Unset):
            securities = self.securities

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if securities is not UNSET:
            field_dict["securities"] = securities

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        securities = cast(list[str], d.pop("securities", UNSET))

        watchlist_create_group_request = cls(
            name=name,
            securities=securities,
        )

        watchlist_create_group_request.additional_properties = d
        return watchlist_create_group_request

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
