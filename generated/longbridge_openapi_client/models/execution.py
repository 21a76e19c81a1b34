from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_side import OrderSide, check_order_side
from ..types import UNSET, Unset

T = TypeVar("T", bound="Execution")


@_attrs_define
class Execution:
    """One fill of an order (https://open.longbridge.com/docs/trade/execution/today_executions)."""

    order_id: int | str
    """ A 64-bit identifier. The SDK and the vendor YAML send a string; documentation examples
    show a number, which loses precision in JavaScript. Clients read it as a string.
     """
    trade_id: str
    symbol: str
    """ A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for crypto, `BTCUSD.HAS`
    (spec/DISCREPANCIES.md).
     """
    trade_done_at: int | str
    """ Unix seconds. Responses send a string (the SDK's deserializer requires one); some
    documentation examples show a bare number, so both are accepted (spec/DISCREPANCIES.md).
     """
    quantity: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    price: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    side: OrderSide | Unset = UNSET
    """ Buy or sell (https://open.longbridge.com/docs/trade/order/submit). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        order_id: int | str
        order_id = self.order_id

        trade_id = self.trade_id

        symbol = self.symbol

        trade_done_at: int | str
        trade_done_at = self.trade_done_at

        quantity = self.quantity

        price = self.price

        side: str | Unset = UNSET
        if not isinstance(self.side, Unset):
            side = self.side

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "order_id": order_id,
                "trade_id": trade_id,
                "symbol": symbol,
                "trade_done_at": trade_done_at,
                "quantity": quantity,
                "price": price,
            }
        )
        if side is not UNSET:
            field_dict["side"] = side

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_order_id(data: object) -> int | str:
            return cast(int | str, data)

        order_id = _parse_order_id(d.pop("order_id"))

        trade_id = d.pop("trade_id")

        symbol = d.pop("symbol")

        def _parse_trade_done_at(data: object) -> int | str:
            return cast(int | str, data)

        trade_done_at = _parse_trade_done_at(d.pop("trade_done_at"))

        quantity = d.pop("quantity")

        price = d.pop("price")

        _side = d.pop("side", UNSET)
        side: OrderSide | Unset
        if isinstance(_side, Unset):
            side = UNSET
        else:
            side = check_order_side(_side)

        execution = cls(
            order_id=order_id,
            trade_id=trade_id,
            symbol=symbol,
            trade_done_at=trade_done_at,
            quantity=quantity,
            price=price,
            side=side,
        )

        execution.additional_properties = d
        return execution

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
