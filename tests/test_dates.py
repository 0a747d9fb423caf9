"""Dates: every way front matter writes one, the site's time zone, and the date readers see."""

from __future__ import annotations

import datetime as dt

import pytest

from mkdocs_blogpost.dates import DateError, format_date, get_timezone, parse_date

UTC = dt.timezone.utc


BERLIN = get_timezone("Europe/Berlin")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-06-30", dt.datetime(2024, 6, 30, tzinfo=UTC)),
        ("2023-02-16 12:16:00 +0800", dt.datetime(2023, 2, 16, 4, 16, tzinfo=UTC)),
        ("2024-12-22  08:32:20 0000", dt.datetime(2024, 12, 22, 8, 32, 20, tzinfo=UTC)),
        ("2024-06-30T08:00:00Z", dt.datetime(2024, 6, 30, 8, tzinfo=UTC)),
        ("2024-06-30T08:00:00-05:00", dt.datetime(2024, 6, 30, 13, tzinfo=UTC)),
        ("2024-06-30 08:00 +5", dt.datetime(2024, 6, 30, 3, tzinfo=UTC)),
        ("2024/6/3 7:05", dt.datetime(2024, 6, 3, 7, 5, tzinfo=UTC)),
        ("2024-06-30 08:00:00.250 +00:00", dt.datetime(2024, 6, 30, 8, 0, 0, 250000, tzinfo=UTC)),
        (dt.date(2024, 6, 30), dt.datetime(2024, 6, 30, tzinfo=UTC)),
        (dt.datetime(2024, 6, 30, 10, 0), dt.datetime(2024, 6, 30, 10, tzinfo=UTC)),
        (
            dt.datetime(2024, 6, 30, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))),
            dt.datetime(2024, 6, 30, 8, tzinfo=UTC),
        ),
    ],
)
def test_parse_date_forms(value: object, expected: dt.datetime) -> None:
    result = parse_date(value, UTC)
    assert result.tzinfo is not None
    assert result == expected


def test_parse_date_naive_gets_site_zone() -> None:
    result = parse_date("2024-01-15 12:00:00", BERLIN)
    assert result.utcoffset() == dt.timedelta(hours=1)
    summer = parse_date("2024-07-15", BERLIN)
    assert summer.utcoffset() == dt.timedelta(hours=2)


@pytest.mark.parametrize("value", ["2024-02-30", "yesterday", "2024-13-01", 12, "30/06/2024", ""])
def test_parse_date_rejects(value: object) -> None:
    with pytest.raises(DateError):
        parse_date(value, UTC)


def test_unknown_timezone() -> None:
    with pytest.raises(DateError):
        get_timezone("Mars/Olympus")
    assert get_timezone("+05:30").utcoffset(None) == dt.timedelta(hours=5, minutes=30)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en", "June 30, 2024"),
        ("de", "30. Juni 2024"),
        ("fr", "30 juin 2024"),
        ("xx", "June 30, 2024"),
    ],
)
def test_format_date_localized(locale: str, expected: str) -> None:
    assert format_date(dt.datetime(2024, 6, 30, tzinfo=UTC), locale) == expected


@pytest.mark.parametrize(
    ("locale", "pattern"), [("en", "long"), ("fr", "long"), ("de", "d. MMMM y"), ("ja", "full")]
)
def test_format_date_shows_the_day_as_babel_does(locale: str, pattern: str) -> None:
    from babel.dates import format_date as babel_format_date

    when = dt.datetime(2023, 2, 16, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    expected = babel_format_date(when.date(), format=pattern, locale=locale)
    assert format_date(when, locale, pattern) == expected
    # Asked again, as every listing showing the post asks: the same answer.
    assert format_date(when, locale, pattern) == expected


def test_format_date_in_an_unknown_locale_falls_back_to_english() -> None:
    when = dt.datetime(2023, 2, 16, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert format_date(when, "xx-nowhere", "long") == "February 16, 2023"
