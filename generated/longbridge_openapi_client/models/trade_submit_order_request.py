from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_side import OrderSide, check_order_side
from ..models.order_type import OrderType, check_order_type
from ..models.outside_rth import OutsideRTH, check_outside_rth
from ..models.time_in_force import TimeInForce, check_time_in_force
from ..types import UNSET, Unset

T = TypeVar("T", bound="TradeSubmitOrderRequest")


@_attrs_define
class TradeSubmitOrderRequest:
    """An order to place (https://open.longbridge.com/docs/trade/order/submit). Conditional fields: see the operation.
    Decimal inputs are decimal text, as the SDK sends them.

    """

    symbol: str
    """ A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for crypto, `BTCUSD.HAS`
    (spec/DISCREPANCIES.md).
     """
    order_type: OrderType
    """ Order type (https://github.com/longbridge/developers/blob/265d5700/docs/en/docs/trade/definition.md): LO
    limit, ELO enhanced limit, MO market, AO at-auction,
    ALO at-auction limit, ODD odd lot, LIT limit if touched, MIT market if touched, TSLPAMT /
    TSLPPCT trailing limit if touched by amount / percent, SLO special limit (cannot be
    replaced). `TSMAMT` / `TSMPCT` (trailing market if touched) appear in the vendor YAML only.
     """
    side: OrderSide
    """ Buy or sell (https://open.longbridge.com/docs/trade/order/submit). """
    submitted_quantity: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    time_in_force: TimeInForce
    """ Day, good till cancelled, good till `expire_date`
    (https://github.com/longbridge/developers/blob/265d5700/docs/en/docs/trade/definition.md). """
    submitted_price: str | Unset = UNSET
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    trigger_price: str | Unset = UNSET
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    limit_offset: str | Unset = UNSET
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    trailing_amount: str | Unset = UNSET
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    trailing_percent: str | Unset = UNSET
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    expire_date: str | Unset = UNSET
    """ A calendar date `YYYY-MM-DD` (https://open.longbridge.com/docs/trade/order/submit, `expire_date`). A pattern
    rather than
    `format: date`, which the model generator cannot combine with one; the mock also refuses
    dates that do not exist.
     """
    outside_rth: OutsideRTH | Unset = UNSET
    """ Trading outside regular hours, US only (https://open.longbridge.com/docs/trade/order/submit,
    https://github.com/longbridge/developers/blob/265d5700/docs/en/docs/trade/definition.md): `RTH_ONLY`,
    `ANY_TIME`, `OVERNIGHT`; the SDK adds `OPTION_PRE_MARKET`, and orders report
    `UnknownOutsideRth` or `""` when it does not apply (HK orders). Every observed value is
    accepted; the mock refuses `""` and `UnknownOutsideRth` in a submitted order.
     """
    remark: str | Unset = UNSET
    limit_depth_level: int | Unset = UNSET
    monitor_price: str | Unset = UNSET
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    trigger_count: int | Unset = UNSET
    client_request_id: str | Unset = UNSET
    """ Idempotency key (SDK 4.4.0+): a repeated id with the same body answers the first
    order's id and places nothing; with a different body it is refused.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        order_type: str = self.order_type

        side: str = self.side

        submitted_quantity = self.submitted_quantity

        time_in_force: str = self.time_in_force

        submitted_price = self.submitted_price

        trigger_price = self.trigger_price

        limit_offset = self.limit_offset

        trailing_amount = self.trailing_amount

        trailing_percent = self.trailing_percent

        expire_date = self.expire_date

        outside_rth: str | Unset = UNSET
        if not isinstance(self.outside_rth, Unset):
            outside_rth = self.outside_rth

        remark = self.remark

        limit_depth_level = self.limit_depth_level

        monitor_price = self.monitor_price

        trigger_count = self.trigger_count

        client_request_id = self.client_request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "order_type": order_type,
                "side": side,
                "submitted_quantity": submitted_quantity,
                "time_in_force": time_in_force,
            }
        )
        if submitted_price is not UNSET:
            field_dict["submitted_price"] = submitted_price
        if trigger_price is not UNSET:
            field_dict["trigger_price"] = trigger_price
        if limit_offset is not UNSET:
            field_dict["limit_offset"] = limit_offset
        if trailing_amount is not UNSET:
            field_dict["trailing_amount"] = trailing_amount
        if trailing_percent is not UNSET:
            field_dict["trailing_percent"] = trailing_percent
        if expire_date is not UNSET:
            field_dict["expire_date"] = expire_date
        if outside_rth is not UNSET:
            field_dict["outside_rth"] = outside_rth
        if remark is not UNSET:
            field_dict["remark"] = remark
        if limit_depth_level is not UNSET:
            field_dict["limit_depth_level"] = limit_depth_level
        if monitor_price is not UNSET:
            field_dict["monitor_price"] = monitor_price
        if trigger_count is not UNSET:
            field_dict["trigger_count"] = trigger_count
        if client_request_id is not UNSET:
            field_dict["client_request_id"] = client_request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        order_type = check_order_type(d.pop("order_type"))

        side = check_order_side(d.pop("side"))

        submitted_quantity = d.pop("submitted_quantity")

        time_in_force = check_time_in_force(d.pop("time_in_force"))

        submitted_price = d.pop("submitted_price", UNSET)

        trigger_price = d.pop("trigger_price", UNSET)

        limit_offset = d.pop("limit_offset", UNSET)

        trailing_amount = d.pop("trailing_amount", UNSET)

        trailing_percent = d.pop("trailing_percent", UNSET)

        expire_date = d.pop("expire_date", UNSET)

        _outside_rth = d.pop("outside_rth", UNSET)
        outside_rth: OutsideRTH | Unset
        if isinstance(_outside_rth, Unset):
            outside_rth = UNSET
        else:
            outside_rth = check_outside_rth(_outside_rth)

        remark = d.pop("remark", UNSET)

        limit_depth_level = d.pop("limit_depth_level", UNSET)

        monitor_price = d.pop("monitor_price", UNSET)

        trigger_count = d.pop("trigger_count", UNSET)

        client_request_id = d.pop("client_request_id", UNSET)

        trade_submit_order_request = cls(
            symbol=symbol,
            order_type=order_type,
            side=side,
            submitted_quantity=submitted_quantity,
            time_in_force=time_in_force,
            submitted_price=submitted_price,
            trigger_price=trigger_price,
            limit_offset=limit_offset,
            trailing_amount=trailing_amount,
            trailing_percent=trailing_percent,
            expire_date=expire_date,
            outside_rth=outside_rth,
            remark=remark,
            limit_depth_level=limit_depth_level,
            monitor_price=monitor_price,
            trigger_count=trigger_count,
            client_request_id=client_request_id,
        )

        trade_submit_order_request.additional_properties = d
        return trade_submit_order_request

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
