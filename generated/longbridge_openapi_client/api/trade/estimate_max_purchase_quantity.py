from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.estimate_max_purchase_quantity_response import (
    EstimateMaxPurchaseQuantityResponse,
)
from ...models.order_side import OrderSide, check_order_side
from ...models.order_type import OrderType, check_order_type
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    symbol: str,
    order_type: OrderType,
    side: OrderSide,
    price: str | Unset = UNSET,
    currency: str | Unset = UNSET,
    order_id: int | str | Unset = UNSET,
    fractional_shares: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["symbol"] = symbol

    json_order_type: str = order_type
    params["order_type"] = json_order_type

    json_side: str = side
    params["side"] = json_side

    params["price"] = price

    params["currency"] = currency

    json_order_id: int | str | Unset
    if isinstance(order_id, Unset):
        json_order_id = UNSET
    else:
        json_order_id = order_id
    params["order_id"] = json_order_id

    params["fractional_shares"] = fractional_shares

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/trade/estimate/buy_limit",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | EstimateMaxPurchaseQuantityResponse | None:
    if response.status_code == 200:
        response_200 = EstimateMaxPurchaseQuantityResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | EstimateMaxPurchaseQuantityResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    symbol: str,
    order_type: OrderType,
    side: OrderSide,
    price: str | Unset = UNSET,
    currency: str | Unset = UNSET,
    order_id: int | str | Unset = UNSET,
    fractional_shares: bool | Unset = UNSET,
) -> Response[ErrorEnvelope | EstimateMaxPurchaseQuantityResponse]:
    """Estimate the maximum purchase (or sell) quantity

     How much can be bought with cash alone and with margin, or sold, for an order of this type
    at `price` (the last price when absent),
    https://open.longbridge.com/docs/trade/order/estimate_available_buy_limit. `order_id` estimates for
    replacing that order. The SDK always sends `fractional_shares`.

    Args:
        symbol (str): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for crypto,
            `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).
        order_type (OrderType): Order type
            (https://github.com/longbridge/developers/blob/265d5700/docs/en/docs/trade/definition.md):
            LO limit, ELO enhanced limit, MO market, AO at-auction,
            ALO at-auction limit, ODD odd lot, LIT limit if touched, MIT market if touched, TSLPAMT /
            TSLPPCT trailing limit if touched by amount / percent, SLO special limit (cannot be
            replaced). `TSMAMT` / `TSMPCT` (trailing market if touched) appear in the vendor YAML
            only.
        side (OrderSide): Buy or sell (https://open.longbridge.com/docs/trade/order/submit).
        price (str | Unset): A decimal number sent as text, such as `"12.50"`; clients keep it
            exact.
        currency (str | Unset): A currency code as the API sends it (`HKD`, `USD`, `CNH`, ...).
            Free text, as the SDK
            reads it (`currency: String`): crypto accounts may hold codes such as `USDT`
            (spec/DISCREPANCIES.md).
        order_id (int | str | Unset): A 64-bit identifier. The SDK and the vendor YAML send a
            string; documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.
        fractional_shares (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | EstimateMaxPurchaseQuantityResponse]
    """

    kwargs = _get_kwargs(
        symbol=symbol,
        order_type=order_type,
        side=side,
        price=price,
        currency=currency,
        order_id=order_id,
        fractional_shares=fractional_shares,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    symbol: str,
    order_type: OrderType,
    side: OrderSide,
    price: str | Unset = UNSET,
    currency: str | Unset = UNSET,
    order_id: int | str | Unset = UNSET,
    fractional_shares: bool | Unset = UNSET,
) -> ErrorEnvelope | EstimateMaxPurchaseQuantityResponse | None:
    """Estimate the maximum purchase (or sell) quantity

     How much can be bought with cash alone and with margin, or sold, for an order of this type
    at `price` (the last price when absent),
    https://open.longbridge.com/docs/trade/order/estimate_available_buy_limit. `order_id` estimates for
    replacing that order. The SDK always sends `fractional_shares`.

    Args:
        symbol (str): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for crypto,
            `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).
        order_type (OrderType): Order type
            (https://github.com/longbridge/developers/blob/265d5700/docs/en/docs/trade/definition.md):
            LO limit, ELO enhanced limit, MO market, AO at-auction,
            ALO at-auction limit, ODD odd lot, LIT limit if touched, MIT market if touched, TSLPAMT /
            TSLPPCT trailing limit if touched by amount / percent, SLO special limit (cannot be
            replaced). `TSMAMT` / `TSMPCT` (trailing market if touched) appear in the vendor YAML
            only.
        side (OrderSide): Buy or sell (https://open.longbridge.com/docs/trade/order/submit).
        price (str | Unset): A decimal number sent as text, such as `"12.50"`; clients keep it
            exact.
        currency (str | Unset): A currency code as the API sends it (`HKD`, `USD`, `CNH`, ...).
            Free text, as the SDK
            reads it (`currency: String`): crypto accounts may hold codes such as `USDT`
            (spec/DISCREPANCIES.md).
        order_id (int | str | Unset): A 64-bit identifier. The SDK and the vendor YAML send a
            string; documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.
        fractional_shares (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | EstimateMaxPurchaseQuantityResponse
    """

    return sync_detailed(
        client=client,
        symbol=symbol,
        order_type=order_type,
        side=side,
        price=price,
        currency=currency,
        order_id=order_id,
        fractional_shares=fractional_shares,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    symbol: str,
    order_type: OrderType,
    side: OrderSide,
    price: str | Unset = UNSET,
    currency: str | Unset = UNSET,
    order_id: int | str | Unset = UNSET,
    fractional_shares: bool | Unset = UNSET,
) -> Response[ErrorEnvelope | EstimateMaxPurchaseQuantityResponse]:
    """Estimate the maximum purchase (or sell) quantity

     How much can be bought with cash alone and with margin, or sold, for an order of this type
    at `price` (the last price when absent),
    https://open.longbridge.com/docs/trade/order/estimate_available_buy_limit. `order_id` estimates for
    replacing that order. The SDK always sends `fractional_shares`.

    Args:
        symbol (str): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for crypto,
            `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).
        order_type (OrderType): Order type
            (https://github.com/longbridge/developers/blob/265d5700/docs/en/docs/trade/definition.md):
            LO limit, ELO enhanced limit, MO market, AO at-auction,
            ALO at-auction limit, ODD odd lot, LIT limit if touched, MIT market if touched, TSLPAMT /
            TSLPPCT trailing limit if touched by amount / percent, SLO special limit (cannot be
            replaced). `TSMAMT` / `TSMPCT` (trailing market if touched) appear in the vendor YAML
            only.
        side (OrderSide): Buy or sell (https://open.longbridge.com/docs/trade/order/submit).
        price (str | Unset): A decimal number sent as text, such as `"12.50"`; clients keep it
            exact.
        currency (str | Unset): A currency code as the API sends it (`HKD`, `USD`, `CNH`, ...).
            Free text, as the SDK
            reads it (`currency: String`): crypto accounts may hold codes such as `USDT`
            (spec/DISCREPANCIES.md).
        order_id (int | str | Unset): A 64-bit identifier. The SDK and the vendor YAML send a
            string; documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.
        fractional_shares (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | EstimateMaxPurchaseQuantityResponse]
    """

    kwargs = _get_kwargs(
        symbol=symbol,
        order_type=order_type,
        side=side,
        price=price,
        currency=currency,
        order_id=order_id,
        fractional_shares=fractional_shares,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    symbol: str,
    order_type: OrderType,
    side: OrderSide,
    price: str | Unset = UNSET,
    currency: str | Unset = UNSET,
    order_id: int | str | Unset = UNSET,
    fractional_shares: bool | Unset = UNSET,
) -> ErrorEnvelope | EstimateMaxPurchaseQuantityResponse | None:
    """Estimate the maximum purchase (or sell) quantity

     How much can be bought with cash alone and with margin, or sold, for an order of this type
    at `price` (the last price when absent),
    https://open.longbridge.com/docs/trade/order/estimate_available_buy_limit. `order_id` estimates for
    replacing that order. The SDK always sends `fractional_shares`.

    Args:
        symbol (str): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for crypto,
            `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).
        order_type (OrderType): Order type
            (https://github.com/longbridge/developers/blob/265d5700/docs/en/docs/trade/definition.md):
            LO limit, ELO enhanced limit, MO market, AO at-auction,
            ALO at-auction limit, ODD odd lot, LIT limit if touched, MIT market if touched, TSLPAMT /
            TSLPPCT trailing limit if touched by amount / percent, SLO special limit (cannot be
            replaced). `TSMAMT` / `TSMPCT` (trailing market if touched) appear in the vendor YAML
            only.
        side (OrderSide): Buy or sell (https://open.longbridge.com/docs/trade/order/submit).
        price (str | Unset): A decimal number sent as text, such as `"12.50"`; clients keep it
            exact.
        currency (str | Unset): A currency code as the API sends it (`HKD`, `USD`, `CNH`, ...).
            Free text, as the SDK
            reads it (`currency: String`): crypto accounts may hold codes such as `USDT`
            (spec/DISCREPANCIES.md).
        order_id (int | str | Unset): A 64-bit identifier. The SDK and the vendor YAML send a
            string; documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.
        fractional_shares (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | EstimateMaxPurchaseQuantityResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            symbol=symbol,
            order_type=order_type,
            side=side,
            price=price,
            currency=currency,
            order_id=order_id,
            fractional_shares=fractional_shares,
        )
    ).parsed
