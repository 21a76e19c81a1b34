from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.asset_balance_currency import (
    AssetBalanceCurrency,
    check_asset_balance_currency,
)
from ...models.error_envelope import ErrorEnvelope
from ...models.get_account_balance_response import GetAccountBalanceResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    currency: AssetBalanceCurrency | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_currency: str | Unset = UNSET
    if not isinstance(currency, Unset):
        json_currency = currency

    params["currency"] = json_currency

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/asset/account",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | GetAccountBalanceResponse | None:
    if response.status_code == 200:
        response_200 = GetAccountBalanceResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | GetAccountBalanceResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    currency: AssetBalanceCurrency | Unset = UNSET,
) -> Response[ErrorEnvelope | GetAccountBalanceResponse]:
    """Account balance

     Cash, margin and buying power of the account, one entry per currency
    (https://open.longbridge.com/docs/trade/asset/account).
    `currency` limits the answer to that currency. `risk_level` is `"0"`..`"3"`; a bare number is
    accepted too.

    Args:
        currency (AssetBalanceCurrency | Unset): Currency of an account-balance query
            (https://open.longbridge.com/docs/trade/asset/account).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetAccountBalanceResponse]
    """

    kwargs = _get_kwargs(
        currency=currency,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    currency: AssetBalanceCurrency | Unset = UNSET,
) -> ErrorEnvelope | GetAccountBalanceResponse | None:
    """Account balance

     Cash, margin and buying power of the account, one entry per currency
    (https://open.longbridge.com/docs/trade/asset/account).
    `currency` limits the answer to that currency. `risk_level` is `"0"`..`"3"`; a bare number is
    accepted too.

    Args:
        currency (AssetBalanceCurrency | Unset): Currency of an account-balance query
            (https://open.longbridge.com/docs/trade/asset/account).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetAccountBalanceResponse
    """

    return sync_detailed(
        client=client,
        currency=currency,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    currency: AssetBalanceCurrency | Unset = UNSET,
) -> Response[ErrorEnvelope | GetAccountBalanceResponse]:
    """Account balance

     Cash, margin and buying power of the account, one entry per currency
    (https://open.longbridge.com/docs/trade/asset/account).
    `currency` limits the answer to that currency. `risk_level` is `"0"`..`"3"`; a bare number is
    accepted too.

    Args:
        currency (AssetBalanceCurrency | Unset): Currency of an account-balance query
            (https://open.longbridge.com/docs/trade/asset/account).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetAccountBalanceResponse]
    """

    kwargs = _get_kwargs(
        currency=currency,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    currency: AssetBalanceCurrency | Unset = UNSET,
) -> ErrorEnvelope | GetAccountBalanceResponse | None:
    """Account balance

     Cash, margin and buying power of the account, one entry per currency
    (https://open.longbridge.com/docs/trade/asset/account).
    `currency` limits the answer to that currency. `risk_level` is `"0"`..`"3"`; a bare number is
    accepted too.

    Args:
        currency (AssetBalanceCurrency | Unset): Currency of an account-balance query
            (https://open.longbridge.com/docs/trade/asset/account).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetAccountBalanceResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            currency=currency,
        )
    ).parsed
