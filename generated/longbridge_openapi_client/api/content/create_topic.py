from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_create_topic_request import ContentCreateTopicRequest
from ...models.create_topic_response import CreateTopicResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response


def _get_kwargs(
    *,
    body: ContentCreateTopicRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/content/topics",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateTopicResponse | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = CreateTopicResponse.from_dict(response.json())

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
) -> Response[CreateTopicResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ContentCreateTopicRequest,
) -> Response[CreateTopicResponse | ErrorEnvelope]:
    """Publish a community topic (https://open.longbridge.com/docs/api?op=create_topic)

     A `post` (the default) is plain text; an `article` has a Markdown body and needs a `title`.
    Symbols in the body are linked by the server; `tickers` adds others. The server refuses
    accounts that are not funded (403) and limits publishing to 3 topics a minute and 10 a day
    per user (429); the mock does not enforce these limits.

    Args:
        body (ContentCreateTopicRequest): `title` is required for an article (the server refuses
            an untitled one with 400). The docs
            page allows one hashtag, the SDK five; five are accepted (spec/DISCREPANCIES.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateTopicResponse | ErrorEnvelope]
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
    body: ContentCreateTopicRequest,
) -> CreateTopicResponse | ErrorEnvelope | None:
    """Publish a community topic (https://open.longbridge.com/docs/api?op=create_topic)

     A `post` (the default) is plain text; an `article` has a Markdown body and needs a `title`.
    Symbols in the body are linked by the server; `tickers` adds others. The server refuses
    accounts that are not funded (403) and limits publishing to 3 topics a minute and 10 a day
    per user (429); the mock does not enforce these limits.

    Args:
        body (ContentCreateTopicRequest): `title` is required for an article (the server refuses
            an untitled one with 400). The docs
            page allows one hashtag, the SDK five; five are accepted (spec/DISCREPANCIES.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateTopicResponse | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ContentCreateTopicRequest,
) -> Response[CreateTopicResponse | ErrorEnvelope]:
    """Publish a community topic (https://open.longbridge.com/docs/api?op=create_topic)

     A `post` (the default) is plain text; an `article` has a Markdown body and needs a `title`.
    Symbols in the body are linked by the server; `tickers` adds others. The server refuses
    accounts that are not funded (403) and limits publishing to 3 topics a minute and 10 a day
    per user (429); the mock does not enforce these limits.

    Args:
        body (ContentCreateTopicRequest): `title` is required for an article (the server refuses
            an untitled one with 400). The docs
            page allows one hashtag, the SDK five; five are accepted (spec/DISCREPANCIES.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateTopicResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ContentCreateTopicRequest,
) -> CreateTopicResponse | ErrorEnvelope | None:
    """Publish a community topic (https://open.longbridge.com/docs/api?op=create_topic)

     A `post` (the default) is plain text; an `article` has a Markdown body and needs a `title`.
    Symbols in the body are linked by the server; `tickers` adds others. The server refuses
    accounts that are not funded (403) and limits publishing to 3 topics a minute and 10 a day
    per user (429); the mock does not enforce these limits.

    Args:
        body (ContentCreateTopicRequest): `title` is required for an article (the server refuses
            an untitled one with 400). The docs
            page allows one hashtag, the SDK five; five are accepted (spec/DISCREPANCIES.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateTopicResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
