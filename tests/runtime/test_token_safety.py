"""A rotated token is never lost, and a token file with impossible values is refused by name.

The server consumes the old refresh token when it answers (RFC 6749 §6; RFC 9700 §4.14.2), so the
new one must survive a failed save and an absurd ``expires_in``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import anyio
import httpx
import pytest

from longbridge_openapi_client import (
    ClientCredentials,
    FileTokenStore,
    RefreshingBearerAuth,
    RefreshLock,
    RefreshLockTimeout,
    ServerEndpoints,
    Token,
    TokenFileError,
    TokenRefreshError,
    TokenSaveError,
)
from longbridge_openapi_client._runtime.token import (
    MAX_EXPIRES_IN,
    MIN_EXPIRES_IN,
    ServerValueWarning,
)

NOW = 1_800_000_000.0
ENDPOINTS = ServerEndpoints.fallback("https://lb.test")
API = "https://lb.test/v1/socket/token"
TOKEN_URL = ENDPOINTS.token_endpoint


def body(expires_in: object) -> dict[str, object]:
    return {"access_token": "a", "token_type": "Bearer", "expires_in": expires_in}


# -- expires_in clamped ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "lifetime"),
    [
        ("1e400", MAX_EXPIRES_IN),  # json reads it as inf
        ("-1e400", MIN_EXPIRES_IN),
        ("NaN", MIN_EXPIRES_IN),
        (str(10**400), MAX_EXPIRES_IN),  # float() would overflow
        ("0", MIN_EXPIRES_IN),
        ("-5", MIN_EXPIRES_IN),
        (str(MIN_EXPIRES_IN - 1), MIN_EXPIRES_IN),
        (str(MAX_EXPIRES_IN + 1), MAX_EXPIRES_IN),
        ("1000000000", MAX_EXPIRES_IN),
    ],
)
def test_expires_in_out_of_range_is_clamped_with_a_warning(raw: str, lifetime: int) -> None:
    parsed = json.loads(f'{{"access_token": "a", "token_type": "Bearer", "expires_in": {raw}}}')
    with pytest.warns(ServerValueWarning, match=f"using {lifetime} s"):
        token = Token.from_response(parsed, NOW)
    assert token.expires_at == NOW + lifetime


@pytest.mark.parametrize("expires_in", [MIN_EXPIRES_IN, MAX_EXPIRES_IN, 3600, 60.5])
def test_expires_in_in_range_is_kept_without_warning(expires_in: float) -> None:
    token = Token.from_response(body(expires_in), NOW)  # filterwarnings=error: no warning
    assert token.expires_at == NOW + expires_in


# -- bad token files -------------------------------------------------------------------------------

BAD_FILES = {
    "nan": '{"access_token": "a", "expires_at": NaN}',
    "inf": '{"access_token": "a", "expires_at": Infinity}',
    "huge": '{"access_token": "a", "expires_at": 1e20}',
    "negative": '{"access_token": "a", "expires_at": -1}',
    "bool": '{"access_token": "a", "expires_at": true}',
    "string-time": '{"access_token": "a", "expires_at": "1800000000"}',
    "no-access": '{"expires_at": 1800000000}',
    "empty-access": '{"access_token": "", "expires_at": 1800000000}',
    "list": "[1, 2]",
    "nested": "[" * 100_000 + "]" * 100_000,
    "garbage": "not json at all",
    "empty": "",
}


@pytest.mark.parametrize("content", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_impossible_token_file_is_refused_by_name(tmp_path: Path, content: str) -> None:
    store = FileTokenStore(tmp_path)
    (tmp_path / "cid").write_text(content, encoding="utf-8")
    with pytest.raises(TokenFileError) as caught:
        store.load("cid")
    assert caught.value.path == str(tmp_path / "cid")
    message = str(caught.value)
    assert str(tmp_path / "cid") in message
    assert "longbridge-openapi login" in message
    assert "Traceback" not in message


def test_token_file_that_is_not_utf8_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "cid").write_bytes(b"\xff\xfe{")
    with pytest.raises(TokenFileError, match="cid"):
        FileTokenStore(tmp_path).load("cid")


def test_token_file_that_is_a_folder_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "cid").mkdir()
    with pytest.raises(TokenFileError, match="cid"):
        FileTokenStore(tmp_path).load("cid")


@pytest.mark.parametrize("expires_at", [0, 253_402_300_799, 1_800_000_000.5])
def test_possible_expiry_times_are_read(tmp_path: Path, expires_at: float) -> None:
    data = {"access_token": "a", "expires_at": expires_at, "refresh_token": ""}
    (tmp_path / "cid").write_text(json.dumps(data), encoding="utf-8")
    token = FileTokenStore(tmp_path).load("cid")
    assert token == Token("a", float(expires_at), None)  # "" is no refresh token


def test_the_year_10000_is_refused(tmp_path: Path) -> None:
    (tmp_path / "cid").write_text('{"access_token": "a", "expires_at": 253402300800}')
    with pytest.raises(TokenFileError, match="expires_at is not a time"):
        FileTokenStore(tmp_path).load("cid")


# -- saving fails ----------------------------------------------------------------------------------


def test_save_into_an_impossible_folder_raises_a_typed_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    store = FileTokenStore(blocker / "tokens")
    with pytest.raises(TokenSaveError) as caught:
        store.save("cid", Token("a", NOW, "r"))
    assert caught.value.path == str(blocker / "tokens" / "cid")
    assert str(blocker / "tokens" / "cid") in str(caught.value)
    assert "kept in memory" in str(caught.value)


def test_a_failed_rename_leaves_no_temp_file(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path)
    (tmp_path / "cid").mkdir()  # os.replace cannot put a file over a folder
    (tmp_path / "cid" / "x").write_text("")  # a non-empty one
    with pytest.raises(TokenSaveError):
        store.save("cid", Token("a", NOW, "r"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cid"]


class Server:
    """A token endpoint and an API that accept exactly the current access token."""

    def __init__(self, expires_in: str = "3600") -> None:
        self.expires_in = expires_in  # as sent: JSON text
        self.current = "old"
        self.token_requests = 0
        self.sent: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if str(request.url) == TOKEN_URL:
            self.token_requests += 1
            self.current = f"new{self.token_requests}"
            answer = {
                "access_token": self.current,
                "token_type": "Bearer",
                "refresh_token": f"r{self.token_requests + 1}",
            }
            text = json.dumps(answer)[:-1] + f', "expires_in": {self.expires_in}}}'
            return httpx.Response(200, content=text.encode())
        bearer = request.headers["Authorization"].removeprefix("Bearer ")
        self.sent.append(bearer)
        if bearer != self.current:
            return httpx.Response(401, json={"code": 401004, "message": "token invalid"})
        return httpx.Response(200, json={"code": 0, "message": "", "data": {}})


def auth_over(store: FileTokenStore, clock: float = NOW) -> RefreshingBearerAuth:
    return RefreshingBearerAuth(
        ClientCredentials("cid"), store, endpoints=ENDPOINTS, clock=lambda: clock
    )


def test_rotated_token_that_cannot_be_saved_is_kept_in_memory(tmp_path: Path) -> None:
    folder = tmp_path / "tokens"
    FileTokenStore(folder).save("cid", Token("old", NOW - 1, "r1"))
    store = FileTokenStore(folder)
    server = Server()
    auth = auth_over(store)
    auth.current_token()
    # The folder becomes unusable after the token was read: saving will fail.
    (folder / "cid").unlink()
    folder.rmdir()
    folder.write_text("")
    with httpx.Client(transport=httpx.MockTransport(server), auth=auth) as http:
        with pytest.raises(TokenSaveError) as caught:
            http.get(API)
        assert caught.value.path == str(folder / "cid")
        assert server.token_requests == 1
        # The next call uses the new token from memory: no second refresh, which would present
        # the consumed refresh token.
        assert http.get(API).status_code == 200
        assert server.sent[-1] == "new1"
        assert server.token_requests == 1
        assert auth.current_token().refresh_token == "r2"
        # Once the folder is usable again, the next refresh starts from the kept token.
        folder.unlink()
        FileTokenStore(folder).save("cid", Token("stale-copy", NOW - 1, "r1"))
        server.current = "revoked"
        http.get(API)
    assert server.token_requests == 2
    saved = store.load("cid")
    assert saved is not None
    assert saved.access_token == "new2"


def test_absurd_expires_in_keeps_the_rotated_token(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path)
    store.save("cid", Token("old", NOW - 1, "r1"))
    server = Server(expires_in="1e400")
    with (
        httpx.Client(transport=httpx.MockTransport(server), auth=auth_over(store)) as http,
        pytest.warns(ServerValueWarning),
    ):
        assert http.get(API).status_code == 200
    saved = store.load("cid")
    assert saved is not None
    assert (saved.access_token, saved.refresh_token) == ("new1", "r2")
    assert saved.expires_at == int(NOW + MAX_EXPIRES_IN)


# -- the lock file -------------------------------------------------------------------------------


def test_lock_is_exclusive_between_lock_objects_and_freed_by_release(tmp_path: Path) -> None:
    first, second = RefreshLock(tmp_path / "l"), RefreshLock(tmp_path / "l")
    assert first.try_acquire()
    assert "held=True" in repr(first)
    assert not second.try_acquire()
    with pytest.raises(RuntimeError, match="already held"):
        first.try_acquire()
    first.release()
    assert "held=False" in repr(first)
    assert second.try_acquire()
    second.release()
    second.release()  # releasing twice is harmless
    assert (tmp_path / "l").exists()  # kept, so that every process locks the same file


def test_lock_creates_its_folder_with_mode_0700_and_file_0600(tmp_path: Path) -> None:
    lock = FileTokenStore(tmp_path / "new").refresh_lock("cid")
    assert lock.path == tmp_path / "new" / ".cid.lock"
    assert lock.try_acquire()
    lock.release()
    assert (tmp_path / "new").stat().st_mode & 0o777 == 0o700
    assert lock.path.stat().st_mode & 0o777 == 0o600


def test_lock_acquire_times_out_with_the_path(tmp_path: Path) -> None:
    holder, waiter = RefreshLock(tmp_path / "l"), RefreshLock(tmp_path / "l")
    assert holder.try_acquire()
    started = time.monotonic()
    with pytest.raises(RefreshLockTimeout) as caught:
        waiter.acquire(0.05)
    assert time.monotonic() - started >= 0.05
    assert caught.value.path == str(tmp_path / "l")
    assert str(tmp_path / "l") in str(caught.value)
    holder.release()
    waiter.acquire(0.05)
    waiter.release()


HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from longbridge_openapi_client import RefreshLock
    lock = RefreshLock(Path(sys.argv[1]))
    assert lock.try_acquire()
    print("held", flush=True)
    time.sleep(60)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="kill semantics differ")
def test_lock_of_a_killed_process_is_freed(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path / "l")], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "held"
        assert not RefreshLock(tmp_path / "l").try_acquire()
    finally:
        proc.kill()
        proc.communicate()
    lock = RefreshLock(tmp_path / "l")
    lock.acquire(5)
    lock.release()


def test_auth_releases_the_lock_file_after_a_failed_refresh(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path)
    store.save("cid", Token("old", NOW - 1, "r1"))

    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, json={"error": "invalid_grant"})

    auth = auth_over(store)
    with httpx.Client(transport=httpx.MockTransport(refuse), auth=auth) as http:
        for _ in range(2):  # a second request must not find the lock held
            with pytest.raises(TokenRefreshError):
                http.get(API)
    other = store.refresh_lock("cid")
    assert other.try_acquire()
    other.release()


def test_sync_auth_waits_for_the_lock_file_and_gives_up_by_name(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path)
    store.save("cid", Token("old", NOW - 1, "r1"))
    holder = store.refresh_lock("cid")
    assert holder.try_acquire()
    auth = auth_over(store)
    auth.lock_timeout = 0.05
    server = Server()
    try:
        with httpx.Client(transport=httpx.MockTransport(server), auth=auth) as http:
            with pytest.raises(RefreshLockTimeout, match=r"\.cid\.lock"):
                http.get(API)
            assert server.token_requests == 0
            holder.release()
            assert http.get(API).status_code == 200  # the thread lock was released too
    finally:
        holder.release()
    assert server.token_requests == 1


def test_async_auth_waits_for_the_lock_file_without_blocking_the_loop(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path)
    store.save("cid", Token("old", NOW - 1, "r1"))
    holder = store.refresh_lock("cid")
    assert holder.try_acquire()
    server = Server()
    auth = auth_over(store)

    async def main() -> tuple[int, list[str]]:
        ticks: list[str] = []

        async def tick() -> None:
            for _ in range(5):
                await anyio.sleep(0.01)
                ticks.append("tick")
            # The other "process" refreshed meanwhile and saved its token.
            store.save("cid", Token("new-elsewhere", NOW + 3600, "r9"))
            server.current = "new-elsewhere"
            holder.release()

        transport = httpx.MockTransport(server)
        async with (
            httpx.AsyncClient(transport=transport, auth=auth) as http,
            anyio.create_task_group() as group,
        ):
            group.start_soon(tick)
            response = await http.get(API)
        return response.status_code, ticks

    status, ticks = anyio.run(main)
    assert status == 200
    assert len(ticks) == 5
    assert server.token_requests == 0  # it used the token the other process saved
    assert server.sent == ["new-elsewhere"]


def test_async_auth_gives_up_on_the_lock_file_by_name(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path)
    store.save("cid", Token("old", NOW - 1, "r1"))
    holder = store.refresh_lock("cid")
    assert holder.try_acquire()
    auth = auth_over(store)
    auth.lock_timeout = 0.05

    async def main() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(Server()), auth=auth) as http:
            with pytest.raises(RefreshLockTimeout):
                await http.get(API)
            holder.release()
            assert (await http.get(API)).status_code == 200

    try:
        anyio.run(main)
    finally:
        holder.release()


def test_ids_with_a_leading_dot_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot name a file"):
        FileTokenStore(tmp_path).path(".cid.lock")


def test_lock_in_a_folder_that_cannot_be_written_does_not_block(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    lock = RefreshLock(tmp_path / "file" / ".cid.lock")
    assert lock.try_acquire()
    assert "held=True" in repr(lock)
    lock.release()
    assert "held=False" in repr(lock)
