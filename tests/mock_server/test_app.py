"""The core's view of a request is read from the ASGI scope as Starlette's request.url reads it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from starlette.requests import Request

from conformance.mock_server.app import _incoming

# urlsplit drops tab, CR and LF anywhere and C0/space at the ends (WHATWG); request.url.path thus
# loses them, while the scope keeps what was sent: there the two views rightly differ.
PATH_CHARS = st.characters(exclude_characters="\t\r\n", exclude_categories=["Cs"])
C0_OR_SPACE = "".join(map(chr, range(0x21)))
HOSTS = st.sampled_from(
    [None, "127.0.0.1:8080", "example.test", "[::1]:9000", "bad host:x", "a:99999", ""]
)
SERVERS = st.sampled_from(
    [None, ("127.0.0.1", 80), ["testserver", 80], ("::1", 8443), ("10.0.0.1", 443)]
)


@given(
    path=st.text(PATH_CHARS, max_size=30).map(lambda p: "/" + p),
    host=HOSTS,
    server=SERVERS,
    scheme=st.sampled_from(["http", "https"]),
)
def test_path_and_base_url_equal_starlettes(
    path: str, host: str | None, server: tuple[str, int] | list[object] | None, scheme: str
) -> None:
    headers = [] if host is None else [(b"host", host.encode("latin-1"))]
    scope = {
        "type": "http",
        "method": "GET",
        "scheme": scheme,
        "server": server,
        "path": path,
        "raw_path": path.encode("utf-8"),
        "query_string": b"a=1",
        "headers": headers,
        "client": ("127.0.0.2", 5000),
        "path_params": {"id": 7},
    }
    seen = _incoming(Request(scope), b"")
    url = Request(scope).url
    if path == path.rstrip(C0_OR_SPACE):
        assert seen.path == url.path
    assert seen.base_url == f"{url.scheme}://{url.netloc}"
    assert seen.client_ip == "127.0.0.2"
    assert seen.path_params == {"id": "7"}
    assert seen.query_string == "a=1"
