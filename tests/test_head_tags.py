"""Head tags already on a page are found however they are written, and never doubled.

Minifiers drop attribute quotes, themes order attributes their own way, and scripts in
the head hold text that looks like tags: each row is a page the head functions meet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from bs4 import BeautifulSoup

from mkdocs_blogpost import head, seo


def _page(head_html: str, *, close: str = "</head>") -> str:
    return f"<!doctype html><html><head>{head_html}{close}<body><p>Text</p></body></html>"


def _changed(change: Callable[..., None], output: str, *args: Any, **kwargs: Any) -> str:
    """Return `output` with one of `seo`'s head changes written."""
    page_head = head.PageHead(output)
    change(page_head, *args, **kwargs)
    return page_head.text()


def _head(output: str) -> BeautifulSoup:
    return BeautifulSoup(output, "lxml").head


@pytest.mark.parametrize(
    "written",
    [
        '<meta name="description" content="Old">',
        "<meta name='description' content='Old'>",
        "<meta name=description content=Old>",
        '<meta content="Old" name="description">',
        '<META NAME="Description" CONTENT="Old">',
        '<meta\n  name="description"\n  content="Old"\n/>',
    ],
)
def test_a_description_in_any_spelling_is_replaced_not_doubled(written: str) -> None:
    out = _changed(seo.set_meta_description, _page(written), "New & improved")
    descriptions = _head(out).find_all(
        "meta", attrs={"name": lambda v: v and v.lower() == "description"}
    )
    assert [d["content"] for d in descriptions] == ["New & improved"]


@pytest.mark.parametrize(
    "written",
    [
        '<link rel="canonical" href="https://example.org/a/">',
        "<link href=https://example.org/a/ rel=canonical>",
        "<link rel='canonical' href='https://example.org/a/'>",
        '<LINK REL="CANONICAL" HREF="https://example.org/a/">',
    ],
)
def test_a_canonical_in_any_spelling_is_kept_or_replaced_once(written: str) -> None:
    kept = _changed(seo.set_canonical, _page(written), "https://example.org/b/", replace=False)
    assert [link["href"] for link in _head(kept).select('link[rel="canonical" i]')] == [
        "https://example.org/a/"
    ]
    replaced = _changed(seo.set_canonical, _page(written), "https://example.org/b/", replace=True)
    assert [link["href"] for link in _head(replaced).select('link[rel="canonical" i]')] == [
        "https://example.org/b/"
    ]


def test_replacing_the_canonical_removes_a_second_one_too() -> None:
    page = _page(
        '<link rel="canonical" href="https://example.org/a/">\n'
        "<link href=https://example.org/c/ rel=canonical>\n"
    )
    out = _changed(seo.set_canonical, page, "https://example.org/b/", replace=True)
    assert [link["href"] for link in _head(out).select('link[rel="canonical"]')] == [
        "https://example.org/b/"
    ]


@pytest.mark.parametrize(
    "decoy",
    [
        '<script>document.write(\'<meta name="description" content="x">\')</script>',
        '<!-- <meta name="description" content="x"> -->',
        '<title>A <meta name="description"> title</title>',
    ],
)
def test_text_that_looks_like_a_tag_is_not_one(decoy: str) -> None:
    page = _page(decoy)
    assert not head.PageHead(page).has_meta_description()
    out = _changed(seo.set_meta_description, page, "Real")
    assert out.count('<meta name="description" content="Real">') == 1
    # The decoy is left byte for byte.
    assert decoy in out


def test_the_head_ends_at_body_when_a_minifier_dropped_the_end_tag() -> None:
    page = "<!doctype html><html><head><meta charset=utf-8><title>T</title><body><p>x</p>"
    out = head.inject_head(page, ['<meta name="x" content="y">'])
    assert out.index('<meta name="x"') < out.index("<body>")
    assert out.count('<meta name="x"') == 1


def test_a_page_without_a_head_is_left_alone() -> None:
    assert head.inject_head("<p>Only a fragment</p>", ["<meta name=x>"]) == "<p>Only a fragment</p>"


def test_an_unclosed_quote_does_not_hide_the_end_of_the_head() -> None:
    page = _page('<meta name="broken content=x>\n<meta name="description" content="D">')
    assert head.head_end(page) == page.index("</head>")


def test_attribute_values_are_decoded() -> None:
    tags = head.head_tags(_page('<meta property="og:title" content="Fish &amp; chips">'))
    assert head.find_meta(tags, "og:title").attrs["content"] == "Fish & chips"


@pytest.mark.parametrize(
    "links",
    [
        '<link rel="prev" href="../a/">\n    <link rel="next" href="../c/">\n',
        "<link rel=prev href=../a/><link rel=next href=../c/>",
    ],
)
def test_theme_pagination_links_are_dropped_in_any_spelling(links: str) -> None:
    page = _page(f'<meta charset="utf-8">\n    {links}<title>T</title>')
    out = _changed(seo.drop_pagination_links, page)
    soup = _head(out)
    assert soup.select("link[rel=prev], link[rel=next]") == []
    assert soup.title.string == "T" and soup.meta["charset"] == "utf-8"


META = seo.ArticleMeta(
    title="Post",
    description="About it",
    url="https://example.org/post/",
    published=dt.datetime(2024, 3, 5, tzinfo=dt.timezone.utc),
    image="https://example.org/cover.png",
)


@pytest.mark.parametrize(
    "card",
    [
        '<meta name="twitter:card" content="summary_large_image">',
        # Material's social plugin writes Twitter cards with `property`.
        '<meta property="twitter:card" content="summary_large_image" />',
        "<meta name=twitter:card content=summary>",
    ],
)
def test_a_twitter_card_written_by_another_plugin_is_not_doubled(card: str) -> None:
    tags = seo.article_tags(META, head.PageHead(_page(card)))
    assert not [t for t in tags if "twitter:" in t]


def test_open_graph_and_json_ld_of_another_tool_are_not_doubled() -> None:
    written = "<meta property=og:title content=Post><script type=application/ld+json>{}</script>"
    tags = seo.article_tags(META, head.PageHead(_page(written)))
    assert not [t for t in tags if "ld+json" in t]
    # Its OpenGraph keeps its title and image; the type it left out says what a post is.
    assert [t for t in tags if "og:" in t] == ['<meta property="og:type" content="article">']
    # What that tool did not write is still added.
    assert any('name="twitter:card"' in t for t in tags)
    assert any('property="article:published_time"' in t for t in tags)


@pytest.mark.parametrize(
    "written",
    [
        # As Material's social plugin writes it, then minified, then in capitals.
        '<meta property="og:type" content="website" />',
        "<meta content=website property=og:type>",
        "<META PROPERTY='OG:TYPE' CONTENT='Website'>",
    ],
)
def test_another_tools_og_type_becomes_article_once(written: str) -> None:
    page = _page(f'<meta property="og:title" content="Post">{written}')
    out = _changed(seo.set_article_type, page)
    assert out.count("og:type") + out.count("OG:TYPE") == 1
    (found,) = _head(out).find_all(
        "meta", attrs={"property": lambda v: v and v.lower() == "og:type"}
    )
    assert found["content"] == "article"
    assert not [t for t in seo.article_tags(META, head.PageHead(out)) if "og:type" in t]


def test_an_article_og_type_and_a_page_without_one_are_left_as_they_are() -> None:
    written = _page('<meta property="og:type" content="article" />')
    assert _changed(seo.set_article_type, written) is written
    bare = _page("<title>Post</title>")
    assert _changed(seo.set_article_type, bare) is bare


def test_article_tags_another_tool_wrote_are_not_doubled() -> None:
    written = (
        '<meta property="og:title" content="Post" />'
        '<meta property="article:published_time" content="2024-03-05T00:00:00+00:00" />'
    )
    tags = seo.article_tags(META, head.PageHead(_page(written)))
    assert not [t for t in tags if "article:" in t]


def test_the_site_handle_joins_another_tools_card_spelled_as_it_is() -> None:
    meta = seo.ArticleMeta(**{**META.__dict__, "twitter_site": "@lighthouse"})
    card = '<meta property="twitter:card" content="summary_large_image" />'
    tags = seo.article_tags(meta, head.PageHead(_page(card)))
    assert [t for t in tags if "twitter:" in t] == [
        '<meta property="twitter:site" content="@lighthouse">'
    ]
    # A handle the card already names is not written twice.
    named = card + '<meta name="twitter:site" content="@other">'
    assert not [t for t in seo.article_tags(meta, head.PageHead(_page(named))) if "twitter:" in t]


def test_a_bare_page_gets_every_group_once() -> None:
    tags = seo.article_tags(META, head.PageHead(_page("<title>Post</title>")))
    assert sum('property="og:type"' in t for t in tags) == 1
    assert sum('name="twitter:card"' in t for t in tags) == 1
    assert sum("application/ld+json" in t for t in tags) == 1


def test_changes_made_together_are_each_written_once() -> None:
    # A listing page's head gets every kind of change in one writing of the page.
    page = _page(
        '<meta charset="utf-8">\n    <meta name="description" content="Old">\n'
        '    <link rel="canonical" href="https://example.org/a/">\n'
        '    <link rel="prev" href="../a/"><link rel="next" href="../c/">\n'
        "    <link href=https://example.org/c/ rel=canonical>\n    <title>T</title>\n"
    )
    page_head = head.PageHead(page)
    seo.set_meta_description(page_head, "New")
    seo.set_canonical(page_head, "https://example.org/b/", replace=True)
    seo.drop_pagination_links(page_head)
    page_head.add(['<meta name="x" content="y">'])
    out = page_head.text()
    soup = _head(out)
    assert [m["content"] for m in soup.select('meta[name="description"]')] == ["New"]
    assert [link["href"] for link in soup.select('link[rel="canonical"]')] == [
        "https://example.org/b/"
    ]
    assert soup.select("link[rel=prev], link[rel=next]") == []
    assert soup.title.string == "T" and soup.meta["charset"] == "utf-8"
    assert out.index('<meta name="x"') > out.index("<title>") and out.count('name="x"') == 1
    # What was not changed is left byte for byte.
    assert out.startswith('<!doctype html><html><head><meta charset="utf-8">\n')
    assert out.endswith("</head><body><p>Text</p></body></html>")
