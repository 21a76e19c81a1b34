from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetFundInfo")


@_attrs_define
class AssetFundInfo:
    symbol: str
    """ The fund's ISIN, such as `HK0000447943`. """
    symbol_name: str
    currency: str
    """ A currency code as the API sends it (`HKD`, `USD`, `CNH`, ...). Free text, as the SDK
    reads it (`currency: String`): crypto accounts may hold codes such as `USDT`
    (spec/DISCREPANCIES.md).
     """
    current_net_asset_value: str
    """ A decimal number as text, or `""`, which the official SDK reads as zero
    (`serde_utils::decimal_empty_is_0`; spec/DISCREPANCIES.md lists the fields).
     """
    cost_net_asset_value: str
    """ A decimal number as text, or `""`, which the official SDK reads as zero
    (`serde_utils::decimal_empty_is_0`; spec/DISCREPANCIES.md lists the fields).
     """
    net_asset_value_day: int | str
    """ Unix seconds. Responses send a string (the SDK's deserializer requires one); some
    documentation examples show a bare number, so both are accepted (spec/DISCREPANCIES.md).
     """
    holding_units: str | Unset = UNSET
    """ A decimal number as text, or `""`, which the official SDK reads as zero
    (`serde_utils::decimal_empty_is_0`; spec/DISCREPANCIES.md lists the fields).
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        symbol_name = self.symbol_name

        currency = self.currency

        current_net_asset_value = self.current_net_asset_value

        cost_net_asset_value = self.cost_net_asset_value

        net_asset_value_day: int | str
        net_asset_value_day = self.net_asset_value_day

        holding_units = self.holding_units

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "symbol_name": symbol_name,
                "currency": currency,
                "current_net_asset_value": current_net_asset_value,
                "cost_net_asset_value": cost_net_asset_value,
                "net_asset_value_day": net_asset_value_day,
            }
        )
        if holding_units is not UNSET:
            field_dict["holding_units"] = holding_units

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        symbol_name = d.pop("symbol_name")

        currency = d.pop("currency")

        current_net_asset_value = d.pop("current_net_asset_value")

        cost_net_asset_value = d.pop("cost_net_asset_value")

        def _parse_net_asset_value_day(data: object) -> int | str:
            return cast(int | str, data)

        net_asset_value_day = _parse_net_asset_value_day(d.pop("net_asset_value_day"))

        holding_units = d.pop("holding_units", UNSET)

        asset_fund_info = cls(
            symbol=symbol,
            symbol_name=symbol_name,
            currency=currency,
            current_net_asset_value=current_net_asset_value,
            cost_net_asset_value=cost_net_asset_value,
            net_asset_value_day=net_asset_value_day,
            holding_units=holding_units,
        )

        asset_fund_info.additional_properties = d
        return asset_fund_info

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
