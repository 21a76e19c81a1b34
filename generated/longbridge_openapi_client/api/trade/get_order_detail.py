from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.get_order_detail_response import GetOrderDetailResponse
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
        "method": "get",
        "url": "/v1/trade/order",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | GetOrderDetailResponse | None:
    if response.status_code == 200:
        response_200 = GetOrderDetailResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | GetOrderDetailResponse]:
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
) -> Response[ErrorEnvelope | GetOrderDetailResponse]:
    """Order detail

     One order with its fees, commission-free and deduction details, status history and charge
    detail (https://open.longbridge.com/docs/trade/order/order_detail). `charge_detail` is null for
    attached orders (SDK 4.4.2).
    Fields that do not apply are `""`. An unknown `order_id` is refused with 400 / 400000.

    Args:
        order_id (int | str): A 64-bit identifier. The SDK and the vendor YAML send a string;
            documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.
        is_attached (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetOrderDetailResponse]
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
) -> ErrorEnvelope | GetOrderDetailResponse | None:
    """Order detail

     One order with its fees, commission-free and deduction details, status history and charge
    detail (https://open.longbridge.com/docs/trade/order/order_detail). `charge_detail` is null for
    attached orders (SDK 4.4.2).
    Fields that do not apply are `""`. An unknown `order_id` is refused with 400 / 400000.

    Args:
        order_id (int | str): A 64-bit identifier. The SDK and the vendor YAML send a string;
            documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.
        is_attached (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetOrderDetailResponse
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
) -> Response[ErrorEnvelope | GetOrderDetailResponse]:
    """Order detail

     One order with its fees, commission-free and deduction details, status history and charge
    detail (https://open.longbridge.com/docs/trade/order/order_detail). `charge_detail` is null for
    attached orders (SDK 4.4.2).
    Fields that do not apply are `""`. An unknown `order_id` is refused with 400 / 400000.

    Args:
        order_id (int | str): A 64-bit identifier. The SDK and the vendor YAML send a string;
            documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.
        is_attached (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetOrderDetailResponse]
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
) -> ErrorEnvelope | GetOrderDetailResponse | None:
    """Order detail

     One order with its fees, commission-free and deduction details, status history and charge
    detail (https://open.longbridge.com/docs/trade/order/order_detail). `charge_detail` is null for
    attached orders (SDK 4.4.2).
    Fields that do not apply are `""`. An unknown `order_id` is refused with 400 / 400000.

    Args:
        order_id (int | str): A 64-bit identifier. The SDK and the vendor YAML send a string;
            documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.
        is_attached (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetOrderDetailResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            order_id=order_id,
            is_attached=is_attached,
        )
    ).parsed
