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
    assert post.status in ("published", "draft", "future", "undated", "unreadable")
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
    assert isinstance(excerpts.rebase_to_root(fragment, from_url, to_url), str)
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


# -- transforms (issue 3) and Jekyll migration (issue 6) ------------------------------------

TRANSFORM_BITS = [
    "<p>",
    "</p>",
    "<tweet>",
    "</tweet>",
    "<TWEET >",
    "<small>",
    "</small>",
    '<img alt="a" src="x.png" />',
    '<img src="x" onerror="pwn(1)">',
    "<a href=",
    '"javascript:pwn(2)"',
    '"https://ex.org/"',
    ">",
    "</a>",
    "<script>pwn(3)</script>",
    "<strong>",
    "</strong>",
    "<code>",
    "</code>",
    "<pre>",
    "</pre>",
    "<!--",
    "-->",
    "&amp;",
    "&lt;tweet&gt;",
    "\n",
    " ",
    "<br>",
    "<div>",
    "</div>",
]
transformable = st.lists(
    st.one_of(st.sampled_from(TRANSFORM_BITS), st.text(max_size=6)), max_size=40
).map("".join)


def _transform_env():
    from mkdocs_blogpost.i18n import Translator
    from mkdocs_blogpost.render import make_environment

    return make_environment([], Translator("en"))


TRANSFORM_ENV = _transform_env()


@FUZZ
@given(
    html=transformable,
    page_url=st.sampled_from([None, "https://ex.org/blog/x/", "https://ex.org/a b?c=<d>"]),
    style=st.sampled_from(["admonition", "figure"]),
    targets=st.sampled_from([("x",), ("x", "mastodon", "linkedin", "bluesky", "copy")]),
)
def test_transform_html_never_raises_nor_lets_markup_in(
    html: str, page_url: str | None, style: str, targets: tuple[str, ...]
) -> None:
    from support.safety import html_injections

    from mkdocs_blogpost.transforms import TransformOptions, transform_html

    try:
        options = TransformOptions(via="site", caption_style=style, share_targets=targets)  # type: ignore[arg-type]
    except ValueError:  # a target name this version does not know
        options = TransformOptions(via="site", caption_style=style)  # type: ignore[arg-type]
    out, stats = transform_html(html, env=TRANSFORM_ENV, page_url=page_url, options=options)
    assert isinstance(out, str)
    if stats.tweets or stats.captions:
        # What the transform wrote must be no worse than what it was given: no injection
        # that was not already in the input (raw HTML outside quotes is the author's).
        assert len(html_injections(out, "out")) <= len(html_injections(html, "in"))


@FUZZ
@given(fragment=transformable)
def test_sanitize_inline_output_is_safe(fragment: str) -> None:
    from support.safety import html_injections

    from mkdocs_blogpost.transforms import plain_text, sanitize_inline

    clean = sanitize_inline(fragment)
    assert html_injections(clean, "clean") == []
    assert isinstance(plain_text(clean), str)


LIQUID_BITS = [
    "{%",
    "%}",
    "{{",
    "}}",
    " post_url ",
    " link ",
    " highlight python ",
    " endhighlight ",
    " raw ",
    " endraw ",
    " include x.html ",
    " site.url ",
    " site.baseurl ",
    "$$",
    "```",
    "~~~",
    "\n",
    "`",
    "2024-01-01-x",
    "/assets/img/a.png",
    ' "http://[x" | relative_url ',
    " 'https://ex.org/a' | absolute_url ",
    " | prepend: site.baseurl ",
]


@FUZZ
@given(markdown=pieces(LIQUID_BITS), inline_math=st.booleans())
def test_convert_liquid_never_raises(markdown: str, inline_math: bool) -> None:
    from mkdocs_blogpost.migrate import LiquidContext, convert_liquid

    ctx = LiquidContext(from_dir="blog/posts", site_url="https://ex.org/", inline_math=inline_math)
    result = convert_liquid(markdown, ctx)
    assert isinstance(result.markdown, str)
    for problem in result.problems:
        assert problem.line >= 0


@FUZZ
@given(url=urlish, value=st.one_of(st.text(max_size=40), st.integers(), st.none()))
def test_link_helpers_never_raise(url: str, value: object) -> None:
    from mkdocs_blogpost.migrate import LinkIndex, is_local_url, resolve_link, valid_github

    if is_local_url(url):  # resolve_link is only asked about local URLs
        target, _written = resolve_link(url, "blog/posts", LinkIndex(files={"index.md"}))
        assert target is None or isinstance(target, str)
    github = valid_github(value)
    assert github is None or github.startswith("https://github.com/")
