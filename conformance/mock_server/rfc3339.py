"""RFC 3339 §5.6 date-times, which the spec's ``format: date-time`` parameters carry.

``datetime.fromisoformat`` is no parser for them: it refuses the lower-case ``t`` and ``z``
(§5.6 NOTE), year 0000 and the leap second (§5.7), and accepts forms that are not RFC 3339
(a space for ``T``, no offset). https://www.rfc-editor.org/rfc/rfc3339#section-5.6
"""

from __future__ import annotations

import calendar
import re
from datetime import date

__all__ = ["timestamp"]

_DATE_TIME = re.compile(
    r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})[Tt]"
    r"(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})(?P<fraction>\.[0-9]+)?"
    r"(?:[Zz]|(?P<sign>[+-])(?P<offset_hour>[0-9]{2}):(?P<offset_minute>[0-9]{2}))"
)
_UNIX_EPOCH = date(1970, 1, 1).toordinal()
_DAYS_PER_400_YEARS = 146_097
_LEAP_SECOND_UTC = 23 * 3600 + 59 * 60  # §5.7: a leap second is 23:59:60 UTC


def _days_since_epoch(year: int, month: int, day: int) -> int:
    if year == 0:  # below date.min; the Gregorian calendar repeats every 400 years
        return date(400, month, day).toordinal() - _DAYS_PER_400_YEARS - _UNIX_EPOCH
    return date(year, month, day).toordinal() - _UNIX_EPOCH


def timestamp(text: str) -> float | None:
    """The Unix time of an RFC 3339 ``date-time``, or None when ``text`` is not one."""
    m = _DATE_TIME.fullmatch(text)
    if m is None:
        return None
    year, month, day = int(m["year"]), int(m["month"]), int(m["day"])
    hour, minute, second = int(m["hour"]), int(m["minute"]), int(m["second"])
    offset = 0
    if m["sign"] is not None:
        offset_hour, offset_minute = int(m["offset_hour"]), int(m["offset_minute"])
        if offset_hour > 23 or offset_minute > 59:
            return None
        offset = (1 if m["sign"] == "+" else -1) * (offset_hour * 3600 + offset_minute * 60)
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    if hour > 23 or minute > 59 or second > 60:
        return None
    if second == 60 and (hour * 3600 + minute * 60 - offset) % 86_400 != _LEAP_SECOND_UTC:
        return None
    local = ((_days_since_epoch(year, month, day) * 24 + hour) * 60 + minute) * 60 + second
    return local - offset + float(m["fraction"] or 0)
