from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WatchlistTemperatureRow")


@_attrs_define
class WatchlistTemperatureRow:
    timestamp: int | str
    """ Unix seconds. Responses send a string (the SDK's deserializer requires one); some
    documentation examples show a bare number, so both are accepted (spec/DISCREPANCIES.md).
     """
    temperature: int
    valuation: int
    sentiment: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        timestamp: int | str
        timestamp = self.timestamp

        temperature = self.temperature

        valuation = self.valuation

        sentiment = self.sentiment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "timestamp": timestamp,
                "temperature": temperature,
                "valuation": valuation,
                "sentiment": sentiment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_timestamp(data: object) -> int | str:
            return cast(int | str, data)

        timestamp = _parse_timestamp(d.pop("timestamp"))

        temperature = d.pop("temperature")

        valuation = d.pop("valuation")

        sentiment = d.pop("sentiment")

        watchlist_temperature_row = cls(
            timestamp=timestamp,
            temperature=temperature,
            valuation=valuation,
            sentiment=sentiment,
        )

        watchlist_temperature_row.additional_properties = d
        return watchlist_temperature_row

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
