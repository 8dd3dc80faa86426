"""The claimlens engine: ingest, statements, search, matching, claims, stories (no Textual).

Importing any ``db`` module first imports sqlite-utils with numpy and pandas hidden:
sqlite-utils imports them, when installed, only to accept their value types on insert,
which claimlens never does, and numpy alone costs 100-200 ms of every command's
start-up. Both stay importable afterwards for whoever needs them.
"""

from __future__ import annotations

import sys


def _import_sqlite_utils_lightly() -> None:
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # "import numpy" fails
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


_import_sqlite_utils_lightly()
