"""conformance/redact.py: known secrets are masked exactly, in every encoding a report can hold."""

from __future__ import annotations

import html
import json
from pathlib import Path
from urllib.parse import quote, quote_plus

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conformance.redact import MASK, BearerAuth, Secret, mask, mask_files

# The base64 (RFC 4648 §4) and base64url (§5) alphabets together, padding included.
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_="
tokens = st.text(alphabet=ALPHABET, min_size=8, max_size=200)


def _forms(token: str) -> set[str]:
    return {token, quote(token, safe=""), quote_plus(token), json.dumps(token)[1:-1]}


@given(token=tokens, before=st.text(), after=st.text())
def test_a_known_secret_is_masked_in_any_text(token: str, before: str, after: str) -> None:
    for form in _forms(token) | {html.escape(token), token.replace("/", "\\/")}:
        masked = mask(f"{before}{form}{after}", [token])
        assert token not in masked
        assert MASK in masked


@given(token=tokens)
def test_urls_and_json_bodies_carrying_it_are_masked(token: str) -> None:
    url = str(httpx.URL("https://api.example/v1/x", params={"access_token": token}))
    body = json.dumps({"access_token": token})
    for text in (url, body, repr(body)):
        masked = mask(text, [token])
        assert all(form not in masked for form in _forms(token)), masked


def test_text_without_a_known_secret_is_unchanged() -> None:
    # No length heuristic: a long identifier that is no known secret stays readable.
    text = "order 701276261045858304 trace 6a1e8f2b-5a6c-4f0e-9d1b-2c3d4e5f6a7b"
    assert mask(text, ["not-in-there-at-all"]) == text
    assert mask(text, []) == text


def test_a_secret_never_shows_in_its_repr_or_str() -> None:
    token = "a/b+c=d=-_secret"
    secret = Secret(token)
    for shown in (repr(secret), str(secret), f"{secret}", repr({"t": secret}), repr([secret])):
        assert token not in shown
    assert secret.reveal() == token
    assert token not in repr(BearerAuth(secret))


def test_bearer_auth_sends_the_token_in_the_header() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["authorization"])
        return httpx.Response(200)

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        client.get("https://api.example/", auth=BearerAuth(Secret("t0k/en+=")))
        client.get("https://api.example/", auth=BearerAuth(Secret("t0k/en+="), "bearer"))
    assert seen == ["Bearer t0k/en+=", "bearer t0k/en+="]


def test_mask_files_masks_every_report(tmp_path: Path) -> None:
    directory = tmp_path
    token = "Zq-_9xY/+=Kp0"
    (directory / "a.xml").write_text(f"<failure>access_token = '{token}'</failure>")
    (directory / "sub").mkdir()
    (directory / "sub" / "b.md").write_text(f"GET /x?access_token={quote_plus(token)}")
    mask_files(directory, [token])
    for path in (directory / "a.xml", directory / "sub" / "b.md"):
        text = path.read_text()
        assert token not in text
        assert quote_plus(token) not in text
        assert MASK in text


def test_an_empty_secret_is_refused() -> None:
    with pytest.raises(ValueError, match="not empty"):
        Secret("")


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ('{"code": 0, "message": "ok"}', '{"code": 0, "message": "ok"}'),
        ("{'code': 'Ab-12', 'state': 's'}", "{'code': '[secret]', 'state': 's'}"),
        ("GET /cb?code=Ab-12&state=s", "GET /cb?code=[secret]&state=s"),
        ("token=t1&token_type_hint=access_token", "token=[secret]&token_type_hint=access_token"),
        (
            '{"access_token":"a.b","token_type":"Bearer"}',
            '{"access_token":"[secret]","token_type":"Bearer"}',
        ),
        ("refresh_token = 'r/+='", "refresh_token = '[secret]'"),
        (
            "&quot;client_secret&quot;: &quot;s3&quot;",
            "&quot;client_secret&quot;: &quot;[secret]&quot;",
        ),
        ("Authorization: Bearer abcdefgh12", "Authorization: Bearer [secret]"),
        ('WWW-Authenticate: Bearer realm="x"', 'WWW-Authenticate: Bearer realm="x"'),
        # An excerpt that cut the value short: no closing quote.
        ('{"registration_access_token":"w5GDURBjVax', '{"registration_access_token":"[secret]"'),
    ],
)
def test_credentials_the_run_meets_are_masked_by_name(text: str, masked: str) -> None:
    # Codes, verifiers and tokens the suite obtains from the server (RFC 6749 §4.1.2, §5.1),
    # and the client secrets a live run with --allow-writes registers (RFC 7591 §3.2.1).
    assert mask(text, []) == masked


def test_the_evidence_excerpt_never_holds_half_a_credential() -> None:
    # A registration answer whose registration_access_token (RFC 7592 §3) starts just before the
    # excerpt's end: cut first and masked later, its quotes no longer told it apart.
    from conformance import evidence

    secret = "w5GDURBjVaxzcuOeVjluLF6vBhlMenkb7PeQATbX"
    prefix = '{"client_name":"' + "x" * (evidence.EXCERPT - 60) + '",'
    body = prefix + f'"registration_access_token":"{secret}","client_id":"c"}}'
    request = httpx.Request("POST", "http://127.0.0.1/oauth2/register")
    evidence.clear()
    for hook in evidence.event_hooks()["response"]:
        hook(httpx.Response(201, text=body, request=request))
    exchange = evidence.last()
    assert exchange is not None
    assert len(exchange.excerpt) == evidence.EXCERPT
    assert secret[:8] not in exchange.excerpt
    assert MASK in exchange.excerpt
