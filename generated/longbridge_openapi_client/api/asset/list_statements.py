from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.asset_statement_type import (
    AssetStatementType,
    check_asset_statement_type,
)
from ...models.error_envelope import ErrorEnvelope
from ...models.list_statements_response import ListStatementsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    statement_type: AssetStatementType | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    start_date: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_statement_type: int | Unset = UNSET
    if not isinstance(statement_type, Unset):
        json_statement_type = statement_type

    params["statement_type"] = json_statement_type

    params["page"] = page

    params["page_size"] = page_size

    params["start_date"] = start_date

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/statement/list",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ListStatementsResponse | None:
    if response.status_code == 200:
        response_200 = ListStatementsResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | ListStatementsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    statement_type: AssetStatementType | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    start_date: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[ErrorEnvelope | ListStatementsResponse]:
    """Account statements

     Daily or monthly statements
    (https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L1126-L1193). The sources
    disagree: the
    vendor YAML documents `page` / `page_size` and a bare array of `{date, file_key}`; the SDK sends
    `start_date` (the page number, default 1) / `limit` (default 20) and reads
    `{list: [{dt, file_key}]}`. Both parameter sets are accepted (`page` wins over `start_date`,
    `page_size` over `limit`); the answer is the SDK's object form, whose `dt` may be an integer or
    a `YYYYMMDD` string. Newest first; no `has_more`, paging stops at a short page.

    Args:
        statement_type (AssetStatementType | Unset): 1 daily, 2 monthly
            (https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L1126-L1193).
        page (int | Unset):
        page_size (int | Unset):
        start_date (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListStatementsResponse]
    """

    kwargs = _get_kwargs(
        statement_type=statement_type,
        page=page,
        page_size=page_size,
        start_date=start_date,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    statement_type: AssetStatementType | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    start_date: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> ErrorEnvelope | ListStatementsResponse | None:
    """Account statements

     Daily or monthly statements
    (https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L1126-L1193). The sources
    disagree: the
    vendor YAML documents `page` / `page_size` and a bare array of `{date, file_key}`; the SDK sends
    `start_date` (the page number, default 1) / `limit` (default 20) and reads
    `{list: [{dt, file_key}]}`. Both parameter sets are accepted (`page` wins over `start_date`,
    `page_size` over `limit`); the answer is the SDK's object form, whose `dt` may be an integer or
    a `YYYYMMDD` string. Newest first; no `has_more`, paging stops at a short page.

    Args:
        statement_type (AssetStatementType | Unset): 1 daily, 2 monthly
            (https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L1126-L1193).
        page (int | Unset):
        page_size (int | Unset):
        start_date (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListStatementsResponse
    """

    return sync_detailed(
        client=client,
        statement_type=statement_type,
        page=page,
        page_size=page_size,
        start_date=start_date,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    statement_type: AssetStatementType | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    start_date: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[ErrorEnvelope | ListStatementsResponse]:
    """Account statements

     Daily or monthly statements
    (https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L1126-L1193). The sources
    disagree: the
    vendor YAML documents `page` / `page_size` and a bare array of `{date, file_key}`; the SDK sends
    `start_date` (the page number, default 1) / `limit` (default 20) and reads
    `{list: [{dt, file_key}]}`. Both parameter sets are accepted (`page` wins over `start_date`,
    `page_size` over `limit`); the answer is the SDK's object form, whose `dt` may be an integer or
    a `YYYYMMDD` string. Newest first; no `has_more`, paging stops at a short page.

    Args:
        statement_type (AssetStatementType | Unset): 1 daily, 2 monthly
            (https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L1126-L1193).
        page (int | Unset):
        page_size (int | Unset):
        start_date (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListStatementsResponse]
    """

    kwargs = _get_kwargs(
        statement_type=statement_type,
        page=page,
        page_size=page_size,
        start_date=start_date,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    statement_type: AssetStatementType | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    start_date: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> ErrorEnvelope | ListStatementsResponse | None:
    """Account statements

     Daily or monthly statements
    (https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L1126-L1193). The sources
    disagree: the
    vendor YAML documents `page` / `page_size` and a bare array of `{date, file_key}`; the SDK sends
    `start_date` (the page number, default 1) / `limit` (default 20) and reads
    `{list: [{dt, file_key}]}`. Both parameter sets are accepted (`page` wins over `start_date`,
    `page_size` over `limit`); the answer is the SDK's object form, whose `dt` may be an integer or
    a `YYYYMMDD` string. Newest first; no `has_more`, paging stops at a short page.

    Args:
        statement_type (AssetStatementType | Unset): 1 daily, 2 monthly
            (https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L1126-L1193).
        page (int | Unset):
        page_size (int | Unset):
        start_date (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListStatementsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            statement_type=statement_type,
            page=page,
            page_size=page_size,
            start_date=start_date,
            limit=limit,
        )
    ).parsed
