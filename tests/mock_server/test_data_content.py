"""The content area of the mock's data API: news, topics and replies (docs/longbridge-api.md §5.4).

The handlers are tested directly and each answer is checked against the spec's schema; routing
(``/topics/mine`` beside ``/topics/{id}``), validation and a topic's life are also checked over
HTTP.
"""

from __future__ import annotations

from typing import Any

from conformance.mock_server import FakeClock, MockConfig
from conformance.mock_server.context import Context
from conformance.mock_server.data_api import Caller
from conformance.mock_server.data_content import (
    EXAMPLE_COMMENT_ID,
    EXAMPLE_TOPIC_ID,
    FIRST_NEW_TOPIC_ID,
    HANDLERS,
    MY_SEEDED_TOPICS,
)
from spec_reader import load_spec

from .harness import AreaHandlers, Harness
from .spec_schemas import conforms

CALLER = Caller("oauth", frozenset())


_AREA = AreaHandlers(HANDLERS, CALLER)
call = _AREA.call
problem = _AREA.problem


def my_topic_ids(ctx: Context, **params: Any) -> list[str]:
    data = call(ctx, "listMyTopics", **params)
    conforms(data, "ContentTopics")
    return [t["id"] for t in data["items"]]


def test_news_is_deterministic_newest_first_and_empty_for_an_unknown_symbol(ctx: Context) -> None:
    news = call(ctx, "listNews", symbol="700.HK")
    conforms(news, "ContentSummaries")
    times = [int(n["published_at"]) for n in news["items"]]
    assert len(times) == 6
    assert times == sorted(times, reverse=True)
    assert all(t <= ctx.now() for t in times)
    assert call(Context(MockConfig(), FakeClock()), "listNews", symbol="700.HK") == news
    assert call(ctx, "listNews", symbol="AAPL.US")["items"][0]["id"] != news["items"][0]["id"]
    assert call(ctx, "listNews", symbol="ZZZZ.US") == {"items": []}


def test_every_security_has_community_topics_naming_it(ctx: Context) -> None:
    topics = call(ctx, "listTopics", symbol="TSLA.US")
    conforms(topics, "ContentSummaries")
    assert len(topics["items"]) >= 2
    for summary in topics["items"]:
        detail = call(ctx, "getTopic", id=summary["id"])["item"]
        assert "TSLA.US" in detail["tickers"]
        assert detail["comments_count"] == summary["comments_count"]


def test_my_topics_page_newest_first_and_filter_by_type(ctx: Context) -> None:
    everything = my_topic_ids(ctx)
    assert len(everything) == MY_SEEDED_TOPICS
    assert everything[0] == EXAMPLE_TOPIC_ID
    first, second = my_topic_ids(ctx, page=1, size=10), my_topic_ids(ctx, page=2, size=10)
    assert (len(first), len(second)) == (10, MY_SEEDED_TOPICS - 10)
    assert first + second == everything
    assert my_topic_ids(ctx, page=3, size=10) == []
    articles = call(ctx, "listMyTopics", topic_type="article")["items"]
    posts = call(ctx, "listMyTopics", topic_type="post")["items"]
    assert {t["topic_type"] for t in articles} == {"article"}
    assert {t["topic_type"] for t in posts} == {"post"}
    assert len(articles) + len(posts) == MY_SEEDED_TOPICS
    assert all(t["title"] for t in articles)  # an article always has a title


def test_a_created_topic_is_mine_in_full_and_listed_under_its_tickers(ctx: Context) -> None:
    body = {
        "title": "Buyback",
        "body": "Watching the buyback.",
        "topic_type": "article",
        "tickers": ["700.HK", "700.HK", "AAPL.US"],
        "hashtags": ["earnings"],
    }
    created = call(ctx, "createTopic", body)
    conforms(created, "ContentTopicCreated")
    topic_id = created["item"]["id"]
    assert topic_id == str(FIRST_NEW_TOPIC_ID)
    assert my_topic_ids(ctx, size=1) == [topic_id]
    detail = call(ctx, "getTopic", id=topic_id)
    conforms(detail, "ContentTopicDetail")
    item = detail["item"]
    assert (item["title"], item["body"], item["topic_type"]) == (
        "Buyback",
        "Watching the buyback.",
        "article",
    )
    assert item["tickers"] == ["700.HK", "AAPL.US"]  # repeated tickers count once
    assert item["created_at"] == str(int(ctx.now()))
    for symbol in ("700.HK", "AAPL.US"):
        assert call(ctx, "listTopics", symbol=symbol)["items"][0]["id"] == topic_id
    post = call(ctx, "createTopic", {"body": "Short one"})["item"]["id"]
    assert call(ctx, "getTopic", id=post)["item"]["topic_type"] == "post"  # the default type
    assert int(post) == int(topic_id) + 1


def test_create_topic_refuses_an_untitled_article_and_a_blank_body(ctx: Context) -> None:
    assert "title" in problem(ctx, "createTopic", {"body": "x", "topic_type": "article"})
    assert "title" in problem(
        ctx, "createTopic", {"title": "  ", "body": "x", "topic_type": "article"}
    )
    assert "body" in problem(ctx, "createTopic", {"body": " \n"})
    assert len(my_topic_ids(ctx)) == MY_SEEDED_TOPICS  # nothing was created


def test_replies_are_listed_oldest_first_paged_and_counted(ctx: Context) -> None:
    seeded = call(ctx, "listTopicComments", topic_id=EXAMPLE_TOPIC_ID)
    conforms(seeded, "ContentComments")
    assert [c["id"] for c in seeded["items"]] == [EXAMPLE_COMMENT_ID, "50002", "50003"]
    created = call(
        ctx,
        "createTopicComment",
        {"body": "Me too", "reply_to_id": EXAMPLE_COMMENT_ID},
        topic_id=EXAMPLE_TOPIC_ID,
    )
    conforms(created, "ContentCommentCreated")
    reply = created["item"]
    assert (reply["topic_id"], reply["reply_to_id"], reply["body"]) == (
        EXAMPLE_TOPIC_ID,
        EXAMPLE_COMMENT_ID,
        "Me too",
    )
    top = call(ctx, "createTopicComment", {"body": "Top"}, topic_id=EXAMPLE_TOPIC_ID)["item"]
    assert top["reply_to_id"] == "0"
    listed = call(ctx, "listTopicComments", topic_id=EXAMPLE_TOPIC_ID)["items"]
    assert [c["id"] for c in listed[-2:]] == [reply["id"], top["id"]]
    assert len(listed) == len(seeded["items"]) + 2
    parent = next(c for c in listed if c["id"] == EXAMPLE_COMMENT_ID)
    assert parent["comments_count"] == 2  # the seeded answer and the new one
    topic = call(ctx, "getTopic", id=EXAMPLE_TOPIC_ID)["item"]
    assert topic["comments_count"] == len(listed)
    pages = [
        call(ctx, "listTopicComments", topic_id=EXAMPLE_TOPIC_ID, page=p, size=2)["items"]
        for p in (1, 2, 3)
    ]
    assert [c for page in pages for c in page] == listed


def test_replies_refuse_unknown_topics_foreign_parents_and_blank_bodies(ctx: Context) -> None:
    assert "topic 1 not found" in problem(ctx, "getTopic", id="1")
    assert "not found" in problem(ctx, "listTopicComments", topic_id="1")
    assert "not found" in problem(ctx, "createTopicComment", {"body": "x"}, topic_id="1")
    other = call(ctx, "listMyTopics", size=2)["items"][1]["id"]
    message = problem(
        ctx, "createTopicComment", {"body": "x", "reply_to_id": EXAMPLE_COMMENT_ID}, topic_id=other
    )
    assert "reply_to_id" in message
    assert "body" in problem(ctx, "createTopicComment", {"body": "  "}, topic_id=other)
    assert call(ctx, "listTopicComments", topic_id=other) == {"items": []}


def test_the_spec_examples_name_seeded_ids() -> None:
    spec = load_spec()
    topic = spec["paths"]["/v1/content/topics/{id}"]["get"]["parameters"][0]
    assert topic["example"] == EXAMPLE_TOPIC_ID
    comments = spec["paths"]["/v1/content/topics/{topic_id}/comments"]["post"]
    assert comments["parameters"][0]["example"] == EXAMPLE_TOPIC_ID
    body = comments["requestBody"]["content"]["application/json"]["example"]
    assert body["reply_to_id"] == EXAMPLE_COMMENT_ID
    created = spec["paths"]["/v1/content/topics"]["post"]["responses"]["200"]
    example = created["content"]["application/json"]["example"]
    assert example["data"]["item"]["id"] == str(FIRST_NEW_TOPIC_ID)


def test_a_topic_lives_over_http(mock: Harness) -> None:
    token: str = mock.tokens(mock.register(), scope="6")["access_token"]  # any scope: general
    auth = {"Authorization": f"Bearer {token}"}
    created = mock.http.post(
        "/v1/content/topics", json={"body": "Over http", "tickers": ["5.HK"]}, headers=auth
    )
    assert created.status_code == 200, created.text
    topic_id = created.json()["data"]["item"]["id"]
    mine = mock.api("/v1/content/topics/mine", token, params={"size": "1"}).json()
    assert [t["id"] for t in mine["data"]["items"]] == [topic_id]  # "mine" is not an id
    replied = mock.http.post(
        f"/v1/content/topics/{topic_id}/comments", json={"body": "First"}, headers=auth
    )
    assert replied.status_code == 200, replied.text
    listed = mock.api(f"/v1/content/topics/{topic_id}/comments", token).json()["data"]["items"]
    assert [c["body"] for c in listed] == ["First"]
    about = mock.api("/v1/content/5.HK/topics", token).json()["data"]["items"]
    assert about[0]["id"] == topic_id
    too_big = mock.api("/v1/content/topics/mine", token, params={"size": "501"})
    assert (too_big.status_code, too_big.json()["code"]) == (400, 400000)
    bad_type = mock.api("/v1/content/topics/mine", token, params={"topic_type": "video"})
    assert (bad_type.status_code, bad_type.json()["code"]) == (400, 400000)
    too_many = mock.http.post(
        "/v1/content/topics",
        json={"body": "x", "tickers": ["700.HK"] * 11},
        headers=auth,
    )
    assert (too_many.status_code, too_many.json()["code"]) == (400, 400000)
    not_numeric = mock.api("/v1/content/topics/abc", token)
    assert (not_numeric.status_code, not_numeric.json()["code"]) == (400, 400000)
    unknown = mock.api("/v1/content/topics/1", token)
    assert (unknown.status_code, unknown.json()["code"]) == (400, 400000)
    assert mock.api("/v1/content/topics/mine").status_code == 401
