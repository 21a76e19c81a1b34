from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.authorization_code_token_request import AuthorizationCodeTokenRequest
from ...models.device_code_token_request import DeviceCodeTokenRequest
from ...models.refresh_token_request import RefreshTokenRequest
from ...models.token_error import TokenError
from ...models.token_response import TokenResponse
from ...types import UNSET, Response


def _get_kwargs(
    *,
    body: AuthorizationCodeTokenRequest | DeviceCodeTokenRequest | RefreshTokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth2/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> TokenError | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = TokenError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = TokenError.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = TokenError.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = TokenError.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = TokenError.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[TokenError | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AuthorizationCodeTokenRequest | DeviceCodeTokenRequest | RefreshTokenRequest,
) -> Response[TokenError | TokenResponse]:
    """Token request (RFC 6749 §4.1.3, §6; RFC 8628 §3.4)

     Form-encoded. Confidential clients authenticate with `client_secret` in the body
    (`client_secret_post`) or with HTTP Basic (`client_secret_basic`, RFC 6749 §2.3.1); public
    clients send only `client_id`. Responses are plain RFC 6749 JSON, never the data API
    envelope, and carry `Cache-Control: no-store` (§5.1).

    Args:
        body (AuthorizationCodeTokenRequest | DeviceCodeTokenRequest | RefreshTokenRequest): One
            of the three grants, chosen by `grant_type`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[TokenError | TokenResponse]
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
    body: AuthorizationCodeTokenRequest | DeviceCodeTokenRequest | RefreshTokenRequest,
) -> TokenError | TokenResponse | None:
    """Token request (RFC 6749 §4.1.3, §6; RFC 8628 §3.4)

     Form-encoded. Confidential clients authenticate with `client_secret` in the body
    (`client_secret_post`) or with HTTP Basic (`client_secret_basic`, RFC 6749 §2.3.1); public
    clients send only `client_id`. Responses are plain RFC 6749 JSON, never the data API
    envelope, and carry `Cache-Control: no-store` (§5.1).

    Args:
        body (AuthorizationCodeTokenRequest | DeviceCodeTokenRequest | RefreshTokenRequest): One
            of the three grants, chosen by `grant_type`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        TokenError | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AuthorizationCodeTokenRequest | DeviceCodeTokenRequest | RefreshTokenRequest,
) -> Response[TokenError | TokenResponse]:
    """Token request (RFC 6749 §4.1.3, §6; RFC 8628 §3.4)

     Form-encoded. Confidential clients authenticate with `client_secret` in the body
    (`client_secret_post`) or with HTTP Basic (`client_secret_basic`, RFC 6749 §2.3.1); public
    clients send only `client_id`. Responses are plain RFC 6749 JSON, never the data API
    envelope, and carry `Cache-Control: no-store` (§5.1).

    Args:
        body (AuthorizationCodeTokenRequest | DeviceCodeTokenRequest | RefreshTokenRequest): One
            of the three grants, chosen by `grant_type`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[TokenError | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AuthorizationCodeTokenRequest | DeviceCodeTokenRequest | RefreshTokenRequest,
) -> TokenError | TokenResponse | None:
    """Token request (RFC 6749 §4.1.3, §6; RFC 8628 §3.4)

     Form-encoded. Confidential clients authenticate with `client_secret` in the body
    (`client_secret_post`) or with HTTP Basic (`client_secret_basic`, RFC 6749 §2.3.1); public
    clients send only `client_id`. Responses are plain RFC 6749 JSON, never the data API
    envelope, and carry `Cache-Control: no-store` (§5.1).

    Args:
        body (AuthorizationCodeTokenRequest | DeviceCodeTokenRequest | RefreshTokenRequest): One
            of the three grants, chosen by `grant_type`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        TokenError | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
