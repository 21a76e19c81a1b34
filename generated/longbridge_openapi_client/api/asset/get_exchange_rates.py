from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.get_exchange_rates_response import GetExchangeRatesResponse
from ...types import UNSET, Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/asset/exchange_rates",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | GetExchangeRatesResponse | None:
    if response.status_code == 200:
        response_200 = GetExchangeRatesResponse.from_dict(response.json())

        return response_200

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
) -> Response[ErrorEnvelope | GetExchangeRatesResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | GetExchangeRatesResponse]:
    """Exchange rates

     Exchange rates of the currencies the account can hold. Not on the docs site; the shape is the
    SDK's `PortfolioContext::exchange_rate` (`exchanges[] {base_currency, other_currency,
    average_rate, bid_rate, offer_rate}`, rates as JSON numbers) and the CLI's printer
    (https://github.com/longbridge/openapi/blob/32cb424b/rust/src/portfolio/context.rs#L70-L74,
    https://github.com/longbridge/openapi/tree/32cb424b/rust/src). Rates given as decimal strings are
    accepted too.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetExchangeRatesResponse]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | GetExchangeRatesResponse | None:
    """Exchange rates

     Exchange rates of the currencies the account can hold. Not on the docs site; the shape is the
    SDK's `PortfolioContext::exchange_rate` (`exchanges[] {base_currency, other_currency,
    average_rate, bid_rate, offer_rate}`, rates as JSON numbers) and the CLI's printer
    (https://github.com/longbridge/openapi/blob/32cb424b/rust/src/portfolio/context.rs#L70-L74,
    https://github.com/longbridge/openapi/tree/32cb424b/rust/src). Rates given as decimal strings are
    accepted too.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetExchangeRatesResponse
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | GetExchangeRatesResponse]:
    """Exchange rates

     Exchange rates of the currencies the account can hold. Not on the docs site; the shape is the
    SDK's `PortfolioContext::exchange_rate` (`exchanges[] {base_currency, other_currency,
    average_rate, bid_rate, offer_rate}`, rates as JSON numbers) and the CLI's printer
    (https://github.com/longbridge/openapi/blob/32cb424b/rust/src/portfolio/context.rs#L70-L74,
    https://github.com/longbridge/openapi/tree/32cb424b/rust/src). Rates given as decimal strings are
    accepted too.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetExchangeRatesResponse]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | GetExchangeRatesResponse | None:
    """Exchange rates

     Exchange rates of the currencies the account can hold. Not on the docs site; the shape is the
    SDK's `PortfolioContext::exchange_rate` (`exchanges[] {base_currency, other_currency,
    average_rate, bid_rate, offer_rate}`, rates as JSON numbers) and the CLI's printer
    (https://github.com/longbridge/openapi/blob/32cb424b/rust/src/portfolio/context.rs#L70-L74,
    https://github.com/longbridge/openapi/tree/32cb424b/rust/src). Rates given as decimal strings are
    accepted too.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetExchangeRatesResponse
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
