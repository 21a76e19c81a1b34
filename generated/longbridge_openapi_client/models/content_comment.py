from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_author import ContentAuthor
    from ..models.content_image import ContentImage


T = TypeVar("T", bound="ContentComment")


@_attrs_define
class ContentComment:
    """A reply on a topic (SDK TopicReply)."""

    id: int | str
    """ A 64-bit identifier. The SDK and the vendor YAML send a string; documentation examples
    show a number, which loses precision in JavaScript. Clients read it as a string.
     """
    topic_id: int | str
    """ A 64-bit identifier. The SDK and the vendor YAML send a string; documentation examples
    show a number, which loses precision in JavaScript. Clients read it as a string.
     """
    created_at: int | str
    """ Unix seconds. Responses send a string (the SDK's deserializer requires one); some
    documentation examples show a bare number, so both are accepted (spec/DISCREPANCIES.md).
     """
    body: str | Unset = UNSET
    """ Plain text. """
    reply_to_id: str | Unset = UNSET
    """ The reply this one answers; `"0"` for a top-level reply. The SDK reads an absent one
    as `""` (`#[serde(default)]`), so `""` is accepted too.
     """
    author: ContentAuthor | Unset = UNSET
    images: list[ContentImage] | Unset = UNSET
    likes_count: int | Unset = UNSET
    comments_count: int | Unset = UNSET
    """ Replies to this reply. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.content_author import ContentAuthor  # noqa: PLC0415
        from ..models.content_image import ContentImage  # noqa: PLC0415

        id: int | str
        id = self.id

        topic_id: int | str
        topic_id = self.topic_id

        created_at: int | str
        created_at = self.created_at

        body = self.body

        reply_to_id = self.reply_to_id

        author: dict[str, Any] | Unset = UNSET
        if not isinstance(self.author, Unset):
            author = self.author.to_dict()

        images: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.images, Unset):
            images = []
            for images_item_data in self.images:
                images_item = images_item_data.to_dict()
                images.append(images_item)

        likes_count = self.likes_count

        comments_count = self.comments_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "topic_id": topic_id,
                "created_at": created_at,
            }
        )
        if body is not UNSET:
            field_dict["body"] = body
        if reply_to_id is not UNSET:
            field_dict["reply_to_id"] = reply_to_id
        if author is not UNSET:
            field_dict["author"] = author
        if images is not UNSET:
            field_dict["images"] = images
        if likes_count is not UNSET:
            field_dict["likes_count"] = likes_count
        if comments_count is not UNSET:
            field_dict["comments_count"] = comments_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.content_author import ContentAuthor  # noqa: PLC0415
        from ..models.content_image import ContentImage  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_id(data: object) -> int | str:
            return cast(int | str, data)

        id = _parse_id(d.pop("id"))

        def _parse_topic_id(data: object) -> int | str:
            return cast(int | str, data)

        topic_id = _parse_topic_id(d.pop("topic_id"))

        def _parse_created_at(data: object) -> int | str:
            return cast(int | str, data)

        created_at = _parse_created_at(d.pop("created_at"))

        body = d.pop("body", UNSET)

        reply_to_id = d.pop("reply_to_id", UNSET)

        _author = d.pop("author", UNSET)
        author: ContentAuthor | Unset
        if isinstance(_author, Unset):
            author = UNSET
        else:
            author = ContentAuthor.from_dict(_author)

        _images = d.pop("images", UNSET)
        images: list[ContentImage] | Unset = UNSET
        if _images is not UNSET:
            images = []
            for images_item_data in _images:
                images_item = ContentImage.from_dict(images_item_data)

                images.append(images_item)

        likes_count = d.pop("likes_count", UNSET)

        comments_count = d.pop("comments_count", UNSET)

        content_comment = cls(
            id=id,
            topic_id=topic_id,
            created_at=created_at,
            body=body,
            reply_to_id=reply_to_id,
            author=author,
            images=images,
            likes_count=likes_count,
            comments_count=comments_count,
        )

        content_comment.additional_properties = d
        return content_comment

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
