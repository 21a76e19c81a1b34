from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WatchlistFiling")


@_attrs_define
class WatchlistFiling:
    id: str
    title: str
    file_name: str
    file_urls: list[str]
    publish_at: int | str
    """ Unix seconds. Responses send a string (the SDK's deserializer requires one); some
    documentation examples show a bare number, so both are accepted (spec/DISCREPANCIES.md).
     """
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        file_name = self.file_name

        file_urls = self.file_urls

        publish_at: int | str
        publish_at = self.publish_at

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "file_name": file_name,
                "file_urls": file_urls,
                "publish_at": publish_at,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        file_name = d.pop("file_name")

        file_urls = cast(list[str], d.pop("file_urls"))

        def _parse_publish_at(data: object) -> int | str:
            return cast(int | str, data)

        publish_at = _parse_publish_at(d.pop("publish_at"))

        description = d.pop("description", UNSET)

        watchlist_filing = cls(
            id=id,
            title=title,
            file_name=file_name,
            file_urls=file_urls,
            publish_at=publish_at,
            description=description,
        )

        watchlist_filing.additional_properties = d
        return watchlist_filing

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
