"""Old Jekyll URLs: the permalink of a post, worked out as Jekyll did (unit tables)."""

from __future__ import annotations

import datetime as dt

import pytest

from mkdocs_blogpost.permalinks import (
    PermalinkError,
    check_pattern,
    expand_style,
    jekyll_slugify,
    jekyll_url,
)

JUNE_30 = dt.datetime(2024, 6, 30, 9, 5, 7, tzinfo=dt.timezone.utc)
OCT_8 = dt.datetime(2009, 10, 8, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize(
    ("pattern", "slug", "date", "categories", "url"),
    [
        # The theme's default, and the built-in styles.
        ("/:title:output_ext", "some-title", JUNE_30, [], "/some-title.html"),
        ("date", "some-title", JUNE_30, [], "/2024/06/30/some-title.html"),
        ("pretty", "some-title", JUNE_30, [], "/2024/06/30/some-title/"),
        ("ordinal", "some-title", JUNE_30, [], "/2024/182/some-title.html"),
        ("weekdate", "some-title", JUNE_30, [], "/2024/W26/SUN/some-title.html"),
        ("none", "some-title", JUNE_30, [], "/some-title.html"),
        ("none", "some-title", JUNE_30, ["Opinion"], "/opinion/some-title.html"),
        # Categories: lower case, joined with `/`, escaped, empty and repeated ones dropped.
        ("pretty", "t", JUNE_30, ["Release Notes", "CI"], "/release%20notes/ci/2024/06/30/t/"),
        ("date", "t", JUNE_30, ["", "Ops", "ops"], "/ops/2024/06/30/t.html"),
        # Every date placeholder: zero-padded or not, two-digit year, day of the year.
        ("/:year/:i_month/:i_day/:title/", "x", OCT_8, [], "/2009/10/8/x/"),
        ("/:short_year/:month/:day/:title", "x", OCT_8, [], "/09/10/08/x"),
        ("/:year/:y_day/:title", "x", OCT_8, [], "/2009/281/x"),
        ("/:hour-:minute-:second/:title", "x", JUNE_30, [], "/09-05-07/x"),
        # `:title` keeps case and a few marks; `:slug` is lower-case letters and digits.
        ("/:title:output_ext", "Some_Title.v2", JUNE_30, [], "/Some_Title.v2.html"),
        ("/:slug:output_ext", "Some_Title.v2", JUNE_30, [], "/some-title-v2.html"),
        ("/:title/", "Hello World", JUNE_30, [], "/Hello-World/"),
        ("/:title:output_ext", "café-notes", JUNE_30, [], "/caf%C3%A9-notes.html"),
        # A trailing underscore is text after the placeholder; `//` collapses.
        ("/:title_/", "x", JUNE_30, [], "/x_/"),
        ("/:categories/:title/", "x", JUNE_30, [], "/x/"),
        ("blog//:title.html", "x", JUNE_30, [], "/blog/x.html"),
        # Dot-only segments are dropped, so a URL never climbs out of the site.
        ("/:title/:output_ext", "..", JUNE_30, [], "/.html"),
        ("/a/../:title", "x", JUNE_30, [], "/a/x"),
    ],
)
def test_jekyll_url(
    pattern: str, slug: str, date: dt.datetime, categories: list[str], url: str
) -> None:
    assert jekyll_url(pattern, slug=slug, date=date, categories=categories) == url


@pytest.mark.parametrize(
    ("text", "pretty", "cased", "slug"),
    [
        ("Hello, World!", False, False, "hello-world"),
        ("Hello, World!", True, True, "Hello,-World!"),
        ("The _config.yml file", False, False, "the-config-yml-file"),
        ("The _config.yml file", True, False, "the-_config.yml-file"),
        ("--edge--", False, False, "edge"),
        ("Ünïcode Wörds", False, False, "ünïcode-wörds"),
    ],
)
def test_jekyll_slugify(text: str, pretty: bool, cased: bool, slug: str) -> None:
    assert jekyll_slugify(text, pretty=pretty, cased=cased) == slug


@pytest.mark.parametrize("pattern", ["/:foo/", "/:year/:titles", "/:title__"])
def test_unknown_placeholders_are_refused(pattern: str) -> None:
    with pytest.raises(PermalinkError, match="not a permalink placeholder"):
        check_pattern(pattern)
    with pytest.raises(PermalinkError):
        jekyll_url(pattern, slug="x", date=JUNE_30)


@pytest.mark.parametrize(
    ("value", "pattern"),
    [
        ("pretty", "/:categories/:year/:month/:day/:title/"),
        (" date ", "/:categories/:year/:month/:day/:title:output_ext"),
        ("/:title/", "/:title/"),
    ],
)
def test_expand_style(value: str, pattern: str) -> None:
    assert expand_style(value) == pattern
