from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.list_topic_comments_response import ListTopicCommentsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    topic_id: str,
    *,
    page: int | Unset = UNSET,
    size: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["size"] = size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/content/topics/{topic_id}/comments".format(
            topic_id=quote(str(topic_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ListTopicCommentsResponse | None:
    if response.status_code == 200:
        response_200 = ListTopicCommentsResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | ListTopicCommentsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    topic_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    size: int | Unset = UNSET,
) -> Response[ErrorEnvelope | ListTopicCommentsResponse]:
    """Replies on a topic (https://open.longbridge.com/docs/api?op=list_topic_replies)

     Oldest first, so pages stay stable while replies arrive. No `has_more` is sent.

    Args:
        topic_id (str):
        page (int | Unset):
        size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListTopicCommentsResponse]
    """

    kwargs = _get_kwargs(
        topic_id=topic_id,
        page=page,
        size=size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    topic_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    size: int | Unset = UNSET,
) -> ErrorEnvelope | ListTopicCommentsResponse | None:
    """Replies on a topic (https://open.longbridge.com/docs/api?op=list_topic_replies)

     Oldest first, so pages stay stable while replies arrive. No `has_more` is sent.

    Args:
        topic_id (str):
        page (int | Unset):
        size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListTopicCommentsResponse
    """

    return sync_detailed(
        topic_id=topic_id,
        client=client,
        page=page,
        size=size,
    ).parsed


async def asyncio_detailed(
    topic_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    size: int | Unset = UNSET,
) -> Response[ErrorEnvelope | ListTopicCommentsResponse]:
    """Replies on a topic (https://open.longbridge.com/docs/api?op=list_topic_replies)

     Oldest first, so pages stay stable while replies arrive. No `has_more` is sent.

    Args:
        topic_id (str):
        page (int | Unset):
        size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListTopicCommentsResponse]
    """

    kwargs = _get_kwargs(
        topic_id=topic_id,
        page=page,
        size=size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    topic_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    size: int | Unset = UNSET,
) -> ErrorEnvelope | ListTopicCommentsResponse | None:
    """Replies on a topic (https://open.longbridge.com/docs/api?op=list_topic_replies)

     Oldest first, so pages stay stable while replies arrive. No `has_more` is sent.

    Args:
        topic_id (str):
        page (int | Unset):
        size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListTopicCommentsResponse
    """

    return (
        await asyncio_detailed(
            topic_id=topic_id,
            client=client,
            page=page,
            size=size,
        )
    ).parsed
