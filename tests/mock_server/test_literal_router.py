"""LiteralPathRouter picks exactly the route Starlette's own walk would pick, by lookup."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route, Router

from conformance.mock_server.literal_router import LiteralPathRouter
from conformance.mock_server.transport import SyncASGITransport


def _answer(name: str) -> Callable[[Request], Awaitable[PlainTextResponse]]:
    async def endpoint(request: Request) -> PlainTextResponse:
        return PlainTextResponse(f"{name} {dict(request.path_params)}")

    return endpoint


ROUTES = [
    Route("/items/{item}", _answer("template-first"), methods=["GET"]),
    Route("/items/mine", _answer("shadowed"), methods=["GET"]),  # Starlette never reaches it
    Route("/topics/mine", _answer("mine"), methods=["GET"]),
    Route("/topics/{id}", _answer("topic"), methods=["GET"]),
    Route("/orders", _answer("list"), methods=["GET"]),
    Route("/orders", _answer("create"), methods=["POST"]),
    Route("/only-post", _answer("post"), methods=["POST"]),
]
REQUESTS = [
    ("GET", "/items/mine"),
    ("GET", "/items/7"),
    ("GET", "/topics/mine"),
    ("GET", "/topics/9"),
    ("GET", "/orders"),
    ("POST", "/orders"),
    ("HEAD", "/orders"),
    ("DELETE", "/orders"),
    ("GET", "/only-post"),
    ("GET", "/nowhere"),
    ("GET", "/orders/"),
]


def _client(router: Router) -> httpx.Client:
    app = Starlette()
    app.router = router
    return httpx.Client(transport=SyncASGITransport(app), base_url="http://test")


def test_only_paths_no_earlier_route_claims_are_indexed() -> None:
    router = LiteralPathRouter(ROUTES)
    assert set(router.literal) == {"/topics/mine", "/orders", "/only-post"}
    assert router.literal["/orders"].methods == {"GET", "HEAD"}  # the first of the two


@pytest.mark.parametrize(("method", "path"), REQUESTS)
def test_every_answer_equals_starlettes_own(method: str, path: str) -> None:
    ours = _client(LiteralPathRouter(ROUTES)).request(method, path, follow_redirects=False)
    theirs = _client(Router(routes=ROUTES)).request(method, path, follow_redirects=False)
    assert (ours.status_code, ours.text, ours.headers.get("allow")) == (
        theirs.status_code,
        theirs.text,
        theirs.headers.get("allow"),
    )


def test_the_lookup_is_what_answers_a_literal_path() -> None:
    # Shows the fast path is taken: a router whose walk would fail still answers indexed paths.
    router = LiteralPathRouter(ROUTES)
    router.routes = []  # Starlette's walk now finds nothing
    client = _client(router)
    assert client.get("/topics/mine").text == "mine {}"
    assert client.get("/topics/9").status_code == 404
