"""The mock server agrees with the spec: schemathesis over every operation, in-process.

Every default check runs (conformance/schemathesis.toml holds the per-operation exceptions, each
with its reason), in the examples, coverage and fuzzing phases for each operation and in the
stateful phase through ``schema.as_state_machine()``. Credentials come from the real flows:

* ``/v1/*`` OAuth operations: a client registered at ``/oauth2/register``, an S256 PKCE
  authorization at ``/oauth2/authorize``, the code exchanged and the tokens refreshed at
  ``/oauth2/token``; each of those responses is itself validated against the spec;
* ``/v1/token/refresh`` (legacy only): the seeded legacy app's App Key and token, with a fresh
  ``X-Api-Signature`` computed over each request as sent (a replay is refused with 403202);
* RFC 7592 management: the ``registration_access_token`` the server returned for the client in
  the path, or a valid token of another client when the path names no client we registered.

A hook makes some generated OAuth requests name that registered client, so the success paths of
authorize (302 with a code), revoke and device authorization are checked too, not only the
"unknown client" answers.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import secrets
import threading
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias
from urllib.parse import parse_qs, urlsplit

import httpx
import requests
import requests.auth
import schemathesis
from hypothesis import settings
from hypothesis import strategies as st
from schemathesis.core.parameters import ParameterLocation
from schemathesis.core.result import Ok

from conformance.mock_server import FakeClock, MockConfig, create_app
from conformance.mock_server.legacy_signature import canonical_request, sign
from conformance.mock_server.transport import SyncASGITransport

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec" / "openapi.yaml"
CONFIG = ROOT / "conformance" / "schemathesis.toml"
REDIRECT_URI = "https://client.example/callback"
BASE_URL = "http://testserver"  # the Host schemathesis' in-process ASGI client sends
SIGNED_HEADERS = "authorization;x-api-key;x-timestamp"
LEGACY_TTL = 90 * 86_400  # a legacy token lives 90 days (docs/longbridge-api.md §3.3)

# Respect the active Hypothesis profile (conftest.py: dev 25, ci 50, thorough 1000), capped so that
# the whole file stays well under a minute on two cores.
EXAMPLES = min(settings().max_examples, 30)
STATEFUL_EXAMPLES = min(settings().max_examples, 10)
STATEFUL_STEPS = 6

Case: TypeAlias = schemathesis.Case[Any]

MOCK = create_app(MockConfig(), FakeClock())
schema = schemathesis.openapi.from_path(SPEC, config=schemathesis.Config.from_path(CONFIG))
schema.app = MOCK.app


@dataclass(frozen=True)
class Bearer:
    token: str


class LegacySigner(requests.auth.AuthBase):
    """Signs each request as sent, like the official SDK's legacy mode
    (docs/longbridge-api.md §3.2).

    It is a ``requests`` auth callable, so it sees the final method, path, encoded query and body.
    Each request gets a new ``X-Timestamp`` and therefore a new signature. ``/v1/token/refresh``
    replaces the token and sets its expiry to whatever ``expired_at`` was generated, possibly in
    the past; the signer then plays the developer portal and issues a fresh token, as a person
    whose legacy token expired would.
    """

    def __init__(self) -> None:
        self._stamps = itertools.count(int(time.time()))
        self._lock = threading.Lock()

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        state, now = MOCK.ctx.state, MOCK.ctx.now()
        with self._lock:
            app = next(iter(state.legacy_apps.values()))
            if app.expires_at <= now:
                app.access_token = f"mock-legacy-{secrets.token_hex(16)}"
                app.expires_at = now + LEGACY_TTL
            stamp = str(next(self._stamps))
        request.headers["X-Api-Key"] = app.app_key
        request.headers["Authorization"] = app.access_token
        request.headers["X-Timestamp"] = stamp
        url = urlsplit(request.url or "")
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode()
        assert isinstance(body, bytes), "a streamed body cannot be signed"
        headers = {
            k.lower(): v if isinstance(v, str) else v.decode() for k, v in request.headers.items()
        }
        canonical = canonical_request(
            request.method or "GET", url.path, url.query, headers, SIGNED_HEADERS, body
        )
        signature = sign(app.app_secret, canonical)
        request.headers["X-Api-Signature"] = (
            f"HMAC-SHA256 SignedHeaders={SIGNED_HEADERS}, Signature={signature}"
        )
        return request


def _pkce_pair() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(32)  # 43 characters (RFC 7636 §4.1)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _conforming(response: httpx.Response, status: int) -> httpx.Response:
    """``response`` has the expected status and matches the spec (status, headers, body)."""
    assert response.status_code == status, response.text
    path = urlsplit(str(response.request.url)).path
    schema[path][response.request.method].validate_response(response)
    return response


@dataclass(frozen=True)
class Grant:
    """What the OAuth flows gave the test: a public client (redirect URI REDIRECT_URI), tokens."""

    client_id: str
    registration_access_token: str
    access_token: str


def _authorize_with_pkce(client: httpx.Client) -> Grant:
    """Register a public client, run the S256 code flow and one refresh, all checked on the spec."""
    registered = client.post(
        "/oauth2/register",
        json={"client_name": "schemathesis", "redirect_uris": [REDIRECT_URI]},
    )
    info = _conforming(registered, 201).json()
    verifier, challenge = _pkce_pair()
    state = secrets.token_urlsafe(16)
    redirect = client.get(
        "/oauth2/authorize",
        params={
            "response_type": "code",
            "client_id": info["client_id"],
            "redirect_uri": REDIRECT_URI,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
            "state": state,
        },
    )
    query = parse_qs(urlsplit(_conforming(redirect, 302).headers["location"]).query)
    assert query["state"] == [state]
    issued = client.post(
        "/oauth2/token",
        data={
            "grant_type": "authorization_code",
            "code": query["code"][0],
            "redirect_uri": REDIRECT_URI,
            "client_id": info["client_id"],
            "code_verifier": verifier,
        },
    )
    tokens = _conforming(issued, 200).json()
    refreshed = client.post(
        "/oauth2/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": tokens["refresh_token"],
            "client_id": info["client_id"],
        },
    )
    return Grant(
        client_id=str(info["client_id"]),
        registration_access_token=str(info["registration_access_token"]),
        access_token=str(_conforming(refreshed, 200).json()["access_token"]),
    )


class Credentials:
    """What the hooks hand out; the OAuth flow runs once, on first use."""

    def __init__(self) -> None:
        self.legacy = LegacySigner()
        self.registrations: dict[str, str] = {}  # client_id -> registration_access_token
        self._grant: Grant | None = None
        self._lock = threading.Lock()

    @property
    def grant(self) -> Grant:
        with self._lock:
            if self._grant is None:
                transport = SyncASGITransport(MOCK.app)
                with httpx.Client(transport=transport, base_url=BASE_URL) as client:
                    self._grant = _authorize_with_pkce(client)
            return self._grant

    def registration_token(self, client_id: object) -> str:
        """The token for ``client_id`` if the server registered it for us, else another's."""
        if isinstance(client_id, str) and client_id in self.registrations:
            return self.registrations[client_id]
        return self.grant.registration_access_token

    def note_registration(self, body: object) -> None:
        if isinstance(body, dict):
            client_id, token = body.get("client_id"), body.get("registration_access_token")
            if isinstance(client_id, str) and isinstance(token, str):
                self.registrations[client_id] = token


CREDENTIALS = Credentials()


def _schemes(operation: schemathesis.APIOperation[Any, Any, Any, Any]) -> set[str]:
    """Names of the security schemes of the operation's requirements (OpenAPI §4.8.30)."""
    requirements = operation.definition.raw.get("security", schema.raw_schema.get("security", []))
    return {name for requirement in requirements for name in requirement}


@schema.auth(refresh_interval=None)  # per case: the management token depends on the path
class MockAuth:
    def get(self, case: Case, context: schemathesis.AuthContext) -> object | None:
        schemes = _schemes(context.operation)
        if "bearerAuth" in schemes:
            return Bearer(CREDENTIALS.grant.access_token)
        if "registrationAccessToken" in schemes:
            return Bearer(CREDENTIALS.registration_token(case.path_parameters.get("client_id")))
        if "legacySignature" in schemes:
            # The four legacy headers are the operation's only headers; a negative case about
            # them (one left out, say) is sent as generated, and must be refused.
            meta = case.meta
            if meta is not None and meta.is_negative_at(ParameterLocation.HEADER):
                return None
            return CREDENTIALS.legacy
        return None  # security: [] (the OAuth endpoints themselves)

    def set(self, case: Case, data: object, context: schemathesis.AuthContext) -> None:
        if isinstance(data, Bearer):
            case.headers["Authorization"] = f"Bearer {data.token}"
        elif isinstance(data, LegacySigner):
            case._auth = data  # applied by requests to the prepared request, so it signs it as sent


def _with_known_client(case: Case) -> Case:
    """``case`` naming the test's registered public client (and its redirect URI) instead."""
    grant = CREDENTIALS.grant
    if isinstance(case.query, dict) and isinstance(case.query.get("client_id"), str):
        case.query = {**case.query, "client_id": grant.client_id}
        if isinstance(case.query.get("redirect_uri"), str):
            case.query["redirect_uri"] = REDIRECT_URI
    if isinstance(case.body, dict) and isinstance(case.body.get("client_id"), str):
        body = {k: v for k, v in case.body.items() if k != "client_secret"}  # a public client
        case.body = {**body, "client_id": grant.client_id}
    return case


@schema.hook
def flatmap_case(context: schemathesis.HookContext, case: Case) -> st.SearchStrategy[Case]:
    """Some OAuth requests name a registered client, so the success paths are checked too.

    A generated ``client_id`` is never registered, so without this authorize, revoke and device
    authorization would only ever answer "unknown client". Hypothesis draws the choice, so a
    failing example shrinks and replays like any other.
    """
    return st.booleans().map(lambda known: _with_known_client(case) if known else case)


@schema.hook
def after_call(
    context: schemathesis.HookContext, case: Case, response: schemathesis.Response
) -> None:
    """Keep the registration access tokens the server issues (RFC 7591 §3.2.1)."""
    if case.operation.path == "/oauth2/register" and response.status_code == 201:
        try:
            body = response.json()
        except ValueError:
            return  # not JSON: response_schema_conformance reports it
        CREDENTIALS.note_registration(body)


HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


def test_every_operation_is_checked() -> None:
    """Every operation of the spec loads, and the config switches none off, only single checks."""
    in_spec = {
        f"{method.upper()} {path}"
        for path, item in schema.raw_schema["paths"].items()
        for method in item
        if method in HTTP_METHODS
    }
    loaded = set()
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), result
        loaded.add(result.ok().label)
    assert loaded == in_spec
    for entry in tomllib.loads(CONFIG.read_text("utf-8")).get("operations", []):
        # Exceptions turn single checks off or adjust them; never an operation or a phase.
        assert entry.get("enabled", True), entry
        assert not {"phases", "generation"} & set(entry), entry


@schema.parametrize()
@settings(max_examples=EXAMPLES)
def test_operation_conforms(case: Case) -> None:
    case.call_and_validate()


APIWorkflow = schema.as_state_machine()


class TestStatefulWorkflow(APIWorkflow.TestCase):  # type: ignore[name-defined, misc]
    settings = settings(
        max_examples=STATEFUL_EXAMPLES, stateful_step_count=STATEFUL_STEPS, deadline=None
    )
