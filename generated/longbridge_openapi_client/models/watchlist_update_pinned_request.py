from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.watchlist_pinned_mode import (
    WatchlistPinnedMode,
    check_watchlist_pinned_mode,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="WatchlistUpdatePinnedRequest")


@_attrs_define
class WatchlistUpdatePinnedRequest:
    mode: WatchlistPinnedMode
    """ add pins, remove unpins (values sent by the Longbridge CLI; §5.1). """
    securities: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mode: str = self.mode

        securities = self.securities

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mode": mode,
                "securities": securities,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        mode = check_watchlist_pinned_mode(d.pop("mode"))

        securities = cast(list[str], d.pop("securities"))

        watchlist_update_pinned_request = cls(
            mode=mode,
            securities=securities,
        )

        watchlist_update_pinned_request.additional_properties = d
        return watchlist_update_pinned_request

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
