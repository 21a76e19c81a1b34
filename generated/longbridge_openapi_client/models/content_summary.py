from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContentSummary")


@_attrs_define
class ContentSummary:
    """A news item or a topic as the per-security lists show it (SDK NewsItem, TopicItem)."""

    id: int | str
    """ A 64-bit identifier. The SDK and the vendor YAML send a string; documentation examples
    show a number, which loses precision in JavaScript. Clients read it as a string.
     """
    url: str
    published_at: int | str
    """ Unix seconds. Responses send a string (the SDK's deserializer requires one); some
    documentation examples show a bare number, so both are accepted (spec/DISCREPANCIES.md).
     """
    comments_count: int
    likes_count: int
    shares_count: int
    title: str | Unset = UNSET
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: int | str
        id = self.id

        url = self.url

        published_at: int | str
        published_at = self.published_at

        comments_count = self.comments_count

        likes_count = self.likes_count

        shares_count = self.shares_count

        title = self.title

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
                "published_at": published_at,
                "comments_count": comments_count,
                "likes_count": likes_count,
                "shares_count": shares_count,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_id(data: object) -> int | str:
            return cast(int | str, data)

        id = _parse_id(d.pop("id"))

        url = d.pop("url")

        def _parse_published_at(data: object) -> int | str:
            return cast(int | str, data)

        published_at = _parse_published_at(d.pop("published_at"))

        comments_count = d.pop("comments_count")

        likes_count = d.pop("likes_count")

        shares_count = d.pop("shares_count")

        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        content_summary = cls(
            id=id,
            url=url,
            published_at=published_at,
            comments_count=comments_count,
            likes_count=likes_count,
            shares_count=shares_count,
            title=title,
            description=description,
        )

        content_summary.additional_properties = d
        return content_summary

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
