from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order_detail import OrderDetail


T = TypeVar("T", bound="GetOrderDetailResponse")


@_attrs_define
class GetOrderDetailResponse:
    code: int
    """ 0 on success; otherwise one of `x-longbridge-error-codes` or an endpoint's own code. """
    message: str
    data: OrderDetail
    """ An order with its detail (https://open.longbridge.com/docs/trade/order/order_detail): commission-free
    (`free_*`), deduction
    (`deductions_*`) and platform-deduction (`platform_deducted_*`) status, amount and currency
    (`""` or null when not applicable; the statuses are the SDK's enumerations, which map
    unknown values to Unknown),
    the status `history` and the `charge_detail` (null for attached orders, SDK 4.4.2).
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.order_detail import OrderDetail  # noqa: PLC0415

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
        from ..models.order_detail import OrderDetail  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        data = OrderDetail.from_dict(d.pop("data"))

        get_order_detail_response = cls(
            code=code,
            message=message,
            data=data,
        )

        get_order_detail_response.additional_properties = d
        return get_order_detail_response

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
