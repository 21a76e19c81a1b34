from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.max_purchase_quantity import MaxPurchaseQuantity


T = TypeVar("T", bound="EstimateMaxPurchaseQuantityResponse")


@_attrs_define
class EstimateMaxPurchaseQuantityResponse:
    code: int
    """ 0 on success; otherwise one of `x-longbridge-error-codes` or an endpoint's own code. """
    message: str
    data: MaxPurchaseQuantity
    """ Estimated maximum quantities (https://open.longbridge.com/docs/trade/order/estimate_available_buy_limit).
    """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.max_purchase_quantity import MaxPurchaseQuantity  # noqa: PLC0415

        code = self.code

        message = self.message

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.max_purchase_quantity import MaxPurchaseQuantity  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        data = MaxPurchaseQuantity.from_dict(d.pop("data"))

        estimate_max_purchase_quantity_response = cls(
            code=code,
            message=message,
            data=data,
        )

        estimate_max_purchase_quantity_response.additional_properties = d
        return estimate_max_purchase_quantity_response

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
