from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.asset_business_type_query import (
    AssetBusinessTypeQuery,
    check_asset_business_type_query,
)
from ...models.error_envelope import ErrorEnvelope
from ...models.list_cash_flow_response import ListCashFlowResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    start_time: int,
    end_time: int,
    business_type: AssetBusinessTypeQuery | Unset = UNSET,
    symbol: str | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["start_time"] = start_time

    params["end_time"] = end_time

    json_business_type: int | Unset = UNSET
    if not isinstance(business_type, Unset):
        json_business_type = business_type

    params["business_type"] = json_business_type

    params["symbol"] = symbol

    params["page"] = page

    params["size"] = size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/asset/cashflow",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ListCashFlowResponse | None:
    if response.status_code == 200:
        response_200 = ListCashFlowResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | ListCashFlowResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    start_time: int,
    end_time: int,
    business_type: AssetBusinessTypeQuery | Unset = UNSET,
    symbol: str | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,
) -> Response[ErrorEnvelope | ListCashFlowResponse]:
    """Cash flow

     Cash movements of the account in a time window
    (https://open.longbridge.com/docs/trade/asset/cashflow), newest first.
    `start_time` and `end_time` are required by the docs page (the vendor YAML marks them optional;
    the SDK always sends them). `size` defaults to 50 per the docs page (20 per the vendor YAML).
    The answer has no `has_more`: paging stops at a page shorter than `size`.
    In each item `direction` and `business_type` may be strings or numbers (§10 item 5).

    Args:
        start_time (int):
        end_time (int):
        business_type (AssetBusinessTypeQuery | Unset): Cash-flow category filter; 1 cash, 2
            stock, 3 fund (https://open.longbridge.com/docs/trade/asset/cashflow).
        symbol (str | Unset): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for
            crypto, `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListCashFlowResponse]
    """

    kwargs = _get_kwargs(
        start_time=start_time,
        end_time=end_time,
        business_type=business_type,
        symbol=symbol,
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
    start_time: int,
    end_time: int,
    business_type: AssetBusinessTypeQuery | Unset = UNSET,
    symbol: str | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,
) -> ErrorEnvelope | ListCashFlowResponse | None:
    """Cash flow

     Cash movements of the account in a time window
    (https://open.longbridge.com/docs/trade/asset/cashflow), newest first.
    `start_time` and `end_time` are required by the docs page (the vendor YAML marks them optional;
    the SDK always sends them). `size` defaults to 50 per the docs page (20 per the vendor YAML).
    The answer has no `has_more`: paging stops at a page shorter than `size`.
    In each item `direction` and `business_type` may be strings or numbers (§10 item 5).

    Args:
        start_time (int):
        end_time (int):
        business_type (AssetBusinessTypeQuery | Unset): Cash-flow category filter; 1 cash, 2
            stock, 3 fund (https://open.longbridge.com/docs/trade/asset/cashflow).
        symbol (str | Unset): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for
            crypto, `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListCashFlowResponse
    """

    return sync_detailed(
        client=client,
        start_time=start_time,
        end_time=end_time,
        business_type=business_type,
        symbol=symbol,
        page=page,
        size=size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    start_time: int,
    end_time: int,
    business_type: AssetBusinessTypeQuery | Unset = UNSET,
    symbol: str | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,
) -> Response[ErrorEnvelope | ListCashFlowResponse]:
    """Cash flow

     Cash movements of the account in a time window
    (https://open.longbridge.com/docs/trade/asset/cashflow), newest first.
    `start_time` and `end_time` are required by the docs page (the vendor YAML marks them optional;
    the SDK always sends them). `size` defaults to 50 per the docs page (20 per the vendor YAML).
    The answer has no `has_more`: paging stops at a page shorter than `size`.
    In each item `direction` and `business_type` may be strings or numbers (§10 item 5).

    Args:
        start_time (int):
        end_time (int):
        business_type (AssetBusinessTypeQuery | Unset): Cash-flow category filter; 1 cash, 2
            stock, 3 fund (https://open.longbridge.com/docs/trade/asset/cashflow).
        symbol (str | Unset): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for
            crypto, `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListCashFlowResponse]
    """

    kwargs = _get_kwargs(
        start_time=start_time,
        end_time=end_time,
        business_type=business_type,
        symbol=symbol,
        page=page,
        size=size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    start_time: int,
    end_time: int,
    business_type: AssetBusinessTypeQuery | Unset = UNSET,
    symbol: str | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,
) -> ErrorEnvelope | ListCashFlowResponse | None:
    """Cash flow

     Cash movements of the account in a time window
    (https://open.longbridge.com/docs/trade/asset/cashflow), newest first.
    `start_time` and `end_time` are required by the docs page (the vendor YAML marks them optional;
    the SDK always sends them). `size` defaults to 50 per the docs page (20 per the vendor YAML).
    The answer has no `has_more`: paging stops at a page shorter than `size`.
    In each item `direction` and `business_type` may be strings or numbers (§10 item 5).

    Args:
        start_time (int):
        end_time (int):
        business_type (AssetBusinessTypeQuery | Unset): Cash-flow category filter; 1 cash, 2
            stock, 3 fund (https://open.longbridge.com/docs/trade/asset/cashflow).
        symbol (str | Unset): A ticker with its market suffix, such as `700.HK`, `AAPL.US` or, for
            crypto, `BTCUSD.HAS`
            (spec/DISCREPANCIES.md).
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListCashFlowResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            start_time=start_time,
            end_time=end_time,
            business_type=business_type,
            symbol=symbol,
            page=page,
            size=size,
        )
    ).parsed
