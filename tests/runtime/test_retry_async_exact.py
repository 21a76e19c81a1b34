"""RetryingAsyncClient counts its attempts as RetryingClient does (found by mutmut)."""

from __future__ import annotations

import random

import anyio
import httpx
import pytest

from longbridge_openapi_client import RetryingAsyncClient, RetryingClient, RetryPolicy


def policy(attempts: int) -> RetryPolicy:
    return RetryPolicy(max_attempts=attempts, base_delay=0.0, max_delay=0.0, rng=random.Random(0))  # noqa: S311 - jitter, not a secret


class Counting:
    def __init__(self, answer: int | type[httpx.TransportError]) -> None:
        self.answer = answer
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if isinstance(self.answer, int):
            return httpx.Response(self.answer)
        raise self.answer("failed", request=request)


@pytest.mark.parametrize("attempts", [1, 2, 3])
@pytest.mark.parametrize("asynchronous", [False, True])
def test_503_is_sent_exactly_max_attempts_times(attempts: int, asynchronous: bool) -> None:
    server = Counting(503)
    assert send(server, policy(attempts), "GET", asynchronous).status_code == 503
    assert len(server.requests) == attempts


@pytest.mark.parametrize("asynchronous", [False, True])
def test_connect_errors_are_retried_and_protocol_errors_are_not(asynchronous: bool) -> None:
    transient = Counting(httpx.ConnectError)
    with pytest.raises(httpx.ConnectError):
        send(transient, policy(3), "GET", asynchronous)
    assert len(transient.requests) == 3
    final = Counting(httpx.UnsupportedProtocol)
    with pytest.raises(httpx.UnsupportedProtocol):
        send(final, policy(3), "GET", asynchronous)
    assert len(final.requests) == 1


@pytest.mark.parametrize("asynchronous", [False, True])
def test_a_post_without_idempotency_key_is_sent_once(asynchronous: bool) -> None:
    server = Counting(503)
    send(server, policy(3), "POST", asynchronous)
    assert len(server.requests) == 1


@pytest.mark.parametrize("asynchronous", [False, True])
def test_params_are_kept(asynchronous: bool) -> None:
    server = Counting(200)
    send(server, policy(1), "GET", asynchronous, params={"a": "1"})
    assert server.requests[0].url.params["a"] == "1"


def send(
    server: Counting,
    retry: RetryPolicy,
    method: str,
    asynchronous: bool,
    params: dict[str, str] | None = None,
) -> httpx.Response:
    transport = httpx.MockTransport(server)
    if not asynchronous:
        with RetryingClient(transport=transport, base_url="https://lb.test", retry=retry) as http:
            return http.request(method, "/v1/x", params=params)

    async def main() -> httpx.Response:
        async with RetryingAsyncClient(
            transport=transport, base_url="https://lb.test", retry=retry
        ) as http:
            return await http.request(method, "/v1/x", params=params)

    return anyio.run(main)
