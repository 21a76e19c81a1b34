"""The pure parts of the refresh-under-concurrency section: checks, ratios, wording."""

from __future__ import annotations

import httpx

from bench.refresh_concurrency import (
    TITLE,
    Burst,
    Case,
    count_problems,
    describe_pool,
    rows_for,
)


def _burst(wall: float, tokens: int, *, calls: int = 4, rotated: bool = True) -> Burst:
    latencies = [wall * (i + 1) / calls for i in range(calls)]
    return Burst(
        wall=wall, latencies=latencies, token_requests=tokens, served=calls, rotated=rotated
    )


def _round(valid: float, expired: float, tokens: int = 1) -> dict[Case, Burst]:
    return {"valid": _burst(valid, 0), "expired": _burst(expired, tokens)}


def test_a_clean_refresh_burst_has_no_problems() -> None:
    assert count_problems([_burst(1.0, 1)], 4, "expired") == []
    assert count_problems([_burst(1.0, 0, rotated=False)], 4, "valid") == []


def test_more_than_one_token_request_is_flagged() -> None:
    problems = count_problems([_burst(1.0, 1), _burst(1.0, 3)], 4, "expired")
    assert problems == ["!! token requests per burst 1, 3, expected 1"]


def test_a_refresh_with_a_valid_token_is_flagged() -> None:
    assert count_problems([_burst(1.0, 1)], 4, "valid") == [
        "!! token requests per burst 1, expected 0"
    ]


def test_failed_hung_and_lost_calls_are_flagged() -> None:
    burst = _burst(1.0, 1, rotated=False)
    burst.errors, burst.first_error, burst.hung, burst.served = 2, "ReadTimeout: x", 1, 1
    problems = count_problems([burst], 4, "expired")
    assert problems[0] == "!! 2 calls failed (first: ReadTimeout: x)"
    assert problems[1].startswith("!! 1 calls hung")
    assert problems[2].endswith("short by 3")
    assert problems[3] == "!! the token store kept the seeded token"


def test_rows_quote_medians_and_pair_the_added_time_within_rounds() -> None:
    rounds = [_round(1.0, 1.2), _round(2.0, 2.1), _round(1.5, 1.8)]
    pools: dict[Case, str] = {"valid": "pool A", "expired": "pool A"}
    valid, expired = rows_for("async", 4, rounds, pools)
    assert valid.section == TITLE
    assert valid.what == "asyncio, 4 concurrent calls: valid token"
    assert valid.ratio is None
    assert valid.value == "burst 1500 ms; token requests 0/0/0"
    assert expired.what == "asyncio, 4 concurrent calls: expired token"
    # Median walls 1.8 over 1.5; added time is the median of the per-round differences.
    assert expired.ratio is not None
    assert abs(expired.ratio - 1.2) < 1e-9
    assert expired.value == "burst 1800 ms; token requests 1/1/1; adds +200 ms"
    assert expired.note.startswith("vs valid token; added p50 +")
    assert "!!" not in expired.note
    assert expired.note.endswith("median of 3 rounds; pool A")
    assert expired.rate is not None
    assert abs(expired.rate - 4 / 1.8) < 1e-9


def test_rows_carry_a_wrong_count_into_the_note() -> None:
    (_, expired) = rows_for(
        "threads", 4, [_round(1.0, 1.0, tokens=2)], {"valid": "", "expired": ""}
    )
    assert expired.what == "4 threads, one call each: expired token"
    assert "!! token requests per burst 2, expected 1" in expired.note


def test_pool_descriptions() -> None:
    assert describe_pool(httpx.Limits(max_connections=10, max_keepalive_connections=10)) == (
        "httpx pool 10 connections, all kept alive"
    )
    assert describe_pool(httpx.Limits(max_connections=100, max_keepalive_connections=20)) == (
        "httpx pool 100 connections, 20 kept alive"
    )


def test_rows_say_how_many_calls_met_a_401_and_why_asyncio_can_be_faster() -> None:
    fresh = _burst(2.0, 0)
    reactive = _burst(1.0, 1)
    reactive.unauthorized = 1_000
    rounds: list[dict[Case, Burst]] = [{"valid": fresh, "server-expired": reactive}]
    (_, row) = rows_for("async", 4, rounds, {"valid": "", "server-expired": ""})
    assert "1,000 calls met a 401 before the retry with the new token" in row.note
    assert "faster than the reference" in row.note
    (_, row) = rows_for("threads", 4, rounds, {"valid": "", "server-expired": ""})
    assert "faster than the reference" not in row.note
