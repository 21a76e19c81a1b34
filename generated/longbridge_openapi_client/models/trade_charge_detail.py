from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.trade_charge_item import TradeChargeItem


T = TypeVar("T", bound="TradeChargeDetail")


@_attrs_define
class TradeChargeDetail:
    """Fees charged for an order (https://open.longbridge.com/docs/trade/order/order_detail)."""

    total_amount: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    currency: str
    """ A currency code as the API sends it (`HKD`, `USD`, `CNH`, ...). Free text, as the SDK
    reads it (`currency: String`): crypto accounts may hold codes such as `USDT`
    (spec/DISCREPANCIES.md).
     """
    items: list[TradeChargeItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.trade_charge_item import TradeChargeItem  # noqa: PLC0415

        total_amount = self.total_amount

        currency = self.currency

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total_amount": total_amount,
                "currency": currency,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trade_charge_item import TradeChargeItem  # noqa: PLC0415

        d = dict(src_dict)
        total_amount = d.pop("total_amount")

        currency = d.pop("currency")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = TradeChargeItem.from_dict(items_item_data)

            items.append(items_item)

        trade_charge_detail = cls(
            total_amount=total_amount,
            currency=currency,
            items=items,
        )

        trade_charge_detail.additional_properties = d
        return trade_charge_detail

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
