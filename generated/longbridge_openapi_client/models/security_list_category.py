from typing import Literal

SecurityListCategory = Literal["overnight", "Overnight"]

SECURITY_LIST_CATEGORY_VALUES: set[SecurityListCategory] = {
    "overnight",
    "Overnight",
}


def check_security_list_category(value: str) -> SecurityListCategory:
    if value in SECURITY_LIST_CATEGORY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SECURITY_LIST_CATEGORY_VALUES!r}"
    )
