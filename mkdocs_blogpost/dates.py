"""Read the many ways posts write dates, always ending with an aware datetime."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .i18n import babel_locale

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["DateError", "format_date", "get_timezone", "parse_date"]

# 2024-06-30, 2023-02-16 12:16:00 +0800, 2024-12-22  08:32:20 0000, 2024-06-30T08:00:00Z,
# 2024/06/30 8:00, 2024-06-30 08:00:00.123 -05:00, 2024-06-30 08:00 +5
_DATE_RE = re.compile(
    r"""^\s*(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})
    (?:(?:[Tt]|\s+)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,](?P<f>\d+))?)?)?
    \s*(?P<tz>[Zz]|(?:UTC|GMT)?\s*[+-]?\d{1,2}(?::?\d{2})?|UTC|GMT)?\s*$""",
    re.VERBOSE,
)


class DateError(ValueError):
    """A date that cannot be read; the message says why."""


@lru_cache(maxsize=64)
def get_timezone(name: str) -> dt.tzinfo:
    """Return the time zone called `name` (IANA name, `UTC`, or an offset like `+05:30`).

    Raises:
        DateError: When the name is not a known time zone.
    """
    offset = _parse_offset(name) if re.fullmatch(r"[+-]\d{1,2}(:?\d{2})?", name.strip()) else None
    if offset is not None:
        return offset
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise DateError(f"unknown time zone {name!r}") from exc


def _parse_offset(text: str) -> dt.timezone:
    text = text.strip().upper()
    for prefix in ("UTC", "GMT"):
        if text.startswith(prefix):
            text = text[len(prefix) :].strip()
    if text in ("Z", ""):
        return dt.timezone.utc
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-").replace(":", "")
    if len(digits) <= 2:
        hours, minutes = int(digits), 0
    else:
        hours, minutes = int(digits[:-2]), int(digits[-2:])
    if hours > 23 or minutes > 59:
        raise DateError(f"time zone offset {text!r} is out of range")
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def parse_date(value: object, default_tz: dt.tzinfo) -> dt.datetime:
    """Turn a front-matter date into an aware datetime.

    Accepts YAML dates and datetimes, and strings such as `2024-06-30`,
    `2023-02-16 12:16:00 +0800`, `2024-12-22  08:32:20 0000` and ISO 8601.
    Naive values get `default_tz`.

    Args:
        value: The value as YAML gave it.
        default_tz: The zone for values written without one.

    Returns:
        An aware datetime.

    Raises:
        DateError: When the value is not a date, or an impossible one (`2024-02-30`).
    """
    if isinstance(value, dt.datetime):
        result = value
    elif isinstance(value, dt.date):
        result = dt.datetime(value.year, value.month, value.day)  # noqa: DTZ001 - zone below
    elif isinstance(value, str):
        result = _parse_string(value, default_tz)
    else:
        raise DateError(
            f"{value!r} is not a date; write it as YYYY-MM-DD or YYYY-MM-DD HH:MM:SS +ZZZZ"
        )
    if result.tzinfo is None or result.tzinfo.utcoffset(result) is None:
        result = result.replace(tzinfo=default_tz)
    return result


def _parse_string(text: str, default_tz: dt.tzinfo) -> dt.datetime:
    match = _DATE_RE.match(text)
    if match is None:
        try:
            return dt.datetime.fromisoformat(text.strip())
        except ValueError:
            raise DateError(
                f"{text!r} is not a date; write it as YYYY-MM-DD or YYYY-MM-DD HH:MM:SS +ZZZZ"
            ) from None
    parts = match.groupdict()
    fraction = (parts["f"] or "0")[:6].ljust(6, "0")
    try:
        result = dt.datetime(  # noqa: DTZ001 - the zone is attached below
            int(parts["y"]),
            int(parts["m"]),
            int(parts["d"]),
            int(parts["H"] or 0),
            int(parts["M"] or 0),
            int(parts["S"] or 0),
            int(fraction),
        )
    except ValueError as exc:
        raise DateError(f"{text.strip()!r} is not a real date ({exc})") from None
    tz = parts["tz"]
    if tz:
        return result.replace(tzinfo=_parse_offset(tz))
    return result.replace(tzinfo=default_tz)


def format_date(value: dt.datetime, locale: str, date_format: str = "long") -> str:
    """Show a date the way readers of `locale` expect ("June 30, 2024" in English).

    `locale` is a language code as sites write it (`zh-TW`, `pt`, `pt_BR`), read as
    `babel_locale` reads it; a language Babel does not know is shown in English, and a
    format Babel cannot use in ISO format.
    """
    return _format_day(value.date(), locale, date_format)


# Listings show each post's date on many pages (index, tags, categories, archive,
# authors): remember Babel's answer, which costs far more than a dict lookup.
@lru_cache(maxsize=8192)
def _format_day(day: dt.date, locale: str, date_format: str) -> str:
    from babel.core import UnknownLocaleError
    from babel.dates import format_date as babel_format_date

    try:
        return babel_format_date(day, format=date_format, locale=_babel(locale))
    except (UnknownLocaleError, ValueError):
        try:
            return babel_format_date(day, format=date_format, locale="en")
        except ValueError:
            return day.isoformat()


@lru_cache(maxsize=64)
def _babel(locale: str) -> Locale:
    # Babel reads a locale given by name from its data on every call: more than half
    # of formatting a date.
    from babel import Locale

    return Locale.parse(babel_locale(locale))
