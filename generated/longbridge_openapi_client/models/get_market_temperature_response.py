from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GetMarketTemperatureResponse")


@_attrs_define
class GetMarketTemperatureResponse:
    code: int
    """ 0 on success; otherwise one of `x-longbridge-error-codes` or an endpoint's own code. """
    message: str
    data: Any
    """ The SDK reads the time from `timestamp` or its alias `updated_at`, and an absent
    `description` as `""` (spec/DISCREPANCIES.md): one of the two times is required.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        data: Any
        data = self.data

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
        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        def _parse_data(data: object) -> Any:
            return cast(Any, data)

        data = _parse_data(d.pop("data"))

        get_market_temperature_response = cls(
            code=code,
            message=message,
            data=data,
        )

        get_market_temperature_response.additional_properties = d
        return get_market_temperature_response

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
