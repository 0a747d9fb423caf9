"""Excerpts: what a post shows in listings and feeds, with links that still lead home."""

from __future__ import annotations

import html
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st
from support.build import PNG, BuildSite
from support.fuzz import FUZZ, htmlish, page_urls, urlish

from mkdocs_blogpost.excerpts import absolutize_html, excerpt_html, rebase_to_root, resolve_url
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


ROOT = "https://site.test/"
LINKED_POST = (
    "---\ntitle: Linked\ntags: [t]\n---\n"
    "See [the guide](../../guide.md), ![a chart](../../assets/a.png), [the top](#top) "
    "and [elsewhere](https://e.org/).\n\n<!-- more -->\n\nThe rest.\n"
)


@pytest.mark.parametrize("directory_urls", [True, False])
def test_excerpt_links_lead_where_they_did_on_the_post(
    build_site: BuildSite, directory_urls: bool
) -> None:
    # The excerpt is cut from the post's page and shown on listing pages at other
    # depths: each of its links must still lead where it led on the post.
    site = build_site(
        {
            "guide.md": "# Guide\n",
            "assets/a.png": PNG,
            "blog/posts/2024-01-01-linked.md": LINKED_POST,
            "blog/posts/2024-02-01-newer.md": "---\ntitle: Newer\n---\nNewer post.\n",
        },
        {
            "use_directory_urls": directory_urls,
            # Cards on tag pages too, for a listing one folder deeper than the index.
            "plugins": ["search", {"blogpost": {"posts_per_page": 1, "term_cards": True}}],
        },
    )
    post = "blog/2024/01/01/linked/" if directory_urls else "blog/2024/01/01/linked.html"
    guide = "guide/" if directory_urls else "guide.html"
    expected = [ROOT + guide, ROOT + "assets/a.png", ROOT + post + "#top", "https://e.org/"]
    for listing in ("blog/page/2/", "blog/tags/t/"):
        url = listing if directory_urls else listing + "index.html"
        excerpt = site.soup(listing + "index.html").select_one(".blogpost-card__excerpt")
        assert excerpt is not None, listing
        found = [
            urljoin(ROOT + url, str(e.get("href") or e.get("src")))
            for e in excerpt.select("a, img")
        ]
        assert found == expected, listing


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


@pytest.mark.parametrize("url", ["http://[oops", "A://[", "https://[::1/x"])
def test_malformed_urls_are_left_as_written(url: str) -> None:
    assert resolve_url(url, "blog/x/") is None
    fragment = f'<a href="{url}">x</a>'
    assert rebase_to_root(fragment, "blog/x/", "../") == fragment
    assert absolutize_html(fragment, "blog/x/", "https://ex.org/") == fragment


# -- properties -------------------------------------------------------------------------------


@FUZZ
@given(
    body=htmlish,
    excerpt=st.none() | st.text(max_size=20),
    description=st.none() | st.text(max_size=20),
)
def test_a_front_matter_excerpt_is_shown_as_its_text(
    body: str, excerpt: str | None, description: str | None
) -> None:
    out = excerpt_html(make_post(body, excerpt=excerpt, description=description))
    if excerpt:
        assert out.startswith("<p>") and out.endswith("</p>")
        assert "<" not in out[3:-4]
        assert html.unescape(out[3:-4]) == excerpt


#: Folder and file names of a site's pages.
names = st.sampled_from(["a", "b", "blog", "c-d", "ü", "x.html"])


@st.composite
def relative_links(draw: st.DrawFn) -> tuple[str, str]:
    """A page URL and a relative link on it that stays inside the site."""
    folders = draw(st.lists(names.filter(lambda n: "." not in n), max_size=3))
    page = "".join(f"{f}/" for f in folders) + draw(st.sampled_from(["", "p.html"]))
    ups = draw(st.integers(0, len(folders)))
    down = draw(st.lists(names, max_size=3))
    link = draw(st.sampled_from(["", "./"])) + "../" * ups + "/".join(down)
    if down and draw(st.booleans()) and "." not in down[-1]:
        link += "/"
    link += draw(st.sampled_from(["", "?q=1", "#part", "?q=1#part"]))
    return page, link


def where_it_leads(page: str, link: str) -> str:
    """What a browser on the page at `page` opens for `link`: a site path (`./`: the root)."""
    parts = urlsplit(urljoin(ROOT + page, link))
    return (
        (parts.path[1:] or "./")
        + (f"?{parts.query}" if parts.query else "")
        + (f"#{parts.fragment}" if parts.fragment else "")
    )


@FUZZ
@given(relative_links())
def test_resolve_url_leads_where_a_browser_goes(page_and_link: tuple[str, str]) -> None:
    page, link = page_and_link
    if link in ("", "./") or link.startswith("?"):
        return  # nothing to resolve, or a query on the page itself
    assert resolve_url(link, page) == where_it_leads(page, link)


@FUZZ
@given(
    relative_links(),
    st.sampled_from(["/assets/a.png", "https://e.org/x", "//cdn.test/y", "mailto:a@b.c", "#top"]),
)
def test_moved_excerpt_links_lead_where_they_did(
    page_and_link: tuple[str, str], other: str
) -> None:
    page, link = page_and_link
    if not link:
        return  # an empty href means "this page" wherever it is shown
    fragment = f'<p><a href="{link}">x</a> <img src="{other}" alt=""></p>'
    expected = [urljoin(ROOT + page, link), urljoin(ROOT + page, other)]
    # In a feed, read outside the site, every link is absolute.
    fed = BeautifulSoup(absolutize_html(fragment, page, ROOT), "html.parser")
    found = [str(e.get("href") or e.get("src")) for e in fed.select("a, img")]
    assert all(urlsplit(u).scheme or u.startswith("//") for u in found), found
    assert [urljoin(ROOT, u) for u in found] == expected
    # On a listing page, `ROOT/` stands for the way up to the site root.
    listed = BeautifulSoup(rebase_to_root(fragment, page, "ROOT/"), "html.parser")
    found = [str(e.get("href") or e.get("src")) for e in listed.select("a, img")]
    assert [urljoin(ROOT, u.replace("ROOT/", "", 1)) for u in found] == expected


@FUZZ
@given(url=urlish, page_url=page_urls, fragment=htmlish)
def test_any_url_or_markup_is_rewritten_without_error(
    url: str, page_url: str, fragment: str
) -> None:
    # Links come from authors: a malformed one is left alone, never a traceback.
    resolve_url(url, page_url)
    rebase_to_root(fragment, page_url, "ROOT/")
    absolutize_html(fragment, page_url, "https://ex.org/d/")
