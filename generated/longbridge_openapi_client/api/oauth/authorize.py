from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.authorize_error import AuthorizeError
from ...models.code_challenge_method import (
    CodeChallengeMethod,
    check_code_challenge_method,
)
from ...models.response_type import ResponseType, check_response_type
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    response_type: ResponseType,
    client_id: str,
    redirect_uri: str,
    scope: str | Unset = UNSET,
    state: str | Unset = UNSET,
    code_challenge: str | Unset = UNSET,
    code_challenge_method: CodeChallengeMethod | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_response_type: str = response_type
    params["response_type"] = json_response_type

    params["client_id"] = client_id

    params["redirect_uri"] = redirect_uri

    params["scope"] = scope

    params["state"] = state

    params["code_challenge"] = code_challenge

    json_code_challenge_method: str | Unset = UNSET
    if not isinstance(code_challenge_method, Unset):
        json_code_challenge_method = code_challenge_method

    params["code_challenge_method"] = json_code_challenge_method

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/oauth2/authorize",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | AuthorizeError | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 302:
        response_302 = cast(Any, None)
        return response_302

    if response.status_code == 400:
        response_400 = AuthorizeError.from_dict(response.json())

        return response_400

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | AuthorizeError | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    response_type: ResponseType,
    client_id: str,
    redirect_uri: str,
    scope: str | Unset = UNSET,
    state: str | Unset = UNSET,
    code_challenge: str | Unset = UNSET,
    code_challenge_method: CodeChallengeMethod | Unset = UNSET,
) -> Response[Any | AuthorizeError | str]:
    """Authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3)

     Redirects the user agent back to `redirect_uri` with `code` and the unchanged `state`, or
    with `error` (RFC 6749 §4.1.2, §4.1.2.1). When `client_id` or `redirect_uri` is unknown the
    server must not redirect and answers 400 (§4.1.2.1, RFC 9700 §4.11). A server that asks the
    user for consent answers 200 with an HTML page first.

    PKCE: the real server accepts requests without `code_challenge` (the official SDK sends
    none); when a challenge is sent its method must be `S256`
    (https://datatracker.ietf.org/doc/html/rfc9700#section-2.1.1,
    https://datatracker.ietf.org/doc/html/rfc7636#section-4.2).

    Args:
        response_type (ResponseType): The only response type (RFC 6749 §4.1.1); implicit is not
            offered (RFC 9700 §2.1.2).
        client_id (str):
        redirect_uri (str):
        scope (str | Unset):
        state (str | Unset):
        code_challenge (str | Unset):
        code_challenge_method (CodeChallengeMethod | Unset): PKCE transformation (RFC 7636 §4.3);
            `plain` is not offered (RFC 9700 §2.1.1).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AuthorizeError | str]
    """

    kwargs = _get_kwargs(
        response_type=response_type,
        client_id=client_id,
        redirect_uri=redirect_uri,
        scope=scope,
        state=state,
        code_challenge=code_challenge,
        code_challenge_method=code_challenge_method,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    response_type: ResponseType,
    client_id: str,
    redirect_uri: str,
    scope: str | Unset = UNSET,
    state: str | Unset = UNSET,
    code_challenge: str | Unset = UNSET,
    code_challenge_method: CodeChallengeMethod | Unset = UNSET,
) -> Any | AuthorizeError | str | None:
    """Authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3)

     Redirects the user agent back to `redirect_uri` with `code` and the unchanged `state`, or
    with `error` (RFC 6749 §4.1.2, §4.1.2.1). When `client_id` or `redirect_uri` is unknown the
    server must not redirect and answers 400 (§4.1.2.1, RFC 9700 §4.11). A server that asks the
    user for consent answers 200 with an HTML page first.

    PKCE: the real server accepts requests without `code_challenge` (the official SDK sends
    none); when a challenge is sent its method must be `S256`
    (https://datatracker.ietf.org/doc/html/rfc9700#section-2.1.1,
    https://datatracker.ietf.org/doc/html/rfc7636#section-4.2).

    Args:
        response_type (ResponseType): The only response type (RFC 6749 §4.1.1); implicit is not
            offered (RFC 9700 §2.1.2).
        client_id (str):
        redirect_uri (str):
        scope (str | Unset):
        state (str | Unset):
        code_challenge (str | Unset):
        code_challenge_method (CodeChallengeMethod | Unset): PKCE transformation (RFC 7636 §4.3);
            `plain` is not offered (RFC 9700 §2.1.1).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AuthorizeError | str
    """

    return sync_detailed(
        client=client,
        response_type=response_type,
        client_id=client_id,
        redirect_uri=redirect_uri,
        scope=scope,
        state=state,
        code_challenge=code_challenge,
        code_challenge_method=code_challenge_method,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    response_type: ResponseType,
    client_id: str,
    redirect_uri: str,
    scope: str | Unset = UNSET,
    state: str | Unset = UNSET,
    code_challenge: str | Unset = UNSET,
    code_challenge_method: CodeChallengeMethod | Unset = UNSET,
) -> Response[Any | AuthorizeError | str]:
    """Authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3)

     Redirects the user agent back to `redirect_uri` with `code` and the unchanged `state`, or
    with `error` (RFC 6749 §4.1.2, §4.1.2.1). When `client_id` or `redirect_uri` is unknown the
    server must not redirect and answers 400 (§4.1.2.1, RFC 9700 §4.11). A server that asks the
    user for consent answers 200 with an HTML page first.

    PKCE: the real server accepts requests without `code_challenge` (the official SDK sends
    none); when a challenge is sent its method must be `S256`
    (https://datatracker.ietf.org/doc/html/rfc9700#section-2.1.1,
    https://datatracker.ietf.org/doc/html/rfc7636#section-4.2).

    Args:
        response_type (ResponseType): The only response type (RFC 6749 §4.1.1); implicit is not
            offered (RFC 9700 §2.1.2).
        client_id (str):
        redirect_uri (str):
        scope (str | Unset):
        state (str | Unset):
        code_challenge (str | Unset):
        code_challenge_method (CodeChallengeMethod | Unset): PKCE transformation (RFC 7636 §4.3);
            `plain` is not offered (RFC 9700 §2.1.1).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AuthorizeError | str]
    """

    kwargs = _get_kwargs(
        response_type=response_type,
        client_id=client_id,
        redirect_uri=redirect_uri,
        scope=scope,
        state=state,
        code_challenge=code_challenge,
        code_challenge_method=code_challenge_method,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    response_type: ResponseType,
    client_id: str,
    redirect_uri: str,
    scope: str | Unset = UNSET,
    state: str | Unset = UNSET,
    code_challenge: str | Unset = UNSET,
    code_challenge_method: CodeChallengeMethod | Unset = UNSET,
) -> Any | AuthorizeError | str | None:
    """Authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3)

     Redirects the user agent back to `redirect_uri` with `code` and the unchanged `state`, or
    with `error` (RFC 6749 §4.1.2, §4.1.2.1). When `client_id` or `redirect_uri` is unknown the
    server must not redirect and answers 400 (§4.1.2.1, RFC 9700 §4.11). A server that asks the
    user for consent answers 200 with an HTML page first.

    PKCE: the real server accepts requests without `code_challenge` (the official SDK sends
    none); when a challenge is sent its method must be `S256`
    (https://datatracker.ietf.org/doc/html/rfc9700#section-2.1.1,
    https://datatracker.ietf.org/doc/html/rfc7636#section-4.2).

    Args:
        response_type (ResponseType): The only response type (RFC 6749 §4.1.1); implicit is not
            offered (RFC 9700 §2.1.2).
        client_id (str):
        redirect_uri (str):
        scope (str | Unset):
        state (str | Unset):
        code_challenge (str | Unset):
        code_challenge_method (CodeChallengeMethod | Unset): PKCE transformation (RFC 7636 §4.3);
            `plain` is not offered (RFC 9700 §2.1.1).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AuthorizeError | str
    """

    return (
        await asyncio_detailed(
            client=client,
            response_type=response_type,
            client_id=client_id,
            redirect_uri=redirect_uri,
            scope=scope,
            state=state,
            code_challenge=code_challenge,
            code_challenge_method=code_challenge_method,
        )
    ).parsed
