from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TradeChargeFee")


@_attrs_define
class TradeChargeFee:
    code: str
    name: str
    amount: str
    """ A decimal number as text, or `""`, which the official SDK reads as zero
    (`serde_utils::decimal_empty_is_0`; spec/DISCREPANCIES.md lists the fields).
     """
    currency: str
    """ Free text in the SDK (`String`), not only a three-letter code. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        amount = self.amount

        currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name": name,
                "amount": amount,
                "currency": currency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        amount = d.pop("amount")

        currency = d.pop("currency")

        trade_charge_fee = cls(
            code=code,
            name=name,
            amount=amount,
            currency=currency,
        )

        trade_charge_fee.additional_properties = d
        return trade_charge_fee

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
