from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetFrozenTransactionFee")


@_attrs_define
class AssetFrozenTransactionFee:
    currency: str
    """ A currency code as the API sends it (`HKD`, `USD`, `CNH`, ...). Free text, as the SDK
    reads it (`currency: String`): crypto accounts may hold codes such as `USDT`
    (spec/DISCREPANCIES.md).
     """
    frozen_transaction_fee: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        frozen_transaction_fee = self.frozen_transaction_fee

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "frozen_transaction_fee": frozen_transaction_fee,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        frozen_transaction_fee = d.pop("frozen_transaction_fee")

        asset_frozen_transaction_fee = cls(
            currency=currency,
            frozen_transaction_fee=frozen_transaction_fee,
        )

        asset_frozen_transaction_fee.additional_properties = d
        return asset_frozen_transaction_fee

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
