from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.get_market_temperature_response import GetMarketTemperatureResponse
from ...models.watchlist_temperature_market import (
    WatchlistTemperatureMarket,
    check_watchlist_temperature_market,
)
from ...types import UNSET, Response


def _get_kwargs(
    *,
    market: WatchlistTemperatureMarket,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_market: str = market
    params["market"] = json_market

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/quote/market_temperature",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | GetMarketTemperatureResponse | None:
    if response.status_code == 200:
        response_200 = GetMarketTemperatureResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | GetMarketTemperatureResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    market: WatchlistTemperatureMarket,
) -> Response[ErrorEnvelope | GetMarketTemperatureResponse]:
    """Current market temperature (https://open.longbridge.com/docs/quote/pull/market_temperature)

    Args:
        market (WatchlistTemperatureMarket):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetMarketTemperatureResponse]
    """

    kwargs = _get_kwargs(
        market=market,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    market: WatchlistTemperatureMarket,
) -> ErrorEnvelope | GetMarketTemperatureResponse | None:
    """Current market temperature (https://open.longbridge.com/docs/quote/pull/market_temperature)

    Args:
        market (WatchlistTemperatureMarket):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetMarketTemperatureResponse
    """

    return sync_detailed(
        client=client,
        market=market,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    market: WatchlistTemperatureMarket,
) -> Response[ErrorEnvelope | GetMarketTemperatureResponse]:
    """Current market temperature (https://open.longbridge.com/docs/quote/pull/market_temperature)

    Args:
        market (WatchlistTemperatureMarket):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetMarketTemperatureResponse]
    """

    kwargs = _get_kwargs(
        market=market,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    market: WatchlistTemperatureMarket,
) -> ErrorEnvelope | GetMarketTemperatureResponse | None:
    """Current market temperature (https://open.longbridge.com/docs/quote/pull/market_temperature)

    Args:
        market (WatchlistTemperatureMarket):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetMarketTemperatureResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            market=market,
        )
    ).parsed
