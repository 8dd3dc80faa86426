"""The browser's settings: ``config.toml`` in the user config directory.

::

    # ~/.config/claimlens/config.toml (platformdirs.user_config_dir("claimlens"))
    [keymap]            # binding id = "keys" (comma separated), see `?` in the browser
    "cursor.down" = "j,down,ctrl+n"
    "app.quit" = "q,ctrl+q"

    [ui]
    theme = "ansi-dark"   # any Textual theme; ansi-dark / ansi-light use the terminal's colours

``$CLAIMLENS_CONFIG`` names another file. A missing file is no error; a broken
one is reported in the browser and otherwise ignored.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from tui.keymap import is_key, shared_keys, unknown_ids

ENV_VAR = "CLAIMLENS_CONFIG"
DEFAULT_THEME = "ansi-dark"

try:  # Python 3.11+
    import tomllib as _toml
except ImportError:  # pragma: no cover - Python 3.10
    try:
        import tomli as _toml  # type: ignore[no-redef]
    except ImportError:
        _toml = None  # type: ignore[assignment]


@dataclass
class Config:
    keymap: dict[str, str] = field(default_factory=dict)
    theme: str = DEFAULT_THEME
    path: Path | None = None
    problems: list[str] = field(default_factory=list)


def config_path() -> Path:
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    return Path(platformdirs.user_config_dir("claimlens", appauthor=False)) / "config.toml"


def load_config(path: Path | None = None) -> Config:
    """Read the config file (``path``, else :func:`config_path`)."""
    path = path if path is not None else config_path()
    config = Config(path=path)
    if not path.is_file():
        return config
    if _toml is None:
        config.problems.append(f"{path}: install 'tomli' to read the config on Python 3.10")
        return config
    try:
        data = _toml.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        config.problems.append(f"{path}: {exc}")
        return config
    _read_keymap(config, data.get("keymap", {}))
    ui = data.get("ui", {})
    if isinstance(ui, dict) and isinstance(ui.get("theme"), str):
        config.theme = ui["theme"]
    return config


def _read_keymap(config: Config, table: Any) -> None:
    if not isinstance(table, dict):
        config.problems.append('[keymap] must be a table of binding id = "keys"')
        return
    for binding_id, keys in table.items():
        if not isinstance(keys, str) or not keys.strip():
            config.problems.append(f"[keymap] {binding_id}: keys must be a non-empty string")
            continue
        given = [k.strip() for k in keys.split(",") if k.strip()]
        unknown = [k for k in given if not is_key(k)]
        if unknown:
            kept = [k for k in given if is_key(k)]
            left = f"kept {', '.join(kept)}" if kept else "its keys are as they were"
            config.problems.append(
                f"[keymap] {binding_id}: {', '.join(map(repr, unknown))}"
                f" {'names' if len(unknown) == 1 else 'name'} no key"
                f" (keys are written j, ?, down, pagedown, ctrl+n, f5); {left}"
            )
            if not kept:
                continue
            given = kept
        config.keymap[binding_id] = ",".join(given)
    for binding_id in unknown_ids(config.keymap):
        config.problems.append(f"[keymap] unknown binding id {binding_id!r} (see ? for the ids)")
        del config.keymap[binding_id]
    for key, ids in shared_keys(config.keymap):
        config.problems.append(
            f"[keymap] {key} is the key of {' and '.join(ids)}: only one can have it;"
            " give the other another key"
        )
