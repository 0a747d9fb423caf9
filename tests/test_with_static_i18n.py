"""mkdocs-static-i18n: one blog in several languages, each post one post in all of them.

i18n builds the whole site once per language with the same plugins, and in its
`on_files` swaps every docs file for this language's version (`post.fr.md` with
`docs_structure: suffix`, `fr/.../post.md` with `folder`), keeping an untranslated
page as its default-language version. The blog reads its posts after that, so a
translation lives at its original's path under `fr/`, each language has its own
listings and feeds, and a post without a translation is marked where it is shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import feedparser
import pytest
from support.compat_sites import SITE_URL, Built, build_site, folder_structure, orders
from support.outputs import dead_urls

#: The site in English (the default) and French, in `docs_structure: suffix`.
SUFFIX: dict[str, str | bytes] = {
    "index.md": "# Harbour news\n\nNews from the harbour office.\n",
    "index.fr.md": "# Nouvelles du port\n\nLes nouvelles de la capitainerie.\n",
    # Translated: the French version keeps the file name, translates the rest.
    "blog/posts/2024-03-05-new-pier.md": """
        ---
        title: The new pier opens
        tags: [works, boats]
        category: Harbour
        author: Ines Navarro
        ---
        The new pier takes its first ferry on Monday morning.
        """,
    "blog/posts/2024-03-05-new-pier.fr.md": """
        ---
        title: Le nouveau quai ouvre
        tags: [travaux, bateaux]
        category: Port
        author: Ines Navarro
        ---
        Le nouveau quai accueille son premier ferry lundi matin.
        """,
    # Not translated: French readers get the English post, marked.
    "blog/posts/2024-04-12-tide-tables.md": """
        ---
        title: Tide tables for the summer
        tags: [boats]
        ---
        The summer tide tables are printed and pinned by the harbour office door.
        """,
    # Only in French.
    "blog/posts/2024-05-20-fete-du-port.fr.md": """
        ---
        title: La fête du port
        tags: [fête]
        ---
        Musique et crêpes sur le quai tout le week-end.
        """,
}

NEW_PIER = "blog/2024/03/05/new-pier/index.html"
TIDES = "blog/2024/04/12/tide-tables/index.html"
FETE = "blog/2024/05/20/fete-du-port/index.html"


def _i18n(structure: str, **more: Any) -> dict[str, Any]:
    return {
        "i18n": {
            "docs_structure": structure,
            "languages": [
                {"locale": "en", "default": True, "name": "English"},
                {"locale": "fr", "name": "Français"},
            ],
            **more,
        }
    }


def _build(
    root: Path,
    structure: str,
    *,
    first: bool = True,
    theme: str = "material",
    blogpost: str | dict[str, Any] = "blogpost",
    i18n: dict[str, Any] | None = None,
    config: dict[str, Any] | None = None,
    engine: str = "mkdocs",
) -> Built:
    files = SUFFIX if structure == "suffix" else folder_structure(SUFFIX)
    plugins = dict(orders(_i18n(structure, **(i18n or {})), blogpost))
    settings = {
        "theme": {"name": theme},
        "plugins": plugins["blogpost-first" if first else "blogpost-last"],
        **(config or {}),
    }
    return build_site(root, files, settings, engine=engine)


SETUPS = [
    pytest.param((structure, first), id=f"{structure}-{'blogpost' if first else 'i18n'}-first")
    for structure in ("suffix", "folder")
    for first in (True, False)
]


@pytest.fixture(scope="module", params=SETUPS)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    structure, first = request.param
    return _build(tmp_path_factory.mktemp("i18n"), structure, first=first)


def _titles(site: Built, page: str) -> list[str]:
    # Cards on the index, compact entries on term pages.
    links = site.soup(page).select(".blogpost-card__title a, .blogpost-entries a.blogpost-entry__link")
    return [a.get_text(strip=True) for a in links]


def test_every_language_builds_strict_with_each_post_once(built: Built) -> None:
    assert built.warnings == []
    for page in (NEW_PIER, TIDES, "fr/" + NEW_PIER, "fr/" + TIDES, "fr/" + FETE):
        assert built.exists(page), page
    # The French-only post is not in the English site, and no translation became a
    # post of its own (`new-pier-fr`).
    assert not built.exists(FETE)
    written = [str(p.relative_to(built.site_dir)) for p in built.site_dir.rglob("*.html")]
    assert not [p for p in written if "-fr" in p or ".fr" in p]


def test_the_french_post_is_in_french_and_links_to_its_english_version(built: Built) -> None:
    fr = built.soup("fr/" + NEW_PIER)
    assert fr.select_one("h1").get_text(strip=True) == "Le nouveau quai ouvre"
    header = fr.select_one(".blogpost-header").get_text(" ", strip=True)
    assert "Publié le" in header and "5 mars 2024" in header
    assert "Published on" not in header and "min read" not in header
    # Its tags are its own, and lead to the French tag pages.
    tags = {a.get_text(strip=True): a["href"] for a in fr.select(".blogpost-tags a")}
    assert set(tags) == {"travaux", "bateaux"}
    assert tags["travaux"].endswith("tags/travaux/")
    assert built.exists("fr/blog/tags/travaux/index.html")
    # The header links the English version, and the theme's language switcher too.
    other = fr.select_one(".blogpost-translations a")
    assert other is not None and other["hreflang"] == "en"
    assert other.get_text(strip=True) == "English"
    assert (Path(built.site_dir / "fr" / NEW_PIER).parent / other["href"]).resolve() == (
        built.site_dir / NEW_PIER
    ).parent.resolve()
    switch = {a["hreflang"]: a["href"] for a in fr.select("a.md-select__link")}
    assert (built.site_dir / "fr" / NEW_PIER).parent.joinpath(switch["en"]).resolve() == (
        built.site_dir / NEW_PIER
    ).parent.resolve()


def test_the_english_post_links_to_its_french_version(built: Built) -> None:
    en = built.soup(NEW_PIER)
    assert "Published on" in en.select_one(".blogpost-header").get_text(" ", strip=True)
    other = en.select_one(".blogpost-translations a")
    assert other is not None and other["hreflang"] == "fr" and other["lang"] == "fr"
    assert other.get_text(strip=True) == "Français"
    switch = {a["hreflang"]: a["href"] for a in en.select("a.md-select__link")}
    target = (built.site_dir / NEW_PIER).parent.joinpath(switch["fr"]).resolve()
    assert target == (built.site_dir / "fr" / NEW_PIER).parent.resolve()
    # An untranslated post has no such line.
    assert built.soup(TIDES).select_one(".blogpost-translations") is None


def test_each_language_lists_its_own_posts_and_marks_the_untranslated(built: Built) -> None:
    assert _titles(built, "blog/index.html") == [
        "Tide tables for the summer",
        "The new pier opens",
    ]
    assert _titles(built, "fr/blog/index.html") == [
        "La fête du port",
        "Tide tables for the summer",
        "Le nouveau quai ouvre",
    ]
    cards = built.soup("fr/blog/index.html").select(".blogpost-card")
    badges = [c.select_one(".blogpost-badge--untranslated") for c in cards]
    assert [b is not None for b in badges] == [False, True, False]
    assert badges[1].get_text(strip=True) == "Pas encore traduit · En anglais"
    # The untranslated card is marked as English text, in the listing's French words.
    assert cards[1]["lang"] == "en"
    assert "Lire la suite" in cards[1].get_text()
    # The English site marks nothing.
    assert not built.soup("blog/index.html").select(".blogpost-badge")


def test_the_untranslated_post_points_search_engines_to_the_original(built: Built) -> None:
    page = built.soup("fr/" + TIDES)
    assert [link["href"] for link in page.select("link[rel=canonical]")] == [
        SITE_URL + "blog/2024/04/12/tide-tables/"
    ]
    assert page.select_one(".blogpost-header .blogpost-badge--untranslated") is not None
    # Its text is marked English; the header around it is in French.
    assert page.select_one('div[lang="en"]') is not None
    assert "Publié le" in page.select_one(".blogpost-header").get_text(" ", strip=True)


def test_each_language_has_its_tags_archive_and_feeds(built: Built) -> None:
    # The untranslated post keeps its own (English) tags in the French blog.
    assert _titles(built, "fr/blog/tags/bateaux/index.html") == ["Le nouveau quai ouvre"]
    assert _titles(built, "fr/blog/tags/boats/index.html") == ["Tide tables for the summer"]
    assert _titles(built, "blog/tags/boats/index.html") == [
        "Tide tables for the summer",
        "The new pier opens",
    ]
    assert built.exists("fr/blog/category/port/index.html")
    assert built.exists("blog/category/harbour/index.html")
    assert not built.exists("fr/blog/category/harbour/index.html")
    archive = built.soup("fr/blog/archive/index.html").get_text(" ", strip=True)
    assert "mars 2024" in archive or "5 mars" in archive
    fr_feed = feedparser.parse(built.read("fr/blog/feed.xml"))
    assert fr_feed.feed.language == "fr"
    assert [e.title for e in fr_feed.entries] == [
        "La fête du port",
        "Tide tables for the summer",
        "Le nouveau quai ouvre",
    ]
    assert all(e.link.startswith(SITE_URL + "fr/blog/") for e in fr_feed.entries)
    en_feed = feedparser.parse(built.read("blog/feed.xml"))
    assert [e.title for e in en_feed.entries] == [
        "Tide tables for the summer",
        "The new pier opens",
    ]
    assert "fr/blog/feed.xml" in str(
        built.soup("fr/blog/index.html").select_one('link[type="application/rss+xml"]')
    )


def test_no_link_of_either_language_is_dead(built: Built) -> None:
    assert dead_urls(built.site_dir, SITE_URL) == []


def test_the_sitemap_lists_both_languages_blog_pages(built: Built) -> None:
    sitemap = built.read("sitemap.xml")
    for url in ("blog/", "fr/blog/", "fr/blog/tags/travaux/", "fr/" + NEW_PIER[: -len("index.html")]):
        assert f"<loc>{SITE_URL}{url}</loc>" in sitemap, url


def test_fallback_off_lists_each_language_alone(tmp_path: Path) -> None:
    site = _build(tmp_path, "suffix", blogpost={"blogpost": {"fallback_to_default": False}})
    assert _titles(site, "fr/blog/index.html") == ["La fête du port", "Le nouveau quai ouvre"]
    assert not site.exists("fr/" + TIDES)
    fr_feed = feedparser.parse(site.read("fr/blog/feed.xml"))
    assert "Tide tables for the summer" not in [e.title for e in fr_feed.entries]
    # The English post's switcher no longer leads to a French page that is not built.
    switch = {a["hreflang"]: a["href"] for a in site.soup(TIDES).select("a.md-select__link")}
    assert "tide-tables" not in switch["fr"]
    assert dead_urls(site.site_dir, SITE_URL) == []


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs"])
def test_other_themes_get_hreflang_links_and_french_words(tmp_path: Path, theme: str) -> None:
    site = _build(tmp_path, "suffix", theme=theme, config={"use_directory_urls": False})
    page = "fr/blog/2024/03/05/new-pier.html"
    soup = site.soup(page)
    langs = {link["hreflang"]: link["href"] for link in soup.select("link[hreflang]")}
    assert langs == {
        "en": SITE_URL + "blog/2024/03/05/new-pier.html",
        "fr": SITE_URL + page,
        "x-default": SITE_URL + "blog/2024/03/05/new-pier.html",
    }
    assert "Publié le" in soup.select_one(".blogpost-header").get_text(" ", strip=True)
    assert dead_urls(site.site_dir, SITE_URL) == []


def test_properdocs_builds_the_french_blog(tmp_path: Path) -> None:
    site = _build(tmp_path, "folder", engine="properdocs")
    assert site.warnings == []
    assert _titles(site, "fr/blog/index.html")[0] == "La fête du port"


def test_french_pages_link_within_the_french_blog(built: Built) -> None:
    fr_root = (built.site_dir / "fr").resolve()
    for page in ("fr/blog/index.html", "fr/" + NEW_PIER, "fr/" + TIDES, "fr/blog/tags/index.html"):
        soup = built.soup(page)
        links = soup.select(
            ".blogpost-card a, .blogpost-tags a, .blogpost-meta a, .blogpost-listing a, "
            "a.blogpost-entry__link"
        )
        assert links, page
        here = (built.site_dir / page).parent
        for link in links:
            target = (here / link["href"]).resolve()
            assert target.is_relative_to(fr_root), (page, link["href"])
    # The site nav's "Blog" leads to the French index.
    nav = {
        a.get_text(strip=True): a["href"]
        for a in built.soup("fr/index.html").select("nav.md-nav--primary a.md-nav__link[href]")
    }
    blog = (built.site_dir / "fr").joinpath(nav["Blog"]).resolve()
    assert blog == (built.site_dir / "fr" / "blog").resolve()


def test_a_blog_index_written_in_each_language_keeps_its_text(tmp_path: Path) -> None:
    files = {
        **SUFFIX,
        "blog/index.md": "# Harbour log\n\nWhat the harbour office did this week.\n",
        "blog/index.fr.md": "# Journal du port\n\nCe que la capitainerie a fait cette semaine.\n",
    }
    site = build_site(
        tmp_path,
        files,
        {"theme": {"name": "material"}, "plugins": ["search", "blogpost", _i18n("suffix")]},
    )
    assert site.warnings == []
    fr = site.soup("fr/blog/index.html")
    assert fr.select_one("h1").get_text(strip=True) == "Journal du port"
    assert _titles(site, "fr/blog/index.html")[0] == "La fête du port"
    en = site.soup("blog/index.html")
    assert en.select_one("h1").get_text(strip=True) == "Harbour log"
    assert len(_titles(site, "blog/index.html")) == 2


@pytest.mark.parametrize("structure", ["suffix", "folder"])
def test_the_authors_file_names_authors_in_every_language(tmp_path: Path, structure: str) -> None:
    authors = "authors:\n  ines:\n    name: Inès Navarro\n    description: Harbour master.\n"
    files = {
        path: text.replace("author: Ines Navarro", "author: ines")
        for path, text in SUFFIX.items()
    }
    # One file for the blog: beside the default language's posts, in either structure.
    files = {**files, "blog/.authors.yml": authors}
    if structure == "folder":
        files = folder_structure(files)
    plugins = ["search", "blogpost", _i18n(structure)]
    site = build_site(tmp_path, files, {"theme": {"name": "material"}, "plugins": plugins})
    assert site.warnings == []
    for page in (NEW_PIER, "fr/" + NEW_PIER):
        names = site.soup(page).select(".blogpost-header .blogpost-meta__authors a")
        assert [a.get_text(strip=True) for a in names] == ["Inès Navarro"], page
    for page in ("blog/author/index.html", "fr/blog/author/index.html"):
        bio = site.soup(page).select_one(".blogpost-person")
        assert bio is not None and "Harbour master." in bio.get_text(), page
