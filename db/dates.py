"""Parsing the many ways articles write their dates into ISO 8601.

A numeric date with the year last ("25/11/2024", "11.25.2024", "5-11-2024") is read
day-first or month-first as its numbers allow; one whose day and month could each be
the other ("05/11/2024": 5 November or 11 May) is *ambiguous* and is read only in an
order given (:data:`DATE_ORDERS`): :func:`parse_date` reads it so, or not at all.
:func:`numeric_order` tells which orders read a date; the ingest chooses one for a
file's ambiguous dates (``db.ingest``: ``--dates``, else the order of the file's other
dates, else :data:`DEFAULT_ORDER`) and says how many it read and how.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

# How an ambiguous numeric date is read: day first ("dmy": 05/11/2024 is 5 November)
# or month first ("mdy": 11 May).
DATE_ORDERS = ("dmy", "mdy")
# When nothing else tells: day first, as most of the world writes dates, and every
# dotted date ("05.11.2024").
DEFAULT_ORDER = "dmy"
AMBIGUOUS = "either"  # what numeric_order says of a date both orders read, differently

_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y%m%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%B %d %Y",
    "%d-%b-%Y",
    "%d-%b-%Y %H:%M:%S.%f",
    "%d-%b-%Y %H:%M:%S",
)
_ISO_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
# Unix time in seconds (10 digits) or milliseconds (13 digits), as JSON exports write it.
_EPOCH = re.compile(r"^\d{9,10}(?:\.\d+)?$|^\d{12,13}$")
# Day and month in either order, then a four-digit year, one separator throughout; maybe
# a time ("05/11/2024 14:30", "11/5/2024 2:30:00 PM").
_NUMERIC = re.compile(
    r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})"
    r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(?:([AaPp])\.?[Mm]\.?)?)?$"
)


# A zone after a time: an offset ("-0500", "+05:30", "+01") or a name RFC 822 defines
# (the names whose offsets are sure: "IST" or "BST" name several zones, "ET" two). It is
# split off and applied to whatever the rest reads as, so that every spelling of a date
# with a zone ("2026-12-03 23:30 EST", "December 3, 2026 11:30 PM EST") is one instant.
_ZONE_NAMES = {
    "Z": 0, "UT": 0, "UTC": 0, "GMT": 0,
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
}  # fmt: skip
_TRAILING_ZONE = re.compile(
    r"^(?P<rest>.*\d:\d\d(?::\d\d(?:\.\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?)\s*"
    r"(?:(?P<name>Z|UTC|UT|GMT|[ECMP][SD]T)|(?P<sign>[+-])(?P<hh>\d\d):?(?P<mm>\d\d)?)$"
)
# A written day, then its time: "December 3, 2026 11:30 PM", "3 Dec 2026, 23:30".
_DAY_THEN_TIME = re.compile(
    r"^(?P<day>.*?\d)[\s,]+(?:at\s+)?(?P<h>\d{1,2}):(?P<m>\d\d)(?::(?P<s>\d\d)(?:\.\d+)?)?"
    r"\s*(?P<ampm>[AaPp])?\.?(?:[Mm]\.?)?$"
)


def _split_zone(value: str) -> tuple[str, timezone | None]:
    """``value`` without a zone that follows its time, and that zone (None: none given)."""
    m = _TRAILING_ZONE.match(value)
    if not m:
        return value, None
    if m.group("name"):
        hours, minutes = _ZONE_NAMES[m.group("name")], 0
    else:
        hours, minutes = int(m.group("hh")), int(m.group("mm") or 0)
        if hours > 14 or minutes > 59:
            return value, None
        if m.group("sign") == "-":
            hours, minutes = -hours, -minutes
    return m.group("rest").strip(), timezone(timedelta(hours=hours, minutes=minutes))


def _clean(value: object) -> str:
    return " ".join(str(value).split())[:100]


def numeric_order(value: object) -> str | None:
    """How a numeric date with the year last can be read: ``"dmy"`` or ``"mdy"`` when
    only that order makes a date ("25/11/2024", "11/25/2024"), :data:`AMBIGUOUS` when
    both do and differ ("05/11/2024"), None for any other date, or one both orders read
    the same ("05/05/2024")."""
    if value is None or isinstance(value, bool):
        return None
    m = _NUMERIC.match(_clean(value))
    if not m:
        return None
    first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    dmy, mdy = _is_day(year, second, first), _is_day(year, first, second)
    if dmy and mdy:
        return None if first == second else AMBIGUOUS
    return "dmy" if dmy else "mdy" if mdy else None


def either_way(value: object) -> str | None:
    """For a date the user typed that reads either way ("05/11/2024"), both readings
    ("2024-11-05 (day first) or 2024-05-11 (month first)"); None for any other."""
    if numeric_order(value) != AMBIGUOUS:
        return None
    return f"{parse_date(value, 'dmy')} (day first) or {parse_date(value, 'mdy')} (month first)"


def _is_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def parse_date(value: object, order: str | None = None) -> str | None:
    """``value`` as ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS`` (UTC), or None if unparseable.

    A date with a time zone is converted to UTC so that "first seen" compares
    like with like. Unix timestamps (seconds or milliseconds) are understood. An
    ambiguous numeric date ("05/11/2024": :func:`numeric_order`) is read in ``order``
    (one of :data:`DATE_ORDERS`), and not at all without one: it is never guessed here.
    Never raises: a date that cannot be read is simply unknown.
    """
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        value = _clean(value)
        bare, zone = _split_zone(value)
        numeric = _NUMERIC.match(bare)
        parsed = _numeric(numeric, order) if numeric else _parse(bare)
        if parsed is None or not 1800 <= parsed.year <= 2200:
            return None
        if parsed.tzinfo is None and zone is not None:
            parsed = parsed.replace(tzinfo=zone)  # the zone given after the time
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
    except (ValueError, TypeError, OverflowError, OSError, IndexError):
        return None  # whatever a date string holds, it is never an error: just no date
    if (parsed.hour, parsed.minute, parsed.second) == (0, 0, 0) and not _has_time(value):
        return parsed.strftime("%Y-%m-%d")
    return parsed.strftime("%Y-%m-%dT%H:%M:%S")


def _has_time(value: str) -> bool:
    return bool(re.search(r"\d:\d\d", value))


def _numeric(m: re.Match[str], order: str | None) -> datetime | None:
    """A numeric date (:data:`_NUMERIC`) in the order its numbers allow, else ``order``."""
    first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    found = numeric_order(m.group(0))
    if found == AMBIGUOUS:
        if order not in DATE_ORDERS:
            return None
        found = order
    day, month = (first, second) if found in (None, "dmy") else (second, first)
    hour, minute, second_ = (int(m.group(i) or 0) for i in (5, 6, 7))
    if m.group(8):  # "2:30 PM"
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m.group(8) in "Pp" else 0)
    return datetime(year, month, day, hour, minute, second_)


def _parse(value: str) -> datetime | None:
    if _EPOCH.match(value):
        seconds = float(value) / (1000 if len(value) >= 12 and "." not in value else 1)
        return datetime.fromtimestamp(seconds, tz=timezone.utc)
    iso = value.replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        pass
    match = _ISO_PREFIX.match(value)
    if match:
        try:
            return datetime.fromisoformat(match.group(0))
        except ValueError:
            pass
    timed = _day_then_time(value)  # before the mail parser, which reads it wrong
    if timed is not None:
        return timed
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        pass
    return _written_day(value)


def _written_day(value: str) -> datetime | None:
    """A day written as :data:`_FORMATS` spell it ("June 10th, 2003"), else None."""
    value = _ORDINAL.sub("", value)
    for fmt in _FORMATS:
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            continue
    return None


def _day_then_time(value: str) -> datetime | None:
    """A written day and a time after it ("December 3, 2026 11:30 PM"), else None. The
    mail date parser takes such a value for its own and drops the PM."""
    m = _DAY_THEN_TIME.match(value)
    day = _written_day(m.group("day")) if m else None
    if m is None or day is None or day.hour or day.minute:
        return None
    hour, minute, second = int(m.group("h")), int(m.group("m")), int(m.group("s") or 0)
    if m.group("ampm"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m.group("ampm") in "Pp" else 0)
    return day.replace(hour=hour, minute=minute, second=second)


# Earliest first, as "first seen" reads dates (stored dates are ISO 8601, UTC): undated
# last; by day; on one day, the articles with a time before those dated by the day only
# (which may have come at any hour of it: "2024-11-05" sorts before "2024-11-05T10:00"
# as text); then by time. ``{t}``: the table alias.
EARLIEST_FIRST_SQL = (
    "NULLIF({t}.date, '') IS NULL, substr({t}.date, 1, 10), length({t}.date) <= 10, {t}.date"
)


def earliest_first(value: str | None) -> tuple[bool, str, bool, str]:
    """The sort key of a stored date that :data:`EARLIEST_FIRST_SQL` orders by."""
    if not value:
        return (True, "", False, "")
    return (False, value[:10], len(value) <= 10, value)


def first_sources(dated: Iterable[tuple[str | None, str]]) -> list[str]:
    """The sources of the earliest of ``dated`` ((date, source), earliest first as
    :data:`EARLIEST_FIRST_SQL` orders them): the first one's, and every other's as early
    (the same day, for dates of the day only), by name: which of those came first is not
    known, and the order they were stored in would read as if it were. None dated:
    []."""
    out: list[str] = []
    earliest = None
    for when, source in dated:
        if not when:
            break
        key = earliest_first(when)
        if earliest is None:
            earliest = key
        if key != earliest:
            break
        if source not in out:
            out.append(source)
    return sorted(out, key=str.casefold)


def reversed_range(
    since: str | None, until: str | None, names: tuple[str, str] = ("--since", "--until")
) -> str | None:
    """Why a date range is refused, or None: its start is a later day than its end (an
    empty range, never silently swapped). ``names``: what the two dates are called where
    they were typed (the CLI's options, the browser's fields); the CLI and the browser
    refuse it in these words."""
    if not (since and until) or since[:10] <= until[:10]:
        return None
    first, last = names
    return (
        f"{first} {since[:10]} is after {last} {until[:10]}: the range is empty;"
        f" the earlier date goes in {first}"
    )


def day_number(value: str | None) -> int | None:
    """The day of a stored ISO date or datetime as an ordinal (for date windows), or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# Full dates as articles write them: "12 January 2005", "January 12, 2005", "Jan. 12,
# 2005", "2005-01-12". A month and year alone, or a weekday, says too little.
_TEXT_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTHS})\.? (?:1[89]|2[01])\d\d"
    rf"|(?:{_MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?,? (?:1[89]|2[01])\d\d"
    r"|(?:1[89]|2[01])\d\d-[01]\d-[0-3]\d)\b"
)


def date_in_text(text: str, *, not_after: str | None = None) -> str | None:
    """The latest full date written in ``text`` (``YYYY-MM-DD``), or None.

    An article is written on or after the days it reports, so its latest date is the
    best guess of when it was written; dates after ``not_after`` (an ISO date or
    datetime: when it was ingested) are ones it announces, and are left out.
    """
    limit = (not_after or "")[:10] or "9999-12-31"
    best: str | None = None
    for m in _TEXT_DATE.finditer(text):
        raw = m.group(0).replace("Sept", "Sep")
        found = parse_date(raw) or parse_date(re.sub(r",? (\d{4})$", r", \1", raw))
        if found:
            day = found[:10]
            if day <= limit and (best is None or day > best):
                best = day
    return best
