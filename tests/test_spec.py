"""The hand-written spec: valid OpenAPI 3.1, unique operationIds, and the project's own rules."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
from openapi_spec_validator import validate

from spec_reader import read_spec

SPEC = read_spec()
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def operations(spec: dict[str, Any] = SPEC) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def resolve(ref_or_obj: dict[str, Any]) -> dict[str, Any]:
    node: Any = ref_or_obj
    while "$ref" in node:
        node = SPEC
        for part in ref_or_obj["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        ref_or_obj = node
    return dict(node)


def test_spec_is_valid_openapi_3_1() -> None:
    assert SPEC["openapi"].startswith("3.1.")
    validate(SPEC)


def test_operation_ids_are_unique() -> None:
    # openapi-python-client silently drops one of two operations that share an operationId.
    ids = Counter(op["operationId"] for _, _, op in operations())
    assert [i for i, n in ids.items() if n > 1] == []
    assert all(op.get("operationId") for _, _, op in operations())


def test_operation_id_uniqueness_check_catches_duplicates() -> None:
    duplicated = {
        "paths": {"/a": {"get": {"operationId": "x"}}, "/b": {"post": {"operationId": "x"}}}
    }
    ids = Counter(op["operationId"] for _, _, op in operations(duplicated))
    assert ids["x"] == 2


@pytest.mark.parametrize(("path", "method"), [(p, m) for p, m, _ in operations()])
def test_every_operation_sets_security(path: str, method: str) -> None:
    # openapi-python-client ignores a top-level `security`, so each operation says its own.
    assert "security" in SPEC["paths"][path][method]


@pytest.mark.parametrize(
    ("path", "method"), [(p, m) for p, m, _ in operations() if p.startswith("/v1/")]
)
def test_data_api_operations_use_the_envelope(path: str, method: str) -> None:
    op = SPEC["paths"][path][method]
    for status, response in op["responses"].items():
        response = resolve(response)
        assert "x-trace-id" in response.get("headers", {}), (status, "x-trace-id header")
        schema = response["content"]["application/json"]["schema"]
        name = schema["$ref"].rsplit("/", 1)[-1]
        target = SPEC["components"]["schemas"][name]
        if status.startswith("2"):
            assert name.endswith("Response"), name
            refs = [part.get("$ref") for part in target["allOf"]]
            assert "#/components/schemas/Envelope" in refs
            data_part = next(part for part in target["allOf"] if "properties" in part)
            assert data_part["required"] == ["data"]
        else:
            assert name == "ErrorEnvelope"
    assert {"oauth2", "bearerAuth"} <= {k for req in op["security"] for k in req} or path == (
        "/v1/token/refresh"
    )


def test_oauth_endpoints_are_not_enveloped() -> None:
    # docs/conformance-checklist.md item 41: token responses are plain RFC 6749 JSON.
    token = SPEC["paths"]["/oauth2/token"]["post"]
    ok = resolve(token["responses"]["200"])
    assert ok["content"]["application/json"]["schema"]["$ref"].endswith("/TokenResponse")
    assert "Cache-Control" in ok["headers"]
    assert "application/x-www-form-urlencoded" in token["requestBody"]["content"]


def test_token_error_enum_is_complete() -> None:
    enum = set(SPEC["components"]["schemas"]["TokenError"]["properties"]["error"]["enum"])
    rfc6749 = {
        "invalid_request",
        "invalid_client",
        "invalid_grant",
        "unauthorized_client",
        "unsupported_grant_type",
        "invalid_scope",
    }
    rfc8628 = {"authorization_pending", "slow_down", "access_denied", "expired_token"}
    assert rfc6749 | rfc8628 <= enum


def test_registration_errors_follow_rfc7591() -> None:
    enum = SPEC["components"]["schemas"]["RegistrationError"]["properties"]["error"]["enum"]
    assert set(enum) == {
        "invalid_redirect_uri",
        "invalid_client_metadata",
        "invalid_software_statement",
        "unapproved_software_statement",
    }


@pytest.mark.parametrize("name", ["global", "china"])
def test_discovery_examples_match_the_metadata_schema(name: str) -> None:
    media = SPEC["paths"]["/.well-known/oauth-authorization-server"]["get"]["responses"]["200"][
        "content"
    ]["application/json"]
    example = media["examples"][name]["value"]
    schema = {"$ref": "#/components/schemas/AuthorizationServerMetadata", **SPEC}
    jsonschema.Draft202012Validator(schema).validate(example)
    host = {"global": "https://openapi.longbridge.com", "china": "https://openapi.longbridge.cn"}
    assert example["issuer"] == host[name]
    for field in (
        "authorization_endpoint",
        "token_endpoint",
        "revocation_endpoint",
        "registration_endpoint",
        "device_authorization_endpoint",
    ):
        assert example[field].startswith(host[name] + "/oauth2/")


def test_error_catalogue_lists_every_known_code() -> None:
    # docs/longbridge-api.md §4.2: the documented page and the codes observed elsewhere.
    codes = {e["code"]: e for e in SPEC["x-longbridge-error-codes"]}
    documented = {403201, 403202, 403203, 403205, 401003, 429001, 429002, 500000}
    observed = {401001, 401004, 401102, 403308}
    endpoint = {310010, 310011, 2601500}
    assert documented | observed | endpoint <= codes.keys()
    assert {c for c in documented if codes[c]["source"] == "documented"} == documented
    for code, entry in codes.items():
        family = str(code)[:3]
        if family in {"401", "403", "429"}:
            assert entry["http_status"] == int(family), code
        assert entry["message"]
        assert entry["meaning"]


# ---- The data API (spec/DISCREPANCIES.md records the choices these tests hold) --------------

DATA_OPS = [(p, m, op) for p, m, op in operations() if p.startswith("/v1/")]
SCHEMAS = SPEC["components"]["schemas"]


def _validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator({**schema, "components": SPEC["components"]})


def test_value_types_accept_every_observed_form() -> None:
    decimal = _validator({"$ref": "#/components/schemas/Decimal"})
    optional = _validator({"$ref": "#/components/schemas/OptionalDecimal"})
    timestamp = _validator({"$ref": "#/components/schemas/Timestamp"})
    ident = _validator({"$ref": "#/components/schemas/Id"})
    assert decimal.is_valid("12.50")
    assert decimal.is_valid("-3")
    assert not decimal.is_valid(12.5)  # numbers are text: a float is not exact
    assert not decimal.is_valid("")
    assert optional.is_valid("")
    assert optional.is_valid("--")
    assert not optional.is_valid("n/a")
    assert timestamp.is_valid("1651644897")
    assert timestamp.is_valid(1651644897)
    assert not timestamp.is_valid("2022-05-04")
    assert ident.is_valid("701276261045858304")
    assert ident.is_valid(701276261045858304)
    assert not ident.is_valid("abc")
    for name in ("Decimal", "OptionalDecimal", "Timestamp", "OptionalTimestamp", "Id"):
        assert SCHEMAS[name]["customTypePath"].startswith("longbridge_openapi_client._runtime.")


def test_envelope_uses_message_not_msg() -> None:
    assert SCHEMAS["Envelope"]["required"] == ["code", "message"]


def test_data_paths_carry_v1_and_include_the_yaml_omissions() -> None:
    ids = {op["operationId"]: (p, m) for p, m, op in DATA_OPS}
    assert ids["submitOrder"] == ("/v1/trade/order", "post")
    assert ids["getMarginRatio"] == ("/v1/risk/margin-ratio", "get")
    assert all(p.startswith("/v1/") for p, _, _ in DATA_OPS)


@pytest.mark.parametrize(("path", "method"), [(p, m) for p, m, _ in DATA_OPS])
def test_data_operation_examples_are_valid(path: str, method: str) -> None:
    # The suite builds its requests from these examples, and the client tests too.
    op = SPEC["paths"][path][method]
    params = [resolve(p) for p in op.get("parameters", [])]
    for param in params:
        assert "example" in param, (param["name"], "needs an example")
        _validator(param["schema"]).validate(param["example"])
        if param["schema"].get("type") == "array":
            assert param.get("style", "form") == "form"
            assert param.get("explode", True) is True
    body = resolve(op.get("requestBody", {}))
    if body:
        media = body["content"]["application/json"]
        assert "example" in media, "the request body needs an example"
        _validator(media["schema"]).validate(media["example"])
    ok = resolve(op["responses"]["200"])["content"]["application/json"]
    if "example" in ok:
        _validator(ok["schema"]).validate(ok["example"])


@pytest.mark.parametrize(("path", "method"), [(p, m) for p, m, _ in DATA_OPS])
def test_data_operations_name_one_known_scope(path: str, method: str) -> None:
    op = SPEC["paths"][path][method]
    scopes = [s for req in op["security"] for s in req.get("oauth2", [])]
    known = {s["key"] for s in SPEC["x-longbridge-scopes"] if s["key"]}
    assert len(scopes) <= 1
    assert set(scopes) <= known


@pytest.mark.parametrize(
    ("path", "method"), [(p, m) for p, m, op in DATA_OPS if "x-longbridge-pagination" in op]
)
def test_pagination_names_real_parameters_and_fields(path: str, method: str) -> None:
    op = SPEC["paths"][path][method]
    paging = op["x-longbridge-pagination"]
    names = {resolve(p)["name"] for p in op.get("parameters", [])}
    assert paging["page"] in names
    assert paging.get("size") is None or paging["size"] in names
    ok = resolve(op["responses"]["200"])["content"]["application/json"]["schema"]
    envelope = SCHEMAS[ok["$ref"].rsplit("/", 1)[-1]]
    data_ref = next(p for p in envelope["allOf"] if "properties" in p)["properties"]["data"]
    data = SCHEMAS[data_ref["$ref"].rsplit("/", 1)[-1]]
    assert data["properties"][paging["items"]]["type"] == "array"
    if paging.get("has_more"):
        assert data["properties"][paging["has_more"]]["type"] == "boolean"


def test_submit_order_takes_an_idempotency_key() -> None:
    body = resolve(SPEC["paths"]["/v1/trade/order"]["post"]["requestBody"])
    schema = resolve(body["content"]["application/json"]["schema"])
    key = schema["properties"]["client_request_id"]
    assert key.get("x-longbridge-idempotency-key") is True
    assert "client_request_id" not in schema.get("required", [])


# Where public evidence lives: the SDK's source pinned to a commit (or its issues), the vendor's
# documentation site and spec, the released SDK package, and other Longbridge repositories.
_PUBLIC_SOURCE = re.compile(
    r"https://(github\.com/longbridge/openapi/(blob|tree)/[0-9a-f]{40}/\S+"
    r"|github\.com/longbridge/[\w.-]+(/\S*)?"
    r"|open\.longbridge\.com/\S+"
    r"|pypi\.org/project/longbridge/\S+)"
)


def test_every_recorded_discrepancy_gives_sources_choice_why_and_links() -> None:
    """spec/DISCREPANCIES.md: each choice names its evidence (issue 6) and links it publicly,
    the SDK's source at a fixed commit where the SDK is the witness (issue 15)."""
    from generator.paths import ROOT

    text = (ROOT / "spec" / "DISCREPANCIES.md").read_text()
    sections = text.split("\n### ")[1:]
    assert len(sections) >= 40
    for section in sections:
        title = section.splitlines()[0]
        for part in ("Sources", "Choice", "Why"):
            assert f"{part}:" in section, f"{title!r} lacks {part}"
        links = [line for line in section.splitlines() if line.startswith("Links: ")]
        assert len(links) == 1, f"{title!r} has no Links: line"
        urls = links[0].removeprefix("Links: ").split(", ")
        for url in urls:
            assert _PUBLIC_SOURCE.fullmatch(url), f"{title!r}: {url!r} is not a public source"
        if "SDK" in section:  # the SDK is a witness: link its source or its released package
            assert any("longbridge/openapi" in u or "pypi.org" in u for u in urls), title


def test_the_spec_makes_the_sdk_choices_of_issue_15() -> None:
    """spec/DISCREPANCIES.md, "Checked field by field against the official SDK's structs"."""
    empty_is_zero = {"$ref": "#/components/schemas/EmptyIsZeroDecimal"}
    fields = {
        "MaxPurchaseQuantity": ["cash_max_qty", "margin_max_qty"],
        "TradeOrderHistoryEntry": ["price", "quantity"],
        "TradeChargeFee": ["amount"],
        "AssetAccountBalance": ["net_assets", "init_margin", "maintenance_margin", "buy_power"],
        "AssetFundInfo": ["current_net_asset_value", "cost_net_asset_value"],
        "AssetStockInfo": ["cost_price"],
    }
    for schema, names in fields.items():
        for name in names:
            assert SCHEMAS[schema]["properties"][name] == empty_is_zero, (schema, name)
    zero = _validator(empty_is_zero)
    assert zero.is_valid("")
    assert zero.is_valid("1.5")
    assert not zero.is_valid("--")
    optional = {
        "AssetAccountBalance": "cash_infos",
        "AssetFundChannel": "fund_info",
        "AssetStockChannel": "stock_info",
        "WatchlistFiling": "description",
        "WatchlistMarketTemperature": "description",
        "ContentTopic": "topic_type",
    }
    for schema, name in optional.items():
        assert name not in SCHEMAS[schema].get("required", []), (schema, name)
    assert "OPTION_PRE_MARKET" in SCHEMAS["OutsideRTH"]["enum"]
    assert "OptionPreMarket" not in SCHEMAS["OutsideRTH"]["enum"]
    assert "DelayedNotReported" in SCHEMAS["OrderStatus"]["enum"]
    assert "Crypto" in SCHEMAS["Market"]["enum"]
    assert _validator({"$ref": "#/components/schemas/Symbol"}).is_valid("BTCUSD.HAS")
    history = SCHEMAS["WatchlistMarketTemperatureHistory"]["properties"]["type"]
    assert history["enum"] == ["daily", "weekly", "monthly"]
    temperature = _validator({"$ref": "#/components/schemas/WatchlistMarketTemperature"})
    reading = {"temperature": 50, "valuation": 40, "sentiment": 60}
    assert temperature.is_valid({**reading, "timestamp": "1700000000"})
    assert temperature.is_valid({**reading, "updated_at": "1700000000"})
    assert not temperature.is_valid(reading)
    assert "attached_orders" in SCHEMAS["Order"]["properties"]
