from typing import Literal

OrderTag = Literal["", "Grey", "Gtc", "GTC", "Normal"]

ORDER_TAG_VALUES: set[OrderTag] = {
    "",
    "Grey",
    "Gtc",
    "GTC",
    "Normal",
}


def check_order_tag(value: str) -> OrderTag:
    if value in ORDER_TAG_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ORDER_TAG_VALUES!r}")
