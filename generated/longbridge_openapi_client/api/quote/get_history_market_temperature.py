from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.get_history_market_temperature_response import (
    GetHistoryMarketTemperatureResponse,
)
from ...models.watchlist_temperature_market import (
    WatchlistTemperatureMarket,
    check_watchlist_temperature_market,
)
from ...types import UNSET, Response


def _get_kwargs(
    *,
    market: WatchlistTemperatureMarket,
    start_date: str,
    end_date: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_market: str = market
    params["market"] = json_market

    params["start_date"] = start_date

    params["end_date"] = end_date

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/quote/history_market_temperature",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | GetHistoryMarketTemperatureResponse | None:
    if response.status_code == 200:
        response_200 = GetHistoryMarketTemperatureResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | GetHistoryMarketTemperatureResponse]:
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
    start_date: str,
    end_date: str,
) -> Response[ErrorEnvelope | GetHistoryMarketTemperatureResponse]:
    """Market temperature history; may fail with code 2601500
    (https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L436-L454,
    https://open.longbridge.com/docs/quote/pull/history_market_temperature)

    Args:
        market (WatchlistTemperatureMarket):
        start_date (str): A date as YYYYMMDD, not before 2016
            (https://open.longbridge.com/docs/quote/pull/history_market_temperature).
        end_date (str): A date as YYYYMMDD, not before 2016
            (https://open.longbridge.com/docs/quote/pull/history_market_temperature).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetHistoryMarketTemperatureResponse]
    """

    kwargs = _get_kwargs(
        market=market,
        start_date=start_date,
        end_date=end_date,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    market: WatchlistTemperatureMarket,
    start_date: str,
    end_date: str,
) -> ErrorEnvelope | GetHistoryMarketTemperatureResponse | None:
    """Market temperature history; may fail with code 2601500
    (https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L436-L454,
    https://open.longbridge.com/docs/quote/pull/history_market_temperature)

    Args:
        market (WatchlistTemperatureMarket):
        start_date (str): A date as YYYYMMDD, not before 2016
            (https://open.longbridge.com/docs/quote/pull/history_market_temperature).
        end_date (str): A date as YYYYMMDD, not before 2016
            (https://open.longbridge.com/docs/quote/pull/history_market_temperature).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetHistoryMarketTemperatureResponse
    """

    return sync_detailed(
        client=client,
        market=market,
        start_date=start_date,
        end_date=end_date,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    market: WatchlistTemperatureMarket,
    start_date: str,
    end_date: str,
) -> Response[ErrorEnvelope | GetHistoryMarketTemperatureResponse]:
    """Market temperature history; may fail with code 2601500
    (https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L436-L454,
    https://open.longbridge.com/docs/quote/pull/history_market_temperature)

    Args:
        market (WatchlistTemperatureMarket):
        start_date (str): A date as YYYYMMDD, not before 2016
            (https://open.longbridge.com/docs/quote/pull/history_market_temperature).
        end_date (str): A date as YYYYMMDD, not before 2016
            (https://open.longbridge.com/docs/quote/pull/history_market_temperature).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetHistoryMarketTemperatureResponse]
    """

    kwargs = _get_kwargs(
        market=market,
        start_date=start_date,
        end_date=end_date,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    market: WatchlistTemperatureMarket,
    start_date: str,
    end_date: str,
) -> ErrorEnvelope | GetHistoryMarketTemperatureResponse | None:
    """Market temperature history; may fail with code 2601500
    (https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L436-L454,
    https://open.longbridge.com/docs/quote/pull/history_market_temperature)

    Args:
        market (WatchlistTemperatureMarket):
        start_date (str): A date as YYYYMMDD, not before 2016
            (https://open.longbridge.com/docs/quote/pull/history_market_temperature).
        end_date (str): A date as YYYYMMDD, not before 2016
            (https://open.longbridge.com/docs/quote/pull/history_market_temperature).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetHistoryMarketTemperatureResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            market=market,
            start_date=start_date,
            end_date=end_date,
        )
    ).parsed
