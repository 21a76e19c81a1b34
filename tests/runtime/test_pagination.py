"""Lazy page iteration: stops on has_more false, or on a short or empty page; sync and async."""

from __future__ import annotations

import asyncio

import pytest
from pydantic import BaseModel, Field

from longbridge_openapi_client._runtime import pagination
from longbridge_openapi_client._runtime.pagination import Paging, aiterate_pages, iterate_pages


class Page(BaseModel):
    has_more: bool | None = None
    list_: list[int] = Field(alias="list")


def pages(total: int, size: int, with_flag: bool) -> tuple[list[int], object]:
    fetched: list[int] = []

    def fetch(page: int) -> Page:
        fetched.append(page)
        items = list(range((page - 1) * size, min(page * size, total)))
        more = page * size < total if with_flag else None
        return Page.model_validate({"has_more": more, "list": items})

    return fetched, fetch


@pytest.mark.parametrize("total", [0, 1, 9, 10, 11, 25])
def test_has_more_walks_every_page_once(total: int) -> None:
    fetched, fetch = pages(total, 10, with_flag=True)
    items = list(iterate_pages(fetch, Paging("list", "has_more"), 1, 10))  # type: ignore[arg-type]
    assert items == list(range(total))
    assert fetched == list(range(1, max(1, -(-total // 10)) + 1))


@pytest.mark.parametrize("total", [0, 9, 10, 25])
def test_without_has_more_a_short_page_ends_it(total: int) -> None:
    fetched, fetch = pages(total, 10, with_flag=False)
    items = list(iterate_pages(fetch, Paging("list", None), 1, 10))  # type: ignore[arg-type]
    assert items == list(range(total))
    # an exact multiple of the size needs one more (empty) page to know it is the end
    assert len(fetched) == total // 10 + 1


def test_pages_are_fetched_only_when_reached() -> None:
    fetched, fetch = pages(100, 10, with_flag=True)
    iterator = iterate_pages(fetch, Paging("list", "has_more"), 1, 10)  # type: ignore[arg-type]
    assert fetched == []
    assert [next(iterator) for _ in range(11)] == list(range(11))
    assert fetched == [1, 2]


def test_async_twin() -> None:
    fetched, fetch = pages(25, 10, with_flag=True)

    async def afetch(page: int) -> Page:
        return fetch(page)  # type: ignore[operator,no-any-return]

    async def collect() -> list[int]:
        return [i async for i in aiterate_pages(afetch, Paging("list", "has_more"), 1, 10)]

    assert asyncio.run(collect()) == list(range(25))
    assert fetched == [1, 2, 3]


def test_a_server_that_never_ends_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pagination, "MAX_PAGES", 5)
    endless = Page.model_validate({"has_more": True, "list": [1]})
    with pytest.raises(RuntimeError, match="does not end"):
        list(iterate_pages(lambda page: endless, Paging("list", "has_more"), 1, 1))


def test_unknown_field_is_a_clear_error() -> None:
    page = Page.model_validate({"has_more": False, "list": []})
    with pytest.raises(AttributeError, match="no field 'orders'"):
        list(iterate_pages(lambda _: page, Paging("orders", "has_more"), 1, 1))
