from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.list_today_orders_response import ListTodayOrdersResponse
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
    order_id: int | str | Unset = UNSET,
    is_attached: bool | Unset = UNSET,
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

    json_order_id: int | str | Unset
    if isinstance(order_id, Unset):
        json_order_id = UNSET
    else:
        json_order_id = order_id
    params["order_id"] = json_order_id

    params["is_attached"] = is_attached

    params["page"] = page

    params["size"] = size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/trade/order/today",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ListTodayOrdersResponse | None:
    if response.status_code == 200:
        response_200 = ListTodayOrdersResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | ListTodayOrdersResponse]:
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
    order_id: int | str | Unset = UNSET,
    is_attached: bool | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 1000,
) -> Response[ErrorEnvelope | ListTodayOrdersResponse]:
    """Today's orders

     Orders of the current trading day, newest first
    (https://open.longbridge.com/docs/trade/order/today_orders), optionally
    filtered. `page` / `size` come from the vendor YAML (the docs page and the SDK send neither;
    without them the first 1000 orders are returned). `has_more` appears only in the vendor
    YAML's example, so it is optional. In the mock "today" is the last 24 hours.

    Args:
        symbol (str | Unset): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for
            crypto, `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).
        status (list[OrderStatus] | Unset):
        side (OrderSide | Unset): Buy or sell
            (https://open.longbridge.com/docs/trade/order/submit).
        market (TradeMarket | Unset): Market filter of the order queries; the trade docs list HK
            and US (§5.2).
        order_id (int | str | Unset): A 64-bit identifier. The SDK and the vendor YAML send a
            string; documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.
        is_attached (bool | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListTodayOrdersResponse]
    """

    kwargs = _get_kwargs(
        symbol=symbol,
        status=status,
        side=side,
        market=market,
        order_id=order_id,
        is_attached=is_attached,
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
    order_id: int | str | Unset = UNSET,
    is_attached: bool | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 1000,
) -> ErrorEnvelope | ListTodayOrdersResponse | None:
    """Today's orders

     Orders of the current trading day, newest first
    (https://open.longbridge.com/docs/trade/order/today_orders), optionally
    filtered. `page` / `size` come from the vendor YAML (the docs page and the SDK send neither;
    without them the first 1000 orders are returned). `has_more` appears only in the vendor
    YAML's example, so it is optional. In the mock "today" is the last 24 hours.

    Args:
        symbol (str | Unset): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for
            crypto, `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).
        status (list[OrderStatus] | Unset):
        side (OrderSide | Unset): Buy or sell
            (https://open.longbridge.com/docs/trade/order/submit).
        market (TradeMarket | Unset): Market filter of the order queries; the trade docs list HK
            and US (§5.2).
        order_id (int | str | Unset): A 64-bit identifier. The SDK and the vendor YAML send a
            string; documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.
        is_attached (bool | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListTodayOrdersResponse
    """

    return sync_detailed(
        client=client,
        symbol=symbol,
        status=status,
        side=side,
        market=market,
        order_id=order_id,
        is_attached=is_attached,
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
    order_id: int | str | Unset = UNSET,
    is_attached: bool | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 1000,
) -> Response[ErrorEnvelope | ListTodayOrdersResponse]:
    """Today's orders

     Orders of the current trading day, newest first
    (https://open.longbridge.com/docs/trade/order/today_orders), optionally
    filtered. `page` / `size` come from the vendor YAML (the docs page and the SDK send neither;
    without them the first 1000 orders are returned). `has_more` appears only in the vendor
    YAML's example, so it is optional. In the mock "today" is the last 24 hours.

    Args:
        symbol (str | Unset): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for
            crypto, `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).
        status (list[OrderStatus] | Unset):
        side (OrderSide | Unset): Buy or sell
            (https://open.longbridge.com/docs/trade/order/submit).
        market (TradeMarket | Unset): Market filter of the order queries; the trade docs list HK
            and US (§5.2).
        order_id (int | str | Unset): A 64-bit identifier. The SDK and the vendor YAML send a
            string; documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.
        is_attached (bool | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListTodayOrdersResponse]
    """

    kwargs = _get_kwargs(
        symbol=symbol,
        status=status,
        side=side,
        market=market,
        order_id=order_id,
        is_attached=is_attached,
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
    order_id: int | str | Unset = UNSET,
    is_attached: bool | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 1000,
) -> ErrorEnvelope | ListTodayOrdersResponse | None:
    """Today's orders

     Orders of the current trading day, newest first
    (https://open.longbridge.com/docs/trade/order/today_orders), optionally
    filtered. `page` / `size` come from the vendor YAML (the docs page and the SDK send neither;
    without them the first 1000 orders are returned). `has_more` appears only in the vendor
    YAML's example, so it is optional. In the mock "today" is the last 24 hours.

    Args:
        symbol (str | Unset): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for
            crypto, `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).
        status (list[OrderStatus] | Unset):
        side (OrderSide | Unset): Buy or sell
            (https://open.longbridge.com/docs/trade/order/submit).
        market (TradeMarket | Unset): Market filter of the order queries; the trade docs list HK
            and US (§5.2).
        order_id (int | str | Unset): A 64-bit identifier. The SDK and the vendor YAML send a
            string; documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.
        is_attached (bool | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListTodayOrdersResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            symbol=symbol,
            status=status,
            side=side,
            market=market,
            order_id=order_id,
            is_attached=is_attached,
            page=page,
            size=size,
        )
    ).parsed
