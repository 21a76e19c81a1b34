"""The content area of the data API: news, community topics and their replies.

News is a fixed, deterministic list per security. Topics live in one store: seeded community
topics by other members, the signed-in user's own topics (more than one page at the examples'
``size``), and the ones the user publishes, which then appear in ``listMyTopics``, in
``getTopic`` and, through their ``tickers``, in the security's ``listTopics``. Replies are kept
per topic, oldest first, and counted on the topic (docs/longbridge-api.md §5.4; shapes of the SDK's
``content/types.rs``: ``items`` lists, ``item`` objects, ids and times as strings).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .context import Context
from .handler_call import bad_parameter
from .seed_data import INSTRUMENTS

if TYPE_CHECKING:
    # data_api imports this module's HANDLERS; the type alone avoids an import cycle.
    from .handler_call import Call

__all__ = [
    "EXAMPLE_COMMENT_ID",
    "EXAMPLE_TOPIC_ID",
    "FIRST_NEW_TOPIC_ID",
    "HANDLERS",
    "ContentState",
]

DAY = 86_400
# Ids used in the spec's examples: getTopic and the comment operations name the user's article
# EXAMPLE_TOPIC_ID, the reply example answers EXAMPLE_COMMENT_ID, createTopic answers the first
# new id.
EXAMPLE_TOPIC_ID = "39304657"
EXAMPLE_COMMENT_ID = "50001"
FIRST_NEW_TOPIC_ID = 39304700
FIRST_NEW_COMMENT_ID = 50100
FIRST_COMMUNITY_TOPIC_ID = 39304001
MY_SEEDED_TOPICS = 12  # more than one page at the listMyTopics example's size of 10
NEWS_PER_SECURITY = 6
MY_PAGE_SIZE = 50  # listMyTopics default size (docs, SDK MyTopicsOptions)
COMMENT_PAGE_SIZE = 20  # listTopicComments default size (SDK ListTopicRepliesOptions)

ME = {"member_id": "10000001", "name": "Mock User", "avatar": ""}
_MEMBERS = ("Lin", "Alex", "Wong", "Sam", "Chen")


@dataclass
class Comment:
    id: str
    topic_id: str
    body: str
    reply_to_id: str  # "0" for a top-level reply
    author: dict[str, str]
    created_at: int
    comments_count: int = 0

    def json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "topic_id": self.topic_id,
            "body": self.body,
            "reply_to_id": self.reply_to_id,
            "author": dict(self.author),
            "images": [],
            "likes_count": 0,
            "comments_count": self.comments_count,
            "created_at": str(self.created_at),
        }


@dataclass
class Topic:
    id: str
    title: str
    body: str
    topic_type: str
    tickers: list[str]
    hashtags: list[str]
    author: dict[str, str]
    created_at: int
    likes_count: int = 0
    views_count: int = 0
    comments: list[Comment] = field(default_factory=list)

    @property
    def mine(self) -> bool:
        return self.author["member_id"] == ME["member_id"]

    @property
    def url(self) -> str:
        return f"https://longbridge.com/topics/{self.id}"

    def description(self) -> str:
        # A plain-text excerpt: the first line without Markdown emphasis, cut at 120 characters.
        first = self.body.strip().splitlines()[0] if self.body.strip() else ""
        return first.replace("*", "").replace("#", "").strip()[:120]

    def json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "description": self.description(),
            "body": self.body,
            "topic_type": self.topic_type,
            "tickers": list(self.tickers),
            "hashtags": list(self.hashtags),
            "images": [],
            "likes_count": self.likes_count,
            "comments_count": len(self.comments),
            "views_count": self.views_count,
            "shares_count": 0,
            "license": 1 if self.topic_type == "article" else 0,
            "detail_url": self.url,
            "author": dict(self.author),
            "created_at": str(self.created_at),
            "updated_at": str(self.created_at),
        }

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "description": self.description(),
            "url": self.url,
            "published_at": str(self.created_at),
            "comments_count": len(self.comments),
            "likes_count": self.likes_count,
            "shares_count": 0,
        }


def _number(*parts: object) -> int:
    """A stable number for seeding: the same inputs give the same value on every run."""
    return int.from_bytes(hashlib.sha256(":".join(map(str, parts)).encode()).digest()[:4], "big")


@dataclass
class ContentState:
    topics: dict[str, Topic]
    next_topic_id: int = FIRST_NEW_TOPIC_ID
    next_comment_id: int = FIRST_NEW_COMMENT_ID

    @classmethod
    def seeded(cls, now: float) -> ContentState:
        start = int(now)
        topics: dict[str, Topic] = {}
        # Other members' topics: two per security, so every listTopics has something to show.
        topic_id = FIRST_COMMUNITY_TOPIC_ID
        for n, symbol in enumerate(INSTRUMENTS):
            name = INSTRUMENTS[symbol].name
            for k, title in enumerate((f"Is {symbol} cheap?", f"{name}: what next?")):
                member = _MEMBERS[(n + k) % len(_MEMBERS)]
                topics[str(topic_id)] = Topic(
                    id=str(topic_id),
                    title=title,
                    body=f"My notes on {symbol} after the latest results.",
                    topic_type="post",
                    tickers=[symbol],
                    hashtags=[],
                    author={"member_id": str(20000000 + n), "name": member, "avatar": ""},
                    created_at=start - (n * 2 + k + 1) * 3_600,
                    likes_count=_number("likes", topic_id) % 200,
                    views_count=_number("views", topic_id) % 5_000,
                )
                topic_id += 1
        # The user's own topics, newest first: the example article and eleven older ones.
        mine_symbols = ("AAPL.US", "700.HK", "TSLA.US")
        for k in range(MY_SEEDED_TOPICS):
            tid = EXAMPLE_TOPIC_ID if k == 0 else str(int(EXAMPLE_TOPIC_ID) - k)
            article = k % 3 == 0
            symbol = mine_symbols[k % len(mine_symbols)]
            topics[tid] = Topic(
                id=tid,
                title=f"My analysis on {symbol}" if article else "",
                body=f"**{symbol}**: notes number {MY_SEEDED_TOPICS - k}.",
                topic_type="article" if article else "post",
                tickers=[symbol],
                hashtags=["earnings"] if article else [],
                author=dict(ME),
                created_at=start - (k + 1) * DAY,
                likes_count=_number("likes", tid) % 50,
                views_count=_number("views", tid) % 1_000,
            )
        example = topics[EXAMPLE_TOPIC_ID]
        at = example.created_at
        alex = {"member_id": "20000001", "name": "Alex", "avatar": ""}
        wong = {"member_id": "20000002", "name": "Wong", "avatar": ""}
        example.comments = [
            Comment(
                EXAMPLE_COMMENT_ID, example.id, "Agreed, AAPL.US looks cheap", "0", alex, at + 60
            ),
            Comment("50002", example.id, "Thanks!", EXAMPLE_COMMENT_ID, dict(ME), at + 90),
            Comment("50003", example.id, "What about the buyback?", "0", wong, at + 120),
        ]
        example.comments[0].comments_count = 1
        return cls(topics=topics)

    def topic(self, topic_id: Any) -> Topic:
        topic = self.topics.get(str(topic_id))
        if topic is None:
            raise bad_parameter(f"topic {topic_id} not found")
        return topic


def _state(ctx: Context) -> ContentState:
    return ctx.state.area("content", lambda: ContentState.seeded(ctx.now()))


def _page(items: list[Any], params: dict[str, Any], default_size: int) -> list[Any]:
    page = int(params.get("page", 1))
    size = int(params.get("size", default_size))
    return items[(page - 1) * size : page * size]


def _newest_first(topics: list[Topic]) -> list[Topic]:
    return sorted(topics, key=lambda t: (t.created_at, int(t.id)), reverse=True)


# ---- news and per-security topics ----------------------------------------------------------


_HEADLINES = (
    "{name} shares move after analyst update",
    "What the options market says about {symbol}",
    "{name} announces results date",
    "Funds raise stakes in {name}",
    "{name} in the top gainers list",
    "Three things to watch for {symbol} this week",
)


def list_news(ctx: Context, call: Call) -> Any:
    """GET /v1/content/{symbol}/news: the latest news, newest first; none for an unknown one."""
    symbol = call.params["symbol"]
    security = INSTRUMENTS.get(symbol)
    if security is None:
        return {"items": []}
    hour = int(ctx.now()) // 3_600 * 3_600
    index = list(INSTRUMENTS).index(symbol)
    items = []
    for k, headline in enumerate(_HEADLINES[:NEWS_PER_SECURITY]):
        news_id = str(200 + index * 10 + k + 1)
        items.append(
            {
                "id": news_id,
                "title": headline.format(name=security.name, symbol=symbol),
                "description": f"Coverage of {symbol} ({security.name}).",
                "url": f"https://longbridge.com/news/{news_id}",
                "published_at": str(hour - k * 5 * 3_600),
                "comments_count": _number("news comments", news_id) % 40,
                "likes_count": _number("news likes", news_id) % 300,
                "shares_count": _number("news shares", news_id) % 20,
            }
        )
    return {"items": items}


def list_topics(ctx: Context, call: Call) -> Any:
    """GET /v1/content/{symbol}/topics: every topic naming the security, newest first."""
    symbol = call.params["symbol"]
    about = [t for t in _state(ctx).topics.values() if symbol in t.tickers]
    return {"items": [t.summary() for t in _newest_first(about)]}


# ---- the user's topics ---------------------------------------------------------------------


def list_my_topics(ctx: Context, call: Call) -> Any:
    """GET /v1/content/topics/mine: the user's topics, newest first, optionally of one type."""
    kind = call.params.get("topic_type")
    mine = [
        t for t in _state(ctx).topics.values() if t.mine and (kind is None or t.topic_type == kind)
    ]
    return {"items": [t.json() for t in _page(_newest_first(mine), call.params, MY_PAGE_SIZE)]}


def create_topic(ctx: Context, call: Call) -> Any:
    """POST /v1/content/topics: a post (default) or an article, which must have a title."""
    state = _state(ctx)
    body: dict[str, Any] = call.body or {}
    text = str(body["body"])
    if not text.strip():
        raise bad_parameter("body must not be blank")
    kind = body.get("topic_type", "post")
    title = str(body.get("title", "")).strip()
    if kind == "article" and not title:
        raise bad_parameter("title is required for an article")
    topic_id = str(state.next_topic_id)
    state.next_topic_id += 1
    state.topics[topic_id] = Topic(
        id=topic_id,
        title=title,
        body=text,
        topic_type=kind,
        tickers=list(dict.fromkeys(body.get("tickers") or [])),
        hashtags=list(dict.fromkeys(body.get("hashtags") or [])),
        author=dict(ME),
        created_at=int(ctx.now()),
    )
    return {"item": {"id": topic_id}}


def get_topic(ctx: Context, call: Call) -> Any:
    """GET /v1/content/topics/{id}: any topic in full."""
    return {"item": _state(ctx).topic(call.params["id"]).json()}


# ---- replies -------------------------------------------------------------------------------


def list_comments(ctx: Context, call: Call) -> Any:
    """GET /v1/content/topics/{topic_id}/comments: replies oldest first, paged."""
    topic = _state(ctx).topic(call.params["topic_id"])
    page = _page(topic.comments, call.params, COMMENT_PAGE_SIZE)
    return {"items": [c.json() for c in page]}


def create_comment(ctx: Context, call: Call) -> Any:
    """POST /v1/content/topics/{topic_id}/comments: a reply to the topic or to a reply on it."""
    state = _state(ctx)
    topic = state.topic(call.params["topic_id"])
    body: dict[str, Any] = call.body or {}
    text = str(body["body"])
    if not text.strip():
        raise bad_parameter("body must not be blank")
    reply_to = str(body.get("reply_to_id") or "0")
    parent = None
    if reply_to != "0":
        parent = next((c for c in topic.comments if c.id == reply_to), None)
        if parent is None:
            raise bad_parameter(f"reply_to_id {reply_to} is not a reply on topic {topic.id}")
    comment = Comment(
        str(state.next_comment_id), topic.id, text, reply_to, dict(ME), int(ctx.now())
    )
    state.next_comment_id += 1
    topic.comments.append(comment)
    if parent is not None:
        parent.comments_count += 1
    return {"item": comment.json()}


HANDLERS: dict[str, Callable[[Context, Call], Any]] = {
    "listNews": list_news,
    "listTopics": list_topics,
    "listMyTopics": list_my_topics,
    "createTopic": create_topic,
    "getTopic": get_topic,
    "listTopicComments": list_comments,
    "createTopicComment": create_comment,
}
