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

from mkdocs_blogpost.card_excerpt import card_prose
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
        '<div class="admonition note" id="note-a"><p class="admonition-title">Note</p>'
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


# -- the prose a card shows ------------------------------------------------------------------

TWEET_BLOCK = (
    '<div class="blogpost-tweet" id="tweet-q"><blockquote class="blogpost-tweet__quote">'
    '<p>A quote.</p></blockquote><p class="blogpost-share"><a href="https://x">Click to tweet'
    "</a></p></div>"
)
FIGURE = (
    '<figure class="blogpost-figure"><img src="d.png" alt="A chart">'
    '<figcaption class="blogpost-caption">The chart</figcaption></figure>'
)


@pytest.mark.parametrize(
    ("excerpt", "expected"),
    [
        pytest.param("<p>One.</p>", "<p>One.</p>", id="a-paragraph-stays-byte-for-byte"),
        pytest.param(
            '<p>See <a href="x/">x</a> &amp; <em>y</em>.</p>',
            '<p>See <a href="x/">x</a> &amp; <em>y</em>.</p>',
            id="inline-markup-stays",
        ),
        pytest.param('<h2 id="a">A heading</h2>\n<p>Text.</p>', "<p>Text.</p>", id="headings-go"),
        pytest.param(
            f"<p>Before.</p>\n{TWEET_BLOCK}\n<p>After.</p>",
            "<p>Before.</p>\n<p>After.</p>",
            id="quotes-and-share-links-go",
        ),
        pytest.param(f"{FIGURE}\n<p>Text.</p>", "<p>Text.</p>", id="figures-go"),
        pytest.param(
            '<p><img src="a.png" alt="only an image"></p><p>Text.</p>',
            "<p>Text.</p>",
            id="image-paragraphs-go",
        ),
        pytest.param(
            '<p>An <img src="i.png" alt="icon"> inline.</p>',
            '<p>An <img src="i.png" alt="icon"> inline.</p>',
            id="inline-images-stay",
        ),
        pytest.param(
            "<ul><li>a</li><li>b</li></ul>", "<ul><li>a</li><li>b</li></ul>", id="lists-stay"
        ),
        pytest.param(
            '<div class="highlight"><pre><code>x = 1</code></pre></div><p>T.</p>',
            "<p>T.</p>",
            id="code-goes",
        ),
        pytest.param(
            "<table><tr><td>1</td></tr></table><blockquote><p>q</p></blockquote>",
            "",
            id="no-prose-at-all",
        ),
        pytest.param("", "", id="empty"),
    ],
)
def test_card_prose_keeps_paragraphs_and_lists(excerpt: str, expected: str) -> None:
    assert card_prose(excerpt) == expected


def test_card_prose_is_clamped_to_a_few_lines() -> None:
    words = " ".join(f"w{i}" for i in range(100))
    # Whole blocks while they fit, never a second block that would overflow.
    assert card_prose("<p>a b c</p><p>d e</p><p>f g h</p>", budget=5) == "<p>a b c</p>\n<p>d e</p>"
    # A first block longer than the budget is cut at a word, its tags closed.
    cut = card_prose(f"<p><em>{words}</em> end</p>", budget=10)
    assert cut == "<p><em>" + " ".join(f"w{i}" for i in range(10)) + "…</em></p>"
    # Chinese, Japanese and Korean count half a word a character.
    assert card_prose("<p>" + "文" * 100 + "</p>", budget=10) == "<p>" + "文" * 20 + "…</p>"


@given(
    st.lists(
        st.sampled_from(
            ["<p>word word</p>", TWEET_BLOCK, FIGURE, "<h3>H</h3>", "<ul><li>i</li></ul>"]
        ),
        max_size=8,
    )
)
@FUZZ
def test_card_prose_never_carries_a_quote_figure_or_heading(blocks: list[str]) -> None:
    out = card_prose("\n".join(blocks))
    soup = BeautifulSoup(out, "html.parser")
    assert soup.select("figure, h3, .blogpost-tweet, .blogpost-share, blockquote") == []
    assert len(out.split()) <= 60
