from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delete_watchlist_group_response import DeleteWatchlistGroupResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    id: int | str,
    purge: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_id: int | str
    json_id = id
    params["id"] = json_id

    params["purge"] = purge

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/watchlist/groups",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeleteWatchlistGroupResponse | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = DeleteWatchlistGroupResponse.from_dict(response.json())

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
) -> Response[DeleteWatchlistGroupResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    id: int | str,
    purge: bool | Unset = False,
) -> Response[DeleteWatchlistGroupResponse | ErrorEnvelope]:
    """Delete a watchlist group (https://open.longbridge.com/docs/quote/individual/watchlist_delete_group)

    Args:
        id (int | str): A 64-bit identifier. The SDK and the vendor YAML send a string;
            documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.
        purge (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeleteWatchlistGroupResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        id=id,
        purge=purge,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    id: int | str,
    purge: bool | Unset = False,
) -> DeleteWatchlistGroupResponse | ErrorEnvelope | None:
    """Delete a watchlist group (https://open.longbridge.com/docs/quote/individual/watchlist_delete_group)

    Args:
        id (int | str): A 64-bit identifier. The SDK and the vendor YAML send a string;
            documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.
        purge (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeleteWatchlistGroupResponse | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        id=id,
        purge=purge,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    id: int | str,
    purge: bool | Unset = False,
) -> Response[DeleteWatchlistGroupResponse | ErrorEnvelope]:
    """Delete a watchlist group (https://open.longbridge.com/docs/quote/individual/watchlist_delete_group)

    Args:
        id (int | str): A 64-bit identifier. The SDK and the vendor YAML send a string;
            documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.
        purge (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeleteWatchlistGroupResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        id=id,
        purge=purge,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    id: int | str,
    purge: bool | Unset = False,
) -> DeleteWatchlistGroupResponse | ErrorEnvelope | None:
    """Delete a watchlist group (https://open.longbridge.com/docs/quote/individual/watchlist_delete_group)

    Args:
        id (int | str): A 64-bit identifier. The SDK and the vendor YAML send a string;
            documentation examples
            show a number, which loses precision in JavaScript. Clients read it as a string.
        purge (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeleteWatchlistGroupResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            id=id,
            purge=purge,
        )
    ).parsed
