from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.list_stock_positions_response import ListStockPositionsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    symbol: list[str] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_symbol: list[str] | Unset = UNSET
    if not isinstance(symbol, Unset):
        json_symbol = symbol

    params["symbol"] = json_symbol

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/asset/stock",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ListStockPositionsResponse | None:
    if response.status_code == 200:
        response_200 = ListStockPositionsResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | ListStockPositionsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    symbol: list[str] | Unset = UNSET,
) -> Response[ErrorEnvelope | ListStockPositionsResponse]:
    """Stock positions

     Stock holdings by account channel (https://open.longbridge.com/docs/trade/asset/stock). `symbol`
    (repeatable) limits the
    answer to those securities.

    Args:
        symbol (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListStockPositionsResponse]
    """

    kwargs = _get_kwargs(
        symbol=symbol,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    symbol: list[str] | Unset = UNSET,
) -> ErrorEnvelope | ListStockPositionsResponse | None:
    """Stock positions

     Stock holdings by account channel (https://open.longbridge.com/docs/trade/asset/stock). `symbol`
    (repeatable) limits the
    answer to those securities.

    Args:
        symbol (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListStockPositionsResponse
    """

    return sync_detailed(
        client=client,
        symbol=symbol,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    symbol: list[str] | Unset = UNSET,
) -> Response[ErrorEnvelope | ListStockPositionsResponse]:
    """Stock positions

     Stock holdings by account channel (https://open.longbridge.com/docs/trade/asset/stock). `symbol`
    (repeatable) limits the
    answer to those securities.

    Args:
        symbol (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListStockPositionsResponse]
    """

    kwargs = _get_kwargs(
        symbol=symbol,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    symbol: list[str] | Unset = UNSET,
) -> ErrorEnvelope | ListStockPositionsResponse | None:
    """Stock positions

     Stock holdings by account channel (https://open.longbridge.com/docs/trade/asset/stock). `symbol`
    (repeatable) limits the
    answer to those securities.

    Args:
        symbol (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListStockPositionsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            symbol=symbol,
        )
    ).parsed
