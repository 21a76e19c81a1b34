from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.revocation_error import RevocationError
from ...models.revocation_request import RevocationRequest
from ...models.token_error import TokenError
from ...types import UNSET, Response


def _get_kwargs(
    *,
    body: RevocationRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth2/revoke",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | RevocationError | TokenError | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 400:
        response_400 = RevocationError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = RevocationError.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = TokenError.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = TokenError.from_dict(response.json())

        return response_415

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | RevocationError | TokenError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RevocationRequest,
) -> Response[Any | RevocationError | TokenError]:
    """Token revocation (RFC 7009 §2.1)

     Revoking a refresh token also revokes the access tokens issued from it (§2.1). An unknown or
    already revoked token still answers 200 (§2.2).

    Args:
        body (RevocationRequest): RFC 7009 §2.1. Public clients send `client_id`. A parameter sent
            with an empty value is treated as if it was omitted (RFC 6749 §3.1, §3.2):
            `token_type_hint=` is no hint, so the request is answered as one without it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | RevocationError | TokenError]
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
    client: AuthenticatedClient | Client,
    body: RevocationRequest,
) -> Any | RevocationError | TokenError | None:
    """Token revocation (RFC 7009 §2.1)

     Revoking a refresh token also revokes the access tokens issued from it (§2.1). An unknown or
    already revoked token still answers 200 (§2.2).

    Args:
        body (RevocationRequest): RFC 7009 §2.1. Public clients send `client_id`. A parameter sent
            with an empty value is treated as if it was omitted (RFC 6749 §3.1, §3.2):
            `token_type_hint=` is no hint, so the request is answered as one without it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | RevocationError | TokenError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RevocationRequest,
) -> Response[Any | RevocationError | TokenError]:
    """Token revocation (RFC 7009 §2.1)

     Revoking a refresh token also revokes the access tokens issued from it (§2.1). An unknown or
    already revoked token still answers 200 (§2.2).

    Args:
        body (RevocationRequest): RFC 7009 §2.1. Public clients send `client_id`. A parameter sent
            with an empty value is treated as if it was omitted (RFC 6749 §3.1, §3.2):
            `token_type_hint=` is no hint, so the request is answered as one without it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | RevocationError | TokenError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RevocationRequest,
) -> Any | RevocationError | TokenError | None:
    """Token revocation (RFC 7009 §2.1)

     Revoking a refresh token also revokes the access tokens issued from it (§2.1). An unknown or
    already revoked token still answers 200 (§2.2).

    Args:
        body (RevocationRequest): RFC 7009 §2.1. Public clients send `client_id`. A parameter sent
            with an empty value is treated as if it was omitted (RFC 6749 §3.1, §3.2):
            `token_type_hint=` is no hint, so the request is answered as one without it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | RevocationError | TokenError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
