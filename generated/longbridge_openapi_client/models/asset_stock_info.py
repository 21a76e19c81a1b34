from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.market import Market, check_market
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetStockInfo")


@_attrs_define
class AssetStockInfo:
    symbol: str
    """ A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for crypto, `BTCUSD.HAS`
    (spec/DISCREPANCIES.md).
     """
    symbol_name: str
    quantity: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    available_quantity: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    currency: str
    """ A currency code as the API sends it (`HKD`, `USD`, `CNH`, ...). Free text, as the SDK
    reads it (`currency: String`): crypto accounts may hold codes such as `USDT`
    (spec/DISCREPANCIES.md).
     """
    market: Market
    """ Trading market (https://github.com/longbridge/developers/blob/265d5700/docs/en/docs/trade/definition.md; the
    trade docs list HK and US, the vendor YAML more). """
    cost_price: str
    """ A decimal number as text, or `""`, which the official SDK reads as zero
    (`serde_utils::decimal_empty_is_0`; spec/DISCREPANCIES.md lists the fields).
     """
    init_quantity: str | Unset = UNSET
    """ A decimal number as text, or `""` (and, per the official SDK, `"--"`) when the value does
    not apply; clients read both as "no value" (https://open.longbridge.com/docs/trade/order/order_detail,
    https://github.com/longbridge/openapi/blob/32cb424b/CHANGELOG.md).
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        symbol_name = self.symbol_name

        quantity = self.quantity

        available_quantity = self.available_quantity

        currency = self.currency

        market: str = self.market

        cost_price = self.cost_price

        init_quantity = self.init_quantity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "symbol_name": symbol_name,
                "quantity": quantity,
                "available_quantity": available_quantity,
                "currency": currency,
                "market": market,
                "cost_price": cost_price,
            }
        )
        if init_quantity is not UNSET:
            field_dict["init_quantity"] = init_quantity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        symbol_name = d.pop("symbol_name")

        quantity = d.pop("quantity")

        available_quantity = d.pop("available_quantity")

        currency = d.pop("currency")

        market = check_market(d.pop("market"))

        cost_price = d.pop("cost_price")

        init_quantity = d.pop("init_quantity", UNSET)

        asset_stock_info = cls(
            symbol=symbol,
            symbol_name=symbol_name,
            quantity=quantity,
            available_quantity=available_quantity,
            currency=currency,
            market=market,
            cost_price=cost_price,
            init_quantity=init_quantity,
        )

        asset_stock_info.additional_properties = d
        return asset_stock_info

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
