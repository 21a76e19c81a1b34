from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_status import OrderStatus, check_order_status
from ..models.order_tag import OrderTag, check_order_tag
from ..models.order_type import OrderType, check_order_type
from ..models.outside_rth import OutsideRTH, check_outside_rth
from ..models.time_in_force import TimeInForce, check_time_in_force
from ..models.trade_attached_order_type import (
    TradeAttachedOrderType,
    check_trade_attached_order_type,
)
from ..models.trigger_status import TriggerStatus, check_trigger_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="TradeAttachedOrder")


@_attrs_define
class TradeAttachedOrder:
    """An order attached to another (SDK `AttachedOrderDetail`)."""

    order_id: int | str
    """ A 64-bit identifier. The SDK and the vendor YAML send a string; documentation examples
    show a number, which loses precision in JavaScript. Clients read it as a string.
     """
    attached_type_display: TradeAttachedOrderType
    """ Kind of an attached order (SDK `AttachedOrderType`). """
    trigger_price: str
    """ A decimal number as text, or `""` (and, per the official SDK, `"--"`) when the value does
    not apply; clients read both as "no value" (https://open.longbridge.com/docs/trade/order/order_detail,
    https://github.com/longbridge/openapi/blob/32cb424b/CHANGELOG.md).
     """
    quantity: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    executed_qty: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    status: OrderStatus
    """ Order status (https://github.com/longbridge/developers/blob/265d5700/docs/en/docs/trade/definition.md);
    `DelayedNotReported` is an order held until its
    `delayed_until` time (SDK 5.3.0, spec/DISCREPANCIES.md).
     """
    updated_at: int | str
    """ Unix seconds. Responses send a string (the SDK's deserializer requires one); some
    documentation examples show a bare number, so both are accepted (spec/DISCREPANCIES.md).
     """
    withdrawn: bool
    gtd: str
    """ A date `YYYY-MM-DD`, or `""` when not applicable (an order's `expire_date`). """
    time_in_force: TimeInForce
    """ Day, good till cancelled, good till `expire_date`
    (https://github.com/longbridge/developers/blob/265d5700/docs/en/docs/trade/definition.md). """
    counter_id: str
    trigger_status: TriggerStatus
    """ State of a conditional order's trigger (https://open.longbridge.com/docs/trade/order/order_detail); `""`
    when not applicable.
     """
    executed_amount: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    tag: OrderTag
    """ Order tag (https://open.longbridge.com/docs/trade/order/order_detail): `Normal`, `GTC` (docs) or `Gtc`
    (SDK), `Grey` (grey
    market); `""` when not applicable. Both spellings of GTC are accepted.
     """
    submitted_at: int | str
    """ Unix seconds. Responses send a string (the SDK's deserializer requires one); some
    documentation examples show a bare number, so both are accepted (spec/DISCREPANCIES.md).
     """
    executed_price: str
    """ A decimal number as text, or `""` (and, per the official SDK, `"--"`) when the value does
    not apply; clients read both as "no value" (https://open.longbridge.com/docs/trade/order/order_detail,
    https://github.com/longbridge/openapi/blob/32cb424b/CHANGELOG.md).
     """
    force_only_rth: OutsideRTH
    """ Trading outside regular hours, US only (https://open.longbridge.com/docs/trade/order/submit,
    https://github.com/longbridge/developers/blob/265d5700/docs/en/docs/trade/definition.md): `RTH_ONLY`,
    `ANY_TIME`, `OVERNIGHT`; the SDK adds `OPTION_PRE_MARKET`, and orders report
    `UnknownOutsideRth` or `""` when it does not apply (HK orders). Every observed value is
    accepted; the mock refuses `""` and `UnknownOutsideRth` in a submitted order.
     """
    reviewed: bool
    activate_order_type: OrderType
    """ Order type (https://github.com/longbridge/developers/blob/265d5700/docs/en/docs/trade/definition.md): LO
    limit, ELO enhanced limit, MO market, AO at-auction,
    ALO at-auction limit, ODD odd lot, LIT limit if touched, MIT market if touched, TSLPAMT /
    TSLPPCT trailing limit if touched by amount / percent, SLO special limit (cannot be
    replaced). `TSMAMT` / `TSMPCT` (trailing market if touched) appear in the vendor YAML only.
     """
    activate_rth: OutsideRTH
    """ Trading outside regular hours, US only (https://open.longbridge.com/docs/trade/order/submit,
    https://github.com/longbridge/developers/blob/265d5700/docs/en/docs/trade/definition.md): `RTH_ONLY`,
    `ANY_TIME`, `OVERNIGHT`; the SDK adds `OPTION_PRE_MARKET`, and orders report
    `UnknownOutsideRth` or `""` when it does not apply (HK orders). Every observed value is
    accepted; the mock refuses `""` and `UnknownOutsideRth` in a submitted order.
     """
    submit_price: str
    """ A decimal number as text, or `""` (and, per the official SDK, `"--"`) when the value does
    not apply; clients read both as "no value" (https://open.longbridge.com/docs/trade/order/order_detail,
    https://github.com/longbridge/openapi/blob/32cb424b/CHANGELOG.md).
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        order_id: int | str
        order_id = self.order_id

        attached_type_display: str = self.attached_type_display

        trigger_price = self.trigger_price

        quantity = self.quantity

        executed_qty = self.executed_qty

        status: str = self.status

        updated_at: int | str
        updated_at = self.updated_at

        withdrawn = self.withdrawn

        gtd = self.gtd

        time_in_force: str = self.time_in_force

        counter_id = self.counter_id

        trigger_status: str = self.trigger_status

        executed_amount = self.executed_amount

        tag: str = self.tag

        submitted_at: int | str
        submitted_at = self.submitted_at

        executed_price = self.executed_price

        force_only_rth: str = self.force_only_rth

        reviewed = self.reviewed

        activate_order_type: str = self.activate_order_type

        activate_rth: str = self.activate_rth

        submit_price = self.submit_price

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "order_id": order_id,
                "attached_type_display": attached_type_display,
                "trigger_price": trigger_price,
                "quantity": quantity,
                "executed_qty": executed_qty,
                "status": status,
                "updated_at": updated_at,
                "withdrawn": withdrawn,
                "gtd": gtd,
                "time_in_force": time_in_force,
                "counter_id": counter_id,
                "trigger_status": trigger_status,
                "executed_amount": executed_amount,
                "tag": tag,
                "submitted_at": submitted_at,
                "executed_price": executed_price,
                "force_only_rth": force_only_rth,
                "reviewed": reviewed,
                "activate_order_type": activate_order_type,
                "activate_rth": activate_rth,
                "submit_price": submit_price,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_order_id(data: object) -> int | str:
            return cast(int | str, data)

        order_id = _parse_order_id(d.pop("order_id"))

        attached_type_display = check_trade_attached_order_type(
            d.pop("attached_type_display")
        )

        trigger_price = d.pop("trigger_price")

        quantity = d.pop("quantity")

        executed_qty = d.pop("executed_qty")

        status = check_order_status(d.pop("status"))

        def _parse_updated_at(data: object) -> int | str:
            return cast(int | str, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        withdrawn = d.pop("withdrawn")

        gtd = d.pop("gtd")

        time_in_force = check_time_in_force(d.pop("time_in_force"))

        counter_id = d.pop("counter_id")

        trigger_status = check_trigger_status(d.pop("trigger_status"))

        executed_amount = d.pop("executed_amount")

        tag = check_order_tag(d.pop("tag"))

        def _parse_submitted_at(data: object) -> int | str:
            return cast(int | str, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at"))

        executed_price = d.pop("executed_price")

        force_only_rth = check_outside_rth(d.pop("force_only_rth"))

        reviewed = d.pop("reviewed")

        activate_order_type = check_order_type(d.pop("activate_order_type"))

        activate_rth = check_outside_rth(d.pop("activate_rth"))

        submit_price = d.pop("submit_price")

        trade_attached_order = cls(
            order_id=order_id,
            attached_type_display=attached_type_display,
            trigger_price=trigger_price,
            quantity=quantity,
            executed_qty=executed_qty,
            status=status,
            updated_at=updated_at,
            withdrawn=withdrawn,
            gtd=gtd,
            time_in_force=time_in_force,
            counter_id=counter_id,
            trigger_status=trigger_status,
            executed_amount=executed_amount,
            tag=tag,
            submitted_at=submitted_at,
            executed_price=executed_price,
            force_only_rth=force_only_rth,
            reviewed=reviewed,
            activate_order_type=activate_order_type,
            activate_rth=activate_rth,
            submit_price=submit_price,
        )

        trade_attached_order.additional_properties = d
        return trade_attached_order

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
