from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.replace_order_response import ReplaceOrderResponse
from ...models.trade_replace_order_request import TradeReplaceOrderRequest
from ...types import UNSET, Response


def _get_kwargs(
    *,
    body: TradeReplaceOrderRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/trade/order",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ReplaceOrderResponse | None:
    if response.status_code == 200:
        response_200 = ReplaceOrderResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | ReplaceOrderResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TradeReplaceOrderRequest,
) -> Response[ErrorEnvelope | ReplaceOrderResponse]:
    """Replace (modify) an order

     Changes the quantity and prices of an open order
    (https://open.longbridge.com/docs/trade/order/replace). A filled,
    cancelled, rejected or unknown order is refused with 400 / 400000. `remark` is limited to 64
    characters by the docs' replace page and to 255 by the submit page and the vendor YAML; 255 is
    accepted (§10 item 8). SLO orders cannot be replaced (§5.7).

    Args:
        body (TradeReplaceOrderRequest): New quantity and prices of an open order
            (https://open.longbridge.com/docs/trade/order/replace). `remark` ≤ 255 (the
            docs' replace page says 64; §10 item 8).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ReplaceOrderResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: TradeReplaceOrderRequest,
) -> ErrorEnvelope | ReplaceOrderResponse | None:
    """Replace (modify) an order

     Changes the quantity and prices of an open order
    (https://open.longbridge.com/docs/trade/order/replace). A filled,
    cancelled, rejected or unknown order is refused with 400 / 400000. `remark` is limited to 64
    characters by the docs' replace page and to 255 by the submit page and the vendor YAML; 255 is
    accepted (§10 item 8). SLO orders cannot be replaced (§5.7).

    Args:
        body (TradeReplaceOrderRequest): New quantity and prices of an open order
            (https://open.longbridge.com/docs/trade/order/replace). `remark` ≤ 255 (the
            docs' replace page says 64; §10 item 8).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ReplaceOrderResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TradeReplaceOrderRequest,
) -> Response[ErrorEnvelope | ReplaceOrderResponse]:
    """Replace (modify) an order

     Changes the quantity and prices of an open order
    (https://open.longbridge.com/docs/trade/order/replace). A filled,
    cancelled, rejected or unknown order is refused with 400 / 400000. `remark` is limited to 64
    characters by the docs' replace page and to 255 by the submit page and the vendor YAML; 255 is
    accepted (§10 item 8). SLO orders cannot be replaced (§5.7).

    Args:
        body (TradeReplaceOrderRequest): New quantity and prices of an open order
            (https://open.longbridge.com/docs/trade/order/replace). `remark` ≤ 255 (the
            docs' replace page says 64; §10 item 8).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ReplaceOrderResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TradeReplaceOrderRequest,
) -> ErrorEnvelope | ReplaceOrderResponse | None:
    """Replace (modify) an order

     Changes the quantity and prices of an open order
    (https://open.longbridge.com/docs/trade/order/replace). A filled,
    cancelled, rejected or unknown order is refused with 400 / 400000. `remark` is limited to 64
    characters by the docs' replace page and to 255 by the submit page and the vendor YAML; 255 is
    accepted (§10 item 8). SLO orders cannot be replaced (§5.7).

    Args:
        body (TradeReplaceOrderRequest): New quantity and prices of an open order
            (https://open.longbridge.com/docs/trade/order/replace). `remark` ≤ 255 (the
            docs' replace page says 64; §10 item 8).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ReplaceOrderResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
