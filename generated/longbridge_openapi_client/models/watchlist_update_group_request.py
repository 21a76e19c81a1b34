from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.watchlist_update_mode import (
    WatchlistUpdateMode,
    check_watchlist_update_mode,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="WatchlistUpdateGroupRequest")


@_attrs_define
class WatchlistUpdateGroupRequest:
    id: int | str
    """ A 64-bit identifier. The SDK and the vendor YAML send a string; documentation examples
    show a number, which loses precision in JavaScript. Clients read it as a string.
     """
    name: str | Unset = UNSET
    securities: list[str] | Unset = UNSET
    mode: WatchlistUpdateMode | Unset = UNSET
    """ How `securities` applies to the group (SDK SecuritiesUpdateMode; default replace). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: int | str
        id = self.id

        name = self.name

        securities: list[str] | Unset = UNSET
        if not isinstance(self.securities, Unset):
            securities = self.securities

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if securities is not UNSET:
            field_dict["securities"] = securities
        if mode is not UNSET:
            field_dict["mode"] = mode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_id(data: object) -> int | str:
            return cast(int | str, data)

        id = _parse_id(d.pop("id"))

        name = d.pop("name", UNSET)

        securities = cast(list[str], d.pop("securities", UNSET))

        _mode = d.pop("mode", UNSET)
        mode: WatchlistUpdateMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = check_watchlist_update_mode(_mode)

        watchlist_update_group_request = cls(
            id=id,
            name=name,
            securities=securities,
            mode=mode,
        )

        watchlist_update_group_request.additional_properties = d
        return watchlist_update_group_request

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
