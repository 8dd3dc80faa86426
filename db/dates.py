"""Parsing the many ways articles write their dates into ISO 8601."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d/%m/%Y",
    "%d.%m.%Y",
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


def parse_date(value: object) -> str | None:
    """``value`` as ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS`` (UTC), or None if unparseable.

    A date with a time zone is converted to UTC so that "first seen" compares
    like with like. Unix timestamps (seconds or milliseconds) are understood.
    Never raises: a date that cannot be read is simply unknown.
    """
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        value = " ".join(str(value).split())[:100]
        parsed = _parse(value)
        if parsed is None or not 1800 <= parsed.year <= 2200:
            return None
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
    except (ValueError, TypeError, OverflowError, OSError, IndexError):
        return None  # whatever a date string holds, it is never an error: just no date
    if (parsed.hour, parsed.minute, parsed.second) == (0, 0, 0) and not _has_time(value):
        return parsed.strftime("%Y-%m-%d")
    return parsed.strftime("%Y-%m-%dT%H:%M:%S")


def _has_time(value: str) -> bool:
    return bool(re.search(r"\d:\d\d", value))


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
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        pass
    value = _ORDINAL.sub("", value)  # "June 10th, 2003"
    for fmt in _FORMATS:
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            continue
    return None


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
