"""Where the generator reads and writes; all paths are absolute."""

from spec_reader import ROOT, SPEC

__all__ = [
    "GENERATED_DIR",
    "GENERATOR_DIR",
    "OPC_CONFIG",
    "PACKAGE_NAME",
    "ROOT",
    "RUNTIME_DIR",
    "SPEC",
]

GENERATOR_DIR = ROOT / "generator"
OPC_CONFIG = GENERATOR_DIR / "opc-config.yaml"
RUNTIME_DIR = GENERATOR_DIR / "runtime"
GENERATED_DIR = ROOT / "generated"
PACKAGE_NAME = "longbridge_openapi_client"
