"""generator/lazy_init.py: opc's eager models/__init__.py rewritten to load names on first use."""

from __future__ import annotations

import sys
import types

import pytest

from generator.lazy_init import lazy_models_init

EAGER = '''"""Contains all the data models used in inputs/outputs"""

from .alpha import Alpha
from .beta_gamma import Beta, Gamma

__all__ = ("Alpha", "Beta", "Gamma")
'''


def _load(source: str, package: str, tmp_path_factory: pytest.TempPathFactory) -> types.ModuleType:
    root = tmp_path_factory.mktemp("pkg")
    pkg = root / package
    pkg.mkdir()
    (pkg / "__init__.py").write_text(source)
    (pkg / "alpha.py").write_text("class Alpha: pass\n")
    (pkg / "beta_gamma.py").write_text("class Beta: pass\nclass Gamma: pass\n")
    sys.path.insert(0, str(root))
    try:
        return __import__(package)
    finally:
        sys.path.remove(str(root))


def test_the_rewrite_keeps_every_name_and_imports_none_up_front(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    lazy = lazy_models_init(EAGER)
    compile(lazy, "models/__init__.py", "exec")
    module = _load(lazy, "lazy_models_fixture", tmp_path_factory)
    try:
        assert module.__all__ == ("Alpha", "Beta", "Gamma")
        assert "lazy_models_fixture.beta_gamma" not in sys.modules
        assert module.Gamma.__name__ == "Gamma"
        assert "lazy_models_fixture.beta_gamma" in sys.modules
        assert "lazy_models_fixture.alpha" not in sys.modules
        assert {"Alpha", "Beta", "Gamma"} <= set(dir(module))
        with pytest.raises(AttributeError):
            _ = module.Delta
    finally:
        for name in [m for m in sys.modules if m.startswith("lazy_models_fixture")]:
            del sys.modules[name]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (EAGER.replace('"Gamma")', '"Gamma", "Delta")'), "__all__ differs"),
        (EAGER.replace("from .alpha import Alpha", "from .alpha import Alpha as A"), "alias"),
        (EAGER.replace("from .alpha import Alpha", "import os"), "unexpected import"),
        (EAGER.replace("from .alpha import", "from .sub.alpha import"), "unexpected import"),
        (EAGER.replace("__all__ =", "names ="), "no literal __all__"),
        ('"""x"""\n__all__ = ()\n', "no models"),
    ],
)
def test_an_unexpected_shape_is_refused_not_guessed(source: str, message: str) -> None:
    # A future opc that writes the file differently must fail the build, not drop a model.
    with pytest.raises(ValueError, match=message):
        lazy_models_init(source)
