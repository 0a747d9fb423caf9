"""The injection checker itself must catch what it is meant to catch."""

from __future__ import annotations

import pytest
from support.build import BuildSite
from support.safety import html_injections, json_injections, site_injections, xml_injections


@pytest.mark.parametrize(
    "markup",
    [
        "<p><script>pwn(1)</script></p>",
        '<img src="x" onerror="pwn(2)">',
        '<a href=" JavaScript:pwn(3)">x</a>',
        '<img src="data:text/html,pwn">',
        '<meta http-equiv="refresh" content="0;url=javascript:pwn()">',
        "<title><b>pwn</b></title>",
        '<meta name="author" content=""><script>pwn(4)</script>">',
        '<script type="application/ld+json">{"a": "</script><script>pwn(5)</script>"}</script>',
        '<script>var name = "x";pwn(6);"";</script>',
    ],
)
def test_checker_finds_injections(markup: str) -> None:
    assert html_injections(markup, "x") != []


@pytest.mark.parametrize(
    "markup",
    [
        "<p>&lt;script&gt;pwn(1)&lt;/script&gt;</p>",
        '<img src="x" alt="&quot; onerror=pwn(2)">',
        "<title>&lt;b&gt;pwn&lt;/b&gt;</title>",
        '<a href="https://example.org/javascript:pwn">x</a>',
        "<pre><code>&lt;script&gt;pwn()&lt;/script&gt;</code></pre>",
        '<script type="application/ld+json">{"a": "\\u003cscript\\u003epwn()"}</script>',
        '<script>var mkdocs_page_name = "Posts by \\u0026lt;b onmouseover=pwn(3)\\u0026gt;";</script>',
    ],
)
def test_checker_accepts_escaped_text(markup: str) -> None:
    assert html_injections(markup, "x") == []


def test_checker_reads_json_strings_as_html() -> None:
    assert json_injections('{"docs": [{"tags": ["<img src=x onerror=pwn()>"]}]}', "j") != []
    assert json_injections('{"docs": [{"tags": ["&lt;img onerror=pwn()&gt;"]}]}', "j") == []


def test_checker_reads_json_feed_by_field() -> None:
    feed = '{"version": "https://jsonfeed.org/version/1.1", "items": [{"title": "<b>pwn</b>", %s}]}'
    assert json_injections(feed % '"content_html": "<p>x</p>"', "j") == []
    assert json_injections(feed % '"content_html": "<script>pwn()</script>"', "j") != []
    assert json_injections(feed % '"url": "javascript:pwn()"', "j") != []


def test_checker_reads_feed_html_fields() -> None:
    feed = b"<rss><channel><item><description>&lt;script&gt;pwn()&lt;/script&gt;</description></item></channel></rss>"
    assert xml_injections(feed, "f") != []
    safe = b"<rss><channel><item><description>&amp;lt;script&amp;gt;pwn()</description></item></channel></rss>"
    assert xml_injections(safe, "f") == []
    link = b'<feed><entry><link href="javascript:pwn()"/></entry></feed>'
    assert xml_injections(link, "f") != []


def test_checker_finds_raw_html_of_a_real_build(build_site: BuildSite) -> None:
    # Raw HTML in a page body is the author's own markup (like any docs page): the walker
    # must see it, which proves it really reads every built file.
    site = build_site({"about.md": "# About\n\n<script>pwn('body')</script>\n"})
    problems = site_injections(site.site_dir)
    assert any(p.startswith("about/index.html") for p in problems), problems
