from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grant_type import GrantType, check_grant_type
from ..models.response_type import ResponseType, check_response_type
from ..models.token_endpoint_auth_method import (
    TokenEndpointAuthMethod,
    check_token_endpoint_auth_method,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ClientInformation")


@_attrs_define
class ClientInformation:
    """Registration response (RFC 7591 §3.2.1, RFC 7592 §3): the registered metadata as the server
    recorded it, plus the client's credentials. `client_secret_expires_at` is present when a
    secret is issued (0 means it never expires); Longbridge also sends it without a secret.

    """

    client_id: str
    redirect_uris: list[str] | Unset = UNSET
    """ Absolute URIs without a fragment; https, or http on a loopback host (RFC 8252 §7.3). """
    token_endpoint_auth_method: TokenEndpointAuthMethod | Unset = UNSET
    """ How the client authenticates at the token endpoint (RFC 7591 §2). """
    grant_types: list[GrantType] | Unset = UNSET
    response_types: list[ResponseType] | Unset = UNSET
    client_name: str | Unset = UNSET
    client_uri: str | Unset = UNSET
    logo_uri: str | Unset = UNSET
    scope: str | Unset = UNSET
    """ Space-separated scope values. """
    contacts: list[str] | Unset = UNSET
    tos_uri: str | Unset = UNSET
    policy_uri: str | Unset = UNSET
    software_id: str | Unset = UNSET
    software_version: str | Unset = UNSET
    client_secret: str | Unset = UNSET
    client_id_issued_at: int | Unset = UNSET
    """ Unix time in seconds. """
    client_secret_expires_at: int | Unset = UNSET
    """ Unix time in seconds; 0 means never. """
    registration_access_token: str | Unset = UNSET
    registration_client_uri: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        redirect_uris: list[str] | Unset = UNSET
        if not isinstance(self.redirect_uris, Unset):
            redirect_uris = self.redirect_uris

        token_endpoint_auth_method: str | Unset = UNSET
        if not isinstance(self.token_endpoint_auth_method, Unset):
            token_endpoint_auth_method = self.token_endpoint_auth_method

        grant_types: list[str] | Unset = UNSET
        if not isinstance(self.grant_types, Unset):
            grant_types = []
            for grant_types_item_data in self.grant_types:
                grant_types_item: str = grant_types_item_data
                grant_types.append(grant_types_item)

        response_types: list[str] | Unset = UNSET
        if not isinstance(self.response_types, Unset):
            response_types = []
            for response_types_item_data in self.response_types:
                response_types_item: str = response_types_item_data
                response_types.append(response_types_item)

        client_name = self.client_name

        client_uri = self.client_uri

        logo_uri = self.logo_uri

        scope = self.scope

        contacts: list[str] | Unset = UNSET
        if not isinstance(self.contacts, Unset):
            contacts = self.contacts

        tos_uri = self.tos_uri

        policy_uri = self.policy_uri

        software_id = self.software_id

        software_version = self.software_version

        client_secret = self.client_secret

        client_id_issued_at = self.client_id_issued_at

        client_secret_expires_at = self.client_secret_expires_at

        registration_access_token = self.registration_access_token

        registration_client_uri = self.registration_client_uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "client_id": client_id,
            }
        )
        if redirect_uris is not UNSET:
            field_dict["redirect_uris"] = redirect_uris
        if token_endpoint_auth_method is not UNSET:
            field_dict["token_endpoint_auth_method"] = token_endpoint_auth_method
        if grant_types is not UNSET:
            field_dict["grant_types"] = grant_types
        if response_types is not UNSET:
            field_dict["response_types"] = response_types
        if client_name is not UNSET:
            field_dict["client_name"] = client_name
        if client_uri is not UNSET:
            field_dict["client_uri"] = client_uri
        if logo_uri is not UNSET:
            field_dict["logo_uri"] = logo_uri
        if scope is not UNSET:
            field_dict["scope"] = scope
        if contacts is not UNSET:
            field_dict["contacts"] = contacts
        if tos_uri is not UNSET:
            field_dict["tos_uri"] = tos_uri
        if policy_uri is not UNSET:
            field_dict["policy_uri"] = policy_uri
        if software_id is not UNSET:
            field_dict["software_id"] = software_id
        if software_version is not UNSET:
            field_dict["software_version"] = software_version
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if client_id_issued_at is not UNSET:
            field_dict["client_id_issued_at"] = client_id_issued_at
        if client_secret_expires_at is not UNSET:
            field_dict["client_secret_expires_at"] = client_secret_expires_at
        if registration_access_token is not UNSET:
            field_dict["registration_access_token"] = registration_access_token
        if registration_client_uri is not UNSET:
            field_dict["registration_client_uri"] = registration_client_uri

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client_id = d.pop("client_id")

        redirect_uris = cast(list[str], d.pop("redirect_uris", UNSET))

        _token_endpoint_auth_method = d.pop("token_endpoint_auth_method", UNSET)
        token_endpoint_auth_method: TokenEndpointAuthMethod | Unset
        if isinstance(_token_endpoint_auth_method, Unset):
            token_endpoint_auth_method = UNSET
        else:
            token_endpoint_auth_method = check_token_endpoint_auth_method(
                _token_endpoint_auth_method
            )

        _grant_types = d.pop("grant_types", UNSET)
        grant_types: list[GrantType] | Unset = UNSET
        if _grant_types is not UNSET:
            grant_types = []
            for grant_types_item_data in _grant_types:
                grant_types_item = check_grant_type(grant_types_item_data)

                grant_types.append(grant_types_item)

        _response_types = d.pop("response_types", UNSET)
        response_types: list[ResponseType] | Unset = UNSET
        if _response_types is not UNSET:
            response_types = []
            for response_types_item_data in _response_types:
                response_types_item = check_response_type(response_types_item_data)

                response_types.append(response_types_item)

        client_name = d.pop("client_name", UNSET)

        client_uri = d.pop("client_uri", UNSET)

        logo_uri = d.pop("logo_uri", UNSET)

        scope = d.pop("scope", UNSET)

        contacts = cast(list[str], d.pop("contacts", UNSET))

        tos_uri = d.pop("tos_uri", UNSET)

        policy_uri = d.pop("policy_uri", UNSET)

        software_id = d.pop("software_id", UNSET)

        software_version = d.pop("software_version", UNSET)

        client_secret = d.pop("client_secret", UNSET)

        client_id_issued_at = d.pop("client_id_issued_at", UNSET)

        client_secret_expires_at = d.pop("client_secret_expires_at", UNSET)

        registration_access_token = d.pop("registration_access_token", UNSET)

        registration_client_uri = d.pop("registration_client_uri", UNSET)

        client_information = cls(
            client_id=client_id,
            redirect_uris=redirect_uris,
            token_endpoint_auth_method=token_endpoint_auth_method,
            grant_types=grant_types,
            response_types=response_types,
            client_name=client_name,
            client_uri=client_uri,
            logo_uri=logo_uri,
            scope=scope,
            contacts=contacts,
            tos_uri=tos_uri,
            policy_uri=policy_uri,
            software_id=software_id,
            software_version=software_version,
            client_secret=client_secret,
            client_id_issued_at=client_id_issued_at,
            client_secret_expires_at=client_secret_expires_at,
            registration_access_token=registration_access_token,
            registration_client_uri=registration_client_uri,
        )

        client_information.additional_properties = d
        return client_information

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


# Credentials never reach a repr (generator/secret_fields.py).
from .._runtime.secret_repr import mask_secrets  # noqa: E402

mask_secrets(ClientInformation, ("client_secret", "registration_access_token"))
