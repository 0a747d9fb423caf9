"""Fuzz the pure functions that read post sources and rewrite HTML: none may crash.

The number of examples per function is `BLOGPOST_FUZZ_EXAMPLES` (300 by default so the
suite stays fast; the issue-8 report records a longer run).
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_blogpost import excerpts, posts
from mkdocs_blogpost.dates import DateError, get_timezone, parse_date
from mkdocs_blogpost.frontmatter import FrontMatter, parse_front_matter, to_bool, to_list
from mkdocs_blogpost.models import Post
from mkdocs_blogpost.taxonomy import group_terms, term_slug

EXAMPLES = int(os.environ.get("BLOGPOST_FUZZ_EXAMPLES", "300"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Pieces that make YAML and HTML interesting; mixed with arbitrary text.
YAML_BITS = [
    "---",
    "...",
    "\n",
    "\r\n",
    "\r",
    "\ufeff",
    ": ",
    "- ",
    "  ",
    "\t",
    "title",
    "date",
    "tags",
    "slug",
    "img",
    "image",
    "draft",
    "published",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "<<: ",
    "!!python/object:x ",
    "!!binary ",
    "!!timestamp ",
    '"',
    "'",
    "2024-02-30",
    "2024-06-30 12:00:00 +0800",
    "1.10",
    "no",
    "~",
    "? ",
    "#",
    "|",
    ">",
    "%YAML 1.1\n",
    "\x00",
    "\x85",
    "\u2028",
    "\ud7ff",
]
HTML_BITS = [
    "<p>",
    "</p>",
    "<a href=",
    "<img src=",
    " srcset=",
    "<!-- more -->",
    "<!--",
    "-->",
    '"',
    "'",
    ">",
    "<",
    "#frag",
    "../",
    "./",
    "/",
    "//",
    "http://[",
    "https://ex.org/a?b#c",
    "javascript:",
    "mailto:x",
    " 2x, ",
    "&amp;",
    "&#x",
    '<a class="headerlink" href="#x">¶</a>',
    "<h1>",
    "</h1>",
    "\n",
]


def pieces(bits: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(bits), st.text(max_size=8)), max_size=40).map("".join)


yamlish = st.one_of(st.text(), pieces(YAML_BITS), pieces(YAML_BITS).map(lambda s: "---\n" + s))
htmlish = st.one_of(st.text(), pieces(HTML_BITS))
urlish = st.one_of(st.text(max_size=30), pieces(HTML_BITS[10:24]))
page_urls = st.sampled_from(["", "./", "blog/", "blog/2024/06/30/x/", "a/b.html", "index.html"])
zones = st.sampled_from(["UTC", "Europe/Berlin", "Pacific/Kiritimati", "+05:30", "-11"]).map(
    get_timezone
)
NOW = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)


@FUZZ
@given(source=yamlish)
def test_parse_front_matter_never_raises(source: str) -> None:
    result = parse_front_matter(source)
    assert isinstance(result, FrontMatter)
    assert isinstance(result.data, dict)
    if result.error is not None:
        assert result.data == {}
        assert result.error.line is None or result.error.line >= 1


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


@FUZZ
@given(
    source=yamlish,
    name=st.one_of(st.text(max_size=20), st.sampled_from(["2024-02-30-x", "2024-06-30-", ".."])),
    tz=zones,
)
def test_read_post_never_raises(source: str, name: str, tz: dt.tzinfo) -> None:
    ctx = posts.PostContext(posts_dir="blog/posts", cover_dir="assets/img", timezone=tz, now=NOW)
    post = posts.read_post(f"blog/posts/{name}.md", source, ctx)
    assert post.status in ("published", "draft", "future", "undated")
    assert post.slug and "/" not in post.slug and ".." not in post.slug
    assert isinstance(post.title, str)
    for tag in post.meta["tags"]:
        assert "<" not in tag and '"' not in tag
    assert "<" not in post.meta["title"]


def _post(html: str, excerpt: str | None, description: str | None) -> Post:
    return Post(
        src_uri="blog/posts/x.md",
        slug="x",
        title="x",
        date=NOW,
        body="",
        html=html,
        excerpt=excerpt,
        description=description,
    )


@FUZZ
@given(
    html=htmlish,
    excerpt=st.none() | st.text(max_size=20),
    description=st.none() | st.text(max_size=20),
)
def test_excerpt_html_never_raises(html: str, excerpt: str | None, description: str | None) -> None:
    post = _post(html, excerpt, description)
    out = excerpts.excerpt_html(post)
    assert isinstance(out, str)
    assert isinstance(excerpts.has_more(post), bool)
    if excerpt:
        assert "<" not in out[3:-4]


@FUZZ
@given(url=urlish, page_url=page_urls)
def test_resolve_url_never_raises(url: str, page_url: str) -> None:
    out = excerpts.resolve_url(url, page_url)
    assert out is None or isinstance(out, str)


@FUZZ
@given(fragment=htmlish, from_url=page_urls, to_url=page_urls)
def test_rebase_and_absolutize_never_raise(fragment: str, from_url: str, to_url: str) -> None:
    assert isinstance(excerpts.rebase_html(fragment, from_url, to_url), str)
    assert isinstance(excerpts.absolutize_html(fragment, from_url, "https://ex.org/d/"), str)


@FUZZ
@given(value=st.one_of(st.text(), st.lists(st.text()), st.integers(), st.none(), st.booleans()))
def test_value_readers_never_raise(value: object) -> None:
    assert to_bool(value) in (True, False, None)
    items = to_list(value, split_spaces=True)
    assert all(isinstance(i, str) and i == i.strip() and i for i in items)
    assert isinstance(posts.safe_url(str(value)), bool)


@FUZZ
@given(names=st.lists(st.lists(st.text(max_size=12), max_size=4), max_size=6))
def test_terms_never_raise_and_slugs_are_unique(names: list[list[str]]) -> None:
    fake = [_post("", None, None) for _ in names]
    for post, tags in zip(fake, names, strict=True):
        post.tags = tags
    terms = group_terms(fake, lambda p: p.tags)
    slugs = [t.slug for t in terms]
    assert len(slugs) == len(set(slugs))
    for slug in slugs:
        assert slug and "/" not in slug and slug not in (".", "..")


@pytest.mark.parametrize("name", ["..", "/", "../../etc", "\\", "<script>"])
def test_term_slug_stays_one_segment(name: str) -> None:
    slug = term_slug(name)
    assert slug and "/" not in slug and "\\" not in slug and ".." not in slug
