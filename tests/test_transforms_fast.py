"""The shortcuts that make quotes, captions, share links and word counts cheap.

Each shortcut is checked against the plain computation it replaces, written out here
as the reference: the full scan of every block tag, `nh3.clean` with the same rules,
`urlencode(..., quote_via=quote)`, a per-character weight, and the word regex. Whether
they are fast is the benchmark's business, not these tests'.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import astuple
from urllib.parse import quote, urlencode

import nh3
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_blogpost import share
from mkdocs_blogpost.i18n import Translator
from mkdocs_blogpost.render import make_environment
from mkdocs_blogpost.share import build_share_links, tweet_length
from mkdocs_blogpost.text import count_words
from mkdocs_blogpost.transforms import TransformOptions, transform_html
from mkdocs_blogpost.transforms.sanitise import (
    IMAGE_RULES,
    INLINE_RULES,
    sanitize_image,
    sanitize_inline,
)
from mkdocs_blogpost.transforms.scan import Scan

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- the scan ---------------------------------------------------------------------------

# The plain scan the shortcuts replace: every block tag is a token.
_FULL_SCAN_RE = re.compile(
    r"(?P<skip><!--.*?-->|<(?P<raw>pre|code|script|style|textarea)(?=[\s>])[^>]*>.*?"
    r"</(?P=raw)\s*>)"
    r"|<(?P<close>/?)(?P<name>tweet|small)(?=[\s/>])(?P<attrs>[^>]*)>"
    r"|<(?P<bclose>/?)(?P<block>address|article|aside|blockquote|caption|details|dialog|"
    r"dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|li|main|"
    r"nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)(?=[\s/>])[^>]*>",
    re.IGNORECASE | re.DOTALL,
)

Block = tuple[int, int, str, bool]


class ReferenceScan:
    """Every block tag of the page, listed up front, and the tweet/small tags."""

    def __init__(self, html: str) -> None:
        self.blocks: list[Block] = []
        self.tags: list[tuple[int, int, str, bool, str]] = []
        for m in _FULL_SCAN_RE.finditer(html):
            if m.group("skip") is not None:
                if (m.group("raw") or "").lower() == "pre":
                    self.blocks.append((m.start(), m.start(), "pre", False))
                    self.blocks.append((m.end(), m.end(), "pre", True))
            elif m.group("name") is not None:
                name, closing = m.group("name").lower(), bool(m.group("close"))
                self.tags.append((m.start(), m.end(), name, closing, m.group("attrs")))
            else:
                block = m.group("block").lower()
                self.blocks.append((m.start(), m.end(), block, bool(m.group("bclose"))))
        self.starts = [b[0] for b in self.blocks]

    def between(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, start)
        return i < len(self.blocks) and self.blocks[i][0] < end

    def before(self, pos: int) -> Block | None:
        i = bisect.bisect_left(self.starts, pos)
        return self.blocks[i - 1] if i else None

    def after(self, pos: int) -> Block | None:
        i = bisect.bisect_left(self.starts, pos)
        return self.blocks[i] if i < len(self.blocks) else None


PIECES = [
    "<p>",
    "</p>",
    "<P class='x'>",
    "<p/>",
    "<div>",
    "</div>",
    "<h2 id='a'>",
    "</h2>",
    "<li>",
    "</li>",
    "<ul>",
    "<hr/>",
    "<td>",
    "<header>",
    "<h7>",
    "<para>",
    "<pre>",
    "</pre>",
    "<PRE class=x>",
    "</pre >",
    "<pre><code>",
    "</code></pre>",
    "<code>",
    "</code>",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<textarea>",
    "</textarea>",
    "<tweet>",
    "</tweet>",
    "<tweet/>",
    "<Small a=1>",
    "</small>",
    "<img src='a.png'>",
    "<a href='/x'>",
    "</a>",
    "<br>",
    "<em>",
    " ",
    "\n",
    "text",
    "<",
    ">",
    # A `<` inside a tag: such block tags can hide the start of a comment or code.
    "<p <!-- x -->",
    "<div title='<code>'>",
    "<tweet <p>",
    "<li title='<pre>'>",
]


def check_scan(html: str, **limits: int) -> None:
    ref, scan = ReferenceScan(html), Scan(html, **limits)
    tags = [(t.start, t.end, t.name, t.closing, t.attrs) for t in scan.of("tweet")]
    tags += [(t.start, t.end, t.name, t.closing, t.attrs) for t in scan.of("small")]
    assert sorted(tags) == ref.tags
    for pos in range(len(html) + 2):
        before, after = scan.block_before(pos), scan.block_after(pos)
        assert (before and tuple(before)) == ref.before(pos), pos
        assert (after and tuple(after)) == ref.after(pos), pos
        for end in range(pos, min(pos + 60, len(html) + 2)):
            assert scan.blocks_between(pos, end) == ref.between(pos, end), (pos, end)


@SETTINGS
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_scan_answers_like_a_scan_of_every_block_tag(html: str) -> None:
    check_scan(html)


@pytest.mark.parametrize(("chars", "tags"), [(1, 1), (5, 2)])
@SETTINGS
@given(html=st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_scan_answers_the_same_when_it_lists_block_tags(html: str, chars: int, tags: int) -> None:
    """With tiny look-ahead limits the scan lists the block tags between tokens instead."""
    check_scan(html, near_chars=chars, near_tags=tags)


def test_scan_keeps_block_tags_that_hide_a_comment() -> None:
    # `<p title="<!--">` is one tag: the `<!--` inside it starts no comment, so the
    # quote after it is found, and the block tag is seen.
    html = '<p title="<!--"><tweet>Seen.</tweet></p><!-- -->'
    check_scan(html)
    out, stats = transform_html(
        html, env=make_environment([], Translator("en")), page_url=None, options=OPTIONS
    )
    assert stats.tweets == 1
    assert out.startswith('<div class="blogpost-tweet"')


# -- sanitising ---------------------------------------------------------------------------

OPTIONS = TransformOptions()


def nh3_inline(fragment: str) -> str:
    return nh3.clean(fragment, **INLINE_RULES).strip()


def nh3_image(fragment: str) -> str:
    return nh3.clean(fragment, **IMAGE_RULES).strip()


SPECIAL = "\x00\r\n\t &<>\"'\xa0\ufeff\u2028\ufffd"


@pytest.mark.parametrize("where", ["{}x", "x{}", "x{}x", "{}"])
def test_plain_text_skips_the_sanitiser_only_where_it_would_change_nothing(where: str) -> None:
    codes = [*range(0x3000), 0xFEFF, 0xFFFD, 0xFFFE, 0xE000, 0x1F600, 0x10FFFF]
    for code in codes:
        if 0xD800 <= code <= 0xDFFF:
            continue
        text = where.format(chr(code))
        assert sanitize_inline(text) == nh3_inline(text), hex(code)


@SETTINGS
@given(
    st.lists(
        st.sampled_from(
            [
                *PIECES,
                "<strong>",
                "</strong>",
                '<a href="javascript:alert(1)">',
                '<img src="x.png" onerror="alert(1)" data-x="1">',
                "<picture><source srcset='a.webp'>",
                "&amp;",
                "&lt;",
                "&#0;",
            ]
        )
        | st.text(alphabet=SPECIAL + "ab é日😀", max_size=5),
        max_size=12,
    ).map("".join)
)
def test_sanitisers_keep_what_nh3_clean_keeps(fragment: str) -> None:
    assert sanitize_inline(fragment) == nh3_inline(fragment)
    assert sanitize_image(fragment) == nh3_image(fragment)


# -- share links and lengths ----------------------------------------------------------------


def test_heavy_characters_are_those_outside_the_light_ranges() -> None:
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    heavy = "".join(ch for ch in every if not share._is_light(ch))
    assert "".join(share._HEAVY_RE.findall(every)) == heavy


@given(st.text(max_size=40), st.sampled_from([None, "https://example.org/p/"]))
def test_tweet_length_counts_light_characters_once_and_others_twice(
    text: str, url: str | None
) -> None:
    expected = sum(1 if share._is_light(ch) else 2 for ch in text)
    assert tweet_length(text, url, None) == expected + (24 if url else 0)


def reference_links(text: str, url: str | None, via: str | None) -> list[str]:
    # The plain way to build the links, one urlencode per link.
    x = [("text", text)] + ([("url", url)] if url else []) + ([("via", via)] if via else [])
    with_url = f"{text} {url}" if url else text
    hrefs = [
        "https://twitter.com/intent/tweet?" + urlencode(x, quote_via=quote),
        "https://m.example/share?" + urlencode([("text", with_url)], quote_via=quote),
        "https://bsky.app/intent/compose?" + urlencode([("text", with_url)], quote_via=quote),
    ]
    if url:
        hrefs.append(
            "https://www.linkedin.com/sharing/share-offsite/?"
            + urlencode([("url", url)], quote_via=quote)
        )
    return hrefs


@given(
    st.text(max_size=30) | st.text(alphabet=st.characters(max_codepoint=127), max_size=30),
    st.sampled_from([None, "https://example.org/blog/ü ber/?a=b&c=d#x", "http://h/p/"]),
    st.sampled_from([None, "site_docs"]),
)
def test_share_links_encode_like_urlencode(text: str, url: str | None, via: str | None) -> None:
    links = build_share_links(
        ("x", "mastodon", "bluesky", "linkedin", "copy"),
        text=text,
        url=url,
        anchor="tweet-a",
        via=via,
        tweet_label="Tweet",
        share_on="Share on {network}",
        permalink_label="Link",
        mastodon_instance="m.example",
    )
    assert [link.href for link in links if link.network != "copy"] == reference_links(
        text, url, via
    )


# -- build-wide lookups ---------------------------------------------------------------------


def test_words_follow_the_environment_of_each_build() -> None:
    html = "<p><tweet>Ship it.</tweet></p>"
    english = make_environment([], Translator("en"))
    german = make_environment([], Translator("de"))
    out_en, _ = transform_html(html, env=english, page_url=None, options=OPTIONS)
    out_de, _ = transform_html(html, env=german, page_url=None, options=OPTIONS)
    labels = Translator("en")("click_to_tweet"), Translator("de")("click_to_tweet")
    assert labels[0] != labels[1]
    assert f">{labels[0]}</a>" in out_en and labels[1] not in out_en
    assert f">{labels[1]}</a>" in out_de
    # A new label in the same build's options is used at once.
    labelled = TransformOptions(tweet_label="Share this")
    out, _ = transform_html(html, env=english, page_url=None, options=labelled)
    assert ">Share this</a>" in out


# -- word counts ------------------------------------------------------------------------------

_WORD_RE = re.compile(r"[^\W_](?:[\w'’.-]*\w)?")


@SETTINGS
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_word_count_matches_the_word_regex(text: str) -> None:
    assert count_words(text) == (len(_WORD_RE.findall(text)), 0)


def test_transform_results_are_unchanged_by_repeating_them() -> None:
    # Per-page caches (sanitised quotes, image lookups, ids) must not leak between pages.
    env = make_environment([], Translator("en"))
    html = (
        '<h2 id="tweet-same">x</h2><p><tweet>Same.</tweet></p>'
        '<p><img src="a.png" alt="a">\n<small>Cap &amp; tion</small></p>'
    )
    first = transform_html(html, env=env, page_url="https://e.org/p/", options=OPTIONS)
    second = transform_html(html, env=env, page_url="https://e.org/p/", options=OPTIONS)
    assert first[0] == second[0]
    assert astuple(first[1]) == astuple(second[1])
    assert 'id="tweet-same-2"' in first[0]
    assert "<figcaption" in first[0]


def test_many_quotes_in_one_paragraph_each_become_a_block() -> None:
    # The paragraph is split once around all of them; the text between stays in order.
    quotes = 400
    html = (
        "<p>" + " ".join(f"<tweet>Quote {n}.</tweet> <em>x{n}</em>" for n in range(quotes)) + "</p>"
    )
    env = make_environment([], Translator("en"))
    out, stats = transform_html(html, env=env, page_url=None, options=OPTIONS)
    assert stats.tweets == quotes
    assert out.count('class="blogpost-tweet"') == quotes
    assert out.count("<p><em>x") == quotes
    positions = [out.index(f'id="tweet-quote-{n}"') for n in range(quotes)]
    assert positions == sorted(positions)


def test_share_targets_given_as_a_list_still_work() -> None:
    options = TransformOptions(share_targets=["x", "copy"])  # type: ignore[arg-type]
    env = make_environment([], Translator("en"))
    out, stats = transform_html(
        "<p><tweet>Listed.</tweet></p>", env=env, page_url=None, options=options
    )
    assert stats.tweets == 1
    assert "blogpost-share__link--copy" in out
