from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetStatement")


@_attrs_define
class AssetStatement:
    dt: int | str
    """ The statement's date as `YYYYMMDD`: an integer in the SDK (`dt: i32`), a string in the vendor
    YAML (`date: "20260327"`); both are accepted
    (https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L1126-L1193). The
    generated models read it as a `datetime.date`.
     """
    file_key: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dt: int | str
        dt = self.dt

        file_key = self.file_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dt": dt,
                "file_key": file_key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_dt(data: object) -> int | str:
            return cast(int | str, data)

        dt = _parse_dt(d.pop("dt"))

        file_key = d.pop("file_key")

        asset_statement = cls(
            dt=dt,
            file_key=file_key,
        )

        asset_statement.additional_properties = d
        return asset_statement

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
