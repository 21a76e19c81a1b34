from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.asset_statement import AssetStatement


T = TypeVar("T", bound="AssetStatements")


@_attrs_define
class AssetStatements:
    """The SDK's form `{list: [{dt, file_key}]}` (rust/src/asset/types.rs `GetStatementListResponse`).
    The vendor YAML's bare array of `{date, file_key}` cannot be an enveloped object with a
    paged `list`, so it is not modelled
    (https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L1126-L1193; spec/DISCREPANCIES.md).

    """

    list_: list[AssetStatement]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.asset_statement import AssetStatement  # noqa: PLC0415

        list_ = []
        for list_item_data in self.list_:
            list_item = list_item_data.to_dict()
            list_.append(list_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "list": list_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.asset_statement import AssetStatement  # noqa: PLC0415

        d = dict(src_dict)
        list_ = []
        _list_ = d.pop("list")
        for list_item_data in _list_:
            list_item = AssetStatement.from_dict(list_item_data)

            list_.append(list_item)

        asset_statements = cls(
            list_=list_,
        )

        asset_statements.additional_properties = d
        return asset_statements

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
