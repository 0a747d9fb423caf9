"""Real builds: the generated blog pages (issue 4).

Index, tag index, tag, category, author, archive and year pages; pagination; drafts;
slugs; navigation; rebuilds with one plugin instance; and a walk over the built site.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import pytest
from support.build import META_HOOK, PNG, BuildSite, Site, make_config, run_build, write_tree
from support.outputs import assert_absent


def post(
    day: str,
    title: str,
    *,
    tags: list[str] | None = None,
    category: str | None = None,
    author: str | None = None,
    body: str = "Some text.",
    extra: str = "",
) -> str:
    lines = ["---", f'title: "{title}"', f"date: {day}"]
    if tags is not None:
        lines.append("tags: " + json.dumps(tags, ensure_ascii=False))
    if category:
        lines.append(f"category: {category}")
    if author:
        lines.append(f"author: {author}")
    if extra:
        lines.append(extra)
    lines += ["---", "", body, ""]
    return "\n".join(lines)


def many_posts(n: int, **kw: object) -> dict[str, str | bytes]:
    """`n` posts on consecutive days of 2024 (post 1 is the oldest)."""
    out: dict[str, str | bytes] = {}
    for i in range(1, n + 1):
        day = f"2024-{1 + (i - 1) // 28:02d}-{1 + (i - 1) % 28:02d}"
        out[f"blog/posts/{day}-p{i}.md"] = post(day, f"Post {i}", **kw)  # type: ignore[arg-type]
    return out


def card_titles(site: Site, rel: str) -> list[str]:
    return [a.get_text(strip=True) for a in site.soup(rel).select("a.blogpost-card__link")]


def entry_titles(site: Site, rel: str) -> list[str]:
    """Titles a term page lists, as compact entries."""
    links = site.soup(rel).select(".blogpost-entries a.blogpost-entry__link")
    return [a.get_text(strip=True) for a in links]


def target_of(page_rel: str, href: str) -> str | None:
    """The site file an internal `href` on page `page_rel` points to (None: external)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("#") or not parts.path:
        return None
    path = unquote(parts.path)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), path))
    if path.endswith("/") or target in (".", ""):
        target = posixpath.join(target, "index.html") if target != "." else "index.html"
    return target


def page_of_href(page_rel: str, href: str, site: Site) -> str:
    target = target_of(page_rel, href)
    assert target is not None, href
    if not site.exists(target) and site.exists(target + "/index.html"):
        target += "/index.html"
    return target


def family(site: Site, first: str) -> list[str]:
    """Page 1 of a listing, then every page reached through its "older posts" links."""
    pages = [first]
    while True:
        older = site.soup(pages[-1]).select_one(".blogpost-pagination__older a")
        if older is None:
            return pages
        pages.append(page_of_href(pages[-1], older["href"], site))
        assert len(pages) < 100


# -- every page kind ------------------------------------------------------------------------


def kinds_site() -> dict[str, str | bytes]:
    return {
        "assets/img/posts/c.png": PNG,
        "blog/posts/2023-05-01-alpha.md": post(
            "2023-05-01", "Alpha", tags=["docs", "CI"], category="guides", author="Ada Quill"
        ),
        "blog/posts/2024-02-03-beta.md": post(
            "2024-02-03",
            "Beta",
            tags=["docs"],
            category="releases",
            author="Bram Okafor",
            extra="img: posts/c.png",
        ),
        "blog/posts/2024-07-08-gamma.md": post(
            "2024-07-08", "Gamma", tags=["ci"], category="guides", author="Ada Quill"
        ),
    }


@pytest.mark.parametrize("theme", ["material", "mkdocs", "readthedocs"])
@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_page_kind(build_site: BuildSite, theme: str, directory_urls: bool) -> None:
    site = build_site(
        kinds_site(), {"theme": {"name": theme}, "use_directory_urls": directory_urls}
    )

    def rel(path: str) -> str:
        # Generated pages are `<folder>/index.md`: the same file in both URL styles.
        return f"{path}/index.html"

    index = "blog/index.html"
    assert card_titles(site, index) == ["Gamma", "Beta", "Alpha"]
    # "CI" and "ci" are one tag, shown as "CI" (first in sort order on a tie).
    assert "blog/tags/index.html" in site.html_files()
    cloud = site.soup("blog/tags/index.html")
    # The tag index: chips with counts (the count read out as "2 posts"), an intro and
    # a link back to the blog.
    names = [a.get_text(strip=True) for a in cloud.select(".blogpost-terms .blogpost-term__name")]
    assert names == ["CI", "docs"]
    counts = [c.get_text(strip=True) for c in cloud.select(".blogpost-terms .blogpost-term__count")]
    assert counts == ["2", "2"]
    spoken = [a.select_one(".blogpost-sr").get_text(strip=True) for a in cloud.select("a.blogpost-term")]
    assert spoken == ["(2 posts)", "(2 posts)"]
    assert cloud.select_one(".blogpost-listing__intro").get_text(strip=True)
    back = cloud.select_one(".blogpost-listing__back a")
    assert page_of_href("blog/tags/index.html", back["href"], site) == "blog/index.html"
    assert entry_titles(site, rel("blog/tags/ci")) == ["Gamma", "Alpha"]
    assert entry_titles(site, rel("blog/tags/docs")) == ["Beta", "Alpha"]
    assert entry_titles(site, rel("blog/category/guides")) == ["Gamma", "Alpha"]
    assert entry_titles(site, rel("blog/category/releases")) == ["Beta"]
    assert entry_titles(site, rel("blog/author/ada-quill")) == ["Gamma", "Alpha"]
    assert entry_titles(site, rel("blog/author/bram-okafor")) == ["Beta"]
    archive = site.soup("blog/archive/index.html")
    years = [h.get_text(" ", strip=True) for h in archive.select(".blogpost-archive__year h2")]
    assert years == ["2024 2 posts", "2023 1 post"]
    assert [a.get_text() for a in archive.select(".blogpost-entry__link")] == [
        "Gamma",
        "Beta",
        "Alpha",
    ]
    year = site.soup(rel("blog/archive/2024"))
    assert [a.get_text() for a in year.select("a.blogpost-card__link")] == ["Gamma", "Beta"]
    # Titles of generated pages come from i18n.
    tag_page = site.soup(rel("blog/tags/ci"))
    assert tag_page.find("h1").get_text(strip=True).rstrip("¶") == "Posts tagged “CI”"
    assert "Posts from 2024" in year.find("h1").get_text()
    # Cards carry date, reading time, author link, cover and tags.
    card = site.soup(index).select("article.blogpost-card")[1]
    assert card.select_one("time")["datetime"].startswith("2024-02-03")
    assert card.select_one(".blogpost-meta__read").get_text(strip=True)
    assert card.select_one(".blogpost-meta__authors a").get_text() == "Bram Okafor"
    cover = card.select_one(".blogpost-card__cover img")
    assert site.exists(page_of_href(index, cover["src"], site))
    assert [a.get_text() for a in card.select(".blogpost-card__tags a")] == ["docs"]


def test_blog_is_one_nav_entry_and_posts_stay_out(build_site: BuildSite) -> None:
    for theme in ("material", "mkdocs"):
        site = build_site(kinds_site(), {"theme": {"name": theme}})
        soup = site.soup("index.html")
        nav_text = soup.select_one(
            "nav.md-nav--primary" if theme == "material" else ".navbar-nav"
        ).get_text(" ", strip=True)
        assert "Blog" in nav_text, theme
        for hidden in ("Alpha", "Beta", "Posts tagged", "Archive", "Tags"):
            assert hidden not in nav_text, (theme, hidden)
        # One entry, not a section holding one page: a single link to the blog.
        links = [
            a
            for a in soup.select("nav.md-nav--primary a, .navbar-nav a")
            if a.get_text(strip=True) == "Blog"
        ]
        assert len(links) == 1 and links[0]["href"].rstrip("/").endswith("blog"), theme


def test_explicit_nav_lists_only_the_blog_index(build_site: BuildSite) -> None:
    site = build_site(
        kinds_site(),
        {"nav": [{"Home": "index.md"}, {"Blog": "blog/index.md"}]},
    )
    assert card_titles(site, "blog/index.html") == ["Gamma", "Beta", "Alpha"]
    nav = site.soup("blog/tags/ci/index.html").select_one("nav.md-nav--primary")
    labels = [a.get_text(strip=True) for a in nav.select("a.md-nav__link")]
    assert "Blog" in labels and "Alpha" not in labels and "Posts tagged “CI”" not in labels
    assert not site.warnings


# -- pagination -------------------------------------------------------------------------------


@pytest.mark.parametrize(("count", "pages"), [(0, 1), (1, 1), (6, 1), (7, 2), (13, 3)])
def test_pagination_boundaries(build_site: BuildSite, count: int, pages: int) -> None:
    site = build_site(many_posts(count, tags=["t"]))
    chain = family(site, "blog/index.html")
    assert len(chain) == pages
    expected = [f"Post {i}" for i in range(count, 0, -1)]
    seen = [t for rel in chain for t in card_titles(site, rel)]
    assert seen == expected
    assert all(len(card_titles(site, rel)) <= 6 for rel in chain)
    if count == 0:
        assert site.soup("blog/index.html").select_one(".blogpost-empty").get_text() == (
            "No posts yet."
        )
        assert not site.exists("blog/tags/index.html")
        assert not site.exists("blog/archive/index.html")
    if pages == 1:
        assert site.soup("blog/index.html").select_one(".blogpost-pagination") is None
        assert not site.exists("blog/page/2/index.html")
    else:
        assert chain[1] == "blog/page/2/index.html"
        last = site.soup(chain[-1])
        status = last.select_one(".blogpost-pagination__status").get_text(strip=True)
        assert status == f"Page {pages} of {pages}"
        assert last.select_one(".blogpost-pagination__older") is None
        assert site.soup(chain[0]).select_one(".blogpost-pagination__newer") is None
        newer = last.select_one(".blogpost-pagination__newer a")
        assert page_of_href(chain[-1], newer["href"], site) == chain[-2]
        current = last.select_one('[aria-current="page"]').get_text()
        assert current == str(pages)
        numbers = last.select(".blogpost-pagination li a:not([rel])")
        assert len(numbers) == pages - 1
    # A term's posts share one page up to `term_page_size` (50).
    if count:
        assert family(site, "blog/tags/t/index.html") == ["blog/tags/t/index.html"]
        assert len(entry_titles(site, "blog/tags/t/index.html")) == count


def test_term_pages_list_compact_entries_newest_first(build_site: BuildSite) -> None:
    site = build_site(many_posts(3, tags=["t"], author="Ada Quill"))
    for rel in ("blog/tags/t/index.html", "blog/author/ada-quill/index.html"):
        soup = site.soup(rel)
        assert soup.select_one("article.blogpost-card") is None, rel
        assert soup.select_one(".blogpost-card__excerpt") is None, rel
        lines = soup.select(".blogpost-entries li.blogpost-entry")
        assert [li.select_one("a.blogpost-entry__link").get_text() for li in lines] == [
            "Post 3",
            "Post 2",
            "Post 1",
        ]
        first = lines[0]
        assert first.select_one("time")["datetime"].startswith("2024-01-03")
        assert first.select_one(".blogpost-entry__read").get_text(strip=True).endswith("read")
        href = first.select_one("a")["href"]
        assert site.exists(page_of_href(rel, href, site))
    # The blog index keeps its cards.
    assert card_titles(site, "blog/index.html") == ["Post 3", "Post 2", "Post 1"]


def test_term_page_size_paginates_term_pages(build_site: BuildSite) -> None:
    site = build_site(
        many_posts(5, tags=["t"]), {"plugins": ["search", {"blogpost": {"term_page_size": 2}}]}
    )
    chain = family(site, "blog/tags/t/index.html")
    assert chain == [
        "blog/tags/t/index.html",
        "blog/tags/t/page/2/index.html",
        "blog/tags/t/page/3/index.html",
    ]
    assert [entry_titles(site, rel) for rel in chain] == [
        ["Post 5", "Post 4"],
        ["Post 3", "Post 2"],
        ["Post 1"],
    ]
    status = site.soup(chain[-1]).select_one(".blogpost-pagination__status")
    assert status.get_text(strip=True) == "Page 3 of 3"
    # The index is paginated by `posts_per_page`, not by this option.
    assert family(site, "blog/index.html") == ["blog/index.html"]


def test_term_cards_bring_cards_back_at_posts_per_page(build_site: BuildSite) -> None:
    options = {"term_cards": True, "posts_per_page": 2}
    site = build_site(many_posts(3, tags=["t"]), {"plugins": ["search", {"blogpost": options}]})
    chain = family(site, "blog/tags/t/index.html")
    assert chain == ["blog/tags/t/index.html", "blog/tags/t/page/2/index.html"]
    assert [card_titles(site, rel) for rel in chain] == [["Post 3", "Post 2"], ["Post 1"]]
    assert site.soup(chain[0]).select_one(".blogpost-card__excerpt") is not None
    assert site.soup(chain[0]).select_one(".blogpost-entries") is None


def test_a_site_without_posts_gets_an_empty_blog_and_keeps_its_pages(
    build_site: BuildSite,
) -> None:
    pages: dict[str, str | bytes] = {
        "index.md": "# Home\n\nWelcome. See [about](about.md) and ![logo](logo.png).\n",
        "about.md": "# About\n\nUs.\n",
        "logo.png": PNG,
    }
    site = build_site(pages)
    assert site.warnings == []
    assert site.soup("blog/index.html").select_one(".blogpost-empty").get_text() == (
        "No posts yet."
    )
    rss = feedparser.parse(site.path("blog/feed.xml").read_bytes())
    atom = feedparser.parse(site.path("blog/atom.xml").read_bytes())
    assert not rss.bozo and not atom.bozo and rss.entries == [] and atom.entries == []
    assert json.loads(site.read("blog/feed.json"))["items"] == []
    home = site.soup("index.html")
    css = [link["href"] for link in home.select('link[rel="stylesheet"]')]
    assert "assets/blogpost/blogpost.css" in css
    assert site.exists("assets/blogpost/blogpost.css")
    # The site's own pages are written as MkDocs writes them without the plugin.
    plain = build_site(pages, {"plugins": ["search"]})
    for rel in ("index.html", "about/index.html"):
        assert str(site.soup(rel).select_one("article")) == str(
            plain.soup(rel).select_one("article")
        ), rel


def test_posts_per_page_option_and_pins_first(build_site: BuildSite) -> None:
    files = many_posts(5)
    files["blog/posts/2020-01-01-old.md"] = post("2020-01-01", "Old but pinned", extra="pin: true")
    site = build_site(files, {"plugins": ["search", {"blogpost": {"posts_per_page": 2}}]})
    chain = family(site, "blog/index.html")
    assert len(chain) == 3
    titles = [t for rel in chain for t in card_titles(site, rel)]
    assert titles == ["Old but pinned", "Post 5", "Post 4", "Post 3", "Post 2", "Post 1"]
    # Archive and neighbours stay in date order.
    archive = site.soup("blog/archive/index.html")
    assert archive.select(".blogpost-entry__link")[-1].get_text() == "Old but pinned"


def draft_site() -> dict[str, str | bytes]:
    return {
        "blog/posts/2024-01-01-live.md": post("2024-01-01", "Live", tags=["x"], category="c"),
        "blog/posts/2024-01-02-wip.md": post(
            "2024-01-02",
            "Work in progress",
            tags=["x", "secret"],
            category="c",
            extra="draft: true",
        ),
    }


def test_drafts_absent_from_every_listing_on_build(build_site: BuildSite) -> None:
    site = build_site(draft_site())
    assert card_titles(site, "blog/index.html") == ["Live"]
    for rel in ("blog/tags/x/index.html", "blog/category/c/index.html"):
        assert entry_titles(site, rel) == ["Live"], rel
    assert not site.exists("blog/tags/secret/index.html")
    assert "Work in progress" not in site.read("blog/archive/index.html")
    assert "Work in progress" not in site.read("search/search_index.json")
    assert "wip" not in site.read("sitemap.xml")
    # No "next post" pointing at the draft either.
    assert site.soup("blog/2024/01/01/live/index.html").select_one(".blogpost-postnav") is None


def test_drafts_listed_with_badge_on_serve(tmp_path: Path) -> None:
    root = tmp_path / "serve"
    write_tree(root / "docs", {"index.md": "# Home\n", **draft_site()})
    site = run_build(root, make_config(root, None, True), serve=True)
    soup = site.soup("blog/index.html")
    cards = soup.select("article.blogpost-card")
    assert [c.select_one(".blogpost-card__link").get_text() for c in cards] == [
        "Work in progress",
        "Live",
    ]
    assert cards[0].select_one(".blogpost-badge").get_text(strip=True) == "Draft"
    assert cards[1].select_one(".blogpost-badge") is None
    assert entry_titles(site, "blog/tags/secret/index.html") == ["Work in progress"]


# -- slugs ----------------------------------------------------------------------------------------


def test_colliding_tag_slugs_get_distinct_pages_with_a_warning(build_site: BuildSite) -> None:
    site = build_site(
        {
            "blog/posts/2024-01-01-a.md": post("2024-01-01", "A", tags=["a b"]),
            "blog/posts/2024-01-02-b.md": post("2024-01-02", "B", tags=["a-b"]),
            "blog/posts/2024-01-03-c.md": post("2024-01-03", "C", tags=["a b"]),
        },
        strict=False,
    )
    assert any("'a b'" in w and "'a-b'" in w for w in site.warnings), site.warnings
    assert entry_titles(site, "blog/tags/a-b/index.html") == ["C", "A"]
    assert entry_titles(site, "blog/tags/a-b-2/index.html") == ["B"]
    header = site.soup("blog/2024/01/02/b/index.html").select_one(".blogpost-tags a")
    assert header["href"] == "../../../../tags/a-b-2/"


def test_cpp_and_c_tags_do_not_merge(build_site: BuildSite) -> None:
    site = build_site(
        {
            "blog/posts/2024-01-01-a.md": post("2024-01-01", "A", tags=["C++"]),
            "blog/posts/2024-01-02-b.md": post("2024-01-02", "B", tags=["C"]),
        }
    )
    assert entry_titles(site, "blog/tags/c-plus-plus/index.html") == ["A"]
    assert entry_titles(site, "blog/tags/c/index.html") == ["B"]


def test_cjk_and_case_variant_tags(build_site: BuildSite) -> None:
    site = build_site(
        {
            "blog/posts/2024-01-01-a.md": post("2024-01-01", "A", tags=["文档", "AI"]),
            "blog/posts/2024-01-02-b.md": post("2024-01-02", "B", tags=["AI"]),
            "blog/posts/2024-01-03-c.md": post("2024-01-03", "C", tags=["ai", "文档"]),
        }
    )
    assert entry_titles(site, "blog/tags/文档/index.html") == ["C", "A"]
    assert entry_titles(site, "blog/tags/ai/index.html") == ["C", "B", "A"]
    # The most common spelling wins, everywhere.
    assert (
        site.soup("blog/tags/ai/index.html").find("h1").get_text().startswith("Posts tagged “AI”")
    )
    chips = site.soup("blog/2024/01/03/c/index.html").select(".blogpost-tags a")
    assert [a.get_text() for a in chips] == ["AI", "文档"]
    for chip in chips:
        target = page_of_href("blog/2024/01/03/c/index.html", chip["href"], site)
        assert site.exists(target), chip["href"]
    cloud = site.soup("blog/tags/index.html").select(".blogpost-terms .blogpost-term__name")
    assert {a.get_text() for a in cloud} == {"AI", "文档"}


def test_term_text_is_escaped(build_site: BuildSite) -> None:
    site = build_site(
        {"blog/posts/2024-01-01-a.md": post("2024-01-01", "A", tags=["<script>x</script>"])}
    )
    for rel in site.html_files():
        if rel.startswith("blog/"):
            assert "<script>x</script>" not in site.read(rel), rel


# -- user-authored pages ---------------------------------------------------------------------------


def test_user_index_and_tag_page_keep_their_content(build_site: BuildSite) -> None:
    files = kinds_site()
    files["blog/index.md"] = "# Our blog\n\nWelcome to *our* blog.\n"
    files["blog/tags/ci.md"] = "# Continuous integration\n\nAll about CI.\n"
    site = build_site(files)
    soup = site.soup("blog/index.html")
    article = soup.select_one("article")
    assert article.find("h1").get_text(strip=True).rstrip("¶") == "Our blog"
    text = article.get_text(" ", strip=True)
    assert text.index("Welcome to our blog") < text.index("Gamma")
    assert card_titles(site, "blog/index.html") == ["Gamma", "Beta", "Alpha"]
    tag = site.soup("blog/tags/ci/index.html").select_one("article")
    assert "All about CI." in tag.get_text()
    assert entry_titles(site, "blog/tags/ci/index.html") == ["Gamma", "Alpha"]
    # Links to the tag go to the author's page.
    chip = site.soup("blog/2024/07/08/gamma/index.html").select_one(".blogpost-tags a")
    assert page_of_href("blog/2024/07/08/gamma/index.html", chip["href"], site) == (
        "blog/tags/ci/index.html"
    )


def test_listing_meta_contract(tmp_path: Path) -> None:
    root = tmp_path / "meta"
    write_tree(root / "docs", {"index.md": "# Home\n", **many_posts(3, tags=["t"])})
    (root / "hooks.py").write_text(META_HOOK)
    cfg = make_config(
        root,
        {"hooks": ["hooks.py"], "plugins": [{"blogpost": {"posts_per_page": 2}}]},
        True,
    )
    run_build(root, cfg)
    data = {k: v["meta"] for k, v in json.loads((root / "meta.json").read_text()).items()}
    assert data["blog/index.md"]["blogpost_listing"] == {
        "kind": "index",
        "page": 1,
        "pages": 2,
        "prev_url": None,
        "next_url": "blog/page/2/",
        "description": "Blog",
    }
    page2 = data["blog/page/2/index.md"]["blogpost_listing"]
    assert (page2["page"], page2["prev_url"], page2["next_url"]) == (2, "blog/", None)
    assert data["blog/tags/t/index.md"]["blogpost_listing"]["kind"] == "tag"
    assert data["blog/tags/index.md"]["blogpost_listing"]["kind"] == "tag_index"
    assert data["blog/archive/index.md"]["blogpost_listing"]["kind"] == "archive"
    assert data["blog/archive/2024/index.md"]["blogpost_listing"]["kind"] == "archive_year"
    assert data["blog/tags/t/index.md"]["title"] == "Posts tagged “t”"
    posts = [k for k in data if k.startswith("blog/posts/")]
    assert posts and all(data[k].get("blogpost_listing") is None for k in posts)


# -- post pages ---------------------------------------------------------------------------------------


def test_post_neighbours_and_related(build_site: BuildSite) -> None:
    site = build_site(
        {
            "blog/posts/2024-01-01-a.md": post("2024-01-01", "A", tags=["x", "y"]),
            "blog/posts/2024-01-02-b.md": post("2024-01-02", "B", tags=["x"]),
            "blog/posts/2024-01-03-c.md": post("2024-01-03", "C", tags=["x", "y"]),
            "blog/posts/2024-01-04-d.md": post("2024-01-04", "D", tags=["z"]),
            "blog/posts/2024-01-05-e.md": post("2024-01-05", "E", tags=["x"]),
            "blog/posts/2024-01-06-f.md": post("2024-01-06", "F", tags=["y"]),
        }
    )
    rel = "blog/2024/01/03/c/index.html"
    soup = site.soup(rel)
    prev = soup.select_one(".blogpost-postnav__prev")
    nxt = soup.select_one(".blogpost-postnav__next")
    assert page_of_href(rel, prev["href"], site) == "blog/2024/01/02/b/index.html"
    assert page_of_href(rel, nxt["href"], site) == "blog/2024/01/04/d/index.html"
    related = [a.get_text() for a in soup.select(".blogpost-related .blogpost-entry__link")]
    # A shares two tags; then one shared tag, most recent first: F, E (B is older).
    assert related == ["A", "F", "E"]
    first = site.soup("blog/2024/01/01/a/index.html")
    assert first.select_one(".blogpost-postnav__prev") is None
    assert site.soup("blog/2024/01/04/d/index.html").select_one(".blogpost-related") is None


# -- rebuilds -------------------------------------------------------------------------------------------


def test_serve_rebuild_add_edit_delete_with_one_instance(tmp_path: Path) -> None:
    root = tmp_path / "live"
    docs = root / "docs"
    write_tree(docs, {"index.md": "# Home\n", **many_posts(2, tags=["t"])})
    cfg = make_config(root, None, True)
    first = run_build(root, cfg, serve=True)
    snapshot = {f: first.read(f) for f in first.html_files()}
    assert card_titles(first, "blog/index.html") == ["Post 2", "Post 1"]

    def rebuild() -> Site:
        again = make_config(root, None, True)
        assert again.plugins["blogpost"] is cfg.plugins["blogpost"]
        return run_build(root, again, serve=True)

    same = rebuild()
    assert {f: same.read(f) for f in same.html_files()} == snapshot

    write_tree(docs, {"blog/posts/2024-03-01-new.md": post("2024-03-01", "New", tags=["n"])})
    added = rebuild()
    assert card_titles(added, "blog/index.html") == ["New", "Post 2", "Post 1"]
    assert entry_titles(added, "blog/tags/n/index.html") == ["New"]

    write_tree(docs, {"blog/posts/2024-03-01-new.md": post("2024-03-01", "Renamed", tags=["t"])})
    edited = rebuild()
    assert card_titles(edited, "blog/index.html") == ["Renamed", "Post 2", "Post 1"]
    assert entry_titles(edited, "blog/tags/t/index.html") == ["Renamed", "Post 2", "Post 1"]

    (docs / "blog/posts/2024-03-01-new.md").rename(docs / "blog/posts/2024-03-02-moved.md")
    moved = rebuild()
    href = moved.soup("blog/index.html").select_one("a.blogpost-card__link")["href"]
    assert href == "2024/03/01/moved/"  # the front-matter date wins over the file name

    (docs / "blog/posts/2024-03-02-moved.md").unlink()
    deleted = rebuild()
    assert card_titles(deleted, "blog/index.html") == ["Post 2", "Post 1"]
    assert "Renamed" not in deleted.read("blog/archive/index.html")


#: A plugin that changes posts' HTML after MkDocs rendered it, before ours reads it.
CHANGE_HOOK = """
def on_page_content(html, page, config, files):
    return html.replace("ORIGINAL", "CHANGED-BY-A-PLUGIN")
"""


def test_listings_and_feeds_show_the_html_other_plugins_made(tmp_path: Path) -> None:
    # Listings and feeds reuse the HTML rendered for each post's page, after every
    # plugin's `on_page_content`: had they converted the post's Markdown again, the
    # other plugin's change would be missing from them.
    root = tmp_path / "once"
    posts = many_posts(3, tags=["a"], body="ORIGINAL words.")
    write_tree(root / "docs", {"index.md": "# Home\n", **posts})
    (root / "hooks.py").write_text(CHANGE_HOOK)
    config = {"hooks": ["hooks.py"], "plugins": ["search", {"blogpost": {"feed_tags": True}}]}
    site = run_build(root, make_config(root, config, True))
    for rel in ("blog/index.html", "blog/archive/2024/index.html"):
        excerpts = site.soup(rel).select(".blogpost-card__excerpt")
        assert [e.get_text(strip=True) for e in excerpts] == ["CHANGED-BY-A-PLUGIN words."] * 3
    for rel in ("blog/feed.xml", "blog/atom.xml", "blog/feed.json", "blog/tags/a/feed.xml"):
        assert site.read(rel).count("CHANGED-BY-A-PLUGIN") >= 3, rel
    assert_absent(site.site_dir, "ORIGINAL")


# -- the site walk ----------------------------------------------------------------------------------------


def walk_site() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {
        "assets/img/posts/cover.png": PNG,
        "assets/img/posts/inline.png": PNG,
        "blog/posts/2021/2021-06-01-nested.md": post(
            "2021-06-01",
            "Nested folder post",
            tags=["Docs", "python"],
            category="guides",
            author="Ada Quill",
            body=(
                "See ![inline](../../../assets/img/posts/inline.png) and "
                "[the other post](../2022-02-02-plain.md).\n\n<!-- more -->\n\nRest."
            ),
            extra="img: posts/cover.png",
        ),
        "blog/posts/2022-02-02-plain.md": post(
            "2022-02-02", "Plain", tags=["docs"], category="notes", author="Bram Okafor"
        ),
        "blog/posts/2024-05-05-draft.md": post(
            "2024-05-05", "Hidden draft", tags=["docs"], extra="draft: true"
        ),
    }
    tag_sets = [["docs"], ["python", "ci"], ["ci"], ["文档"], ["docs", "ci", "python"]]
    for i in range(1, 14):
        day = f"2023-{1 + i % 12:02d}-{10 + i:02d}"
        files[f"blog/posts/{day}-walk-{i}.md"] = post(
            day,
            f"Walk {i}",
            tags=tag_sets[i % len(tag_sets)],
            category="notes" if i % 2 else "guides",
            author="Ada Quill" if i % 3 else "Bram Okafor",
            body=f"Paragraph {i} with [home](../../index.md).",
            extra="pin: true" if i == 4 else "",
        )
    return files


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_site_walk(build_site: BuildSite, directory_urls: bool, theme: str) -> None:
    files = walk_site()
    site = build_site(
        files,
        {
            "use_directory_urls": directory_urls,
            "theme": {"name": theme},
            "plugins": ["search", {"blogpost": {"posts_per_page": 4}}],
        },
    )
    listings = [rel for rel in site.html_files() if site.soup(rel).select_one(".blogpost-listing")]
    published = {f"Walk {i}" for i in range(1, 14)} | {"Nested folder post", "Plain"}

    def listed(
        rels: list[str],
        selector: str = "a.blogpost-card__link, .blogpost-entries a.blogpost-entry__link",
    ) -> list[str]:
        out = []
        for rel in rels:
            for a in site.soup(rel).select(selector):
                target = page_of_href(rel, a["href"], site)
                assert site.exists(target), (rel, a["href"])
                out.append(a.get_text(strip=True))
        return out

    index_titles = listed(family(site, "blog/index.html"))
    assert sorted(index_titles) == sorted(published)
    assert index_titles[0] == "Walk 4"  # pinned

    # Every tag page lists each of its posts exactly once (across its pages).
    by_tag: dict[str, set[str]] = {}
    for rel, text in files.items():
        if not rel.startswith("blog/posts/") or not isinstance(text, str) or "draft: true" in text:
            continue
        title = text.split('title: "')[1].split('"')[0]
        tags = json.loads(text.split("tags: ")[1].split("\n")[0])
        for tag in tags:
            by_tag.setdefault(tag.casefold(), set()).add(title)
    cloud = site.soup("blog/tags/index.html")
    tag_links = {
        a.select_one(".blogpost-term__name").get_text().casefold(): page_of_href(
            "blog/tags/index.html", a["href"], site
        )
        for a in cloud.select("a.blogpost-term")
    }
    assert set(tag_links) == set(by_tag)
    for tag, first in tag_links.items():
        titles = listed(family(site, first))
        assert sorted(titles) == sorted(by_tag[tag]), tag

    for category, wanted in (
        ("notes", {f"Walk {i}" for i in range(1, 14, 2)} | {"Plain"}),
        ("guides", {f"Walk {i}" for i in range(2, 14, 2)} | {"Nested folder post"}),
    ):
        first = f"blog/category/{category}/index.html"
        titles = listed(family(site, first))
        assert sorted(titles) == sorted(wanted), category

    archive = listed(["blog/archive/index.html"], "a.blogpost-entry__link")
    assert sorted(archive) == sorted(published)

    # Every internal link and image on the generated pages resolves to a built file.
    checked = 0
    for rel in listings:
        soup = site.soup(rel)
        for tag, attr in (("a", "href"), ("img", "src"), ("link", "href"), ("script", "src")):
            for node in soup.find_all(tag):
                value = node.get(attr)
                if not value:
                    continue
                target = target_of(rel, value)
                if target is None:
                    continue
                if not site.exists(target) and site.exists(target + "/index.html"):
                    target += "/index.html"
                assert site.exists(target), (rel, value)
                checked += 1
    assert checked > 200
    # The excerpt's inline image and link were re-based for the listing pages.
    nested = [
        a
        for rel in family(site, "blog/index.html")
        for a in site.soup(rel).select(".blogpost-card__excerpt img")
    ]
    assert nested and all("inline.png" in img["src"] for img in nested)
    assert "Hidden draft" not in "".join(site.read(rel) for rel in listings)


# -- options, languages, conflicts ---------------------------------------------------------------------


def test_readthedocs_theme_nav_and_listing(build_site: BuildSite) -> None:
    site = build_site(kinds_site(), {"theme": {"name": "readthedocs"}})
    menu = site.soup("index.html").select_one(".wy-menu-vertical")
    labels = [a.get_text(strip=True) for a in menu.select("a")]
    assert labels.count("Blog") == 1 and "Alpha" not in labels
    assert card_titles(site, "blog/index.html") == [
        "Gamma",
        "Beta",
        "Alpha",
    ]


def test_blog_pages_off_keeps_posts_without_listings(build_site: BuildSite) -> None:
    site = build_site(kinds_site(), {"plugins": ["search", {"blogpost": {"blog_pages": False}}]})
    assert not site.exists("blog/index.html")
    assert not site.exists("blog/tags/index.html")
    chip = site.soup("blog/2024/07/08/gamma/index.html").select_one(".blogpost-tags .blogpost-tag")
    assert chip.name == "span"  # no tag page to link to


def test_listing_words_in_site_language(build_site: BuildSite) -> None:
    site = build_site(many_posts(7, tags=["t"]), {"theme": {"name": "material", "language": "de"}})
    soup = site.soup("blog/index.html")
    assert soup.select_one(".blogpost-pagination__older a").get_text(strip=True) == (
        "Ältere Beiträge →"
    )
    assert soup.select_one(".blogpost-pagination__status").get_text() == "Seite 1 von 2"
    assert site.soup("blog/tags/t/index.html").find("h1").get_text().startswith("Beiträge mit „t“")


@pytest.mark.parametrize(
    ("language", "older", "count", "date"),
    [
        # Material's `zh-TW` must give Traditional words, not the Simplified dictionary.
        ("zh-TW", "較舊的文章 →", "(22 篇文章)", "2024年1月22日"),
        # 22 takes Russian's form for 2-4, not the one for 5.
        ("ru", "Старые записи →", "(22 записи)", "22 января 2024\u202fг."),
        ("pt-BR", "Publicações mais antigas →", "(22 publicações)", "22 de janeiro de 2024"),
    ],
)
def test_listing_words_and_counts_follow_the_theme_language(
    build_site: BuildSite, language: str, older: str, count: str, date: str
) -> None:
    site = build_site(
        many_posts(22, tags=["t"]), {"theme": {"name": "material", "language": language}}
    )
    soup = site.soup("blog/index.html")
    assert soup.select_one(".blogpost-pagination__older a").get_text(strip=True) == older
    assert soup.select_one(".blogpost-card time").get_text() == date
    chips = site.soup("blog/tags/index.html").select("a.blogpost-term .blogpost-sr")
    assert [c.get_text(strip=True) for c in chips] == [count]


def test_post_url_taking_a_listing_url_is_reported(build_site: BuildSite) -> None:
    site = build_site(
        {"blog/posts/2024-01-01-tags.md": post("2024-01-01", "About tags", tags=["x"])},
        {"plugins": ["search", {"blogpost": {"post_url_format": "blog/{slug}/"}}]},
        strict=False,
    )
    assert any(
        "2024-01-01-tags.md" in w and "blog/tags/" in w and "generated pages" in w
        for w in site.warnings
    ), site.warnings
    # The post is moved aside; the tag index stays the tag index.
    assert site.soup("blog/tags-2/index.html").find("h1").get_text().startswith("About tags")
    assert site.soup("blog/tags/index.html").select_one(".blogpost-terms") is not None
    assert entry_titles(site, "blog/tags/x/index.html") == ["About tags"]


def test_listings_stay_out_of_material_search(build_site: BuildSite) -> None:
    site = build_site(kinds_site())
    index = json.loads(site.read("search/search_index.json"))
    locations = [doc["location"] for doc in index["docs"]]
    assert any(loc.startswith("blog/2024/07/08/gamma/") for loc in locations)
    assert not [loc for loc in locations if loc.startswith(("blog/tags", "blog/archive"))]


def test_card_template_overridable_from_custom_dir(build_site: BuildSite, tmp_path: Path) -> None:
    custom = tmp_path / "overrides"
    write_tree(
        custom,
        {
            "blogpost/fragments/card.html": (
                '<p class="my-card"><a class="blogpost-card__link" href="{{ card.url }}">'
                "{{ card.title }}</a></p>\n"
            )
        },
    )
    site = build_site(kinds_site(), {"theme": {"name": "material", "custom_dir": str(custom)}})
    assert len(site.soup("blog/index.html").select("p.my-card")) == 3
    assert card_titles(site, "blog/index.html") == ["Gamma", "Beta", "Alpha"]


def test_long_listing_links_a_window_of_pages(tmp_path: Path, build_site: BuildSite) -> None:
    site = build_site(many_posts(9), {"plugins": ["search", {"blogpost": {"posts_per_page": 1}}]})
    chain = family(site, "blog/index.html")
    assert len(chain) == 9
    middle = site.soup(chain[4])
    items = [li.get_text(strip=True) for li in middle.select(".blogpost-pagination li")]
    assert items == ["← Newer posts", "1", "…", "3", "4", "5", "6", "7", "…", "9", "Older posts →"]
    for a in middle.select(".blogpost-pagination a"):
        assert site.exists(page_of_href(chain[4], a["href"], site)), a["href"]
    # From page 2, each page has its own <title>; the heading stays the listing's.
    assert middle.title.get_text().startswith("Blog – Page 5 of 9")
    assert middle.find("h1").get_text(strip=True).rstrip("¶") == "Blog"


def test_post_footer_is_shown_but_not_searchable(build_site: BuildSite) -> None:
    site = build_site(
        {
            "blog/posts/2024-01-01-a.md": post("2024-01-01", "Zebra crossing", tags=["x"]),
            "blog/posts/2024-01-02-b.md": post("2024-01-02", "Beta", tags=["x"]),
        }
    )
    footer = site.soup("blog/2024/01/02/b/index.html").select_one(".blogpost-footer")
    assert "Zebra crossing" in footer.get_text()
    index = json.loads(site.read("search/search_index.json"))
    beta = [d for d in index["docs"] if d["location"].startswith("blog/2024/01/02/b/")]
    assert beta and all("Zebra" not in d["text"] for d in beta)


def test_post_header_is_shown_but_not_in_search_snippets(build_site: BuildSite) -> None:
    # The header (date, reading time, authors, tags) is added after search indexed the
    # post: search snippets start with the post's own words (issue 7).
    site = build_site(
        {
            "blog/posts/2024-01-02-b.md": post(
                "2024-01-02", "Beta", tags=["quokka"], author="Ada Lovelace", body="Opening words."
            ),
        }
    )
    header = site.soup("blog/2024/01/02/b/index.html").select_one(".blogpost-header")
    assert header is not None
    assert "minute read" in header.get_text() and "Ada Lovelace" in header.get_text()
    assert header.select_one("time")["datetime"].startswith("2024-01-02")
    index = json.loads(site.read("search/search_index.json"))
    beta = [d for d in index["docs"] if d["location"].startswith("blog/2024/01/02/b/")]
    assert beta and beta[0]["text"].startswith("<p>Opening words.")
    for doc in beta:
        assert "minute read" not in doc["text"] and "Lovelace" not in doc["text"]


def test_example_site_builds_strict_with_blog_pages(tmp_path: Path) -> None:
    from mkdocs.config import load_config

    example = Path(__file__).resolve().parent.parent / "example-site" / "mkdocs.yml"
    cfg = load_config(config_file=str(example), strict=True, site_dir=str(tmp_path / "site"))
    site = run_build(tmp_path, cfg)
    assert not site.warnings, site.warnings
    chain = family(site, "blog/index.html")
    assert len(chain) == 2  # seven posts, six to a page
    titles = [t for rel in chain for t in card_titles(site, rel)]
    assert len(titles) == len(set(titles)) == 7
    assert site.exists("blog/tags/文档/index.html")
    assert "Release notes, essays" in site.read("blog/index.html")  # the author's intro


def test_dirty_rebuild_keeps_excerpts_of_unchanged_posts(tmp_path: Path) -> None:
    from mkdocs.commands.build import build

    root = tmp_path / "dirty"
    docs = root / "docs"
    write_tree(
        docs,
        {
            "index.md": "# Home\n",
            "blog/posts/2024-01-01-a.md": post("2024-01-01", "A", body="Alpha excerpt here."),
        },
    )
    cfg = make_config(root, None, True)
    run_build(root, cfg, serve=True)
    write_tree(docs, {"blog/posts/2024-01-02-b.md": post("2024-01-02", "B", body="Beta text.")})
    again = make_config(root, None, False)  # MkDocs itself warns about dirty builds
    again.plugins.on_startup(command="serve", dirty=True)
    build(again, dirty=True, serve_url="http://127.0.0.1:8000/")
    site = Site(root=root, site_dir=Path(again.site_dir), config=again)
    excerpts = [
        e.get_text(strip=True)
        for e in site.soup("blog/index.html").select(".blogpost-card__excerpt")
    ]
    assert excerpts == ["Beta text.", "Alpha excerpt here."]


def test_dirty_rebuild_refreshes_every_page_that_shows_a_new_post(tmp_path: Path) -> None:
    from mkdocs.commands.build import build

    root = tmp_path / "dirty"
    docs = root / "docs"
    write_tree(
        docs,
        {
            "index.md": "# Home\n",
            "about.md": "# About\n\nThe keepers.\n",
            "blog/index.md": "# News\n\nFrom the lighthouse.\n",
            "blog/posts/2024-01-01-a.md": post("2024-01-01", "Alpha"),
            "blog/posts/2024-01-03-c.md": post("2024-01-03", "Gamma"),
        },
    )
    run_build(root, make_config(root, None, True), serve=True)
    about = root / "site" / "about" / "index.html"
    about_written = about.stat().st_mtime_ns
    # A post between the two: both neighbours and the author's blog index show it.
    write_tree(docs, {"blog/posts/2024-01-02-b.md": post("2024-01-02", "Beta")})
    again = make_config(root, None, False)  # MkDocs itself warns about dirty builds
    again.plugins.on_startup(command="serve", dirty=True)
    build(again, dirty=True, serve_url="http://127.0.0.1:8000/")
    site = Site(root=root, site_dir=Path(again.site_dir), config=again)
    alpha = site.soup("blog/2024/01/01/a/index.html")
    assert alpha.select_one(".blogpost-postnav__next .blogpost-postnav__title").get_text() == "Beta"
    gamma = site.soup("blog/2024/01/03/c/index.html")
    assert gamma.select_one(".blogpost-postnav__prev .blogpost-postnav__title").get_text() == "Beta"
    assert card_titles(site, "blog/index.html") == ["Gamma", "Beta", "Alpha"]
    # Pages that show no post keep --dirty's speed.
    assert about.stat().st_mtime_ns == about_written


def test_control_characters_in_post_text_do_not_break_card_links(build_site: BuildSite) -> None:
    # Cards are rendered once with their URLs marked by control characters (issue 7);
    # the same characters written in a post must not be mistaken for those marks.
    odd = (
        "---\n"
        'title: "Odd \\x00 and \\x01 title"\n'
        "date: 2024-03-01\n"
        'tags: ["ok", "t\\x01g"]\n'
        'description: "Short \\x00 text"\n'
        "---\n\nBody text.\n"
    )
    files = {"index.md": "# Home\n", "blog/posts/2024-03-01-odd.md": odd}
    files.update(many_posts(2, tags=["ok"]))
    site = build_site(files, {"plugins": [{"blogpost": {"posts_per_page": 2}}]}, strict=False)
    for rel in ("blog/index.html", "blog/tags/ok/index.html"):
        text = site.read(rel)
        assert "\x00" not in text and "\x01" not in text
        link = site.soup(rel).select("a.blogpost-card__link, a.blogpost-entry__link")[0]
        assert link.get_text() == "Odd \ufffd and \ufffd title"
        assert site.exists(page_of_href(rel, link["href"], site))
        for a in site.soup(rel).select(".blogpost-card__tags a"):
            assert site.exists(page_of_href(rel, a["href"], site)), a["href"]
    cloud = "blog/tags/index.html"
    assert "\x00" not in site.read(cloud) and "\x01" not in site.read(cloud)
    names = {
        a.select_one(".blogpost-term__name").get_text(): a["href"]
        for a in site.soup(cloud).select("a.blogpost-term")
    }
    assert set(names) == {"ok", "t\ufffdg"}
    for href in names.values():
        assert site.exists(page_of_href(cloud, href, site)), href
    # Previous/next and related entries are rendered once too, marked the same way.
    neighbour = "blog/2024/01/02/p2/index.html"
    assert "\x00" not in site.read(neighbour) and "\x01" not in site.read(neighbour)
    links = site.soup(neighbour).select(".blogpost-footer a")
    assert "Odd \ufffd and \ufffd title" in [
        a.get_text(" ", strip=True).split("  ")[-1] for a in links
    ] or any("Odd \ufffd and \ufffd title" in a.get_text() for a in links)
    for a in links:
        assert site.exists(page_of_href(neighbour, a["href"], site)), a["href"]
