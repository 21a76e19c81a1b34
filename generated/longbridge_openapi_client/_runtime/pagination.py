# Copied verbatim from generator/runtime/pagination.py by `python -m generator`.
# Edit that file and regenerate; changes made here are lost and fail the drift check.
"""Lazy iteration over paged data API results, sync and async.

Paged operations take a page number (and usually a page size) and answer one page of items,
with ``has_more`` where the API sends it (docs/longbridge-api.md §5.2–5.4). The spec marks them with
``x-longbridge-pagination``; the generated ``iter_*`` methods wrap these helpers, so no page is
fetched before the caller asks for an item past the previous one.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # the models import pydantic; the client imports it only on first use
    from pydantic import BaseModel

__all__ = ["Paging", "aiterate_pages", "iterate_pages"]

T = TypeVar("T")
# A safety net against a server whose `has_more` never turns false: no real listing is this long.
MAX_PAGES = 10_000


@dataclass(frozen=True)
class Paging:
    """How one operation pages: the data fields holding the items and the has-more flag."""

    items: str  # JSON name of the list in `data`
    has_more: str | None  # JSON name of the flag, or None: stop at a short or empty page

    def items_of(self, data: BaseModel) -> Sequence[Any]:
        value = getattr(data, _field_name(type(data), self.items))
        return value or ()

    def is_last(self, data: BaseModel, count: int, size: int | None) -> bool:
        if count == 0:
            return True
        if self.has_more is not None:
            return not getattr(data, _field_name(type(data), self.has_more))
        return size is not None and count < size


def _field_name(model: type[BaseModel], json_name: str) -> str:
    """The attribute of ``json_name`` (datamodel-code-generator renames ``list`` to ``list_``)."""
    for name, info in model.model_fields.items():
        if (info.alias or name) == json_name:
            return name
    raise AttributeError(f"{model.__name__} has no field {json_name!r}")


def iterate_pages(
    fetch: Callable[[int], BaseModel], paging: Paging, start: int, size: int | None
) -> Iterator[Any]:
    """Every item of every page from ``start`` on, fetching each page only when it is reached."""
    for page in range(start, start + MAX_PAGES):
        data = fetch(page)
        items = paging.items_of(data)
        yield from items
        if paging.is_last(data, len(items), size):
            return
    raise RuntimeError(f"more than {MAX_PAGES} pages: the server's paging does not end")


async def aiterate_pages(
    fetch: Callable[[int], Awaitable[BaseModel]], paging: Paging, start: int, size: int | None
) -> AsyncIterator[Any]:
    """The async twin of :func:`iterate_pages`."""
    for page in range(start, start + MAX_PAGES):
        data = await fetch(page)
        items = paging.items_of(data)
        for item in items:
            yield item
        if paging.is_last(data, len(items), size):
            return
    raise RuntimeError(f"more than {MAX_PAGES} pages: the server's paging does not end")
