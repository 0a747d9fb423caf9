"""Unit tests for excerpts and link re-basing (pure functions)."""

from __future__ import annotations

import pytest

from mkdocs_blogpost.excerpts import absolutize_html, excerpt_html, rebase_html, resolve_url
from mkdocs_blogpost.models import Post


def make_post(html: str, **kw: object) -> Post:
    post = Post(src_uri="blog/posts/p.md", slug="p", title="P", date=None, body="", **kw)  # type: ignore[arg-type]
    post.html = html
    return post


def test_excerpt_order() -> None:
    body = '<p>One <a href="../x/">x</a></p>\n<!-- more -->\n<p>Two</p>'
    assert excerpt_html(make_post(body, excerpt="Front <b>")) == "<p>Front &lt;b&gt;</p>"
    assert excerpt_html(make_post(body, description="D")) == '<p>One <a href="../x/">x</a></p>'
    assert excerpt_html(make_post("<p>A</p><p>B</p>", description="D&")) == "<p>D&amp;</p>"
    assert excerpt_html(make_post("<h2>T</h2><p>A</p><p>B</p>")) == "<p>A</p>"
    assert excerpt_html(make_post("<p>A</p><!--more--><p>B</p>")) == "<p>A</p>"


@pytest.mark.parametrize(
    ("url", "page", "expected"),
    [
        ("img.png", "blog/2024/01/01/p/", "blog/2024/01/01/p/img.png"),
        ("../../../../../assets/a.png", "blog/2024/01/01/p/", "assets/a.png"),
        ("../other/", "blog/p/", "blog/other/"),
        ("#sec", "blog/p/", "blog/p/#sec"),
        ("x.html#a", "blog/p.html", "blog/x.html#a"),
        ("https://e.org/x", "blog/p/", None),
        ("/abs", "blog/p/", None),
        ("mailto:a@b", "blog/p/", None),
    ],
)
def test_resolve_url(url: str, page: str, expected: str | None) -> None:
    assert resolve_url(url, page) == expected


def test_rebase_html_from_post_to_listing() -> None:
    frag = (
        '<p><a href="../../../../../guide/">g</a> <img src="../../../../../assets/a.png" alt="a">'
        ' <a href="#top">t</a> <a href="https://e.org/">e</a></p>'
    )
    out = rebase_html(frag, "blog/2024/01/01/p/", "blog/page/2/")
    assert 'href="../../../guide/"' in out
    assert 'src="../../../assets/a.png"' in out
    assert 'href="../../2024/01/01/p/#top"' in out
    assert 'href="https://e.org/"' in out


def test_rebase_html_html_urls() -> None:
    out = rebase_html(
        '<img src="../../../../assets/a.png">', "blog/2024/01/01/p.html", "blog/index.html"
    )
    assert out == '<img src="../assets/a.png">'


def test_absolutize_html() -> None:
    frag = '<a href="../../x/">x</a><img src="/assets/a.png"><a href="#h">h</a><img srcset="a.png 1x, b.png 2x">'
    out = absolutize_html(frag, "blog/2024/p/", "https://example.org/docs/")
    assert 'href="https://example.org/docs/blog/x/"' in out
    assert 'src="https://example.org/assets/a.png"' in out
    assert 'href="https://example.org/docs/blog/2024/p/#h"' in out
    assert (
        'srcset="https://example.org/docs/blog/2024/p/a.png 1x, https://example.org/docs/blog/2024/p/b.png 2x"'
        in out
    )


def test_excerpt_skips_admonition_titles_and_drops_ids() -> None:
    body = (
        '<div class="admonition tweet" id="tweet-a"><p class="admonition-title">Quote</p>'
        "<blockquote>Q</blockquote></div><p>First real paragraph.</p>"
    )
    assert excerpt_html(make_post(body)) == "<p>First real paragraph.</p>"
    more = '<h2 id="intro">Intro</h2><p id="x">A</p><!-- more --><p>B</p>'
    assert excerpt_html(make_post(more)) == "<h2>Intro</h2><p>A</p>"
