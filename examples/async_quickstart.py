"""The quickstart with asyncio: log in to the mock (or reuse the stored token) and call the API.

Run it after the shell block of the README's quickstart, which starts the mock and sets
``LONGBRIDGE_HTTP_URL`` and ``LONGBRIDGE_CLIENT_ID``::

    python examples/async_quickstart.py

Against the real server, log in with ``longbridge-openapi login`` first: the login below relies on
the mock consenting at once, where a person would click approve in a browser.
"""

from __future__ import annotations

import asyncio

import httpx

from longbridge_openapi_client import AsyncLongbridge

REDIRECT_URI = "http://127.0.0.1:8765/callback"


async def main() -> None:
    async with AsyncLongbridge.from_env() as lb:
        if lb.token is None:
            request = await lb.authorization_request(REDIRECT_URI, ["watchlist"])
            async with httpx.AsyncClient() as browser:  # the mock redirects at once
                consent = await browser.get(request.url)
            await lb.finish_authorization(consent.headers["location"], request)
        groups, socket = await asyncio.gather(lb.list_watchlist_groups(), lb.get_socket_token())
        for group in groups.groups:
            print(group.name, [s.symbol for s in group.securities])
        print("socket token received:", bool(socket))


if __name__ == "__main__":
    asyncio.run(main())
