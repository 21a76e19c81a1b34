from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cancel_order_response import CancelOrderResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    order_id: int | str,
    is_attached: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_order_id: int | str
    json_order_id = order_id
    params["order_id"] = json_order_id

    params["is_attached"] = is_attached

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/trade/order",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CancelOrderResponse | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = CancelOrderResponse.from_dict(response.json())

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
) -> Response[CancelOrderResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    order_id: int | str,
    is_attached: bool | Unset = UNSET,
) -> Response[CancelOrderResponse | ErrorEnvelope]:
    """Cancel (withdraw) an order

     Cancels an open order (https://open.longbridge.com/docs/trade/order/withdraw). A filled, cancelled,
    rejected or unknown
    order is refused with 400 / 400000. The SDK also sends `is_attached` (attached take-profit /
    stop-loss orders, 4.4.2).

    Args:
        order_id (int | str): A 64-bit identifier. The SDK and the vendor YAML send a string;
            documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.
        is_attached (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CancelOrderResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        is_attached=is_attached,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    order_id: int | str,
    is_attached: bool | Unset = UNSET,
) -> CancelOrderResponse | ErrorEnvelope | None:
    """Cancel (withdraw) an order

     Cancels an open order (https://open.longbridge.com/docs/trade/order/withdraw). A filled, cancelled,
    rejected or unknown
    order is refused with 400 / 400000. The SDK also sends `is_attached` (attached take-profit /
    stop-loss orders, 4.4.2).

    Args:
        order_id (int | str): A 64-bit identifier. The SDK and the vendor YAML send a string;
            documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.
        is_attached (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CancelOrderResponse | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        order_id=order_id,
        is_attached=is_attached,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    order_id: int | str,
    is_attached: bool | Unset = UNSET,
) -> Response[CancelOrderResponse | ErrorEnvelope]:
    """Cancel (withdraw) an order

     Cancels an open order (https://open.longbridge.com/docs/trade/order/withdraw). A filled, cancelled,
    rejected or unknown
    order is refused with 400 / 400000. The SDK also sends `is_attached` (attached take-profit /
    stop-loss orders, 4.4.2).

    Args:
        order_id (int | str): A 64-bit identifier. The SDK and the vendor YAML send a string;
            documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.
        is_attached (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CancelOrderResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        is_attached=is_attached,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    order_id: int | str,
    is_attached: bool | Unset = UNSET,
) -> CancelOrderResponse | ErrorEnvelope | None:
    """Cancel (withdraw) an order

     Cancels an open order (https://open.longbridge.com/docs/trade/order/withdraw). A filled, cancelled,
    rejected or unknown
    order is refused with 400 / 400000. The SDK also sends `is_attached` (attached take-profit /
    stop-loss orders, 4.4.2).

    Args:
        order_id (int | str): A 64-bit identifier. The SDK and the vendor YAML send a string;
            documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.
        is_attached (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CancelOrderResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            order_id=order_id,
            is_attached=is_attached,
        )
    ).parsed
