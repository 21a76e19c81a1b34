from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuthorizationServerMetadata")


@_attrs_define
class AuthorizationServerMetadata:
    """RFC 8414 §2 metadata. Extension members are allowed and must be ignored by clients."""

    issuer: str
    """ Equals the base URL the document was fetched from, exactly (§3.3). """
    authorization_endpoint: str
    token_endpoint: str
    response_types_supported: list[str]
    jwks_uri: str | Unset = UNSET
    registration_endpoint: str | Unset = UNSET
    revocation_endpoint: str | Unset = UNSET
    introspection_endpoint: str | Unset = UNSET
    device_authorization_endpoint: str | Unset = UNSET
    """ RFC 8628 §4. """
    service_documentation: str | Unset = UNSET
    scopes_supported: list[str] | Unset = UNSET
    response_modes_supported: list[str] | Unset = UNSET
    grant_types_supported: list[str] | Unset = UNSET
    """ Omitted means `["authorization_code", "implicit"]` (§2). """
    token_endpoint_auth_methods_supported: list[str] | Unset = UNSET
    """ Omitted means `["client_secret_basic"]` (§2). """
    revocation_endpoint_auth_methods_supported: list[str] | Unset = UNSET
    code_challenge_methods_supported: list[str] | Unset = UNSET
    """ Omitted means the server does not support PKCE (§2). """
    authorization_response_iss_parameter_supported: bool | Unset = UNSET
    """ RFC 9207 §3. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        issuer = self.issuer

        authorization_endpoint = self.authorization_endpoint

        token_endpoint = self.token_endpoint

        response_types_supported = self.response_types_supported

        jwks_uri = self.jwks_uri

        registration_endpoint = self.registration_endpoint

        revocation_endpoint = self.revocation_endpoint

        introspection_endpoint = self.introspection_endpoint

        device_authorization_endpoint = self.device_authorization_endpoint

        service_documentation = self.service_documentation

        scopes_supported: list[str] | Unset = UNSET
        if not isinstance(self.scopes_supported, Unset):
            scopes_supported = self.scopes_supported

        response_modes_supported: list[str] | Unset = UNSET
        if not isinstance(self.response_modes_supported, Unset):
            response_modes_supported = self.response_modes_supported

        grant_types_supported: list[str] | Unset = UNSET
        if not isinstance(self.grant_types_supported, Unset):
            grant_types_supported = self.grant_types_supported

        token_endpoint_auth_methods_supported: list[str] | Unset = UNSET
        if not isinstance(self.token_endpoint_auth_methods_supported, Unset):
            token_endpoint_auth_methods_supported = (
                self.token_endpoint_auth_methods_supported
            )

        revocation_endpoint_auth_methods_supported: list[str] | Unset = UNSET
        if not isinstance(self.revocation_endpoint_auth_methods_supported, Unset):
            revocation_endpoint_auth_methods_supported = (
                self.revocation_endpoint_auth_methods_supported
            )

        code_challenge_methods_supported: list[str] | Unset = UNSET
        if not isinstance(self.code_challenge_methods_supported, Unset):
            code_challenge_methods_supported = self.code_challenge_methods_supported

        authorization_response_iss_parameter_supported = (
            self.authorization_response_iss_parameter_supported
        )

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "issuer": issuer,
                "authorization_endpoint": authorization_endpoint,
                "token_endpoint": token_endpoint,
                "response_types_supported": response_types_supported,
            }
        )
        if jwks_uri is not UNSET:
            field_dict["jwks_uri"] = jwks_uri
        if registration_endpoint is not UNSET:
            field_dict["registration_endpoint"] = registration_endpoint
        if revocation_endpoint is not UNSET:
            field_dict["revocation_endpoint"] = revocation_endpoint
        if introspection_endpoint is not UNSET:
            field_dict["introspection_endpoint"] = introspection_endpoint
        if device_authorization_endpoint is not UNSET:
            field_dict["device_authorization_endpoint"] = device_authorization_endpoint
        if service_documentation is not UNSET:
            field_dict["service_documentation"] = service_documentation
        if scopes_supported is not UNSET:
            field_dict["scopes_supported"] = scopes_supported
        if response_modes_supported is not UNSET:
            field_dict["response_modes_supported"] = response_modes_supported
        if grant_types_supported is not UNSET:
            field_dict["grant_types_supported"] = grant_types_supported
        if token_endpoint_auth_methods_supported is not UNSET:
            field_dict["token_endpoint_auth_methods_supported"] = (
                token_endpoint_auth_methods_supported
            )
        if revocation_endpoint_auth_methods_supported is not UNSET:
            field_dict["revocation_endpoint_auth_methods_supported"] = (
                revocation_endpoint_auth_methods_supported
            )
        if code_challenge_methods_supported is not UNSET:
            field_dict["code_challenge_methods_supported"] = (
                code_challenge_methods_supported
            )
        if authorization_response_iss_parameter_supported is not UNSET:
            field_dict["authorization_response_iss_parameter_supported"] = (
                authorization_response_iss_parameter_supported
            )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        issuer = d.pop("issuer")

        authorization_endpoint = d.pop("authorization_endpoint")

        token_endpoint = d.pop("token_endpoint")

        response_types_supported = cast(list[str], d.pop("response_types_supported"))

        jwks_uri = d.pop("jwks_uri", UNSET)

        registration_endpoint = d.pop("registration_endpoint", UNSET)

        revocation_endpoint = d.pop("revocation_endpoint", UNSET)

        introspection_endpoint = d.pop("introspection_endpoint", UNSET)

        device_authorization_endpoint = d.pop("device_authorization_endpoint", UNSET)

        service_documentation = d.pop("service_documentation", UNSET)

        scopes_supported = cast(list[str], d.pop("scopes_supported", UNSET))

        response_modes_supported = cast(
            list[str], d.pop("response_modes_supported", UNSET)
        )

        grant_types_supported = cast(list[str], d.pop("grant_types_supported", UNSET))

        token_endpoint_auth_methods_supported = cast(
            list[str], d.pop("token_endpoint_auth_methods_supported", UNSET)
        )

        revocation_endpoint_auth_methods_supported = cast(
            list[str], d.pop("revocation_endpoint_auth_methods_supported", UNSET)
        )

        code_challenge_methods_supported = cast(
            list[str], d.pop("code_challenge_methods_supported", UNSET)
        )

        authorization_response_iss_parameter_supported = d.pop(
            "authorization_response_iss_parameter_supported", UNSET
        )

        authorization_server_metadata = cls(
            issuer=issuer,
            authorization_endpoint=authorization_endpoint,
            token_endpoint=token_endpoint,
            response_types_supported=response_types_supported,
            jwks_uri=jwks_uri,
            registration_endpoint=registration_endpoint,
            revocation_endpoint=revocation_endpoint,
            introspection_endpoint=introspection_endpoint,
            device_authorization_endpoint=device_authorization_endpoint,
            service_documentation=service_documentation,
            scopes_supported=scopes_supported,
            response_modes_supported=response_modes_supported,
            grant_types_supported=grant_types_supported,
            token_endpoint_auth_methods_supported=token_endpoint_auth_methods_supported,
            revocation_endpoint_auth_methods_supported=revocation_endpoint_auth_methods_supported,
            code_challenge_methods_supported=code_challenge_methods_supported,
            authorization_response_iss_parameter_supported=authorization_response_iss_parameter_supported,
        )

        authorization_server_metadata.additional_properties = d
        return authorization_server_metadata

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
