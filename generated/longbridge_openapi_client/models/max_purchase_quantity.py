from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MaxPurchaseQuantity")


@_attrs_define
class MaxPurchaseQuantity:
    """Estimated maximum quantities (https://open.longbridge.com/docs/trade/order/estimate_available_buy_limit)."""

    cash_max_qty: str
    """ A decimal number as text, or `""`, which the official SDK reads as zero
    (`serde_utils::decimal_empty_is_0`; spec/DISCREPANCIES.md lists the fields).
     """
    margin_max_qty: str
    """ A decimal number as text, or `""`, which the official SDK reads as zero
    (`serde_utils::decimal_empty_is_0`; spec/DISCREPANCIES.md lists the fields).
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cash_max_qty = self.cash_max_qty

        margin_max_qty = self.margin_max_qty

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cash_max_qty": cash_max_qty,
                "margin_max_qty": margin_max_qty,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cash_max_qty = d.pop("cash_max_qty")

        margin_max_qty = d.pop("margin_max_qty")

        max_purchase_quantity = cls(
            cash_max_qty=cash_max_qty,
            margin_max_qty=margin_max_qty,
        )

        max_purchase_quantity.additional_properties = d
        return max_purchase_quantity

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
