from typing import Literal

OrderSide = Literal["Buy", "Sell"]

ORDER_SIDE_VALUES: set[OrderSide] = {
    "Buy",
    "Sell",
}


def check_order_side(value: str) -> OrderSide:
    if value in ORDER_SIDE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ORDER_SIDE_VALUES!r}"
    )
