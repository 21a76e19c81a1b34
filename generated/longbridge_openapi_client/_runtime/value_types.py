# Copied verbatim from generator/runtime/value_types.py by `python -m generator`.
# Edit that file and regenerate; changes made here are lost and fail the drift check.
"""The data API's value types, as the typed (pydantic) models read them.

The API sends numbers as decimal text and times as unix seconds in a string (docs/longbridge-api.md
§5); an empty string, and per the official SDK ``"--"``, means "not applicable" (§5.2, §6.6).
So prices stay exact (:class:`~decimal.Decimal`, never ``float``), times become aware UTC
datetimes, "not applicable" becomes ``None``, and 64-bit ids are strings whether the server sent
``"701276261045858304"`` or a bare number (§10 items 2 and 4). The spec names these types in
``customTypePath``; serialising a model to JSON writes the API's own text forms back.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import CoreSchema, core_schema

__all__ = [
    "CompactDate",
    "DecimalText",
    "EmptyIsZeroDecimalText",
    "Int64Id",
    "NumberOrDecimalText",
    "OpenEnum",
    "OptionalDecimalText",
    "OptionalUnixTimestamp",
    "UnixTimestamp",
    "UnknownEnumNumber",
    "UnknownEnumValue",
    "parse_decimal",
    "parse_timestamp",
]

_NOT_APPLICABLE = ("", "--")

# Each validator runs per field of every row (10,000 orders: ~130,000 calls), so each tests
# first for what the API sends: text.


def parse_decimal(value: object) -> Decimal:
    """A finite :class:`Decimal` from decimal text or an integer.

    A JSON number with a fraction is refused: it has been through a binary float already, so its
    exact value is lost (the API sends decimal text, docs/longbridge-api.md §5).
    """
    if isinstance(value, str):
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise ValueError(f"not a decimal number: {value[:40]!r}") from None
        if number.is_finite():
            return number
    elif isinstance(value, Decimal) and value.is_finite():
        return value
    elif isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    raise ValueError(f"expected decimal text such as '12.50', got {type(value).__name__}")


def _number_or_decimal(value: object) -> Decimal:
    """A JSON number (a float's shortest repr, as JSON wrote it) or decimal text."""
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("not a finite number")
        return Decimal(repr(value))
    return parse_decimal(value)


def _optional_decimal(value: object) -> Decimal | None:
    if value is None or value in _NOT_APPLICABLE:
        return None
    return parse_decimal(value)


def _empty_is_zero(value: object) -> Decimal:
    """The SDK's ``decimal_empty_is_0``: ``""`` is zero, anything else decimal text."""
    if value == "" or value is None:
        return Decimal(0)
    return parse_decimal(value)


class UnknownEnumValue(str):
    """A value of an enumeration the spec does not list (yet): kept as sent, never refused.

    The official SDK reads any unknown enumeration text as its ``Unknown`` variant
    (``impl_serde_for_enum_string``,
    https://github.com/longbridge/openapi/blob/32cb424b58745bdfd832d4196cbbe2842c9ea9c0/rust/src/macros.rs#L13-L22),
    so a value the server adds tomorrow must not break a whole answer. ``isinstance(value,
    UnknownEnumValue)`` tells it apart from the listed values, which stay plain ``str``.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"UnknownEnumValue({str.__repr__(self)})"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(
            lambda v: v if isinstance(v, cls) else cls(_text(v))
        )


class UnknownEnumNumber(int):
    """A numeric code the spec does not list (the SDK's ``#[num_enum(default)] Unknown``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"UnknownEnumNumber({int.__repr__(self)})"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(lambda v: cls(_integer(v)))


def _text(value: object) -> str:
    if isinstance(value, str):
        return value
    raise ValueError(f"expected text, got {type(value).__name__}")


def _integer(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ValueError(f"expected an integer, got {type(value).__name__}")


class OpenEnum:
    """``Annotated`` metadata of an enumeration in an answer: a listed value reads as itself,
    any other text as :class:`UnknownEnumValue`, any other integer as :class:`UnknownEnumNumber`.

    Only the JSON kinds the enumeration lists are read (``1`` is refused where only ``"1"`` is
    listed). The generated ``open_enums`` module pairs it with the ``Literal`` of the values.
    """

    __slots__ = ("_kinds", "_known", "values")

    def __init__(self, *values: str | int) -> None:
        self.values = values
        self._known = frozenset(values)
        self._kinds = frozenset(type(v) for v in values)

    def validate(self, value: object) -> object:
        if isinstance(value, bool) or type(value) not in self._kinds:
            names = " or ".join(sorted(k.__name__ for k in self._kinds))
            raise ValueError(f"expected {names}, got {type(value).__name__}")
        if value in self._known:
            return value
        if isinstance(value, str):
            return UnknownEnumValue(value)
        return UnknownEnumNumber(_integer(value))

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(
            self.validate,
            serialization=core_schema.plain_serializer_function_ser_schema(_same),
        )

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict[str, Any]:
        kinds = sorted({"integer" if isinstance(v, int) else "string" for v in self.values})
        return {"anyOf": [{"enum": list(self.values)}, *({"type": k} for k in kinds)]}


def _same(value: object) -> object:
    return value


def parse_timestamp(value: object) -> datetime:
    """An aware UTC datetime from unix seconds, sent as a string of digits or an integer."""
    if isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value)
    elif isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        try:
            return datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError):
            raise ValueError(f"timestamp out of range: {value}") from None
    raise ValueError(f"expected unix seconds such as '1651644897', got {value!r:.40}")


def _optional_timestamp(value: object) -> datetime | None:
    """As the SDK's ``timestamp_opt``: ``""``, null and ``0`` mean "has not happened"
    (https://github.com/longbridge/openapi/blob/32cb424b58745bdfd832d4196cbbe2842c9ea9c0/rust/src/serde_utils.rs#L79-L100)."""
    if value is None or value in _NOT_APPLICABLE or value in ("0", 0):
        return None
    return parse_timestamp(value)


def _int64_id(value: object) -> str:
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return str(value)
    raise ValueError(f"expected a numeric id, got {value!r:.40}")


def _compact_date(value: object) -> date:
    """A date from ``YYYYMMDD``, sent as text or as an integer
    (docs/longbridge-api.md §10 item 7)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if isinstance(text, str) and len(text) == 8 and text.isascii() and text.isdigit():
        try:
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            pass
    raise ValueError(f"expected a YYYYMMDD date such as '20260327', got {value!r:.40}")


def _timestamp_text(value: datetime) -> str:
    return str(int(value.timestamp()))


def _optional_text(value: object) -> str:
    return "" if value is None else str(value)


def _optional_timestamp_text(value: datetime | None) -> str:
    return "" if value is None else _timestamp_text(value)


_TEXT = {"type": "string"}

DecimalText = Annotated[
    Decimal,
    PlainValidator(parse_decimal),
    PlainSerializer(str, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"}),
]
"""Decimal text that is always present, such as a submitted quantity."""

NumberOrDecimalText = Annotated[
    Decimal,
    PlainValidator(_number_or_decimal),
    PlainSerializer(str, return_type=str, when_used="json"),
    WithJsonSchema({"type": ["number", "string"]}),
]
"""A number the official SDK reads as a JSON number (exchange rates), or decimal text: a Decimal.

Only where a source shows the API sending JSON numbers (spec/DISCREPANCIES.md); the float's
shortest representation is what JSON carried, so no digits are invented.
"""

EmptyIsZeroDecimalText = Annotated[
    Decimal,
    PlainValidator(_empty_is_zero),
    PlainSerializer(str, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": r"^(-?[0-9]+(\.[0-9]+)?)?$"}),
]
"""Decimal text where the server may send ``""`` and the official SDK reads it as zero
(``serde_utils::decimal_empty_is_0``,
https://github.com/longbridge/openapi/blob/32cb424b58745bdfd832d4196cbbe2842c9ea9c0/rust/src/serde_utils.rs#L178-L202)."""

OptionalDecimalText = Annotated[
    Decimal | None,
    PlainValidator(_optional_decimal),
    PlainSerializer(_optional_text, return_type=str, when_used="json"),
    WithJsonSchema(_TEXT),
]
"""Decimal text, or ``None`` where the API sent ``""`` or ``"--"`` (not applicable)."""

UnixTimestamp = Annotated[
    datetime,
    PlainValidator(parse_timestamp),
    PlainSerializer(_timestamp_text, return_type=str, when_used="json"),
    WithJsonSchema(_TEXT),
]
"""Unix seconds, as an aware UTC datetime."""

OptionalUnixTimestamp = Annotated[
    datetime | None,
    PlainValidator(_optional_timestamp),
    PlainSerializer(_optional_timestamp_text, return_type=str, when_used="json"),
    WithJsonSchema(_TEXT),
]
"""Unix seconds as an aware UTC datetime, or ``None`` where the API sent ``""``, null or 0."""

CompactDate = Annotated[
    date,
    PlainValidator(_compact_date),
    PlainSerializer(lambda d: d.strftime("%Y%m%d"), return_type=str, when_used="json"),
    WithJsonSchema(_TEXT),
]
"""A ``YYYYMMDD`` date, sent as text or as an integer, as a :class:`datetime.date`."""

Int64Id = Annotated[str, PlainValidator(_int64_id), WithJsonSchema(_TEXT)]
"""A 64-bit id as a string, whether sent as text or as a JSON number."""
