from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_topic_type import ContentTopicType, check_content_topic_type
from ...models.error_envelope import ErrorEnvelope
from ...models.list_my_topics_response import ListMyTopicsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = UNSET,
    size: int | Unset = UNSET,
    topic_type: ContentTopicType | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["size"] = size

    json_topic_type: str | Unset = UNSET
    if not isinstance(topic_type, Unset):
        json_topic_type = topic_type

    params["topic_type"] = json_topic_type

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/content/topics/mine",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ListMyTopicsResponse | None:
    if response.status_code == 200:
        response_200 = ListMyTopicsResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | ListMyTopicsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    size: int | Unset = UNSET,
    topic_type: ContentTopicType | Unset = UNSET,
) -> Response[ErrorEnvelope | ListMyTopicsResponse]:
    """Topics the signed-in user published (https://open.longbridge.com/docs/api?op=list_my_topics)

     Newest first. No `has_more` is sent: paging stops at a page shorter than `size`. The docs
    disagree on `size` (an older page: 1–50, default 25; the current page and the SDK: 1–500,
    default 50); the wider range is accepted (spec/DISCREPANCIES.md).

    Args:
        page (int | Unset):
        size (int | Unset):
        topic_type (ContentTopicType | Unset): `article` (long form, Markdown, titled) or `post`
            (short, plain text).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListMyTopicsResponse]
    """

    kwargs = _get_kwargs(
        page=page,
        size=size,
        topic_type=topic_type,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    size: int | Unset = UNSET,
    topic_type: ContentTopicType | Unset = UNSET,
) -> ErrorEnvelope | ListMyTopicsResponse | None:
    """Topics the signed-in user published (https://open.longbridge.com/docs/api?op=list_my_topics)

     Newest first. No `has_more` is sent: paging stops at a page shorter than `size`. The docs
    disagree on `size` (an older page: 1–50, default 25; the current page and the SDK: 1–500,
    default 50); the wider range is accepted (spec/DISCREPANCIES.md).

    Args:
        page (int | Unset):
        size (int | Unset):
        topic_type (ContentTopicType | Unset): `article` (long form, Markdown, titled) or `post`
            (short, plain text).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListMyTopicsResponse
    """

    return sync_detailed(
        client=client,
        page=page,
        size=size,
        topic_type=topic_type,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    size: int | Unset = UNSET,
    topic_type: ContentTopicType | Unset = UNSET,
) -> Response[ErrorEnvelope | ListMyTopicsResponse]:
    """Topics the signed-in user published (https://open.longbridge.com/docs/api?op=list_my_topics)

     Newest first. No `has_more` is sent: paging stops at a page shorter than `size`. The docs
    disagree on `size` (an older page: 1–50, default 25; the current page and the SDK: 1–500,
    default 50); the wider range is accepted (spec/DISCREPANCIES.md).

    Args:
        page (int | Unset):
        size (int | Unset):
        topic_type (ContentTopicType | Unset): `article` (long form, Markdown, titled) or `post`
            (short, plain text).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListMyTopicsResponse]
    """

    kwargs = _get_kwargs(
        page=page,
        size=size,
        topic_type=topic_type,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    size: int | Unset = UNSET,
    topic_type: ContentTopicType | Unset = UNSET,
) -> ErrorEnvelope | ListMyTopicsResponse | None:
    """Topics the signed-in user published (https://open.longbridge.com/docs/api?op=list_my_topics)

     Newest first. No `has_more` is sent: paging stops at a page shorter than `size`. The docs
    disagree on `size` (an older page: 1–50, default 25; the current page and the SDK: 1–500,
    default 50); the wider range is accepted (spec/DISCREPANCIES.md).

    Args:
        page (int | Unset):
        size (int | Unset):
        topic_type (ContentTopicType | Unset): `article` (long form, Markdown, titled) or `post`
            (short, plain text).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListMyTopicsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            size=size,
            topic_type=topic_type,
        )
    ).parsed
