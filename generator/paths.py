"""Where the generator reads and writes; all paths are absolute."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "openapi.yaml"
GENERATOR_DIR = ROOT / "generator"
OPC_CONFIG = GENERATOR_DIR / "opc-config.yaml"
RUNTIME_DIR = GENERATOR_DIR / "runtime"
GENERATED_DIR = ROOT / "generated"
PACKAGE_NAME = "longbridge_openapi_client"
