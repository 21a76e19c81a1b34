from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContentImage")


@_attrs_define
class ContentImage:
    url: str | Unset = UNSET
    """ The original image. """
    sm: str | Unset = UNSET
    """ A small thumbnail. """
    lg: str | Unset = UNSET
    """ A large thumbnail. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        sm = self.sm

        lg = self.lg

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if url is not UNSET:
            field_dict["url"] = url
        if sm is not UNSET:
            field_dict["sm"] = sm
        if lg is not UNSET:
            field_dict["lg"] = lg

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url", UNSET)

        sm = d.pop("sm", UNSET)

        lg = d.pop("lg", UNSET)

        content_image = cls(
            url=url,
            sm=sm,
            lg=lg,
        )

        content_image.additional_properties = d
        return content_image

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
