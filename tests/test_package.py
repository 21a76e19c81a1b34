"""The generated package: importable, typed, its public surface explicit, its runtime copied."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

import longbridge_openapi_client as lb
from generator.build import COPY_HEADER, RUNTIME_PACKAGE, runtime_copy, runtime_exports
from generator.paths import GENERATED_DIR, PACKAGE_NAME, RUNTIME_DIR
from spec_reader import read_spec

PACKAGE_DIR = GENERATED_DIR / PACKAGE_NAME


def test_package_is_importable_from_the_generated_tree() -> None:
    assert Path(lb.__file__).resolve().parent == PACKAGE_DIR.resolve()
    assert (PACKAGE_DIR / "py.typed").is_file()


def test_all_lists_exactly_the_public_names() -> None:
    # As httpx's test_exported_members: __all__ is the public API, nothing more, nothing less.
    public = {name for name in dir(lb) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(lb, name)).__name__ == "module"}
    assert sorted(lb.__all__) == lb.__all__
    assert set(lb.__all__) == public - modules
    assert set(runtime_exports()) <= set(lb.__all__)


def test_runtime_is_copied_verbatim_with_a_header() -> None:
    sources = sorted(p for p in RUNTIME_DIR.rglob("*.py") if "__pycache__" not in p.parts)
    assert sources
    for source in sources:
        rel = source.relative_to(RUNTIME_DIR)
        copy = PACKAGE_DIR / RUNTIME_PACKAGE / rel
        if rel.as_posix() == "__init__.py":  # rewritten to import on first use, names kept
            assert copy.read_text() == runtime_copy(rel, source.read_text())
            assert "\nfrom .facade import" not in copy.read_text()
            continue
        expected = COPY_HEADER.format(rel=rel.as_posix()) + source.read_text()
        assert copy.read_text() == expected, rel


def test_runtime_names_resolve_on_first_use() -> None:
    runtime = importlib.import_module(f"{PACKAGE_NAME}.{RUNTIME_PACKAGE}")
    assert sorted(runtime.__all__) == sorted(runtime_exports())
    for name in runtime.__all__:
        assert getattr(runtime, name) is getattr(lb, name), name
    with pytest.raises(AttributeError, match="NoSuchName"):
        _ = lb.NoSuchName


def test_version_has_one_source() -> None:
    # pyproject.toml reads the version from the runtime's version.py (setuptools attr:).
    import tomllib

    from generator.paths import ROOT

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    attr = pyproject["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    assert attr == f"{PACKAGE_NAME}.{RUNTIME_PACKAGE}.version.__version__"
    assert "version" in pyproject["project"]["dynamic"]
    namespace: dict[str, object] = {}
    exec((RUNTIME_DIR / "version.py").read_text(), namespace)  # noqa: S102
    assert lb.__version__ == namespace["__version__"]
    assert lb.__version__.count(".") == 2


def test_pydantic_models_live_in_schemas_submodule() -> None:
    schemas = importlib.import_module(f"{PACKAGE_NAME}.schemas")
    # Every object schema becomes a model; plain enums are inlined as Literal types.
    for name, schema in read_spec()["components"]["schemas"].items():
        if schema.get("type") == "object" or "allOf" in schema or "oneOf" in schema:
            assert hasattr(schemas, name), name
    metadata = schemas.AuthorizationServerMetadata.model_validate(
        {
            "issuer": "https://openapi.longbridge.com",
            "authorization_endpoint": "https://openapi.longbridge.com/oauth2/authorize",
            "token_endpoint": "https://openapi.longbridge.com/oauth2/token",
            "response_types_supported": ["code"],
            "x-extension": True,
        }
    )
    # format: uri stays a plain str: AnyUrl would append "/" and break RFC 8414 §3.3.
    assert metadata.issuer == "https://openapi.longbridge.com"


def test_error_catalogue_is_exposed_from_the_spec() -> None:
    spec_codes = {e["code"]: e for e in read_spec()["x-longbridge-error-codes"]}
    assert set(lb.ERROR_CODES) == set(spec_codes)
    entry = lb.ERROR_CODES[403308]
    assert entry.http_status == 403
    assert entry.message == spec_codes[403308]["message"]
    assert entry.source == "observed"


def test_scopes_are_exposed_from_the_spec() -> None:
    assert {s.key: s.id for s in lb.SCOPES} == {
        "": 0,
        "watchlist": 4,
        "account.read": 6,
        "trade.read": 10,
        "trade.write": 11,
    }


def test_importing_the_package_does_not_import_pydantic() -> None:
    # The pydantic models are for validation (mock server, suite); the client stays light.
    import subprocess
    import sys

    code = f"import sys, {PACKAGE_NAME}; print('pydantic' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_importing_the_package_loads_neither_every_model_nor_every_endpoint() -> None:
    # Import time is a benchmark target (< 2x `import httpx`, scripts/bench): opc's eager
    # models/__init__.py and the endpoint modules once made it 3.3x. Loaded on first use instead.
    import subprocess
    import sys

    code = (
        f"import sys, {PACKAGE_NAME}\n"
        f"print(sum(m.startswith('{PACKAGE_NAME}.models.') for m in sys.modules),"
        f" sum(m.startswith('{PACKAGE_NAME}.api.') for m in sys.modules), 'asyncio' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    models, endpoints, asyncio_loaded = out.stdout.split()
    assert int(models) < 10, models
    assert int(endpoints) == 0
    assert asyncio_loaded == "False"


def test_models_resolve_every_listed_name_on_first_use() -> None:
    models = importlib.import_module(f"{PACKAGE_NAME}.models")
    assert models.__all__
    assert set(models.__all__) <= set(dir(models))
    for name in models.__all__:
        value = getattr(models, name)
        assert getattr(value, "__name__", name) == name or not isinstance(value, type), name
        assert vars(models)[name] is value  # cached: the next lookup skips __getattr__
    from longbridge_openapi_client.models import SecurityList  # the `from` form works too

    assert SecurityList is models.SecurityList


def test_models_reject_an_unknown_name_like_a_module() -> None:
    models = importlib.import_module(f"{PACKAGE_NAME}.models")
    with pytest.raises(AttributeError, match="NoSuchModel"):
        _ = models.NoSuchModel
    with pytest.raises(ImportError, match="NoSuchModel"):
        from longbridge_openapi_client.models import NoSuchModel  # noqa: F401
