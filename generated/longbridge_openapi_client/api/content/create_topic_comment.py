from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_create_comment_request import ContentCreateCommentRequest
from ...models.create_topic_comment_response import CreateTopicCommentResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response


def _get_kwargs(
    topic_id: str,
    *,
    body: ContentCreateCommentRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/content/topics/{topic_id}/comments".format(
            topic_id=quote(str(topic_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateTopicCommentResponse | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = CreateTopicCommentResponse.from_dict(response.json())

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
) -> Response[CreateTopicCommentResponse | ErrorEnvelope]:
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
    body: ContentCreateCommentRequest,
) -> Response[CreateTopicCommentResponse | ErrorEnvelope]:
    """Reply to a topic or to one of its replies
    (https://open.longbridge.com/docs/api?op=create_topic_reply)

     Plain text. `reply_to_id` names a reply on the same topic; absent or `"0"` is a top-level
    reply. The server spaces a user's replies on one topic out (after three: 3 s, 5 s, 8 s, ...
    up to 55 s) and answers 429 when they come faster; the mock does not enforce this.

    Args:
        topic_id (str):
        body (ContentCreateCommentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateTopicCommentResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        topic_id=topic_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    topic_id: str,
    *,
    client: AuthenticatedClient,
    body: ContentCreateCommentRequest,
) -> CreateTopicCommentResponse | ErrorEnvelope | None:
    """Reply to a topic or to one of its replies
    (https://open.longbridge.com/docs/api?op=create_topic_reply)

     Plain text. `reply_to_id` names a reply on the same topic; absent or `"0"` is a top-level
    reply. The server spaces a user's replies on one topic out (after three: 3 s, 5 s, 8 s, ...
    up to 55 s) and answers 429 when they come faster; the mock does not enforce this.

    Args:
        topic_id (str):
        body (ContentCreateCommentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateTopicCommentResponse | ErrorEnvelope
    """

    return sync_detailed(
        topic_id=topic_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    topic_id: str,
    *,
    client: AuthenticatedClient,
    body: ContentCreateCommentRequest,
) -> Response[CreateTopicCommentResponse | ErrorEnvelope]:
    """Reply to a topic or to one of its replies
    (https://open.longbridge.com/docs/api?op=create_topic_reply)

     Plain text. `reply_to_id` names a reply on the same topic; absent or `"0"` is a top-level
    reply. The server spaces a user's replies on one topic out (after three: 3 s, 5 s, 8 s, ...
    up to 55 s) and answers 429 when they come faster; the mock does not enforce this.

    Args:
        topic_id (str):
        body (ContentCreateCommentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateTopicCommentResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        topic_id=topic_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    topic_id: str,
    *,
    client: AuthenticatedClient,
    body: ContentCreateCommentRequest,
) -> CreateTopicCommentResponse | ErrorEnvelope | None:
    """Reply to a topic or to one of its replies
    (https://open.longbridge.com/docs/api?op=create_topic_reply)

     Plain text. `reply_to_id` names a reply on the same topic; absent or `"0"` is a top-level
    reply. The server spaces a user's replies on one topic out (after three: 3 s, 5 s, 8 s, ...
    up to 55 s) and answers 429 when they come faster; the mock does not enforce this.

    Args:
        topic_id (str):
        body (ContentCreateCommentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateTopicCommentResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            topic_id=topic_id,
            client=client,
            body=body,
        )
    ).parsed
