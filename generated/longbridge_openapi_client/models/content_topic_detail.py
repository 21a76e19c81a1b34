from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_topic import ContentTopic


T = TypeVar("T", bound="ContentTopicDetail")


@_attrs_define
class ContentTopicDetail:
    item: ContentTopic
    """ A topic in full (SDK OwnedTopic). The SDK reads every member but `id`, `author`,
    `created_at` and `updated_at` with `#[serde(default)]`, `topic_type` as free text.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.content_topic import ContentTopic  # noqa: PLC0415

        item = self.item.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "item": item,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.content_topic import ContentTopic  # noqa: PLC0415

        d = dict(src_dict)
        item = ContentTopic.from_dict(d.pop("item"))

        content_topic_detail = cls(
            item=item,
        )

        content_topic_detail.additional_properties = d
        return content_topic_detail

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
