"""The hand-written spec: valid OpenAPI 3.1, unique operationIds, and the project's own rules."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
from openapi_spec_validator import validate

from generator.build import load_spec

SPEC = load_spec()
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
    # conformance-checklist.md item 41: token responses are plain RFC 6749 JSON.
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
    # longbridge-api.md §4.2: the documented page and the codes observed elsewhere.
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
