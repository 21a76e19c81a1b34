from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetExchangeRate")


@_attrs_define
class AssetExchangeRate:
    """One currency pair; field names from the SDK's `PortfolioContext::exchange_rate`
    (rust/src/portfolio/types.rs) and the CLI. Not documented on the docs site.

    """

    base_currency: str
    """ A currency code as the API sends it (`HKD`, `USD`, `CNH`, ...). Free text, as the SDK
    reads it (`currency: String`): crypto accounts may hold codes such as `USDT`
    (spec/DISCREPANCIES.md).
     """
    other_currency: str
    """ A currency code as the API sends it (`HKD`, `USD`, `CNH`, ...). Free text, as the SDK
    reads it (`currency: String`): crypto accounts may hold codes such as `USDT`
    (spec/DISCREPANCIES.md).
     """
    average_rate: float | str
    """ A rate. The SDK reads a JSON number (`f64`); the CLI prints numbers or strings. Both are
    accepted; the generated models read either as a `Decimal`.
     """
    bid_rate: float | str
    """ A rate. The SDK reads a JSON number (`f64`); the CLI prints numbers or strings. Both are
    accepted; the generated models read either as a `Decimal`.
     """
    offer_rate: float | str
    """ A rate. The SDK reads a JSON number (`f64`); the CLI prints numbers or strings. Both are
    accepted; the generated models read either as a `Decimal`.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base_currency = self.base_currency

        other_currency = self.other_currency

        average_rate: float | str
        average_rate = self.average_rate

        bid_rate: float | str
        bid_rate = self.bid_rate

        offer_rate: float | str
        offer_rate = self.offer_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "base_currency": base_currency,
                "other_currency": other_currency,
                "average_rate": average_rate,
                "bid_rate": bid_rate,
                "offer_rate": offer_rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        base_currency = d.pop("base_currency")

        other_currency = d.pop("other_currency")

        def _parse_average_rate(data: object) -> float | str:
            return cast(float | str, data)

        average_rate = _parse_average_rate(d.pop("average_rate"))

        def _parse_bid_rate(data: object) -> float | str:
            return cast(float | str, data)

        bid_rate = _parse_bid_rate(d.pop("bid_rate"))

        def _parse_offer_rate(data: object) -> float | str:
            return cast(float | str, data)

        offer_rate = _parse_offer_rate(d.pop("offer_rate"))

        asset_exchange_rate = cls(
            base_currency=base_currency,
            other_currency=other_currency,
            average_rate=average_rate,
            bid_rate=bid_rate,
            offer_rate=offer_rate,
        )

        asset_exchange_rate.additional_properties = d
        return asset_exchange_rate

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
