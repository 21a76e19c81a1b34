from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_status import OrderStatus, check_order_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="TradeOrderHistoryEntry")


@_attrs_define
class TradeOrderHistoryEntry:
    """One change of an order (https://open.longbridge.com/docs/trade/order/order_detail, order detail `history[]`)."""

    price: str
    """ A decimal number as text, or `""`, which the official SDK reads as zero
    (`serde_utils::decimal_empty_is_0`; spec/DISCREPANCIES.md lists the fields).
     """
    quantity: str
    """ A decimal number as text, or `""`, which the official SDK reads as zero
    (`serde_utils::decimal_empty_is_0`; spec/DISCREPANCIES.md lists the fields).
     """
    status: OrderStatus
    """ Order status (https://github.com/longbridge/developers/blob/265d5700/docs/en/docs/trade/definition.md);
    `DelayedNotReported` is an order held until its
    `delayed_until` time (SDK 5.3.0, spec/DISCREPANCIES.md).
     """
    msg: str
    time: int | str
    """ Unix seconds. Responses send a string (the SDK's deserializer requires one); some
    documentation examples show a bare number, so both are accepted (spec/DISCREPANCIES.md).
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        price = self.price

        quantity = self.quantity

        status: str = self.status

        msg = self.msg

        time: int | str
        time = self.time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "price": price,
                "quantity": quantity,
                "status": status,
                "msg": msg,
                "time": time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        price = d.pop("price")

        quantity = d.pop("quantity")

        status = check_order_status(d.pop("status"))

        msg = d.pop("msg")

        def _parse_time(data: object) -> int | str:
            return cast(int | str, data)

        time = _parse_time(d.pop("time"))

        trade_order_history_entry = cls(
            price=price,
            quantity=quantity,
            status=status,
            msg=msg,
            time=time,
        )

        trade_order_history_entry.additional_properties = d
        return trade_order_history_entry

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
