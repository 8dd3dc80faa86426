"""Which order a file's ambiguous dates are read in ("05/11/2024": 5 November or 11 May).

The readers (:mod:`db.formats`) leave an ambiguous numeric date unread on its record
(``RawArticle.date_either``) and note the order of every date that can only be read
one way ("25/11/2024": ``date_order`` "dmy"). :func:`read_dates` reads them, as the
records stream to the ingest, in one order per file:

1. the order given (``claimlens ingest --dates dmy|mdy``), else
2. the order of the first date of the same file that can only be read one way (one
   export, one convention), else
3. :data:`db.dates.DEFAULT_ORDER`, day first, when nothing in the file tells.

For (2) the records of a file from its first ambiguous date on are held back, in their
order, until a date tells or the file ends: at most :data:`HOLD_RECORDS` records or
:data:`HOLD_CHARS` characters, past which (3) decides the rest of the file. Each
record read so keeps how (``date_read``), for the ingest to say how many it read and
how; a file some of whose dates can only be read in another order is named
(``on_mixed``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from db.dates import DATE_ORDERS, DEFAULT_ORDER, parse_date
from db.formats import RawArticle, Rejected

HOLD_RECORDS = 1000
HOLD_CHARS = 50_000_000

# Why an ambiguous date was read in its order.
GIVEN = "given"  # --dates
FILE = "file"  # the order of another date of its file
DEFAULT = "default"  # nothing in its file told


def read_dates(
    records: Iterable[RawArticle | Rejected],
    order: str | None = None,
    on_mixed: Callable[[str, str, str], None] | None = None,
) -> Iterator[RawArticle | Rejected]:
    """``records`` with their ambiguous dates read (see the module docstring), in the
    same order. A file is a run of records with the same ``path``. ``order``: one of
    :data:`db.dates.DATE_ORDERS`, or None to tell from the file. ``on_mixed(path, read,
    other)`` is told, once the file is read, of a file with ambiguous dates read in the
    order ``read`` and with dates that can only be read in the order ``other``."""
    if order is not None and order not in DATE_ORDERS:
        raise ValueError(f"date order must be one of {DATE_ORDERS}, not {order!r}")
    held: list[RawArticle | Rejected] = []
    held_chars = 0
    path: str | None = None
    found, why = order, GIVEN  # the order of the file's ambiguous dates, and why
    contrary: str | None = None  # an order some of the file's dates have, not found
    ambiguous = False  # the file has dates that read either way

    def release() -> Iterator[RawArticle | Rejected]:
        nonlocal held, held_chars
        for record in held:
            if isinstance(record, RawArticle):
                _read(record, found or DEFAULT_ORDER, why if found else DEFAULT)
            yield record
        held, held_chars = [], 0

    def file_read() -> Iterator[RawArticle | Rejected]:
        yield from release()
        if on_mixed and path is not None and ambiguous and contrary is not None:
            on_mixed(path, found or DEFAULT_ORDER, contrary)

    for record in records:
        if record.path != path:
            yield from file_read()
            path, contrary, ambiguous = record.path, None, False
            found, why = (order, GIVEN) if order else (None, DEFAULT)
        article = isinstance(record, RawArticle)
        if article and record.date_order is not None:  # a date that tells
            if found is None:
                found, why = record.date_order, FILE
            elif record.date_order != found:
                contrary = record.date_order
        if article and record.date_either is not None:
            ambiguous = True
        if held or (article and record.date_either is not None and found is None):
            held.append(record)
            if isinstance(record, RawArticle):
                held_chars += len(record.title) + len(record.body)
            if found is None and (len(held) >= HOLD_RECORDS or held_chars >= HOLD_CHARS):
                found, why = DEFAULT_ORDER, DEFAULT  # nothing told soon enough
            if found is not None:
                yield from release()
            continue
        if article and record.date_either is not None:
            _read(record, found or DEFAULT_ORDER, why)
        yield record
    yield from file_read()


def _read(record: RawArticle, order: str, why: str) -> None:
    """Read ``record``'s ambiguous date (if it has one) in ``order``, noting why."""
    if record.date_either is None or record.date is not None:
        return
    record.date = parse_date(record.date_either, order)
    record.date_read = (order, why)
