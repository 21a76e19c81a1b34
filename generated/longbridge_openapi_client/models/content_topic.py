from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.content_topic_type import ContentTopicType, check_content_topic_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_author import ContentAuthor
    from ..models.content_image import ContentImage


T = TypeVar("T", bound="ContentTopic")


@_attrs_define
class ContentTopic:
    """A topic in full (SDK OwnedTopic). The SDK reads every member but `id`, `author`,
    `created_at` and `updated_at` with `#[serde(default)]`, `topic_type` as free text.

    """

    id: int | str
    """ A 64-bit identifier. The SDK and the vendor YAML send a string; documentation examples
    show a number, which loses precision in JavaScript. Clients read it as a string.
     """
    created_at: int | str
    """ Unix seconds. Responses send a string (the SDK's deserializer requires one); some
    documentation examples show a bare number, so both are accepted (spec/DISCREPANCIES.md).
     """
    title: str | Unset = UNSET
    """ May be empty for a short post. """
    description: str | Unset = UNSET
    """ A plain-text excerpt of the body. """
    body: str | Unset = UNSET
    """ Markdown for an article """
    topic_type: ContentTopicType | Unset = UNSET
    """ `article` (long form, Markdown, titled) or `post` (short, plain text). """
    tickers: list[str] | Unset = UNSET
    hashtags: list[str] | Unset = UNSET
    images: list[ContentImage] | Unset = UNSET
    likes_count: int | Unset = UNSET
    comments_count: int | Unset = UNSET
    views_count: int | Unset = UNSET
    shares_count: int | Unset = UNSET
    license_: int | Unset = UNSET
    """ Copyright declaration: 0 none, 1 original, 2 not original. """
    detail_url: str | Unset = UNSET
    author: ContentAuthor | Unset = UNSET
    updated_at: int | str | Unset = UNSET
    """ Unix seconds. Responses send a string (the SDK's deserializer requires one); some
    documentation examples show a bare number, so both are accepted (spec/DISCREPANCIES.md).
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.content_author import ContentAuthor  # noqa: PLC0415
        from ..models.content_image import ContentImage  # noqa: PLC0415

        id: int | str
        id = self.id

        created_at: int | str
        created_at = self.created_at

        title = self.title

        description = self.description

        body = self.body

        topic_type: str | Unset = UNSET
        if not isinstance(self.topic_type, Unset):
            topic_type = self.topic_type

        tickers: list[str] | Unset = UNSET
        if not isinstance(self.tickers, Unset):
            tickers = self.tickers

        hashtags: list[str] | Unset = UNSET
        if not isinstance(self.hashtags, Unset):
            hashtags = self.hashtags

        images: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.images, Unset):
            images = []
            for images_item_data in self.images:
                images_item = images_item_data.to_dict()
                images.append(images_item)

        likes_count = self.likes_count

        comments_count = self.comments_count

        views_count = self.views_count

        shares_count = self.shares_count

        license_ = self.license_

        detail_url = self.detail_url

        author: dict[str, Any] | Unset = UNSET
        if not isinstance(self.author, Unset):
            author = self.author.to_dict()

        updated_at: int | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if body is not UNSET:
            field_dict["body"] = body
        if topic_type is not UNSET:
            field_dict["topic_type"] = topic_type
        if tickers is not UNSET:
            field_dict["tickers"] = tickers
        if hashtags is not UNSET:
            field_dict["hashtags"] = hashtags
        if images is not UNSET:
            field_dict["images"] = images
        if likes_count is not UNSET:
            field_dict["likes_count"] = likes_count
        if comments_count is not UNSET:
            field_dict["comments_count"] = comments_count
        if views_count is not UNSET:
            field_dict["views_count"] = views_count
        if shares_count is not UNSET:
            field_dict["shares_count"] = shares_count
        if license_ is not UNSET:
            field_dict["license"] = license_
        if detail_url is not UNSET:
            field_dict["detail_url"] = detail_url
        if author is not UNSET:
            field_dict["author"] = author
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.content_author import ContentAuthor  # noqa: PLC0415
        from ..models.content_image import ContentImage  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_id(data: object) -> int | str:
            return cast(int | str, data)

        id = _parse_id(d.pop("id"))

        def _parse_created_at(data: object) -> int | str:
            return cast(int | str, data)

        created_at = _parse_created_at(d.pop("created_at"))

        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        body = d.pop("body", UNSET)

        _topic_type = d.pop("topic_type", UNSET)
        topic_type: ContentTopicType | Unset
        if isinstance(_topic_type, Unset):
            topic_type = UNSET
        else:
            topic_type = check_content_topic_type(_topic_type)

        tickers = cast(list[str], d.pop("tickers", UNSET))

        hashtags = cast(list[str], d.pop("hashtags", UNSET))

        _images = d.pop("images", UNSET)
        images: list[ContentImage] | Unset = UNSET
        if _images is not UNSET:
            images = []
            for images_item_data in _images:
                images_item = ContentImage.from_dict(images_item_data)

                images.append(images_item)

        likes_count = d.pop("likes_count", UNSET)

        comments_count = d.pop("comments_count", UNSET)

        views_count = d.pop("views_count", UNSET)

        shares_count = d.pop("shares_count", UNSET)

        license_ = d.pop("license", UNSET)

        detail_url = d.pop("detail_url", UNSET)

        _author = d.pop("author", UNSET)
        author: ContentAuthor | Unset
        if isinstance(_author, Unset):
            author = UNSET
        else:
            author = ContentAuthor.from_dict(_author)

        def _parse_updated_at(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        content_topic = cls(
            id=id,
            created_at=created_at,
            title=title,
            description=description,
            body=body,
            topic_type=topic_type,
            tickers=tickers,
            hashtags=hashtags,
            images=images,
            likes_count=likes_count,
            comments_count=comments_count,
            views_count=views_count,
            shares_count=shares_count,
            license_=license_,
            detail_url=detail_url,
            author=author,
            updated_at=updated_at,
        )

        content_topic.additional_properties = d
        return content_topic

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
