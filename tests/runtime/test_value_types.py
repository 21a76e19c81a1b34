"""The data API's value types: exact decimals, unix-second times, "not applicable", 64-bit ids."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter, ValidationError

from longbridge_openapi_client._runtime.value_types import (
    DecimalText,
    Int64Id,
    OptionalDecimalText,
    OptionalUnixTimestamp,
    UnixTimestamp,
)


class Row(BaseModel):
    price: DecimalText
    last: OptionalDecimalText
    at: UnixTimestamp
    done: OptionalUnixTimestamp
    id: Int64Id


ROW = {"price": "12.50", "last": "", "at": "1651644897", "done": "", "id": "701276261045858304"}


def test_the_api_forms_are_read_exactly() -> None:
    row = Row.model_validate(ROW)
    assert row.price == Decimal("12.50")
    assert str(row.price) == "12.50"
    assert row.last is None
    assert row.done is None
    assert row.at == datetime(2022, 5, 4, 6, 14, 57, tzinfo=UTC)
    assert row.id == "701276261045858304"


def test_other_observed_forms() -> None:
    # Bare numbers for times and ids (md examples, spec/DISCREPANCIES.md), "--" for no value.
    row = Row.model_validate({**ROW, "at": 1651644897, "id": 701276261045858304, "last": "--"})
    assert row.at.timestamp() == 1651644897
    assert row.id == "701276261045858304"
    assert row.last is None
    assert Row.model_validate({**ROW, "price": 100}).price == Decimal(100)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("price", 12.5),  # a float has lost the exact value already
        ("price", "12,50"),
        ("price", "NaN"),
        ("price", ""),  # always present: "" is not a number
        ("price", True),
        ("at", "2022-05-04"),
        ("at", -1),
        ("at", ""),
        ("id", "12a"),
        ("id", 1.0),
    ],
)
def test_other_values_are_refused(field: str, value: object) -> None:
    with pytest.raises(ValidationError):
        Row.model_validate({**ROW, field: value})


def test_json_round_trip_writes_the_api_forms() -> None:
    row = Row.model_validate(ROW)
    assert Row.model_validate_json(row.model_dump_json()) == row
    dumped = row.model_dump(mode="json")
    assert dumped == {**ROW, "last": "", "done": ""}


@given(st.decimals(allow_nan=False, allow_infinity=False, places=4))
def test_any_decimal_text_survives_exactly(value: Decimal) -> None:
    text = f"{value:f}"
    assert Row.model_validate({**ROW, "price": text}).price == Decimal(text)


# ---- Tolerant answers: open enumerations, unknown members, "" as zero (issue 15) ------------


def test_an_unknown_enum_value_in_an_answer_is_kept_and_marked() -> None:
    from longbridge_openapi_client import schemas
    from longbridge_openapi_client._runtime.value_types import UnknownEnumValue

    base = {
        "order_id": "1",
        "trade_id": "2",
        "symbol": "700.HK",
        "trade_done_at": "1651644897",
        "quantity": "1",
        "price": "2",
    }
    known = schemas.Execution.model_validate({**base, "side": "Buy"})
    assert known.side == "Buy"
    assert not isinstance(known.side, UnknownEnumValue)
    unknown = schemas.Execution.model_validate({**base, "side": "Short"})
    assert isinstance(unknown.side, UnknownEnumValue)
    assert unknown.side == "Short"
    assert unknown.model_dump(mode="json")["side"] == "Short"
    with pytest.raises(ValidationError):  # still text: a number is not a side
        schemas.Execution.model_validate({**base, "side": 1})


def test_an_unknown_numeric_code_is_kept_and_marked() -> None:
    from longbridge_openapi_client._runtime.value_types import UnknownEnumNumber
    from longbridge_openapi_client.open_enums import OpenAssetCashFlowDirection

    adapter: TypeAdapter[Any] = TypeAdapter(OpenAssetCashFlowDirection)
    assert adapter.validate_python(2) == 2
    assert not isinstance(adapter.validate_python(2), UnknownEnumNumber)
    assert isinstance(adapter.validate_python(9), UnknownEnumNumber)
    assert adapter.validate_python("2") == "2"
    with pytest.raises(ValidationError):
        adapter.validate_python(True)


def test_members_the_spec_does_not_know_stay_reachable() -> None:
    from longbridge_openapi_client import schemas

    answer = schemas.MaxPurchaseQuantity.model_validate(
        {"cash_max_qty": "1", "margin_max_qty": "2", "new_field": {"x": 1}}
    )
    assert answer.model_extra == {"new_field": {"x": 1}}


def test_optional_timestamp_reads_zero_as_not_happened() -> None:
    adapter: TypeAdapter[datetime | None] = TypeAdapter(OptionalUnixTimestamp)
    assert adapter.validate_python("0") is None  # the SDK's timestamp_opt
    assert adapter.validate_python(0) is None
    assert adapter.validate_python(None) is None
    assert adapter.validate_python("1") == datetime(1970, 1, 1, 0, 0, 1, tzinfo=UTC)


def test_empty_is_zero_decimal() -> None:
    from longbridge_openapi_client._runtime.value_types import EmptyIsZeroDecimalText

    adapter: TypeAdapter[Decimal] = TypeAdapter(EmptyIsZeroDecimalText)
    assert adapter.validate_python("") == Decimal(0)
    assert adapter.validate_python("12.50") == Decimal("12.50")
    assert adapter.dump_python(Decimal("1.10"), mode="json") == "1.10"
    with pytest.raises(ValidationError):
        adapter.validate_python("--")
    with pytest.raises(ValidationError):
        adapter.validate_python(1.5)
