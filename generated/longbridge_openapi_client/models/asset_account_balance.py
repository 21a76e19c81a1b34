from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.asset_risk_level_type_0 import (
    AssetRiskLevelType0,
    check_asset_risk_level_type_0,
)
from ..models.asset_risk_level_type_1 import (
    AssetRiskLevelType1,
    check_asset_risk_level_type_1,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.asset_cash_info import AssetCashInfo
    from ..models.asset_frozen_transaction_fee import AssetFrozenTransactionFee


T = TypeVar("T", bound="AssetAccountBalance")


@_attrs_define
class AssetAccountBalance:
    """The balance of the account in one currency (https://open.longbridge.com/docs/trade/asset/account)."""

    total_cash: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    max_finance_amount: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    remaining_finance_amount: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    risk_level: AssetRiskLevelType0 | AssetRiskLevelType1
    """ Risk level `"0"`..`"3"` (0 safe, 1 medium risk, 2 early warning, 3 danger). The docs type it
    as a string; a bare number is accepted too, and `""`, which the SDK reads as 0
    (spec/DISCREPANCIES.md).
     """
    margin_call: str
    """ A decimal number sent as text, such as `"12.50"`; clients keep it exact. """
    currency: str
    """ A currency code as the API sends it (`HKD`, `USD`, `CNH`, ...). Free text, as the SDK
    reads it (`currency: String`): crypto accounts may hold codes such as `USDT`
    (spec/DISCREPANCIES.md).
     """
    net_assets: str
    """ A decimal number as text, or `""`, which the official SDK reads as zero
    (`serde_utils::decimal_empty_is_0`; spec/DISCREPANCIES.md lists the fields).
     """
    init_margin: str
    """ A decimal number as text, or `""`, which the official SDK reads as zero
    (`serde_utils::decimal_empty_is_0`; spec/DISCREPANCIES.md lists the fields).
     """
    maintenance_margin: str
    """ A decimal number as text, or `""`, which the official SDK reads as zero
    (`serde_utils::decimal_empty_is_0`; spec/DISCREPANCIES.md lists the fields).
     """
    buy_power: str
    """ A decimal number as text, or `""`, which the official SDK reads as zero
    (`serde_utils::decimal_empty_is_0`; spec/DISCREPANCIES.md lists the fields).
     """
    cash_infos: list[AssetCashInfo] | Unset = UNSET
    """ Absent from some answers; the SDK reads absence as an empty list. """
    frozen_transaction_fees: list[AssetFrozenTransactionFee] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.asset_cash_info import AssetCashInfo  # noqa: PLC0415
        from ..models.asset_frozen_transaction_fee import AssetFrozenTransactionFee  # noqa: PLC0415

        total_cash = self.total_cash

        max_finance_amount = self.max_finance_amount

        remaining_finance_amount = self.remaining_finance_amount

        risk_level: int | str
        if isinstance(self.risk_level, str):
            risk_level = self.risk_level
        else:
            risk_level = self.risk_level

        margin_call = self.margin_call

        currency = self.currency

        net_assets = self.net_assets

        init_margin = self.init_margin

        maintenance_margin = self.maintenance_margin

        buy_power = self.buy_power

        cash_infos: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.cash_infos, Unset):
            cash_infos = []
            for cash_infos_item_data in self.cash_infos:
                cash_infos_item = cash_infos_item_data.to_dict()
                cash_infos.append(cash_infos_item)

        frozen_transaction_fees: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.frozen_transaction_fees, Unset):
            frozen_transaction_fees = []
            for frozen_transaction_fees_item_data in self.frozen_transaction_fees:
                frozen_transaction_fees_item = (
                    frozen_transaction_fees_item_data.to_dict()
                )
                frozen_transaction_fees.append(frozen_transaction_fees_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total_cash": total_cash,
                "max_finance_amount": max_finance_amount,
                "remaining_finance_amount": remaining_finance_amount,
                "risk_level": risk_level,
                "margin_call": margin_call,
                "currency": currency,
                "net_assets": net_assets,
                "init_margin": init_margin,
                "maintenance_margin": maintenance_margin,
                "buy_power": buy_power,
            }
        )
        if cash_infos is not UNSET:
            field_dict["cash_infos"] = cash_infos
        if frozen_transaction_fees is not UNSET:
            field_dict["frozen_transaction_fees"] = frozen_transaction_fees

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.asset_cash_info import AssetCashInfo  # noqa: PLC0415
        from ..models.asset_frozen_transaction_fee import AssetFrozenTransactionFee  # noqa: PLC0415

        d = dict(src_dict)
        total_cash = d.pop("total_cash")

        max_finance_amount = d.pop("max_finance_amount")

        remaining_finance_amount = d.pop("remaining_finance_amount")

        def _parse_risk_level(
            data: object,
        ) -> AssetRiskLevelType0 | AssetRiskLevelType1:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_asset_risk_level_type_0 = (
                    check_asset_risk_level_type_0(data)
                )

                return componentsschemas_asset_risk_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, int):
                raise TypeError()
            componentsschemas_asset_risk_level_type_1 = check_asset_risk_level_type_1(
                data
            )

            return componentsschemas_asset_risk_level_type_1

        risk_level = _parse_risk_level(d.pop("risk_level"))

        margin_call = d.pop("margin_call")

        currency = d.pop("currency")

        net_assets = d.pop("net_assets")

        init_margin = d.pop("init_margin")

        maintenance_margin = d.pop("maintenance_margin")

        buy_power = d.pop("buy_power")

        _cash_infos = d.pop("cash_infos", UNSET)
        cash_infos: list[AssetCashInfo] | Unset = UNSET
        if _cash_infos is not UNSET:
            cash_infos = []
            for cash_infos_item_data in _cash_infos:
                cash_infos_item = AssetCashInfo.from_dict(cash_infos_item_data)

                cash_infos.append(cash_infos_item)

        _frozen_transaction_fees = d.pop("frozen_transaction_fees", UNSET)
        frozen_transaction_fees: list[AssetFrozenTransactionFee] | Unset = UNSET
        if _frozen_transaction_fees is not UNSET:
            frozen_transaction_fees = []
            for frozen_transaction_fees_item_data in _frozen_transaction_fees:
                frozen_transaction_fees_item = AssetFrozenTransactionFee.from_dict(
                    frozen_transaction_fees_item_data
                )

                frozen_transaction_fees.append(frozen_transaction_fees_item)

        asset_account_balance = cls(
            total_cash=total_cash,
            max_finance_amount=max_finance_amount,
            remaining_finance_amount=remaining_finance_amount,
            risk_level=risk_level,
            margin_call=margin_call,
            currency=currency,
            net_assets=net_assets,
            init_margin=init_margin,
            maintenance_margin=maintenance_margin,
            buy_power=buy_power,
            cash_infos=cash_infos,
            frozen_transaction_fees=frozen_transaction_fees,
        )

        asset_account_balance.additional_properties = d
        return asset_account_balance

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
