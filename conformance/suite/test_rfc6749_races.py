"""Races at the token endpoint (checklist extensions 102-104, listed in conformance/README.md).

A code is used once: "If an authorization code is used more than once, the authorization server
MUST deny the request" (RFC 6749 §4.1.2, https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2),
and so is a rotated refresh token: "The previous refresh token is invalidated" (RFC 9700
§4.14.2, https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2). Both hold for requests that
arrive together too: of parallel redemptions exactly one may succeed, which a server that checks
"unused" and then marks "used" in two steps gets wrong. And whatever a race did hand out dies with
its grant (RFC 7009 §2.1). The requests are sent in parallel by ``races.race``; a race is run
``ROUNDS`` times, since one race that happens to come out right proves little.
"""

from __future__ import annotations

from collections import Counter
from functools import partial
from typing import Any

import httpx
import pytest

from conformance.checks import check
from conformance.consent import SetupError
from conformance.oauch import oauch
from conformance.profiles import rfc_profile
from conformance.suite.helpers import OAuthSession, json_of
from conformance.suite.races import PARALLEL, race
from longbridge_openapi_client import Pkce

ROUNDS = 3


def _wins(responses: list[httpx.Response]) -> list[dict[str, Any]]:
    return [json_of(r) for r in responses if r.status_code == 200]


def _exchanges(session: OAuthSession) -> list[httpx.Response]:
    """A fresh code, exchanged by ``PARALLEL`` requests at once."""
    grant = session.grant(pkce=Pkce.generate())
    return race(session, lambda racer: racer.exchange(grant))


def _statuses(responses: list[httpx.Response]) -> str:
    counts = Counter(r.status_code for r in responses)
    return ", ".join(f"{n}x {status}" for status, n in sorted(counts.items()))


@check(102, "RFC 6749 §4.1.2", "MUST", "token")
@oauch("Concurrency.SingleFastACExchangeTest", "Concurrency.MultiFastACExchangeTest")
def test_parallel_exchanges_of_one_code_succeed_once(session: OAuthSession) -> None:
    for round_ in range(1, ROUNDS + 1):
        responses = _exchanges(session)
        assert len(_wins(responses)) == 1, (
            f"Expected exactly one of {PARALLEL} parallel exchanges of one code to succeed "
            f"(race {round_} of {ROUNDS}). Received: {_statuses(responses)}"
        )


@check(103, "RFC 9700 §4.14.2, §2.2.2", "MUST", "refresh")
@oauch("Concurrency.SingleFastRefreshTest", "Concurrency.MultiFastRefreshTest")
def test_parallel_refreshes_of_one_token_succeed_once(session: OAuthSession) -> None:
    if rfc_profile() and not session.credentials.public:
        # §2.2.2 asks rotation of public clients' refresh tokens; RFC 6749 §6 lets a server keep
        # a confidential client's old refresh token valid ("MAY revoke the old refresh token").
        pytest.skip("a confidential client: RFC 9700 §2.2.2 requires rotation for public ones")
    for round_ in range(1, ROUNDS + 1):
        refresh_token = session.refresh_token_of(session.login())
        responses = race(session, partial(OAuthSession.refresh, refresh_token=refresh_token))
        wins = _wins(responses)
        rotated = [w for w in wins if w.get("refresh_token") not in (None, refresh_token)]
        if len(wins) > 1 and len(rotated) < len(wins):
            # Without rotation (sender-constrained tokens, §4.14.2) a refresh token is reusable:
            # its parallel use is no race. Rotation itself has its own check (item 48).
            pytest.skip("the refresh tokens are not rotated, so they may be used more than once")
        assert len(wins) == 1, (
            f"Expected exactly one of {PARALLEL} parallel refreshes with one rotated refresh "
            f"token to succeed (race {round_} of {ROUNDS}). Received: {_statuses(responses)}"
        )


@check(104, "RFC 7009 §2.1; RFC 6749 §4.1.2", "MUST", "revoke", rfc="SHOULD")
@oauch("Concurrency.ConcurrentTokensRevokedTest")
def test_tokens_won_in_a_race_die_with_their_grant(session: OAuthSession) -> None:
    # §2.1: revoking a refresh token SHOULD invalidate every access token of its grant; the
    # longbridge profile makes it a MUST, as for test_revoking_a_refresh_token_revokes_its_grant.
    session.endpoints.require("revocation_endpoint")
    for round_ in range(1, ROUNDS + 1):
        responses = _exchanges(session)
        wins = _wins(responses)
        if not wins:
            raise SetupError(f"no exchange of the code succeeded: {_statuses(responses)}")
        revoked = session.revoke(session.refresh_token_of(wins[0]), "refresh_token")
        assert revoked.status_code == 200, (
            f"Expected 200 for a revocation. Received: {revoked.status_code} {revoked.text}"
        )
        alive = sum(session.token_works(w["access_token"]) for w in wins)
        assert alive == 0, (
            f"Expected every access token the race gave ({len(wins)} of {PARALLEL} exchanges "
            f"of one code succeeded) to stop working once the grant's refresh token was revoked "
            f"(race {round_} of {ROUNDS}). Received: {alive} still work"
        )
