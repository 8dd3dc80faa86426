"""How much memory reading a file takes, measured in a fresh process (real behaviour)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_SCRIPT = """
import resource, sys
from pathlib import Path
from db.formats import RawArticle, read_file
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
n, last = 0, ""
for record in read_file(Path(sys.argv[1])):
    assert isinstance(record, RawArticle), record
    n, last = n + 1, record.title
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(n, (after - before) * 1024, last, sep="|")
"""


def read_in_fresh_process(path: Path) -> tuple[int, int, str]:
    """(articles read, bytes the peak memory grew by while reading, the last headline);
    the reading fails on any rejected record."""
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(path)], capture_output=True, text=True, check=True
    )
    n, grown, last = done.stdout.rstrip("\n").split("|", 2)
    return int(n), int(grown), last
