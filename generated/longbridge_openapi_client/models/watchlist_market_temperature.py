from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WatchlistMarketTemperature")


@_attrs_define
class WatchlistMarketTemperature:
    temperature: int
    description: str
    valuation: int
    sentiment: int
    updated_at: int | str
    """ Unix seconds. Responses send a string (the SDK's deserializer requires one); some
    documentation examples show a bare number, so both are accepted (spec/DISCREPANCIES.md).
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        temperature = self.temperature

        description = self.description

        valuation = self.valuation

        sentiment = self.sentiment

        updated_at: int | str
        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "temperature": temperature,
                "description": description,
                "valuation": valuation,
                "sentiment": sentiment,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        temperature = d.pop("temperature")

        description = d.pop("description")

        valuation = d.pop("valuation")

        sentiment = d.pop("sentiment")

        def _parse_updated_at(data: object) -> int | str:
            return cast(int | str, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        watchlist_market_temperature = cls(
            temperature=temperature,
            description=description,
            valuation=valuation,
            sentiment=sentiment,
            updated_at=updated_at,
        )

        watchlist_market_temperature.additional_properties = d
        return watchlist_market_temperature

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
