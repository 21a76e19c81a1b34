"""The Python API shows itself: explicit facade parameters, Args: from the spec, UNSET."""

from __future__ import annotations

import inspect
import pydoc
from typing import Any

import pytest

from generator.build import unset_with_repr
from generator.render_operations import RenderedOperation, parameter_docs
from longbridge_openapi_client import AsyncLongbridge, Longbridge
from longbridge_openapi_client.types import UNSET
from spec_reader.api_operations import api_operations

OPTIONS = (
    "client_secret",
    "region",
    "base_url",
    "token_store",
    "endpoints",
    "api_key",
    "leeway",
    "retry",
    "timeout",
    "allow_other_origins",
    "transport",
    "limits",
)


@pytest.mark.parametrize("cls", [Longbridge, AsyncLongbridge])
def test_the_facades_name_every_option(cls: type[Any]) -> None:
    parameters = inspect.signature(cls).parameters
    assert list(parameters) == ["client_id", *OPTIONS]
    for name in OPTIONS:
        assert parameters[name].kind is inspect.Parameter.KEYWORD_ONLY, name
    doc = inspect.getdoc(cls.__init__) or ""
    for name in ("base_url", "region", "token_store"):
        assert f"{name}:" in doc, name


def test_unset_reads_as_unset_in_help() -> None:
    assert repr(UNSET) == "UNSET"
    text = pydoc.render_doc(Longbridge.submit_order, renderer=pydoc.TextDoc())
    assert "submitted_price: 'Decimal | str | Unset' = UNSET" in text
    assert " object at 0x" not in text


def test_typed_methods_carry_args_from_the_spec() -> None:
    doc = inspect.getdoc(Longbridge.submit_order) or ""
    assert "\nArgs:\n" in doc
    assert "side: Buy or sell" in doc
    assert "One of: Buy, Sell." in " ".join(doc.split())  # wherever the wrap falls
    iter_doc = inspect.getdoc(Longbridge.iter_history_orders) or ""
    assert "Args:" in iter_doc
    assert "page:" not in iter_doc  # the iterator walks the pages itself


def test_parameter_docs_take_descriptions_and_enums_through_refs() -> None:
    spec = {
        "paths": {
            "/v1/thing": {
                "post": {
                    "operationId": "doThing",
                    "tags": ["t"],
                    "parameters": [
                        {"$ref": "#/components/parameters/Market"},
                        {"name": "plain", "in": "query", "schema": {"type": "string"}},
                    ],
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Body"}}
                        }
                    },
                }
            }
        },
        "components": {
            "parameters": {
                "Market": {
                    "name": "market",
                    "in": "query",
                    "schema": {"$ref": "#/components/schemas/Market"},
                }
            },
            "schemas": {
                "Market": {"type": "string", "enum": ["US", "HK"], "description": "Where."},
                "Body": {
                    "type": "object",
                    "properties": {
                        "orderId": {
                            "type": "string",
                            "description": 'The id.\n\nMore """ text.',
                        },
                    },
                },
            },
        },
    }
    (api,) = api_operations(spec)
    docs = parameter_docs(spec, RenderedOperation(api=api, data_schema="Thing"))
    assert docs == {"market": "Where. One of: US, HK.", "order_id": "The id."}


def test_unset_patch_refuses_an_unexpected_types_module() -> None:
    with pytest.raises(ValueError, match="Unset class changed"):
        unset_with_repr("class Unset:\n    pass\n")
