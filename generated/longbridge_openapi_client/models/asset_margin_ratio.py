from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetMarginRatio")


@_attrs_define
class AssetMarginRatio:
    im_factor: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    mm_factor: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    fm_factor: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        im_factor = self.im_factor

        mm_factor = self.mm_factor

        fm_factor = self.fm_factor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "im_factor": im_factor,
                "mm_factor": mm_factor,
                "fm_factor": fm_factor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        im_factor = d.pop("im_factor")

        mm_factor = d.pop("mm_factor")

        fm_factor = d.pop("fm_factor")

        asset_margin_ratio = cls(
            im_factor=im_factor,
            mm_factor=mm_factor,
            fm_factor=fm_factor,
        )

        asset_margin_ratio.additional_properties = d
        return asset_margin_ratio

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
