"""Unit tests for the pure functions: dates, front matter, slugs, reading time, i18n."""

from __future__ import annotations

import datetime as dt

import pytest

from mkdocs_blogpost.dates import DateError, format_date, get_timezone, parse_date
from mkdocs_blogpost.frontmatter import parse_front_matter, to_bool, to_list
from mkdocs_blogpost.i18n import TRANSLATIONS, Translator, resolve_language
from mkdocs_blogpost.posts import safe_url
from mkdocs_blogpost.text import (
    count_words,
    html_to_text,
    reading_minutes,
    slugify,
    title_from_filename,
)

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


def test_front_matter_keeps_text_as_written() -> None:
    fm = parse_front_matter(
        "---\ntitle: no\nversion: 1.10\ntags: [yes, on, 3.0]\nrating: 4.5\ntoc: yes\n---\nBody\n"
    )
    assert fm.error is None
    assert fm.data["title"] == "no"
    assert fm.data["version"] == "1.10"
    assert fm.data["tags"] == ["yes", "on", "3.0"]
    assert fm.data["rating"] == 4.5
    assert fm.data["toc"] is True
    assert fm.body == "Body\n"
    assert fm.body_line == 8
    assert fm.lines["version"] == 3


def test_front_matter_bom_and_crlf() -> None:
    fm = parse_front_matter("\ufeff---\r\ntitle: Hi\r\ntags: a b\r\n---\r\nText\r\n")
    assert fm.error is None
    assert fm.data == {"title": "Hi", "tags": "a b"}
    assert fm.body == "Text\n"


def test_front_matter_invalid_yaml_has_line() -> None:
    fm = parse_front_matter("---\ntitle: ok\ntags: [a, b\ndate: 2024-01-01\n---\nBody\n")
    assert fm.error is not None
    assert fm.error.line is not None and 3 <= fm.error.line <= 5
    assert "YAML" in fm.error.message
    assert fm.body == "Body\n"
    assert fm.data == {}


def test_front_matter_unclosed_and_not_mapping() -> None:
    unclosed = parse_front_matter("---\ntitle: x\n\nBody text\n")
    assert unclosed.error is not None and unclosed.error.line == 1
    listing = parse_front_matter("---\n- a\n- b\n---\nBody\n")
    assert listing.error is not None
    none = parse_front_matter("No front matter here\n")
    assert none.error is None and none.data == {} and none.body.startswith("No front")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("docs ci", ["docs", "ci"]),
        (["docs", "open source"], ["docs", "open source"]),
        ("docs, open source", ["docs", "open source"]),
        (["a", "a", " b "], ["a", "b"]),
        (None, []),
        ([1, 2.5], ["1", "2.5"]),
    ],
)
def test_to_list_tag_spellings(value: object, expected: list[str]) -> None:
    assert to_list(value, split_spaces=True) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("yes", True),
        ("No", False),
        ("on", True),
        ("off", False),
        (True, True),
        (0, False),
        ("maybe", None),
    ],
)
def test_to_bool(value: object, expected: bool | None) -> None:
    assert to_bool(value) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Open Source", "open-source"),
        ("C++", "c"),
        ("Über Docs", "über-docs"),
        ("机器学习", "机器学习"),
        ("  --  ", ""),
    ],
)
def test_slugify(text: str, expected: str) -> None:
    assert slugify(text) == expected


def test_title_from_filename() -> None:
    assert title_from_filename("shipping-docs_fast") == "Shipping docs fast"


def test_count_words_excludes_code_blocks_and_counts_cjk() -> None:
    html = (
        "<p>Hello brave new world</p><pre><code>skip these words please</code></pre><p>你好世界</p>"
    )
    words, cjk = count_words(html_to_text(html, keep_code_blocks=False))
    assert (words, cjk) == (4, 4)


@pytest.mark.parametrize(
    ("words", "cjk", "expected"),
    [(0, 0, 0), (199, 0, 0), (200, 0, 1), (201, 0, 2), (1000, 0, 5), (0, 800, 2), (100, 200, 1)],
)
def test_reading_minutes(words: int, cjk: int, expected: int) -> None:
    assert reading_minutes(words, cjk, 200, 400) == expected


def test_translator_falls_back() -> None:
    de = Translator("de_AT")
    assert de("older_posts") == "Ältere Beiträge"
    assert de("min_read", minutes=3) == "3 Min. Lesezeit"
    assert Translator("xx")("tags") == "Tags"
    assert resolve_language(None, None) == "en"
    assert resolve_language(None, "pt-BR") == "pt_BR"
    # Every language translates every English key.
    for lang, words in TRANSLATIONS.items():
        assert set(words) == set(TRANSLATIONS["en"]), lang


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a.png", True),
        ("/assets/a.png", True),
        ("a.png", True),
        ("mailto:me@example.org", True),
        ("javascript:alert(1)", False),
        (" JaVaScRiPt:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,x", False),
        ("vbscript:x", False),
    ],
)
def test_safe_url(url: str, ok: bool) -> None:
    assert safe_url(url) is ok


def test_group_terms_merges_case_and_splits_collisions(caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs_blogpost.models import Post
    from mkdocs_blogpost.taxonomy import group_terms, term_slug

    def post(name: str, tags: list[str]) -> Post:
        return Post(src_uri=name, slug=name, title=name, date=None, body="", tags=tags)

    posts = [
        post("a", ["AI", "C++", "Docs!"]),
        post("b", ["ai", "C"]),
        post("c", ["AI", "docs?", "机器学习"]),
    ]
    with caplog.at_level("WARNING"):
        terms = group_terms(posts, lambda p: p.tags)
    by_name = {t.name: t for t in terms}
    assert by_name["AI"].count == 3 and by_name["AI"].slug == "ai"
    assert by_name["C++"].slug == "c-plus-plus" and by_name["C"].slug == "c"
    assert by_name["机器学习"].slug == "机器学习"
    slugs = sorted([by_name["Docs!"].slug, by_name["docs?"].slug])
    assert slugs == ["docs", "docs-2"]
    assert any("both make the URL 'docs'" in r.getMessage() for r in caplog.records)
    assert term_slug("++") == "plus-plus"
    assert term_slug("!?!").startswith("t-")


def test_feed_dates_with_local_mean_time_offsets() -> None:
    import email.utils

    from mkdocs_blogpost.feeds import rfc822, rfc3339

    old = parse_date("1890-05-01 12:00:00", BERLIN)
    assert old.utcoffset() == dt.timedelta(minutes=53, seconds=28)
    iso = rfc3339(old)
    assert iso == "1890-05-01T11:59:32+00:53"  # the same instant, 28 s of offset moved
    assert dt.datetime.fromisoformat(iso) == old
    rss = rfc822(old)
    assert rss.endswith("+0053")
    assert email.utils.parsedate_to_datetime(rss) == old
    # Ordinary offsets are untouched.
    assert rfc3339(parse_date("2024-06-30 09:00 +0200", UTC)) == "2024-06-30T09:00:00+02:00"
