import datetime
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.legacy_token_response import LegacyTokenResponse
from ...types import UNSET, Response


def _get_kwargs(
    *,
    expired_at: datetime.datetime,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_expired_at = expired_at.isoformat()
    params["expired_at"] = json_expired_at

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/token/refresh",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | LegacyTokenResponse | None:
    if response.status_code == 200:
        response_200 = LegacyTokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorEnvelope.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | LegacyTokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    expired_at: datetime.datetime,
) -> Response[ErrorEnvelope | LegacyTokenResponse]:
    """Extend a legacy API-key access token

     Legacy API-key mode only; signed like every legacy call. The old token stops working when
    this succeeds. OAuth clients refresh at `/oauth2/token` instead.

    Args:
        expired_at (datetime.datetime):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | LegacyTokenResponse]
    """

    kwargs = _get_kwargs(
        expired_at=expired_at,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    expired_at: datetime.datetime,
) -> ErrorEnvelope | LegacyTokenResponse | None:
    """Extend a legacy API-key access token

     Legacy API-key mode only; signed like every legacy call. The old token stops working when
    this succeeds. OAuth clients refresh at `/oauth2/token` instead.

    Args:
        expired_at (datetime.datetime):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | LegacyTokenResponse
    """

    return sync_detailed(
        client=client,
        expired_at=expired_at,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    expired_at: datetime.datetime,
) -> Response[ErrorEnvelope | LegacyTokenResponse]:
    """Extend a legacy API-key access token

     Legacy API-key mode only; signed like every legacy call. The old token stops working when
    this succeeds. OAuth clients refresh at `/oauth2/token` instead.

    Args:
        expired_at (datetime.datetime):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | LegacyTokenResponse]
    """

    kwargs = _get_kwargs(
        expired_at=expired_at,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    expired_at: datetime.datetime,
) -> ErrorEnvelope | LegacyTokenResponse | None:
    """Extend a legacy API-key access token

     Legacy API-key mode only; signed like every legacy call. The old token stops working when
    this succeeds. OAuth clients refresh at `/oauth2/token` instead.

    Args:
        expired_at (datetime.datetime):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | LegacyTokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            expired_at=expired_at,
        )
    ).parsed
