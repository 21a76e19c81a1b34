from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TradeReplaceOrderRequest")


@_attrs_define
class TradeReplaceOrderRequest:
    """New quantity and prices of an open order (https://open.longbridge.com/docs/trade/order/replace). `remark` ≤ 255 (the
    docs' replace page says 64; §10 item 8).

    """

    order_id: int | str
    """ A 64-bit identifier. The SDK and the vendor YAML send a string; documentation examples
    show a number, which loses precision in JavaScript. Clients read it as a string.
     """
    quantity: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    price: str | Unset = UNSET
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    trigger_price: str | Unset = UNSET
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    limit_offset: str | Unset = UNSET
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    trailing_amount: str | Unset = UNSET
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    trailing_percent: str | Unset = UNSET
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    remark: str | Unset = UNSET
    limit_depth_level: int | Unset = UNSET
    trigger_count: int | Unset = UNSET
    monitor_price: str | Unset = UNSET
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        order_id: int | str
        order_id = self.order_id

        quantity = self.quantity

        price = self.price

        trigger_price = self.trigger_price

        limit_offset = self.limit_offset

        trailing_amount = self.trailing_amount

        trailing_percent = self.trailing_percent

        remark = self.remark

        limit_depth_level = self.limit_depth_level

        trigger_count = self.trigger_count

        monitor_price = self.monitor_price

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "order_id": order_id,
                "quantity": quantity,
            }
        )
        if price is not UNSET:
            field_dict["price"] = price
        if trigger_price is not UNSET:
            field_dict["trigger_price"] = trigger_price
        if limit_offset is not UNSET:
            field_dict["limit_offset"] = limit_offset
        if trailing_amount is not UNSET:
            field_dict["trailing_amount"] = trailing_amount
        if trailing_percent is not UNSET:
            field_dict["trailing_percent"] = trailing_percent
        if remark is not UNSET:
            field_dict["remark"] = remark
        if limit_depth_level is not UNSET:
            field_dict["limit_depth_level"] = limit_depth_level
        if trigger_count is not UNSET:
            field_dict["trigger_count"] = trigger_count
        if monitor_price is not UNSET:
            field_dict["monitor_price"] = monitor_price

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_order_id(data: object) -> int | str:
            return cast(int | str, data)

        order_id = _parse_order_id(d.pop("order_id"))

        quantity = d.pop("quantity")

        price = d.pop("price", UNSET)

        trigger_price = d.pop("trigger_price", UNSET)

        limit_offset = d.pop("limit_offset", UNSET)

        trailing_amount = d.pop("trailing_amount", UNSET)

        trailing_percent = d.pop("trailing_percent", UNSET)

        remark = d.pop("remark", UNSET)

        limit_depth_level = d.pop("limit_depth_level", UNSET)

        trigger_count = d.pop("trigger_count", UNSET)

        monitor_price = d.pop("monitor_price", UNSET)

        trade_replace_order_request = cls(
            order_id=order_id,
            quantity=quantity,
            price=price,
            trigger_price=trigger_price,
            limit_offset=limit_offset,
            trailing_amount=trailing_amount,
            trailing_percent=trailing_percent,
            remark=remark,
            limit_depth_level=limit_depth_level,
            trigger_count=trigger_count,
            monitor_price=monitor_price,
        )

        trade_replace_order_request.additional_properties = d
        return trade_replace_order_request

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
