"""The bundled sample: two reports of one event, and a database made from them."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from db.connection import connect
from db.ingest import ingest_paths, match_pending

# The bundled sample: one event reported by two outlets.
DEMO_SOURCES = (
    ("000_dd9f0b5d2f8810a6.txt", "Source A"),
    ("004_30c3ae78e6307b4b.txt", "Source B"),
)


def sample_paths() -> list[tuple[Path, str]]:
    root = resources.files("tui.samples")
    return [(Path(str(root / name)), source) for name, source in DEMO_SOURCES]


def build_demo_db(path: Path, *, match: bool = True) -> Path:
    """Ingest the bundled sample articles into a new database at ``path``."""
    db = connect(path)
    samples = sample_paths()
    for i, (sample, source) in enumerate(samples):
        last = i == len(samples) - 1
        ingest_paths(db, [sample], source=source, match=False)
        if last and match:
            match_pending(db)
    db.conn.close()
    return path
