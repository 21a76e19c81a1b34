from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_information import ClientInformation
from ...models.client_registration_request import ClientRegistrationRequest
from ...models.registration_error import RegistrationError
from ...models.token_error import TokenError
from ...types import UNSET, Response


def _get_kwargs(
    *,
    body: ClientRegistrationRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth2/register",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClientInformation | RegistrationError | TokenError | None:
    if response.status_code == 201:
        response_201 = ClientInformation.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = RegistrationError.from_dict(response.json())

        return response_400

    if response.status_code == 413:
        response_413 = TokenError.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = TokenError.from_dict(response.json())

        return response_415

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ClientInformation | RegistrationError | TokenError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ClientRegistrationRequest,
) -> Response[ClientInformation | RegistrationError | TokenError]:
    """Register a client (RFC 7591 §3.1)

     Open registration: no initial access token. Without `token_endpoint_auth_method`, or with
    `none`, the client is public and gets no `client_secret`
    (https://datatracker.ietf.org/doc/html/rfc7591#section-3.2.1); `client_secret_post` and
    `client_secret_basic` clients get a secret.

    Args:
        body (ClientRegistrationRequest): A registration request (RFC 7591 §3.1); `redirect_uris`
            is needed for the code grant.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientInformation | RegistrationError | TokenError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ClientRegistrationRequest,
) -> ClientInformation | RegistrationError | TokenError | None:
    """Register a client (RFC 7591 §3.1)

     Open registration: no initial access token. Without `token_endpoint_auth_method`, or with
    `none`, the client is public and gets no `client_secret`
    (https://datatracker.ietf.org/doc/html/rfc7591#section-3.2.1); `client_secret_post` and
    `client_secret_basic` clients get a secret.

    Args:
        body (ClientRegistrationRequest): A registration request (RFC 7591 §3.1); `redirect_uris`
            is needed for the code grant.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientInformation | RegistrationError | TokenError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ClientRegistrationRequest,
) -> Response[ClientInformation | RegistrationError | TokenError]:
    """Register a client (RFC 7591 §3.1)

     Open registration: no initial access token. Without `token_endpoint_auth_method`, or with
    `none`, the client is public and gets no `client_secret`
    (https://datatracker.ietf.org/doc/html/rfc7591#section-3.2.1); `client_secret_post` and
    `client_secret_basic` clients get a secret.

    Args:
        body (ClientRegistrationRequest): A registration request (RFC 7591 §3.1); `redirect_uris`
            is needed for the code grant.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientInformation | RegistrationError | TokenError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ClientRegistrationRequest,
) -> ClientInformation | RegistrationError | TokenError | None:
    """Register a client (RFC 7591 §3.1)

     Open registration: no initial access token. Without `token_endpoint_auth_method`, or with
    `none`, the client is public and gets no `client_secret`
    (https://datatracker.ietf.org/doc/html/rfc7591#section-3.2.1); `client_secret_post` and
    `client_secret_basic` clients get a secret.

    Args:
        body (ClientRegistrationRequest): A registration request (RFC 7591 §3.1); `redirect_uris`
            is needed for the code grant.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientInformation | RegistrationError | TokenError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
