from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.asset_statements import AssetStatements


T = TypeVar("T", bound="ListStatementsResponse")


@_attrs_define
class ListStatementsResponse:
    code: int
    """ 0 on success; otherwise one of `x-longbridge-error-codes` or an endpoint's own code. """
    message: str
    data: AssetStatements
    """ The SDK's form `{list: [{dt, file_key}]}` (rust/src/asset/types.rs `GetStatementListResponse`).
    The vendor YAML's bare array of `{date, file_key}` cannot be an enveloped object with a
    paged `list`, so it is not modelled
    (https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L1126-L1193; spec/DISCREPANCIES.md).
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.asset_statements import AssetStatements  # noqa: PLC0415

        code = self.code

        message = self.message

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.asset_statements import AssetStatements  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        data = AssetStatements.from_dict(d.pop("data"))

        list_statements_response = cls(
            code=code,
            message=message,
            data=data,
        )

        list_statements_response.additional_properties = d
        return list_statements_response

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
