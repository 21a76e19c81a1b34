from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetCashInfo")


@_attrs_define
class AssetCashInfo:
    withdraw_cash: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    available_cash: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    frozen_cash: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    settling_cash: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    currency: str
    """ A currency code as the API sends it (`HKD`, `USD`, `CNH`, ...). Free text, as the SDK
    reads it (`currency: String`): crypto accounts may hold codes such as `USDT`
    (spec/DISCREPANCIES.md).
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        withdraw_cash = self.withdraw_cash

        available_cash = self.available_cash

        frozen_cash = self.frozen_cash

        settling_cash = self.settling_cash

        currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "withdraw_cash": withdraw_cash,
                "available_cash": available_cash,
                "frozen_cash": frozen_cash,
                "settling_cash": settling_cash,
                "currency": currency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        withdraw_cash = d.pop("withdraw_cash")

        available_cash = d.pop("available_cash")

        frozen_cash = d.pop("frozen_cash")

        settling_cash = d.pop("settling_cash")

        currency = d.pop("currency")

        asset_cash_info = cls(
            withdraw_cash=withdraw_cash,
            available_cash=available_cash,
            frozen_cash=frozen_cash,
            settling_cash=settling_cash,
            currency=currency,
        )

        asset_cash_info.additional_properties = d
        return asset_cash_info

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
