from typing import Literal

OrderStatus = Literal[
    "CanceledStatus",
    "DelayedNotReported",
    "ExpiredStatus",
    "FilledStatus",
    "NewStatus",
    "NotReported",
    "PartialFilledStatus",
    "PartialWithdrawal",
    "PendingCancelStatus",
    "PendingReplaceStatus",
    "ProtectedNotReported",
    "RejectedStatus",
    "ReplacedNotReported",
    "ReplacedStatus",
    "VarietiesNotReported",
    "WaitToCancel",
    "WaitToNew",
    "WaitToReplace",
]

ORDER_STATUS_VALUES: set[OrderStatus] = {
    "CanceledStatus",
    "DelayedNotReported",
    "ExpiredStatus",
    "FilledStatus",
    "NewStatus",
    "NotReported",
    "PartialFilledStatus",
    "PartialWithdrawal",
    "PendingCancelStatus",
    "PendingReplaceStatus",
    "ProtectedNotReported",
    "RejectedStatus",
    "ReplacedNotReported",
    "ReplacedStatus",
    "VarietiesNotReported",
    "WaitToCancel",
    "WaitToNew",
    "WaitToReplace",
}


def check_order_status(value: str) -> OrderStatus:
    if value in ORDER_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ORDER_STATUS_VALUES!r}"
    )
