from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.content_topic_type import ContentTopicType, check_content_topic_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="ContentCreateTopicRequest")


@_attrs_define
class ContentCreateTopicRequest:
    """`title` is required for an article (the server refuses an untitled one with 400). The docs
    page allows one hashtag, the SDK five; five are accepted (spec/DISCREPANCIES.md).

    """

    body: str
    title: str | Unset = UNSET
    topic_type: ContentTopicType | Unset = UNSET
    """ `article` (long form, Markdown, titled) or `post` (short, plain text). """
    tickers: list[str] | Unset = UNSET
    hashtags: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        title = self.title

        topic_type: str | Unset = UNSET
        if not isinstance(self.topic_type, Unset):
            topic_type = self.topic_type

        tickers: list[str] | Unset = UNSET
        if not isinstance(self.tickers, Unset):
            tickers = self.tickers

        hashtags: list[str] | Unset = UNSET
        if not isinstance(self.hashtags, Unset):
            hashtags = self.hashtags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "body": body,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if topic_type is not UNSET:
            field_dict["topic_type"] = topic_type
        if tickers is not UNSET:
            field_dict["tickers"] = tickers
        if hashtags is not UNSET:
            field_dict["hashtags"] = hashtags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        title = d.pop("title", UNSET)

        _topic_type = d.pop("topic_type", UNSET)
        topic_type: ContentTopicType | Unset
        if isinstance(_topic_type, Unset):
            topic_type = UNSET
        else:
            topic_type = check_content_topic_type(_topic_type)

        tickers = cast(list[str], d.pop("tickers", UNSET))

        hashtags = cast(list[str], d.pop("hashtags", UNSET))

        content_create_topic_request = cls(
            body=body,
            title=title,
            topic_type=topic_type,
            tickers=tickers,
            hashtags=hashtags,
        )

        content_create_topic_request.additional_properties = d
        return content_create_topic_request

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
