from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.list_topics_response import ListTopicsResponse
from ...types import UNSET, Response


def _get_kwargs(
    symbol: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/content/{symbol}/topics".format(
            symbol=quote(str(symbol), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ListTopicsResponse | None:
    if response.status_code == 200:
        response_200 = ListTopicsResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | ListTopicsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    symbol: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | ListTopicsResponse]:
    """Community topics about a security (https://open.longbridge.com/docs/content/topics)

     The latest community discussions that mention the security, newest first; not paged.

    Args:
        symbol (str): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for crypto,
            `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListTopicsResponse]
    """

    kwargs = _get_kwargs(
        symbol=symbol,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    symbol: str,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | ListTopicsResponse | None:
    """Community topics about a security (https://open.longbridge.com/docs/content/topics)

     The latest community discussions that mention the security, newest first; not paged.

    Args:
        symbol (str): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for crypto,
            `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListTopicsResponse
    """

    return sync_detailed(
        symbol=symbol,
        client=client,
    ).parsed


async def asyncio_detailed(
    symbol: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | ListTopicsResponse]:
    """Community topics about a security (https://open.longbridge.com/docs/content/topics)

     The latest community discussions that mention the security, newest first; not paged.

    Args:
        symbol (str): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for crypto,
            `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListTopicsResponse]
    """

    kwargs = _get_kwargs(
        symbol=symbol,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    symbol: str,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | ListTopicsResponse | None:
    """Community topics about a security (https://open.longbridge.com/docs/content/topics)

     The latest community discussions that mention the security, newest first; not paged.

    Args:
        symbol (str): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for crypto,
            `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListTopicsResponse
    """

    return (
        await asyncio_detailed(
            symbol=symbol,
            client=client,
        )
    ).parsed
