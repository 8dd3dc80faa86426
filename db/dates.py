"""Parsing the many ways articles write their dates into ISO 8601."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d/%m/%Y",
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


def parse_date(value: str | None) -> str | None:
    """``value`` as ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS`` (UTC), or None if unparseable.

    A date with a time zone is converted to UTC so that "first seen" compares
    like with like.
    """
    if not value:
        return None
    value = " ".join(str(value).split())[:100]
    parsed = _parse(value)
    if parsed is None:
        return None
    if not 1800 <= parsed.year <= 2200:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
    if (parsed.hour, parsed.minute, parsed.second) == (0, 0, 0) and not _has_time(value):
        return parsed.strftime("%Y-%m-%d")
    return parsed.strftime("%Y-%m-%dT%H:%M:%S")


def _has_time(value: str) -> bool:
    return bool(re.search(r"\d:\d\d", value))


def _parse(value: str) -> datetime | None:
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
    for fmt in _FORMATS:
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            continue
    return None
