from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.get_statement_download_url_response import (
    GetStatementDownloadUrlResponse,
)
from ...types import UNSET, Response


def _get_kwargs(
    *,
    file_key: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["file_key"] = file_key

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/statement/download",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | GetStatementDownloadUrlResponse | None:
    if response.status_code == 200:
        response_200 = GetStatementDownloadUrlResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | GetStatementDownloadUrlResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    file_key: str,
) -> Response[ErrorEnvelope | GetStatementDownloadUrlResponse]:
    """Statement download URL

     A presigned, short-lived URL of one statement file
    (https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L1194). Unknown
    `file_key`s are refused with 400 / 400000.

    Args:
        file_key (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetStatementDownloadUrlResponse]
    """

    kwargs = _get_kwargs(
        file_key=file_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    file_key: str,
) -> ErrorEnvelope | GetStatementDownloadUrlResponse | None:
    """Statement download URL

     A presigned, short-lived URL of one statement file
    (https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L1194). Unknown
    `file_key`s are refused with 400 / 400000.

    Args:
        file_key (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetStatementDownloadUrlResponse
    """

    return sync_detailed(
        client=client,
        file_key=file_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    file_key: str,
) -> Response[ErrorEnvelope | GetStatementDownloadUrlResponse]:
    """Statement download URL

     A presigned, short-lived URL of one statement file
    (https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L1194). Unknown
    `file_key`s are refused with 400 / 400000.

    Args:
        file_key (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetStatementDownloadUrlResponse]
    """

    kwargs = _get_kwargs(
        file_key=file_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    file_key: str,
) -> ErrorEnvelope | GetStatementDownloadUrlResponse | None:
    """Statement download URL

     A presigned, short-lived URL of one statement file
    (https://github.com/longbridge/developers/blob/265d5700/openapi.yaml#L1194). Unknown
    `file_key`s are refused with 400 / 400000.

    Args:
        file_key (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetStatementDownloadUrlResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            file_key=file_key,
        )
    ).parsed
