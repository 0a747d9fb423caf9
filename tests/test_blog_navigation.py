"""Readers reach every page the blog generates, in every theme.

Each blog page starts with the blog's own navigation (index, tags, categories, archive,
authors when there are several, and the feed); posts and cards name their categories;
categories and authors have index pages with counts; the site's nav marks the blog on
every blog page and breadcrumbs go through it; the theme's own previous/next buttons
stay off blog pages, where the blog's links lead on.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from support.build import BuildSite, Site, make_config, run_build, write_tree
from test_blog_pages import kinds_site, many_posts, page_of_href, post

THEMES = ["material", "mkdocs", "readthedocs"]


@pytest.fixture(scope="module")
def kinds(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Site]:
    """The site with every page kind in a theme, built once per module and theme.

    The `mkdocs` theme's is built with `use_directory_urls: false`, so both URL styles
    are walked.
    """
    built: dict[str, Site] = {}

    def get(theme: str) -> Site:
        if theme not in built:
            root = tmp_path_factory.mktemp(f"kinds-{theme}")
            write_tree(root / "docs", {"index.md": "# Home\n\nWelcome.\n", **kinds_site()})
            settings = {"theme": {"name": theme}, "use_directory_urls": theme != "mkdocs"}
            built[theme] = run_build(root, make_config(root, settings, True))
        return built[theme]

    return get
NAV_LABELS = ["Blog", "Tags", "Categories", "Archive", "Authors"]


def blog_pages(site: Site) -> list[str]:
    return [p for p in site.html_files() if p.startswith("blog/") and "/feed" not in p]


def nav_links(site: Site, rel: str) -> dict[str, str]:
    nav = site.soup(rel).select_one("nav.blogpost-blognav")
    assert nav is not None, rel
    return {
        a.get_text(strip=True): page_of_href(rel, a["href"], site)
        for a in nav.select(".blogpost-blognav__links a")
    }


@pytest.mark.parametrize("theme", THEMES)
def test_every_blog_page_links_every_index_and_the_feed(
    kinds: Callable[[str], Site], theme: str
) -> None:
    site = kinds(theme)
    pages = [p for p in blog_pages(site) if site.soup(p).select_one(".blogpost-header, .blogpost-listing")]
    assert len(pages) > 12
    expected = {
        "Blog": "blog/index.html",
        "Tags": "blog/tags/index.html",
        "Categories": "blog/category/index.html",
        "Archive": "blog/archive/index.html",
        "Authors": "blog/author/index.html",
    }
    for rel in pages:
        assert nav_links(site, rel) == expected, rel
        nav = site.soup(rel).select_one("nav.blogpost-blognav")
        feed = nav.select_one("a.blogpost-blognav__feed")
        assert feed.get_text(strip=True) == "Subscribe"
        assert feed["type"] == "application/rss+xml"
        assert page_of_href(rel, feed["href"], site) == "blog/feed.xml"
        # One navigation landmark of that name per page.
        assert len(site.soup(rel).select('nav[aria-label="Blog"]')) == 1, rel
    # The page an index link leads to is marked as the current one; the section of a
    # page under it as active.
    tags = site.soup("blog/tags/index.html").select_one("nav.blogpost-blognav")
    assert [a.get_text() for a in tags.select('[aria-current="page"]')] == ["Tags"]
    tag_page = site.soup("blog/tags/ci/index.html").select_one("nav.blogpost-blognav")
    assert tag_page.select('[aria-current="page"]') == []
    assert [a.get_text() for a in tag_page.select(".blogpost-blognav__link--active")] == ["Tags"]


def test_authors_are_linked_when_there_are_several(build_site: BuildSite) -> None:
    one = {
        "blog/posts/2024-01-01-a.md": post("2024-01-01", "A", author="Ada", category="news"),
        "blog/posts/2024-01-02-b.md": post("2024-01-02", "B", author="Ada"),
    }
    site = build_site(one)
    assert list(nav_links(site, "blog/index.html")) == ["Blog", "Categories", "Archive"]
    # The page exists all the same, linked from the post.
    assert site.exists("blog/author/index.html")


def test_no_feed_link_without_feeds(build_site: BuildSite) -> None:
    site = build_site(kinds_site(), {"plugins": [{"blogpost": {"feeds": False}}]})
    assert site.soup("blog/index.html").select_one(".blogpost-blognav__feed") is None
    assert site.soup("blog/index.html").select_one("nav.blogpost-blognav") is not None


def test_the_feed_link_follows_feed_paths_and_formats(build_site: BuildSite) -> None:
    site = build_site(
        kinds_site(),
        {"plugins": [{"blogpost": {"feed_formats": ["atom", "json"], "feed_paths": {"atom": "news.atom"}}}]},
    )
    feed = site.soup("blog/index.html").select_one(".blogpost-blognav__feed")
    assert feed["type"] == "application/atom+xml"
    assert page_of_href("blog/index.html", feed["href"], site) == "news.atom"


def test_without_blog_pages_there_is_no_blog_navigation(build_site: BuildSite) -> None:
    site = build_site(kinds_site(), {"plugins": [{"blogpost": {"blog_pages": False}}]})
    assert site.soup("blog/2024/07/08/gamma/index.html").select_one("nav.blogpost-blognav") is None


def test_several_blogs_each_link_their_own_pages(build_site: BuildSite) -> None:
    docs = kinds_site()
    docs["changelog/posts/2024-03-01-v2.md"] = post("2024-03-01", "V2", tags=["release"])
    site = build_site(
        docs,
        {"plugins": ["blogpost", {"blogpost": {"posts_dir": "changelog/posts", "blog_dir": "changelog"}}]},
    )
    assert nav_links(site, "changelog/index.html") == {
        "Changelog": "changelog/index.html",
        "Tags": "changelog/tags/index.html",
        "Archive": "changelog/archive/index.html",
    }
    assert nav_links(site, "blog/index.html")["Tags"] == "blog/tags/index.html"


# -- categories and the indexes of categories and authors -------------------------------------


def test_categories_are_shown_and_linked_on_posts_and_cards(kinds: Callable[[str], Site]) -> None:
    site = kinds("material")
    post_page = "blog/2024/07/08/gamma/index.html"
    kicker = site.soup(post_page).select_one(".blogpost-header .blogpost-kicker")
    link = kicker.select_one("a")
    assert link.get_text() == "guides"
    assert page_of_href(post_page, link["href"], site) == "blog/category/guides/index.html"
    assert kicker.select_one(".blogpost-sr").get_text() == "Category: "
    cards = site.soup("blog/index.html").select("article.blogpost-card")
    assert [c.select_one(".blogpost-kicker a").get_text() for c in cards] == ["guides", "releases", "guides"]
    href = cards[1].select_one(".blogpost-kicker a")["href"]
    assert page_of_href("blog/index.html", href, site) == "blog/category/releases/index.html"


@pytest.mark.parametrize(
    ("index", "names", "counts"),
    [
        ("blog/category/index.html", ["guides", "releases"], ["2", "1"]),
        ("blog/tags/index.html", ["CI", "docs"], ["2", "2"]),
    ],
)
def test_indexes_of_terms_have_counts_an_intro_and_a_way_back(
    kinds: Callable[[str], Site], index: str, names: list[str], counts: list[str]
) -> None:
    site = kinds("material")
    soup = site.soup(index)
    chips = soup.select("a.blogpost-term")
    assert [c.select_one(".blogpost-term__name").get_text() for c in chips] == names
    assert [c.select_one(".blogpost-term__count").get_text() for c in chips] == counts
    for chip in chips:
        assert site.exists(page_of_href(index, chip["href"], site))
    assert soup.select_one(".blogpost-listing__intro").get_text(strip=True)
    back = soup.select_one(".blogpost-listing__back a")
    assert back.get_text(strip=True) == "← Back to Blog"
    assert page_of_href(index, back["href"], site) == "blog/index.html"


def test_term_pages_say_how_many_posts_carry_the_term(build_site: BuildSite) -> None:
    # Five a page, so that the count is shown on every page of a term, not its first only.
    site = build_site(
        many_posts(8, tags=["docs"], category="guides", author="Ada"),
        {"plugins": ["search", {"blogpost": {"term_page_size": 5}}]},
    )
    for first in ("blog/tags/docs", "blog/category/guides", "blog/author/ada"):
        for rel in (f"{first}/index.html", f"{first}/page/2/index.html"):
            count = site.soup(rel).select_one(".blogpost-listing__count")
            assert count.get_text() == "8 posts", rel
    assert site.soup("blog/archive/2024/index.html").select_one(".blogpost-listing__count").get_text() == "8 posts"
    # The blog's own index is not a term page.
    assert site.soup("blog/index.html").select_one(".blogpost-listing__count") is None


# -- the site's nav and breadcrumbs ---------------------------------------------------------------


def blog_entry_is_current(site: Site, rel: str, theme: str) -> bool:
    soup = site.soup(rel)
    if theme == "material":
        items = soup.select(".md-sidebar--primary li.md-nav__item--active > a.md-nav__link")
    elif theme == "mkdocs":
        items = soup.select(".navbar-nav a.nav-link.active")
    else:
        items = soup.select(".wy-menu-vertical li.current > a")
    return [a.get_text(strip=True) for a in items] == ["Blog"]


@pytest.mark.parametrize("theme", THEMES)
def test_the_site_nav_marks_the_blog_on_every_blog_page(
    kinds: Callable[[str], Site], theme: str
) -> None:
    site = kinds(theme)

    assert blog_entry_is_current(site, "blog/index.html", theme)
    # The `mkdocs` theme's site is built with `use_directory_urls: false`.
    post_page = "blog/2024/07/08/gamma" + (".html" if theme == "mkdocs" else "/index.html")
    assert blog_entry_is_current(site, post_page, theme)
    for path in (
        "blog/tags/ci",
        "blog/category/guides",
        "blog/archive/2024",
    ):
        # Index files stay `index.html` with either value of `use_directory_urls`.
        assert blog_entry_is_current(site, path + "/index.html", theme), path
    for rel in ("blog/tags/index.html", "blog/author/index.html"):
        assert blog_entry_is_current(site, rel, theme), rel
    assert not blog_entry_is_current(site, "index.html", theme)


def test_breadcrumbs_go_through_the_blog(kinds: Callable[[str], Site]) -> None:
    site = kinds("readthedocs")

    def crumbs(rel: str) -> list[tuple[str, str | None]]:
        items = site.soup(rel).select(".wy-breadcrumbs li.breadcrumb-item")
        return [
            (
                li.get_text(strip=True),
                page_of_href(rel, li.a["href"], site) if li.a is not None else None,
            )
            for li in items
        ]

    assert crumbs("blog/2024/07/08/gamma/index.html") == [
        ("Blog", "blog/index.html"),
        ("Gamma", None),
    ]
    assert crumbs("blog/tags/ci/index.html") == [
        ("Blog", "blog/index.html"),
        ("Tags", "blog/tags/index.html"),
        ("Posts tagged “CI”", None),
    ]


def test_materials_navigation_path_goes_through_the_blog(build_site: BuildSite) -> None:
    theme = {"name": "material", "features": ["navigation.path"]}
    site = build_site(kinds_site(), {"theme": theme})

    def path(rel: str) -> list[tuple[str, str]]:
        links = site.soup(rel).select(".md-path a.md-path__link")
        return [(a.get_text(strip=True), page_of_href(rel, a["href"], site)) for a in links]

    assert ("Blog", "blog/index.html") in path("blog/2024/07/08/gamma/index.html")
    assert path("blog/tags/ci/index.html")[-2:] == [
        ("Blog", "blog/index.html"),
        ("Tags", "blog/tags/index.html"),
    ]
    assert path("blog/category/guides/index.html")[-2:] == [
        ("Blog", "blog/index.html"),
        ("Categories", "blog/category/index.html"),
    ]


def test_many_pages_of_the_index_hang_under_its_first(build_site: BuildSite) -> None:
    site = build_site(many_posts(8), {"theme": {"name": "readthedocs"}})
    items = site.soup("blog/page/2/index.html").select(".wy-breadcrumbs li.breadcrumb-item a")
    assert [a.get_text(strip=True) for a in items] == ["Blog"]


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs"])
def test_the_themes_own_previous_and_next_stay_off_blog_pages(build_site: BuildSite, theme: str) -> None:
    docs = many_posts(8)
    docs["about.md"] = "# About\n\nThe team.\n"
    site = build_site(docs, {"theme": {"name": theme}})

    def theme_links(rel: str) -> list[str]:
        soup = site.soup(rel)
        if theme == "mkdocs":
            return [a.get_text(strip=True) for a in soup.select(".navbar a[rel=prev], .navbar a[rel=next]")]
        return [a.get_text(strip=True) for a in soup.select(".rst-footer-buttons a")]

    # The blog's entry sits between "About" and "Home" in the nav; its index keeps its
    # own "Older posts" only.
    assert theme_links("blog/index.html") == []
    assert site.soup("blog/index.html").select_one(".blogpost-pagination__older a") is not None
    assert theme_links("blog/2024/01/08/p8/index.html") == []
    assert theme_links("about/index.html")  # other pages keep the theme's
