"""Dates: every way front matter writes one, the site's time zone, and the date readers see."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.fuzz import FUZZ, pieces, zones

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
        ("es", "30 de junio de 2024"),
        ("it", "30 giugno 2024"),
        ("nl", "30 juni 2024"),
        ("pt", "30 de junho de 2024"),
        ("pt-BR", "30 de junho de 2024"),
        ("pl", "30 czerwca 2024"),
        ("ru", "30 июня 2024\u202fг."),
        ("uk", "30 червня 2024\u202fр."),
        ("ja", "2024年6月30日"),
        ("ko", "2024년 6월 30일"),
        ("zh", "2024年6月30日"),
        ("zh_Hans", "2024年6月30日"),
        ("zh_Hant", "2024年6月30日"),
        ("zh-TW", "2024年6月30日"),
        ("zh-Hant-TW", "2024年6月30日"),
        ("xx", "June 30, 2024"),
        ("", "June 30, 2024"),
    ],
)
def test_format_date_localized(locale: str, expected: str) -> None:
    assert format_date(dt.datetime(2024, 6, 30, tzinfo=UTC), locale) == expected


@pytest.mark.parametrize(
    ("locale", "date_format", "expected"),
    [
        # European and Brazilian Portuguese write medium dates differently: `pt` must not
        # get Babel's bare `pt`, which is Brazilian.
        ("pt", "medium", "30/06/2024"),
        ("pt_PT", "medium", "30/06/2024"),
        ("pt-BR", "medium", "30 de jun. de 2024"),
        ("PT-br", "medium", "30 de jun. de 2024"),
        # Hong Kong writes the day first in short dates: the region is kept.
        ("zh_HK", "short", "30/6/2024"),
        ("zh-TW", "short", "2024/6/30"),
        ("de_AT", "short", "30.06.24"),
    ],
)
def test_format_date_keeps_the_region(locale: str, date_format: str, expected: str) -> None:
    assert format_date(dt.datetime(2024, 6, 30, tzinfo=UTC), locale, date_format) == expected


_ODD_CODES = ["zh_Hans", "zh_Hant", "zh-TW", "zh-Hant-TW", "pt", "pt-BR", "PT-br", "ja", "ko"]
_ODD_CODES += ["uk", "sr-Latn", "de-CH-1996", "en_US.UTF-8", "zh_Hans_HK", "x", "-", "123"]


@pytest.mark.parametrize("locale", _ODD_CODES)
@pytest.mark.parametrize("date_format", ["short", "medium", "long", "full", "d MMM y"])
def test_format_date_never_raises(locale: str, date_format: str) -> None:
    assert "24" in format_date(dt.datetime(2024, 6, 30, tzinfo=UTC), locale, date_format)


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


# -- properties -------------------------------------------------------------------------------

date_values = st.one_of(
    st.text(),
    pieces(["2024", "-", "/", "02", "30", "13", " ", "T", ":", "12", "+", "0800", "Z", "UTC"]),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=st.timezones()),
    st.lists(st.integers(), max_size=3),
)


@FUZZ
@given(value=date_values, tz=zones)
def test_parse_date_gives_aware_datetime_or_date_error(value: object, tz: dt.tzinfo) -> None:
    try:
        result = parse_date(value, tz)
    except DateError:
        return
    assert isinstance(result, dt.datetime)
    assert result.utcoffset() is not None


#: Fixed offsets, as posts write them: no daylight-saving gap or fold to hide a moment.
offsets = st.integers(-12 * 60, 14 * 60).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))
moments = st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 12, 31))


@FUZZ
@given(moment=moments, tz=offsets)
def test_a_written_moment_is_read_back_as_the_same_instant(
    moment: dt.datetime, tz: dt.timezone
) -> None:
    aware = moment.replace(tzinfo=tz)
    # ISO 8601, as Hugo and YAML write it; the site's zone must not matter.
    assert parse_date(aware.isoformat(), UTC) == aware
    assert parse_date(aware.isoformat(), BERLIN) == aware
    # Jekyll's own form: a space, then the offset without a colon.
    jekyll = parse_date(f"{aware:%Y-%m-%d %H:%M:%S} {aware:%z}", BERLIN)
    assert jekyll == aware.replace(microsecond=0)


@FUZZ
@given(moment=moments, tz=offsets)
def test_a_moment_without_offset_is_read_in_the_sites_zone(
    moment: dt.datetime, tz: dt.timezone
) -> None:
    moment = moment.replace(microsecond=0)
    read = parse_date(f"{moment:%Y-%m-%d %H:%M:%S}", tz)
    assert read == moment.replace(tzinfo=tz)
    assert parse_date(f"{moment:%Y-%m-%d}", tz) == moment.replace(
        hour=0, minute=0, second=0, tzinfo=tz
    )
