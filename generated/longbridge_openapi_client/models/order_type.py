from typing import Literal

OrderType = Literal[
    "ALO",
    "AO",
    "ELO",
    "LIT",
    "LO",
    "MIT",
    "MO",
    "ODD",
    "SLO",
    "TSLPAMT",
    "TSLPPCT",
    "TSMAMT",
    "TSMPCT",
]

ORDER_TYPE_VALUES: set[OrderType] = {
    "ALO",
    "AO",
    "ELO",
    "LIT",
    "LO",
    "MIT",
    "MO",
    "ODD",
    "SLO",
    "TSLPAMT",
    "TSLPPCT",
    "TSMAMT",
    "TSMPCT",
}


def check_order_type(value: str) -> OrderType:
    if value in ORDER_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ORDER_TYPE_VALUES!r}"
    )
