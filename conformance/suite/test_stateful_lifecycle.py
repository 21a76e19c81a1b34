"""The whole lifecycle as a Hypothesis state machine (checklist items 33, 48, 54; RFC 9700 §4.14).

register → authorize with PKCE → exchange → call the API → expire → refresh → rotate → revoke,
in any order Hypothesis chooses. A plain model tracks which credentials must work; after every
step the invariants compare it with the server: superseded, reused and revoked credentials are
always rejected, and valid ones always accepted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import settings
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    initialize,
    invariant,
    precondition,
    rule,
)

from conformance.checks import check
from conformance.suite.helpers import OAuthSession, Server
from conformance.target import Target
from longbridge_openapi_client import Pkce


@dataclass
class Family:
    """One grant at the server and what the model says about its credentials."""

    session: OAuthSession
    access: str
    refresh: str
    live: bool = True  # False once revoked or reuse-detected
    dead_refresh: list[str] = field(default_factory=list)  # superseded: must be refused
    dead_access: list[str] = field(default_factory=list)  # from a revoked family: refused


class Lifecycle(RuleBasedStateMachine):
    target: Target
    server: Server

    clients = Bundle("clients")
    families = Bundle("families")

    def __init__(self) -> None:
        super().__init__()
        self.all: list[Family] = []
        self.sessions: list[OAuthSession] = []

    @initialize(target=families)
    def first_login(self) -> Family:
        # Every run starts with a live grant, so that short runs still refresh, reuse, expire
        # and revoke something rather than only registering clients.
        return self._login(self._register())

    @rule(target=clients)
    def register(self) -> OAuthSession:
        return self._register()

    @rule(target=families, session=clients)
    def login(self, session: OAuthSession) -> Family:
        return self._login(session)

    def _register(self) -> OAuthSession:
        session = OAuthSession.register(self.server)
        self.sessions.append(session)
        return session

    def _login(self, session: OAuthSession) -> Family:
        body = session.exchange(session.grant(pkce=Pkce.generate())).json()
        family = Family(session, body["access_token"], body["refresh_token"])
        self.all.append(family)
        return family

    @rule(family=families)
    def refresh(self, family: Family) -> None:
        response = family.session.refresh(family.refresh)
        if not family.live:
            assert response.status_code == 400, f"a revoked grant refreshed: {response.text}"
            return
        assert response.status_code == 200, f"a live refresh token was refused: {response.text}"
        body = response.json()
        family.dead_refresh.append(family.refresh)  # rotated (Part 2, choice 7)
        family.refresh = body.get("refresh_token", family.refresh)
        family.access = body["access_token"]

    @precondition(lambda self: any(f.dead_refresh for f in self.all))
    @rule(family=families)
    def reuse_superseded_refresh_token(self, family: Family) -> None:
        if not family.dead_refresh:
            return
        response = family.session.refresh(family.dead_refresh[-1])
        assert response.status_code == 400, f"a superseded refresh token worked: {response.text}"
        assert response.json().get("error") == "invalid_grant"
        # RFC 9700 §4.14.2: reuse revokes the whole family, the current tokens too.
        self._kill(family)

    @rule(family=consumes(families))
    def revoke(self, family: Family) -> None:
        response = family.session.revoke(family.refresh)
        assert response.status_code == 200, f"revocation failed: {response.text}"
        self._kill(family)

    def _may_expire(self) -> bool:
        # Once per refresh: the refresh token's own lifetime is the server's choice, so the
        # model never lets time run past one access-token lifetime without a refresh.
        live = [f for f in self.all if f.live]
        return self.target.may_move_clock and all(f.access not in f.dead_access for f in live)

    @precondition(lambda self: self._may_expire())
    @rule()
    def expire_access_tokens(self) -> None:
        self.target.advance_clock(2_592_001)  # past the 30-day access token; refresh still valid
        for family in self.all:
            family.dead_access.append(family.access)

    def _kill(self, family: Family) -> None:
        family.live = False
        family.dead_access.append(family.access)
        family.dead_refresh.append(family.refresh)

    @invariant()
    def credentials_match_the_model(self) -> None:
        for family in self.all:
            for access in family.dead_access[-2:]:
                status = family.session.call_api(access).status_code
                assert status == 401, f"a dead access token was accepted ({status})"
            if family.live and family.access not in family.dead_access:
                response = family.session.call_api(family.access)
                assert response.status_code == 200, (
                    f"a live access token was refused: {response.text}"
                )

    def teardown(self) -> None:
        for session in self.sessions:
            session.close()


@check(48, "RFC 9700 §4.14.2; RFC 6749 §4.1.2, §6; RFC 7009 §2.1", "MUST", "refresh", rfc="no")
def test_lifecycle_state_machine(target: Target, server: Server) -> None:
    Lifecycle.target = target
    Lifecycle.server = server
    current = settings()
    runner = Lifecycle.TestCase
    runner.settings = settings(
        current,
        max_examples=max(20, min(current.max_examples // 2, 100)),
        stateful_step_count=min(current.stateful_step_count, 12),
        deadline=None,
    )
    runner().runTest()
