from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.submit_order_response import SubmitOrderResponse
from ...models.trade_submit_order_request import TradeSubmitOrderRequest
from ...types import UNSET, Response


def _get_kwargs(
    *,
    body: TradeSubmitOrderRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/trade/order",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | SubmitOrderResponse | None:
    if response.status_code == 200:
        response_200 = SubmitOrderResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | SubmitOrderResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TradeSubmitOrderRequest,
) -> Response[ErrorEnvelope | SubmitOrderResponse]:
    """Submit an order

     Places an order (https://open.longbridge.com/docs/trade/order/submit; the vendor YAML lacks this
    operation, https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L1985).
    Which fields are needed depends on `order_type` and `time_in_force`: `submitted_price` for
    LO/ELO/ALO/ODD/LIT, `trigger_price` for LIT/MIT, `trailing_amount` for TSLPAMT,
    `trailing_percent` for TSLPPCT, `expire_date` for GTD; a missing one is refused with 400 /
    400000. `client_request_id` (sent by the SDK since 4.4.0) makes the call idempotent: the same
    id with the same body answers the same `order_id` and places nothing; the same id with a
    different body is refused with 400. (The example carries no `client_request_id`, so that
    replaying it places a new order each time.) `order_id` is a string (SDK) or a bare number (docs
    example), §10 item 4. The SDK may also send `attached_params` (take-profit / stop-loss,
    4.4.2); it is accepted and not described here.

    Args:
        body (TradeSubmitOrderRequest): An order to place
            (https://open.longbridge.com/docs/trade/order/submit). Conditional fields: see the
            operation.
            Decimal inputs are decimal text, as the SDK sends them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SubmitOrderResponse]
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
    body: TradeSubmitOrderRequest,
) -> ErrorEnvelope | SubmitOrderResponse | None:
    """Submit an order

     Places an order (https://open.longbridge.com/docs/trade/order/submit; the vendor YAML lacks this
    operation, https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L1985).
    Which fields are needed depends on `order_type` and `time_in_force`: `submitted_price` for
    LO/ELO/ALO/ODD/LIT, `trigger_price` for LIT/MIT, `trailing_amount` for TSLPAMT,
    `trailing_percent` for TSLPPCT, `expire_date` for GTD; a missing one is refused with 400 /
    400000. `client_request_id` (sent by the SDK since 4.4.0) makes the call idempotent: the same
    id with the same body answers the same `order_id` and places nothing; the same id with a
    different body is refused with 400. (The example carries no `client_request_id`, so that
    replaying it places a new order each time.) `order_id` is a string (SDK) or a bare number (docs
    example), §10 item 4. The SDK may also send `attached_params` (take-profit / stop-loss,
    4.4.2); it is accepted and not described here.

    Args:
        body (TradeSubmitOrderRequest): An order to place
            (https://open.longbridge.com/docs/trade/order/submit). Conditional fields: see the
            operation.
            Decimal inputs are decimal text, as the SDK sends them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SubmitOrderResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TradeSubmitOrderRequest,
) -> Response[ErrorEnvelope | SubmitOrderResponse]:
    """Submit an order

     Places an order (https://open.longbridge.com/docs/trade/order/submit; the vendor YAML lacks this
    operation, https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L1985).
    Which fields are needed depends on `order_type` and `time_in_force`: `submitted_price` for
    LO/ELO/ALO/ODD/LIT, `trigger_price` for LIT/MIT, `trailing_amount` for TSLPAMT,
    `trailing_percent` for TSLPPCT, `expire_date` for GTD; a missing one is refused with 400 /
    400000. `client_request_id` (sent by the SDK since 4.4.0) makes the call idempotent: the same
    id with the same body answers the same `order_id` and places nothing; the same id with a
    different body is refused with 400. (The example carries no `client_request_id`, so that
    replaying it places a new order each time.) `order_id` is a string (SDK) or a bare number (docs
    example), §10 item 4. The SDK may also send `attached_params` (take-profit / stop-loss,
    4.4.2); it is accepted and not described here.

    Args:
        body (TradeSubmitOrderRequest): An order to place
            (https://open.longbridge.com/docs/trade/order/submit). Conditional fields: see the
            operation.
            Decimal inputs are decimal text, as the SDK sends them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SubmitOrderResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TradeSubmitOrderRequest,
) -> ErrorEnvelope | SubmitOrderResponse | None:
    """Submit an order

     Places an order (https://open.longbridge.com/docs/trade/order/submit; the vendor YAML lacks this
    operation, https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L1985).
    Which fields are needed depends on `order_type` and `time_in_force`: `submitted_price` for
    LO/ELO/ALO/ODD/LIT, `trigger_price` for LIT/MIT, `trailing_amount` for TSLPAMT,
    `trailing_percent` for TSLPPCT, `expire_date` for GTD; a missing one is refused with 400 /
    400000. `client_request_id` (sent by the SDK since 4.4.0) makes the call idempotent: the same
    id with the same body answers the same `order_id` and places nothing; the same id with a
    different body is refused with 400. (The example carries no `client_request_id`, so that
    replaying it places a new order each time.) `order_id` is a string (SDK) or a bare number (docs
    example), §10 item 4. The SDK may also send `attached_params` (take-profit / stop-loss,
    4.4.2); it is accepted and not described here.

    Args:
        body (TradeSubmitOrderRequest): An order to place
            (https://open.longbridge.com/docs/trade/order/submit). Conditional fields: see the
            operation.
            Decimal inputs are decimal text, as the SDK sends them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SubmitOrderResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
