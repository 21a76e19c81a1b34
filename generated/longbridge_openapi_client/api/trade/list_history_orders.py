from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.list_history_orders_response import ListHistoryOrdersResponse
from ...models.order_side import OrderSide, check_order_side
from ...models.order_status import OrderStatus, check_order_status
from ...models.trade_market import TradeMarket, check_trade_market
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    symbol: str | Unset = UNSET,
    status: list[OrderStatus] | Unset = UNSET,
    side: OrderSide | Unset = UNSET,
    market: TradeMarket | Unset = UNSET,
    start_at: int | Unset = UNSET,
    end_at: int | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 1000,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["symbol"] = symbol

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item: str = status_item_data
            json_status.append(status_item)

    params["status"] = json_status

    json_side: str | Unset = UNSET
    if not isinstance(side, Unset):
        json_side = side

    params["side"] = json_side

    json_market: str | Unset = UNSET
    if not isinstance(market, Unset):
        json_market = market

    params["market"] = json_market

    params["start_at"] = start_at

    params["end_at"] = end_at

    params["page"] = page

    params["size"] = size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/trade/order/history",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ListHistoryOrdersResponse | None:
    if response.status_code == 200:
        response_200 = ListHistoryOrdersResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | ListHistoryOrdersResponse]:
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
    status: list[OrderStatus] | Unset = UNSET,
    side: OrderSide | Unset = UNSET,
    market: TradeMarket | Unset = UNSET,
    start_at: int | Unset = UNSET,
    end_at: int | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 1000,
) -> Response[ErrorEnvelope | ListHistoryOrdersResponse]:
    """History orders

     Orders before today, newest first, in the window `start_at`..`end_at` (unix seconds; the
    last 90 days when absent), optionally filtered
    (https://open.longbridge.com/docs/trade/order/history_orders). At most 1000 per
    query; `page` / `size` come from the vendor YAML.

    Args:
        symbol (str | Unset): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for
            crypto, `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).
        status (list[OrderStatus] | Unset):
        side (OrderSide | Unset): Buy or sell
            (https://open.longbridge.com/docs/trade/order/submit).
        market (TradeMarket | Unset): Market filter of the order queries; the trade docs list HK
            and US (§5.2).
        start_at (int | Unset):
        end_at (int | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListHistoryOrdersResponse]
    """

    kwargs = _get_kwargs(
        symbol=symbol,
        status=status,
        side=side,
        market=market,
        start_at=start_at,
        end_at=end_at,
        page=page,
        size=size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    symbol: str | Unset = UNSET,
    status: list[OrderStatus] | Unset = UNSET,
    side: OrderSide | Unset = UNSET,
    market: TradeMarket | Unset = UNSET,
    start_at: int | Unset = UNSET,
    end_at: int | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 1000,
) -> ErrorEnvelope | ListHistoryOrdersResponse | None:
    """History orders

     Orders before today, newest first, in the window `start_at`..`end_at` (unix seconds; the
    last 90 days when absent), optionally filtered
    (https://open.longbridge.com/docs/trade/order/history_orders). At most 1000 per
    query; `page` / `size` come from the vendor YAML.

    Args:
        symbol (str | Unset): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for
            crypto, `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).
        status (list[OrderStatus] | Unset):
        side (OrderSide | Unset): Buy or sell
            (https://open.longbridge.com/docs/trade/order/submit).
        market (TradeMarket | Unset): Market filter of the order queries; the trade docs list HK
            and US (§5.2).
        start_at (int | Unset):
        end_at (int | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListHistoryOrdersResponse
    """

    return sync_detailed(
        client=client,
        symbol=symbol,
        status=status,
        side=side,
        market=market,
        start_at=start_at,
        end_at=end_at,
        page=page,
        size=size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    symbol: str | Unset = UNSET,
    status: list[OrderStatus] | Unset = UNSET,
    side: OrderSide | Unset = UNSET,
    market: TradeMarket | Unset = UNSET,
    start_at: int | Unset = UNSET,
    end_at: int | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 1000,
) -> Response[ErrorEnvelope | ListHistoryOrdersResponse]:
    """History orders

     Orders before today, newest first, in the window `start_at`..`end_at` (unix seconds; the
    last 90 days when absent), optionally filtered
    (https://open.longbridge.com/docs/trade/order/history_orders). At most 1000 per
    query; `page` / `size` come from the vendor YAML.

    Args:
        symbol (str | Unset): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for
            crypto, `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).
        status (list[OrderStatus] | Unset):
        side (OrderSide | Unset): Buy or sell
            (https://open.longbridge.com/docs/trade/order/submit).
        market (TradeMarket | Unset): Market filter of the order queries; the trade docs list HK
            and US (§5.2).
        start_at (int | Unset):
        end_at (int | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListHistoryOrdersResponse]
    """

    kwargs = _get_kwargs(
        symbol=symbol,
        status=status,
        side=side,
        market=market,
        start_at=start_at,
        end_at=end_at,
        page=page,
        size=size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    symbol: str | Unset = UNSET,
    status: list[OrderStatus] | Unset = UNSET,
    side: OrderSide | Unset = UNSET,
    market: TradeMarket | Unset = UNSET,
    start_at: int | Unset = UNSET,
    end_at: int | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 1000,
) -> ErrorEnvelope | ListHistoryOrdersResponse | None:
    """History orders

     Orders before today, newest first, in the window `start_at`..`end_at` (unix seconds; the
    last 90 days when absent), optionally filtered
    (https://open.longbridge.com/docs/trade/order/history_orders). At most 1000 per
    query; `page` / `size` come from the vendor YAML.

    Args:
        symbol (str | Unset): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for
            crypto, `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).
        status (list[OrderStatus] | Unset):
        side (OrderSide | Unset): Buy or sell
            (https://open.longbridge.com/docs/trade/order/submit).
        market (TradeMarket | Unset): Market filter of the order queries; the trade docs list HK
            and US (§5.2).
        start_at (int | Unset):
        end_at (int | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListHistoryOrdersResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            symbol=symbol,
            status=status,
            side=side,
            market=market,
            start_at=start_at,
            end_at=end_at,
            page=page,
            size=size,
        )
    ).parsed
