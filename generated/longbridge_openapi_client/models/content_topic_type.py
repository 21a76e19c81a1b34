from typing import Literal

ContentTopicType = Literal["article", "post"]

CONTENT_TOPIC_TYPE_VALUES: set[ContentTopicType] = {
    "article",
    "post",
}


def check_content_topic_type(value: str) -> ContentTopicType:
    if value in CONTENT_TOPIC_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CONTENT_TOPIC_TYPE_VALUES!r}"
    )
