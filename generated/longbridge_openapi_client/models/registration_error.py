from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.registration_error_code import (
    RegistrationErrorCode,
    check_registration_error_code,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="RegistrationError")


@_attrs_define
class RegistrationError:
    """RFC 7591 §3.2.2."""

    error: RegistrationErrorCode
    error_description: str | Unset = UNSET
    """ Printable ASCII without `"` or `\\` (RFC 6749 §5.2). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error: str = self.error

        error_description = self.error_description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )
        if error_description is not UNSET:
            field_dict["error_description"] = error_description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error = check_registration_error_code(d.pop("error"))

        error_description = d.pop("error_description", UNSET)

        registration_error = cls(
            error=error,
            error_description=error_description,
        )

        registration_error.additional_properties = d
        return registration_error

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
