from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.trade_charge_category import (
    TradeChargeCategory,
    check_trade_charge_category,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.trade_charge_fee import TradeChargeFee


T = TypeVar("T", bound="TradeChargeItem")


@_attrs_define
class TradeChargeItem:
    code: TradeChargeCategory
    """ Category of an order's charges (https://open.longbridge.com/docs/trade/order/order_detail). """
    name: str
    fees: list[TradeChargeFee]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.trade_charge_fee import TradeChargeFee  # noqa: PLC0415

        code: str = self.code

        name = self.name

        fees = []
        for fees_item_data in self.fees:
            fees_item = fees_item_data.to_dict()
            fees.append(fees_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name": name,
                "fees": fees,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trade_charge_fee import TradeChargeFee  # noqa: PLC0415

        d = dict(src_dict)
        code = check_trade_charge_category(d.pop("code"))

        name = d.pop("name")

        fees = []
        _fees = d.pop("fees")
        for fees_item_data in _fees:
            fees_item = TradeChargeFee.from_dict(fees_item_data)

            fees.append(fees_item)

        trade_charge_item = cls(
            code=code,
            name=name,
            fees=fees,
        )

        trade_charge_item.additional_properties = d
        return trade_charge_item

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
