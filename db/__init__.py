"""The claimlens engine: ingest, statements, search, matching, claims, stories (no Textual).

Importing ``db`` imports nothing heavy: ``import db.search`` must stay cheap for
``claimlens search``, which reads through plain :mod:`sqlite3`
(:func:`db.connection.connect_reader`). What it does is make sqlite-utils light
whenever some module does import it: sqlite-utils imports numpy and pandas, when
installed, only to accept their value types on insert, which claimlens never does, and
numpy alone costs 100-200 ms of a command's start-up. So ``sqlite_utils.db`` is run
with both hidden; they stay importable afterwards for whoever needs them.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType

_HIDDEN = ("numpy", "pandas")


class _WithoutNumpy:
    """A loader running another loader's module with numpy and pandas unimportable."""

    def __init__(self, loader: object) -> None:
        self.loader = loader

    def __getattr__(self, name: str) -> object:  # get_source, is_package...: the loader's
        return getattr(self.loader, name)

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)  # type: ignore[attr-defined,no-any-return]

    def exec_module(self, module: ModuleType) -> None:
        hidden = [name for name in _HIDDEN if name not in sys.modules]
        for name in hidden:
            sys.modules[name] = None  # type: ignore[assignment]  # "import numpy" fails
        try:
            self.loader.exec_module(module)  # type: ignore[attr-defined]
        finally:
            for name in hidden:
                if name in sys.modules and sys.modules[name] is None:
                    del sys.modules[name]


class _LightSqliteUtils:
    """Finds ``sqlite_utils.db`` as Python would, to be loaded by :class:`_WithoutNumpy`."""

    @staticmethod
    def find_spec(
        name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name != "sqlite_utils.db":
            return None
        spec = PathFinder.find_spec(name, path, target)
        if spec is not None and spec.loader is not None:
            spec.loader = _WithoutNumpy(spec.loader)  # type: ignore[assignment]
        return spec


if "sqlite_utils.db" not in sys.modules and _LightSqliteUtils not in sys.meta_path:
    sys.meta_path.insert(0, _LightSqliteUtils)  # type: ignore[arg-type]
