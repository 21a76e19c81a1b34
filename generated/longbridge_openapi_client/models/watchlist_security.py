from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WatchlistSecurity")


@_attrs_define
class WatchlistSecurity:
    symbol: str
    """ A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for crypto, `BTCUSD.HAS`
    (spec/DISCREPANCIES.md).
     """
    market: str
    """ Market code such as HK or US. """
    name: str
    watched_price: str
    """ A decimal number as text, or `""` (and, per the official SDK, `"--"`) when the value does
    not apply; clients read both as "no value" (https://open.longbridge.com/docs/trade/order/order_detail,
    https://github.com/longbridge/openapi/blob/32cb424b/CHANGELOG.md).
     """
    watched_at: int | str
    """ Unix seconds. Responses send a string (the SDK's deserializer requires one); some
    documentation examples show a bare number, so both are accepted (spec/DISCREPANCIES.md).
     """
    is_pinned: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        market = self.market

        name = self.name

        watched_price = self.watched_price

        watched_at: int | str
        watched_at = self.watched_at

        is_pinned = self.is_pinned

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "market": market,
                "name": name,
                "watched_price": watched_price,
                "watched_at": watched_at,
            }
        )
        if is_pinned is not UNSET:
            field_dict["is_pinned"] = is_pinned

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        market = d.pop("market")

        name = d.pop("name")

        watched_price = d.pop("watched_price")

        def _parse_watched_at(data: object) -> int | str:
            return cast(int | str, data)

        watched_at = _parse_watched_at(d.pop("watched_at"))

        is_pinned = d.pop("is_pinned", UNSET)

        watchlist_security = cls(
            symbol=symbol,
            market=market,
            name=name,
            watched_price=watched_price,
            watched_at=watched_at,
            is_pinned=is_pinned,
        )

        watchlist_security.additional_properties = d
        return watchlist_security

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
