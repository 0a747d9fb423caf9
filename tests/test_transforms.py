"""Unit tests for the tweet and caption transforms (pure functions) and their share links.

Golden cases live in `tests/golden/transforms/`: `<case>.in.html` is what Python-Markdown
renders for a post body, `<case>.out.html` the expected result, byte for byte (the
transform keeps every byte it does not change). `cases.json` holds each case's options,
the page URL (default `https://example.org/blog/p/`), the expected issues (substrings, in
order) and `same` when the output must be the very same string. Run with
`BLOGPOST_UPDATE_GOLDEN=1` to rewrite the outputs, then review the diff.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_blogpost.i18n import Translator
from mkdocs_blogpost.render import make_environment
from mkdocs_blogpost.share import (
    build_share_links,
    normalize_handle,
    normalize_instance,
    tweet_length,
)
from mkdocs_blogpost.transforms import (
    TransformIssue,
    TransformOptions,
    locate_tag_line,
    sanitize_inline,
    transform_html,
)

GOLDEN = Path(__file__).parent / "golden" / "transforms"
CASES: dict[str, dict[str, Any]] = json.loads((GOLDEN / "cases.json").read_text("utf-8"))
PAGE_URL = "https://example.org/blog/p/"
ENV = make_environment([], Translator("en"))


def run(html: str, page_url: str | None = PAGE_URL, **options: Any):
    if "share_targets" in options:
        options["share_targets"] = tuple(options["share_targets"])
    return transform_html(html, env=ENV, page_url=page_url, options=TransformOptions(**options))


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str) -> None:
    case = CASES[name]
    source = (GOLDEN / f"{name}.in.html").read_text("utf-8")
    out, stats = run(source, case.get("page_url", PAGE_URL), **case.get("options", {}))
    expected_path = GOLDEN / f"{name}.out.html"
    if os.environ.get("BLOGPOST_UPDATE_GOLDEN"):
        expected_path.write_text(out, "utf-8")
    assert out == expected_path.read_text("utf-8")
    messages = [issue.message for issue in stats.issues]
    expected_issues = case.get("issues", [])
    assert len(messages) == len(expected_issues), messages
    for message, fragment in zip(messages, expected_issues, strict=True):
        assert fragment in message
    if case.get("same"):
        assert out is source
    else:
        assert out != source


def test_golden_cases_all_have_outputs() -> None:
    inputs = {p.name.removesuffix(".in.html") for p in GOLDEN.glob("*.in.html")}
    outputs = {p.name.removesuffix(".out.html") for p in GOLDEN.glob("*.out.html")}
    assert inputs == set(CASES) == outputs


# -- fast path and byte stability -------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "<p>Nothing here.</p>",
        "<pre><code>&lt;tweet&gt;x&lt;/tweet&gt;</code></pre>",
        "<p>Small print <small>here</small>, no image.</p>",
        '<p><img alt="a" src="a.png" /></p>\n<p><small>blank line between</small></p>',
        "<p><code><tweet>raw in code</tweet></code></p>",
    ],
)
def test_untouched_pages_come_back_as_the_same_object(html: str) -> None:
    out, stats = run(html)
    assert out is html
    assert (stats.tweets, stats.captions, stats.issues) == (0, 0, [])


def test_only_the_quote_paragraph_changes() -> None:
    before = (
        '<h1 id="t">Title</h1>\n<p>Odd   spacing &amp; <img src="a.png" alt="x" /> kept'
        "</p>\n<!-- a comment -->\n"
    )
    after = "\n<table>\n<tr><td>cell</td></tr>\n</table>\n<p>End<br />line</p>"
    out, stats = run(before + "<p><tweet>Middle.</tweet></p>" + after)
    assert stats.tweets == 1
    assert out.startswith(before)
    assert out.endswith(after)


# -- the tweet block ---------------------------------------------------------------------


def quote_block(out: str) -> BeautifulSoup:
    soup = BeautifulSoup(out, "lxml")
    return soup.select_one("div.blogpost-tweet")


def test_share_link_carries_text_url_and_via() -> None:
    out, _ = run(
        "<p><tweet>Ship <strong>docs</strong> &amp; code, 100% “together”?</tweet></p>",
        "https://example.org/blog/2024/06/30/ship/",
        via="lighthouse",
    )
    block = quote_block(out)
    link = block.select_one("a.blogpost-share__link--x")
    parts = urlsplit(link["href"])
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "twitter.com", "/intent/tweet")
    query = parse_qs(parts.query, strict_parsing=True)
    assert query == {
        "text": ["Ship docs & code, 100% “together”?"],
        "url": ["https://example.org/blog/2024/06/30/ship/"],
        "via": ["lighthouse"],
    }
    assert link.get_text() == "Click to tweet"
    assert link["aria-label"].startswith("Click to tweet")
    assert "noopener" in link["rel"]
    # Inline Markdown is kept in the quote itself.
    assert block.select_one(".blogpost-tweet__quote strong").get_text() == "docs"


def test_label_override_and_translation() -> None:
    env = make_environment([], Translator("de"))
    out, _ = transform_html(
        "<p><tweet>Hallo.</tweet></p>", env=env, page_url=PAGE_URL, options=TransformOptions()
    )
    block = quote_block(out)
    # A pull quote has no title: the quote mark and the share links say what it is.
    assert block.select_one(".admonition-title") is None
    assert block.select_one("a").get_text() == "Zum Twittern klicken"
    out, _ = run("<p><tweet>Hi.</tweet></p>", tweet_label="Share this")
    assert quote_block(out).select_one("a").get_text() == "Share this"


def test_no_share_targets_means_no_link_row() -> None:
    out, stats = run("<p><tweet>Quiet.</tweet></p>", share_targets=())
    assert stats.tweets == 1
    block = quote_block(out)
    assert block.select(".blogpost-share") == []
    assert block.select_one(".blogpost-tweet__quote").get_text() == "Quiet."


def test_anchor_ids_are_stable_and_unique() -> None:
    html = (
        '<h2 id="tweet-same">Heading</h2>\n<p><tweet>Same.</tweet></p>\n<p><tweet>Same.</tweet></p>'
    )
    out1, _ = run(html)
    out2, _ = run(html)
    assert out1 == out2
    ids = [div["id"] for div in BeautifulSoup(out1, "lxml").select("div.blogpost-tweet")]
    assert ids == ["tweet-same-2", "tweet-same-3"]


def test_anchor_falls_back_to_hash_for_unsluggable_text() -> None:
    out, _ = run("<p><tweet>!!! ???</tweet></p>")
    anchor = quote_block(out)["id"]
    assert re.fullmatch(r"tweet-[0-9a-f]{8}", anchor)


def test_long_quote_warns_but_still_links() -> None:
    text = "word " * 60  # 300 characters
    out, stats = run(f"<p><tweet>{text}</tweet></p>")
    assert stats.tweets == 1
    assert len(stats.issues) == 1
    assert "characters long" in stats.issues[0].message
    assert "X allows 280" in stats.issues[0].message
    href = quote_block(out).select_one("a")["href"]
    assert parse_qs(urlsplit(href).query)["text"] == [text.strip()]


def test_long_quote_limit_is_configurable_and_counts_the_link() -> None:
    # 250 characters + 1 space + 23 for the link = 274: fine at 280, too long at 270.
    html = f"<p><tweet>{'x' * 250}</tweet></p>"
    assert run(html)[1].issues == []
    assert len(run(html, tweet_max_length=270)[1].issues) == 1
    # Without X among the targets, the length does not matter.
    assert run(html, tweet_max_length=10, share_targets=("bluesky",))[1].issues == []


XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href=" JAVASCRIPT:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<span onmouseover="alert(1)">x</span>',
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="javascript:alert(1)"></iframe>',
    "<style>*{background:url(javascript:alert(1))}</style>",
    '<object data="x.swf"></object>',
]


def assert_no_script(out: str) -> None:
    soup = BeautifulSoup(out, "lxml")
    assert soup.find(["script", "iframe", "object", "embed", "svg", "style"]) is None
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), (tag, name)
            text = " ".join(value) if isinstance(value, list) else value
            assert "javascript:" not in text.lower().replace(" ", ""), (tag, name)
            assert not text.lower().startswith("data:"), (tag, name)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_no_script_from_tweets(payload: str) -> None:
    out, stats = run(f"<p><tweet>Text {payload} more</tweet></p>")
    assert stats.tweets == 1
    assert_no_script(out)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_no_script_from_captions(payload: str) -> None:
    out, stats = run(f'<p><img alt="a" src="a.png" />\n<small>Cap {payload} end</small></p>')
    assert stats.captions == 1
    assert_no_script(out)


LIGHTBOX_IMAGE = (
    '<a class="glightbox" data-type="image" href="a.png"><img alt="a" src="a.png" /></a>'
)


@pytest.mark.parametrize("payload", [*XSS_PAYLOADS, '" onmouseover="alert(1)', "'><b onclick=x>"])
def test_no_script_from_lightbox_descriptions(payload: str) -> None:
    out, stats = run(f"<p>{LIGHTBOX_IMAGE}\n<small>Cap {payload} end</small></p>", lightbox=True)
    assert stats.captions == 1
    assert_no_script(out)
    # glightbox writes the description into the slide as HTML: that HTML is safe too.
    (link,) = BeautifulSoup(out, "lxml").select("a.glightbox")
    assert link["data-description"].startswith("Cap ")
    assert_no_script(link["data-description"])


@pytest.mark.parametrize(
    "html",
    [
        '<p><tweet onclick="alert(1)">Attr</tweet></p>',
        "<p><tweet><img src=x onerror=alert(1)></tweet></p>",
        "<h2><tweet><img src=x onerror=alert(1)>In heading</tweet></h2>",
        '<p><img src="a.png" onerror="alert(1)">\n<small onclick="alert(2)">C</small></p>',
    ],
)
def test_no_script_from_broken_or_misplaced_tags(html: str) -> None:
    out, _ = run(html)
    assert_no_script(out)
    assert "<tweet" not in out


def test_sanitize_inline_keeps_formatting_and_safe_links() -> None:
    html = (
        '<strong>b</strong> <em>e</em> <code>c</code> <a href="../x/" title="t">rel</a> '
        '<a href="https://e.org/">abs</a> <a href="mailto:a@e.org">m</a> <a href="#f">f</a>'
    )
    assert sanitize_inline(html) == html


# -- robustness ----------------------------------------------------------------------------

PIECES = [
    "<p>",
    "</p>",
    "<tweet>",
    "</tweet>",
    '<tweet class="x">',
    "<tweet/>",
    "<small>",
    "</small>",
    '<img src="a.png" alt="a">',
    "<br>",
    "<em>",
    "</em>",
    "<li>",
    "</li>",
    "<h2>",
    "</h2>",
    "text ",
    "more words ",
    "\n",
    "<code>",
    "</code>",
    "<!-- c -->",
    '<a href="x">',
    "</a>",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_any_markup_never_crashes_and_leaves_no_tweet_tag(pieces: list[str]) -> None:
    html = "".join(pieces)
    out, stats = run(html)
    # Outside raw <code>, every <tweet> tag is either turned into a block or removed.
    outside_code = re.sub(r"<code>.*?</code>", "", out, flags=re.S)
    assert not re.search(r"</?tweet\b", outside_code, re.I)
    assert stats.tweets == out.count('class="blogpost-tweet"')


# -- share links and handles -------------------------------------------------------------


def test_share_links_for_every_target() -> None:
    links = build_share_links(
        ["x", "mastodon", "bluesky", "linkedin", "copy", "x"],
        text="A & B",
        url="https://e.org/p/?a=1#x",
        anchor="tweet-a-b",
        via="site",
        tweet_label="Click to tweet",
        share_on="Share on {network}",
        permalink_label="Link to this quote",
        mastodon_instance="fosstodon.org",
    )
    by = {link.network: link for link in links}
    assert [link.network for link in links] == ["x", "mastodon", "bluesky", "linkedin", "copy"]
    m = urlsplit(by["mastodon"].href)
    assert (m.netloc, m.path) == ("fosstodon.org", "/share")
    assert parse_qs(m.query) == {"text": ["A & B https://e.org/p/?a=1#x"]}
    b = urlsplit(by["bluesky"].href)
    assert (b.netloc, b.path) == ("bsky.app", "/intent/compose")
    assert parse_qs(b.query) == {"text": ["A & B https://e.org/p/?a=1#x"]}
    li = urlsplit(by["linkedin"].href)
    assert parse_qs(li.query) == {"url": ["https://e.org/p/?a=1#x"]}
    assert by["copy"].href == "#tweet-a-b"
    assert by["copy"].external is False
    assert by["mastodon"].aria_label == "Share on Mastodon"
    x = parse_qs(urlsplit(by["x"].href).query)
    assert x == {"text": ["A & B"], "url": ["https://e.org/p/?a=1#x"], "via": ["site"]}


def test_share_links_without_url_drop_linkedin() -> None:
    links = build_share_links(
        ["x", "linkedin", "bluesky"],
        text="T",
        url=None,
        anchor="a",
        via=None,
        tweet_label="L",
        share_on="{network}",
        permalink_label="P",
    )
    assert [link.network for link in links] == ["x", "bluesky"]
    assert parse_qs(urlsplit(links[0].href).query) == {"text": ["T"]}
    assert parse_qs(urlsplit(links[1].href).query) == {"text": ["T"]}


@pytest.mark.parametrize(
    ("text", "url", "via", "expected"),
    [
        ("hello", None, None, 5),
        ("hello", "https://a-very-long-domain.example.org/some/long/path/", None, 5 + 1 + 23),
        ("hello", "https://e.org/", "site", 5 + 24 + 6 + 4),
        ("文档", None, None, 4),  # CJK counts double on X
        ("naïve – “ok”", None, None, 12),
    ],
)
def test_tweet_length(text: str, url: str | None, via: str | None, expected: int) -> None:
    assert tweet_length(text, url, via) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, None), ("", None), ("  ", None), ("@docs_team", "docs_team"), ("Docs1", "Docs1")],
)
def test_normalize_handle(value: str | None, expected: str | None) -> None:
    assert normalize_handle(value) == expected


@pytest.mark.parametrize("value", ["@", "has space", "toolonghandle_1234", "a/b", "@@x"])
def test_normalize_handle_rejects(value: str) -> None:
    with pytest.raises(ValueError, match="is not an X handle"):
        normalize_handle(value)


def test_normalize_instance() -> None:
    assert normalize_instance("https://fosstodon.org/") == "fosstodon.org"
    assert normalize_instance("mastodon.social") == "mastodon.social"
    with pytest.raises(ValueError):
        normalize_instance("not a host")


# -- lines in the Markdown source --------------------------------------------------------


def issue(tag: str, ordinal: int, total: int, closing: bool = False) -> TransformIssue:
    return TransformIssue(tag, closing, ordinal, total, "m")


def test_locate_tag_line_skips_code() -> None:
    source = (
        "Intro with `<tweet>` in code.\n"  # 1
        "\n"  # 2
        "```html\n"  # 3
        "<tweet>example</tweet>\n"  # 4
        "```\n"  # 5
        "<!-- <tweet>old</tweet> -->\n"  # 6
        "<tweet>first\n"  # 7
        "\n"  # 8
        "<tweet>second</tweet>\n"  # 9
    )
    assert locate_tag_line(source, issue("tweet", 0, 2)) == 7
    assert locate_tag_line(source, issue("tweet", 1, 2)) == 9
    assert locate_tag_line(source, issue("tweet", 0, 1, closing=True)) == 9


def test_locate_tag_line_unknown_when_counts_differ() -> None:
    source = "<tweet>a</tweet>\n"
    assert locate_tag_line(source, issue("tweet", 0, 2)) is None
    assert locate_tag_line(source, issue("small", 0, 1)) is None
