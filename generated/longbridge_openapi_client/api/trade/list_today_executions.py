from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.list_today_executions_response import ListTodayExecutionsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    symbol: str | Unset = UNSET,
    order_id: int | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["symbol"] = symbol

    json_order_id: int | str | Unset
    if isinstance(order_id, Unset):
        json_order_id = UNSET
    else:
        json_order_id = order_id
    params["order_id"] = json_order_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/trade/execution/today",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ListTodayExecutionsResponse | None:
    if response.status_code == 200:
        response_200 = ListTodayExecutionsResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | ListTodayExecutionsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    symbol: str | Unset = UNSET,
    order_id: int | str | Unset = UNSET,
) -> Response[ErrorEnvelope | ListTodayExecutionsResponse]:
    """Today's executions

     Fills of today's orders, newest first
    (https://open.longbridge.com/docs/trade/execution/today_executions). `side` is sent by newer
    servers only (SDK, unreleased), so it is optional.

    Args:
        symbol (str | Unset): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for
            crypto, `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).
        order_id (int | str | Unset): A 64-bit identifier. The SDK and the vendor YAML send a
            string; documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListTodayExecutionsResponse]
    """

    kwargs = _get_kwargs(
        symbol=symbol,
        order_id=order_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    symbol: str | Unset = UNSET,
    order_id: int | str | Unset = UNSET,
) -> ErrorEnvelope | ListTodayExecutionsResponse | None:
    """Today's executions

     Fills of today's orders, newest first
    (https://open.longbridge.com/docs/trade/execution/today_executions). `side` is sent by newer
    servers only (SDK, unreleased), so it is optional.

    Args:
        symbol (str | Unset): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for
            crypto, `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).
        order_id (int | str | Unset): A 64-bit identifier. The SDK and the vendor YAML send a
            string; documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListTodayExecutionsResponse
    """

    return sync_detailed(
        client=client,
        symbol=symbol,
        order_id=order_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    symbol: str | Unset = UNSET,
    order_id: int | str | Unset = UNSET,
) -> Response[ErrorEnvelope | ListTodayExecutionsResponse]:
    """Today's executions

     Fills of today's orders, newest first
    (https://open.longbridge.com/docs/trade/execution/today_executions). `side` is sent by newer
    servers only (SDK, unreleased), so it is optional.

    Args:
        symbol (str | Unset): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for
            crypto, `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).
        order_id (int | str | Unset): A 64-bit identifier. The SDK and the vendor YAML send a
            string; documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListTodayExecutionsResponse]
    """

    kwargs = _get_kwargs(
        symbol=symbol,
        order_id=order_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    symbol: str | Unset = UNSET,
    order_id: int | str | Unset = UNSET,
) -> ErrorEnvelope | ListTodayExecutionsResponse | None:
    """Today's executions

     Fills of today's orders, newest first
    (https://open.longbridge.com/docs/trade/execution/today_executions). `side` is sent by newer
    servers only (SDK, unreleased), so it is optional.

    Args:
        symbol (str | Unset): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for
            crypto, `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).
        order_id (int | str | Unset): A 64-bit identifier. The SDK and the vendor YAML send a
            string; documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListTodayExecutionsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            symbol=symbol,
            order_id=order_id,
        )
    ).parsed
