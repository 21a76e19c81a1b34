from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.asset_cash_flow_business_type_type_0 import (
    AssetCashFlowBusinessTypeType0,
    check_asset_cash_flow_business_type_type_0,
)
from ..models.asset_cash_flow_business_type_type_1 import (
    AssetCashFlowBusinessTypeType1,
    check_asset_cash_flow_business_type_type_1,
)
from ..models.asset_cash_flow_direction_type_0 import (
    AssetCashFlowDirectionType0,
    check_asset_cash_flow_direction_type_0,
)
from ..models.asset_cash_flow_direction_type_1 import (
    AssetCashFlowDirectionType1,
    check_asset_cash_flow_direction_type_1,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetCashFlow")


@_attrs_define
class AssetCashFlow:
    transaction_flow_name: str
    direction: AssetCashFlowDirectionType0 | AssetCashFlowDirectionType1
    """ 1 outflow, 2 inflow. The docs' schema says string, their example a bare number; both are
    accepted (https://open.longbridge.com/docs/trade/asset/cashflow).
     """
    business_type: AssetCashFlowBusinessTypeType0 | AssetCashFlowBusinessTypeType1
    """ 1 cash, 2 stock, 3 fund. String in the docs' schema, a number in their example; both are
    accepted (https://open.longbridge.com/docs/trade/asset/cashflow).
     """
    balance: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    currency: str
    """ A currency code as the API sends it (`HKD`, `USD`, `CNH`, ...). Free text, as the SDK
    reads it (`currency: String`): crypto accounts may hold codes such as `USDT`
    (spec/DISCREPANCIES.md).
     """
    business_time: int | str
    """ Unix seconds. Responses send a string (the SDK's deserializer requires one); some
    documentation examples show a bare number, so both are accepted (spec/DISCREPANCIES.md).
     """
    symbol: None | str | Unset = UNSET
    """ The security concerned, or `""` (or null) for pure cash movements. """
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        transaction_flow_name = self.transaction_flow_name

        direction: int | str
        if isinstance(self.direction, str):
            direction = self.direction
        else:
            direction = self.direction

        business_type: int | str
        if isinstance(self.business_type, str):
            business_type = self.business_type
        else:
            business_type = self.business_type

        balance = self.balance

        currency = self.currency

        business_time: int | str
        business_time = self.business_time

        symbol: None | str | Unset
        if isinstance(self.symbol, Unset):
            symbol = UNSET
        else:
            symbol = self.symbol

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "transaction_flow_name": transaction_flow_name,
                "direction": direction,
                "business_type": business_type,
                "balance": balance,
                "currency": currency,
                "business_time": business_time,
            }
        )
        if symbol is not UNSET:
            field_dict["symbol"] = symbol
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        transaction_flow_name = d.pop("transaction_flow_name")

        def _parse_direction(
            data: object,
        ) -> AssetCashFlowDirectionType0 | AssetCashFlowDirectionType1:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_asset_cash_flow_direction_type_0 = (
                    check_asset_cash_flow_direction_type_0(data)
                )

                return componentsschemas_asset_cash_flow_direction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, int):
                raise TypeError()
            componentsschemas_asset_cash_flow_direction_type_1 = (
                check_asset_cash_flow_direction_type_1(data)
            )

            return componentsschemas_asset_cash_flow_direction_type_1

        direction = _parse_direction(d.pop("direction"))

        def _parse_business_type(
            data: object,
        ) -> AssetCashFlowBusinessTypeType0 | AssetCashFlowBusinessTypeType1:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_asset_cash_flow_business_type_type_0 = (
                    check_asset_cash_flow_business_type_type_0(data)
                )

                return componentsschemas_asset_cash_flow_business_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, int):
                raise TypeError()
            componentsschemas_asset_cash_flow_business_type_type_1 = (
                check_asset_cash_flow_business_type_type_1(data)
            )

            return componentsschemas_asset_cash_flow_business_type_type_1

        business_type = _parse_business_type(d.pop("business_type"))

        balance = d.pop("balance")

        currency = d.pop("currency")

        def _parse_business_time(data: object) -> int | str:
            return cast(int | str, data)

        business_time = _parse_business_time(d.pop("business_time"))

        def _parse_symbol(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        symbol = _parse_symbol(d.pop("symbol", UNSET))

        description = d.pop("description", UNSET)

        asset_cash_flow = cls(
            transaction_flow_name=transaction_flow_name,
            direction=direction,
            business_type=business_type,
            balance=balance,
            currency=currency,
            business_time=business_time,
            symbol=symbol,
            description=description,
        )

        asset_cash_flow.additional_properties = d
        return asset_cash_flow

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
