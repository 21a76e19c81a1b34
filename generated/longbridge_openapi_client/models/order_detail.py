from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_side import OrderSide, check_order_side
from ..models.order_status import OrderStatus, check_order_status
from ..models.order_tag import OrderTag, check_order_tag
from ..models.order_type import OrderType, check_order_type
from ..models.outside_rth import OutsideRTH, check_outside_rth
from ..models.time_in_force import TimeInForce, check_time_in_force
from ..models.trade_commission_free_status import (
    TradeCommissionFreeStatus,
    check_trade_commission_free_status,
)
from ..models.trade_deduction_status import (
    TradeDeductionStatus,
    check_trade_deduction_status,
)
from ..models.trigger_status import TriggerStatus, check_trigger_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.trade_attached_order import TradeAttachedOrder
    from ..models.trade_charge_detail import TradeChargeDetail
    from ..models.trade_order_history_entry import TradeOrderHistoryEntry


T = TypeVar("T", bound="OrderDetail")


@_attrs_define
class OrderDetail:
    """An order with its detail (https://open.longbridge.com/docs/trade/order/order_detail): commission-free (`free_*`),
    deduction
    (`deductions_*`) and platform-deduction (`platform_deducted_*`) status, amount and currency
    (`""` or null when not applicable; the statuses are the SDK's enumerations, which map
    unknown values to Unknown),
    the status `history` and the `charge_detail` (null for attached orders, SDK 4.4.2).

    """

    order_id: int | str
    """ A 64-bit identifier. The SDK and the vendor YAML send a string; documentation examples
    show a number, which loses precision in JavaScript. Clients read it as a string.
     """
    status: OrderStatus
    """ Order status (https://github.com/longbridge/developers/blob/265d5700/docs/en/docs/trade/definition.md);
    `DelayedNotReported` is an order held until its
    `delayed_until` time (SDK 5.3.0, spec/DISCREPANCIES.md).
     """
    stock_name: str
    quantity: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    executed_quantity: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    price: str
    """ A decimal number as text, or `""` (and, per the official SDK, `"--"`) when the value does
    not apply; clients read both as "no value" (https://open.longbridge.com/docs/trade/order/order_detail,
    https://github.com/longbridge/openapi/blob/32cb424b/CHANGELOG.md).
     """
    executed_price: str
    """ A decimal number as text, or `""` (and, per the official SDK, `"--"`) when the value does
    not apply; clients read both as "no value" (https://open.longbridge.com/docs/trade/order/order_detail,
    https://github.com/longbridge/openapi/blob/32cb424b/CHANGELOG.md).
     """
    submitted_at: int | str
    """ Unix seconds. Responses send a string (the SDK's deserializer requires one); some
    documentation examples show a bare number, so both are accepted (spec/DISCREPANCIES.md).
     """
    side: OrderSide
    """ Buy or sell (https://open.longbridge.com/docs/trade/order/submit). """
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
    last_done: str
    """ A decimal number as text, or `""` (and, per the official SDK, `"--"`) when the value does
    not apply; clients read both as "no value" (https://open.longbridge.com/docs/trade/order/order_detail,
    https://github.com/longbridge/openapi/blob/32cb424b/CHANGELOG.md).
     """
    trigger_price: str
    """ A decimal number as text, or `""` (and, per the official SDK, `"--"`) when the value does
    not apply; clients read both as "no value" (https://open.longbridge.com/docs/trade/order/order_detail,
    https://github.com/longbridge/openapi/blob/32cb424b/CHANGELOG.md).
     """
    msg: str
    """ The rejection or other message; `""` when none. """
    tag: OrderTag
    """ Order tag (https://open.longbridge.com/docs/trade/order/order_detail): `Normal`, `GTC` (docs) or `Gtc`
    (SDK), `Grey` (grey
    market); `""` when not applicable. Both spellings of GTC are accepted.
     """
    time_in_force: TimeInForce
    """ Day, good till cancelled, good till `expire_date`
    (https://github.com/longbridge/developers/blob/265d5700/docs/en/docs/trade/definition.md). """
    expire_date: str
    """ A date `YYYY-MM-DD`, or `""` when not applicable (an order's `expire_date`). """
    updated_at: int | str
    """ Unix seconds as for `Timestamp`, or `""` when the event has not happened; clients read
    `""` and `"0"` as "not happened", as the SDK's `timestamp_opt` does.
     """
    trigger_at: int | str
    """ Unix seconds as for `Timestamp`, or `""` when the event has not happened; clients read
    `""` and `"0"` as "not happened", as the SDK's `timestamp_opt` does.
     """
    trailing_amount: str
    """ A decimal number as text, or `""` (and, per the official SDK, `"--"`) when the value does
    not apply; clients read both as "no value" (https://open.longbridge.com/docs/trade/order/order_detail,
    https://github.com/longbridge/openapi/blob/32cb424b/CHANGELOG.md).
     """
    trailing_percent: str
    """ A decimal number as text, or `""` (and, per the official SDK, `"--"`) when the value does
    not apply; clients read both as "no value" (https://open.longbridge.com/docs/trade/order/order_detail,
    https://github.com/longbridge/openapi/blob/32cb424b/CHANGELOG.md).
     """
    limit_offset: str
    """ A decimal number as text, or `""` (and, per the official SDK, `"--"`) when the value does
    not apply; clients read both as "no value" (https://open.longbridge.com/docs/trade/order/order_detail,
    https://github.com/longbridge/openapi/blob/32cb424b/CHANGELOG.md).
     """
    trigger_status: TriggerStatus
    """ State of a conditional order's trigger (https://open.longbridge.com/docs/trade/order/order_detail); `""`
    when not applicable.
     """
    currency: str
    """ A currency code as the API sends it (`HKD`, `USD`, `CNH`, ...). Free text, as the SDK
    reads it (`currency: String`): crypto accounts may hold codes such as `USDT`
    (spec/DISCREPANCIES.md).
     """
    outside_rth: OutsideRTH
    """ Trading outside regular hours, US only (https://open.longbridge.com/docs/trade/order/submit,
    https://github.com/longbridge/developers/blob/265d5700/docs/en/docs/trade/definition.md): `RTH_ONLY`,
    `ANY_TIME`, `OVERNIGHT`; the SDK adds `OPTION_PRE_MARKET`, and orders report
    `UnknownOutsideRth` or `""` when it does not apply (HK orders). Every observed value is
    accepted; the mock refuses `""` and `UnknownOutsideRth` in a submitted order.
     """
    history: list[TradeOrderHistoryEntry]
    remark: str | Unset = UNSET
    limit_depth_level: int | Unset = UNSET
    monitor_price: str | Unset = UNSET
    """ A decimal number as text, or `""` (and, per the official SDK, `"--"`) when the value does
    not apply; clients read both as "no value" (https://open.longbridge.com/docs/trade/order/order_detail,
    https://github.com/longbridge/openapi/blob/32cb424b/CHANGELOG.md).
     """
    trigger_count: int | Unset = UNSET
    attached_orders: list[TradeAttachedOrder] | Unset = UNSET
    """ Take-profit / stop-loss orders attached to this one; absent means none (the SDK's
    `#[serde(default)]`).
     """
    free_status: TradeCommissionFreeStatus | Unset = UNSET
    """ Commission-free status of an order (SDK `CommissionFreeStatus`). """
    free_amount: str | Unset = UNSET
    """ A decimal number as text, or `""` (and, per the official SDK, `"--"`) when the value does
    not apply; clients read both as "no value" (https://open.longbridge.com/docs/trade/order/order_detail,
    https://github.com/longbridge/openapi/blob/32cb424b/CHANGELOG.md).
     """
    free_currency: None | str | Unset = UNSET
    deductions_status: TradeDeductionStatus | Unset = UNSET
    """ Deduction status of an order (SDK `DeductionStatus`). """
    deductions_amount: str | Unset = UNSET
    """ A decimal number as text, or `""` (and, per the official SDK, `"--"`) when the value does
    not apply; clients read both as "no value" (https://open.longbridge.com/docs/trade/order/order_detail,
    https://github.com/longbridge/openapi/blob/32cb424b/CHANGELOG.md).
     """
    deductions_currency: None | str | Unset = UNSET
    platform_deducted_status: TradeDeductionStatus | Unset = UNSET
    """ Deduction status of an order (SDK `DeductionStatus`). """
    platform_deducted_amount: str | Unset = UNSET
    """ A decimal number as text, or `""` (and, per the official SDK, `"--"`) when the value does
    not apply; clients read both as "no value" (https://open.longbridge.com/docs/trade/order/order_detail,
    https://github.com/longbridge/openapi/blob/32cb424b/CHANGELOG.md).
     """
    platform_deducted_currency: None | str | Unset = UNSET
    charge_detail: None | TradeChargeDetail | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.trade_attached_order import TradeAttachedOrder  # noqa: PLC0415
        from ..models.trade_charge_detail import TradeChargeDetail  # noqa: PLC0415
        from ..models.trade_order_history_entry import TradeOrderHistoryEntry  # noqa: PLC0415

        order_id: int | str
        order_id = self.order_id

        status: str = self.status

        stock_name = self.stock_name

        quantity = self.quantity

        executed_quantity = self.executed_quantity

        price = self.price

        executed_price = self.executed_price

        submitted_at: int | str
        submitted_at = self.submitted_at

        side: str = self.side

        symbol = self.symbol

        order_type: str = self.order_type

        last_done = self.last_done

        trigger_price = self.trigger_price

        msg = self.msg

        tag: str = self.tag

        time_in_force: str = self.time_in_force

        expire_date = self.expire_date

        updated_at: int | str
        updated_at = self.updated_at

        trigger_at: int | str
        trigger_at = self.trigger_at

        trailing_amount = self.trailing_amount

        trailing_percent = self.trailing_percent

        limit_offset = self.limit_offset

        trigger_status: str = self.trigger_status

        currency = self.currency

        outside_rth: str = self.outside_rth

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        remark = self.remark

        limit_depth_level = self.limit_depth_level

        monitor_price = self.monitor_price

        trigger_count = self.trigger_count

        attached_orders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attached_orders, Unset):
            attached_orders = []
            for attached_orders_item_data in self.attached_orders:
                attached_orders_item = attached_orders_item_data.to_dict()
                attached_orders.append(attached_orders_item)

        free_status: str | Unset = UNSET
        if not isinstance(self.free_status, Unset):
            free_status = self.free_status

        free_amount = self.free_amount

        free_currency: None | str | Unset
        if isinstance(self.free_currency, Unset):
            free_currency = UNSET
        else:
            free_currency = self.free_currency

        deductions_status: str | Unset = UNSET
        if not isinstance(self.deductions_status, Unset):
            deductions_status = self.deductions_status

        deductions_amount = self.deductions_amount

        deductions_currency: None | str | Unset
        if isinstance(self.deductions_currency, Unset):
            deductions_currency = UNSET
        else:
            deductions_currency = self.deductions_currency

        platform_deducted_status: str | Unset = UNSET
        if not isinstance(self.platform_deducted_status, Unset):
            platform_deducted_status = self.platform_deducted_status

        platform_deducted_amount = self.platform_deducted_amount

        platform_deducted_currency: None | str | Unset
        if isinstance(self.platform_deducted_currency, Unset):
            platform_deducted_currency = UNSET
        else:
            platform_deducted_currency = self.platform_deducted_currency

        charge_detail: dict[str, Any] | None | Unset
        if isinstance(self.charge_detail, Unset):
            charge_detail = UNSET
        elif isinstance(self.charge_detail, TradeChargeDetail):
            charge_detail = self.charge_detail.to_dict()
        else:
            charge_detail = self.charge_detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "order_id": order_id,
                "status": status,
                "stock_name": stock_name,
                "quantity": quantity,
                "executed_quantity": executed_quantity,
                "price": price,
                "executed_price": executed_price,
                "submitted_at": submitted_at,
                "side": side,
                "symbol": symbol,
                "order_type": order_type,
                "last_done": last_done,
                "trigger_price": trigger_price,
                "msg": msg,
                "tag": tag,
                "time_in_force": time_in_force,
                "expire_date": expire_date,
                "updated_at": updated_at,
                "trigger_at": trigger_at,
                "trailing_amount": trailing_amount,
                "trailing_percent": trailing_percent,
                "limit_offset": limit_offset,
                "trigger_status": trigger_status,
                "currency": currency,
                "outside_rth": outside_rth,
                "history": history,
            }
        )
        if remark is not UNSET:
            field_dict["remark"] = remark
        if limit_depth_level is not UNSET:
            field_dict["limit_depth_level"] = limit_depth_level
        if monitor_price is not UNSET:
            field_dict["monitor_price"] = monitor_price
        if trigger_count is not UNSET:
            field_dict["trigger_count"] = trigger_count
        if attached_orders is not UNSET:
            field_dict["attached_orders"] = attached_orders
        if free_status is not UNSET:
            field_dict["free_status"] = free_status
        if free_amount is not UNSET:
            field_dict["free_amount"] = free_amount
        if free_currency is not UNSET:
            field_dict["free_currency"] = free_currency
        if deductions_status is not UNSET:
            field_dict["deductions_status"] = deductions_status
        if deductions_amount is not UNSET:
            field_dict["deductions_amount"] = deductions_amount
        if deductions_currency is not UNSET:
            field_dict["deductions_currency"] = deductions_currency
        if platform_deducted_status is not UNSET:
            field_dict["platform_deducted_status"] = platform_deducted_status
        if platform_deducted_amount is not UNSET:
            field_dict["platform_deducted_amount"] = platform_deducted_amount
        if platform_deducted_currency is not UNSET:
            field_dict["platform_deducted_currency"] = platform_deducted_currency
        if charge_detail is not UNSET:
            field_dict["charge_detail"] = charge_detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trade_attached_order import TradeAttachedOrder  # noqa: PLC0415
        from ..models.trade_charge_detail import TradeChargeDetail  # noqa: PLC0415
        from ..models.trade_order_history_entry import TradeOrderHistoryEntry  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_order_id(data: object) -> int | str:
            return cast(int | str, data)

        order_id = _parse_order_id(d.pop("order_id"))

        status = check_order_status(d.pop("status"))

        stock_name = d.pop("stock_name")

        quantity = d.pop("quantity")

        executed_quantity = d.pop("executed_quantity")

        price = d.pop("price")

        executed_price = d.pop("executed_price")

        def _parse_submitted_at(data: object) -> int | str:
            return cast(int | str, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at"))

        side = check_order_side(d.pop("side"))

        symbol = d.pop("symbol")

        order_type = check_order_type(d.pop("order_type"))

        last_done = d.pop("last_done")

        trigger_price = d.pop("trigger_price")

        msg = d.pop("msg")

        tag = check_order_tag(d.pop("tag"))

        time_in_force = check_time_in_force(d.pop("time_in_force"))

        expire_date = d.pop("expire_date")

        def _parse_updated_at(data: object) -> int | str:
            return cast(int | str, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        def _parse_trigger_at(data: object) -> int | str:
            return cast(int | str, data)

        trigger_at = _parse_trigger_at(d.pop("trigger_at"))

        trailing_amount = d.pop("trailing_amount")

        trailing_percent = d.pop("trailing_percent")

        limit_offset = d.pop("limit_offset")

        trigger_status = check_trigger_status(d.pop("trigger_status"))

        currency = d.pop("currency")

        outside_rth = check_outside_rth(d.pop("outside_rth"))

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = TradeOrderHistoryEntry.from_dict(history_item_data)

            history.append(history_item)

        remark = d.pop("remark", UNSET)

        limit_depth_level = d.pop("limit_depth_level", UNSET)

        monitor_price = d.pop("monitor_price", UNSET)

        trigger_count = d.pop("trigger_count", UNSET)

        _attached_orders = d.pop("attached_orders", UNSET)
        attached_orders: list[TradeAttachedOrder] | Unset = UNSET
        if _attached_orders is not UNSET:
            attached_orders = []
            for attached_orders_item_data in _attached_orders:
                attached_orders_item = TradeAttachedOrder.from_dict(
                    attached_orders_item_data
                )

                attached_orders.append(attached_orders_item)

        _free_status = d.pop("free_status", UNSET)
        free_status: TradeCommissionFreeStatus | Unset
        if isinstance(_free_status, Unset):
            free_status = UNSET
        else:
            free_status = check_trade_commission_free_status(_free_status)

        free_amount = d.pop("free_amount", UNSET)

        def _parse_free_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        free_currency = _parse_free_currency(d.pop("free_currency", UNSET))

        _deductions_status = d.pop("deductions_status", UNSET)
        deductions_status: TradeDeductionStatus | Unset
        if isinstance(_deductions_status, Unset):
            deductions_status = UNSET
        else:
            deductions_status = check_trade_deduction_status(_deductions_status)

        deductions_amount = d.pop("deductions_amount", UNSET)

        def _parse_deductions_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        deductions_currency = _parse_deductions_currency(
            d.pop("deductions_currency", UNSET)
        )

        _platform_deducted_status = d.pop("platform_deducted_status", UNSET)
        platform_deducted_status: TradeDeductionStatus | Unset
        if isinstance(_platform_deducted_status, Unset):
            platform_deducted_status = UNSET
        else:
            platform_deducted_status = check_trade_deduction_status(
                _platform_deducted_status
            )

        platform_deducted_amount = d.pop("platform_deducted_amount", UNSET)

        def _parse_platform_deducted_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        platform_deducted_currency = _parse_platform_deducted_currency(
            d.pop("platform_deducted_currency", UNSET)
        )

        def _parse_charge_detail(data: object) -> None | TradeChargeDetail | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                charge_detail_type_0 = TradeChargeDetail.from_dict(data)

                return charge_detail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TradeChargeDetail | Unset, data)

        charge_detail = _parse_charge_detail(d.pop("charge_detail", UNSET))

        order_detail = cls(
            order_id=order_id,
            status=status,
            stock_name=stock_name,
            quantity=quantity,
            executed_quantity=executed_quantity,
            price=price,
            executed_price=executed_price,
            submitted_at=submitted_at,
            side=side,
            symbol=symbol,
            order_type=order_type,
            last_done=last_done,
            trigger_price=trigger_price,
            msg=msg,
            tag=tag,
            time_in_force=time_in_force,
            expire_date=expire_date,
            updated_at=updated_at,
            trigger_at=trigger_at,
            trailing_amount=trailing_amount,
            trailing_percent=trailing_percent,
            limit_offset=limit_offset,
            trigger_status=trigger_status,
            currency=currency,
            outside_rth=outside_rth,
            history=history,
            remark=remark,
            limit_depth_level=limit_depth_level,
            monitor_price=monitor_price,
            trigger_count=trigger_count,
            attached_orders=attached_orders,
            free_status=free_status,
            free_amount=free_amount,
            free_currency=free_currency,
            deductions_status=deductions_status,
            deductions_amount=deductions_amount,
            deductions_currency=deductions_currency,
            platform_deducted_status=platform_deducted_status,
            platform_deducted_amount=platform_deducted_amount,
            platform_deducted_currency=platform_deducted_currency,
            charge_detail=charge_detail,
        )

        order_detail.additional_properties = d
        return order_detail

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
