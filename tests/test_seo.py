"""Head metadata (issue 5): description, OpenGraph, Twitter card, canonical, JSON-LD, feeds."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from support.build import PNG, BuildSite, Site, make_config, run_build, write_tree

from mkdocs_blogpost.seo import json_ld_script

SITE = "https://example.org/docs/"
TITLE = 'He said "hi" <b>bold</b> & left </script>'
DESCRIPTION = 'A "quoted" <desc> & more'

POST = {
    "assets/img/posts/20240630/cover.png": PNG,
    "about.md": "# About\n\nNot a blog page.\n",
    "blog/posts/2024-06-30-hello.md": f"""
        ---
        title: '{TITLE}'
        description: '{DESCRIPTION}'
        date: 2024-06-30 09:00:00 +0200
        updated: 2024-07-01 08:00:00 +0200
        img: posts/20240630/cover.png
        tags: [docs, ops]
        category: news
        author: [Jane Doe, Bo]
        ---
        First paragraph of the post.
        """,
    "blog/posts/2024-05-01-plain.md": "---\ntitle: Plain\n---\nThe first paragraph, used as the description.\n\nSecond.\n",
}

#: A blog name with every character HTML escapes: listings' head tags must show it as text.
BLOG_TITLE = 'All posts "about" <docs> & more'


def post_rel(directory_urls: bool = True, slug: str = "2024/06/30/hello") -> str:
    return f"blog/{slug}/index.html" if directory_urls else f"blog/{slug}.html"


def metas(soup: BeautifulSoup, key: str) -> list[str]:
    found = soup.select(f'head meta[property="{key}"]') + soup.select(f'head meta[name="{key}"]')
    return [m["content"] for m in found]


def one(soup: BeautifulSoup, key: str) -> str:
    values = metas(soup, key)
    assert len(values) == 1, (key, values)
    return values[0]


def local(site: Site, url: str) -> Path:
    assert url.startswith(SITE), url
    rel = urlsplit(url).path[len(urlsplit(SITE).path) :]
    path = site.site_dir / rel
    return path / "index.html" if url.endswith("/") or path.is_dir() else path


def listing_site(tmp_path: Path, config: dict | None = None, options: dict | None = None) -> Site:
    """Build POST as a blog of one post per page: the index has a page 2."""
    root = tmp_path / f"listed{len(list(tmp_path.iterdir()))}"
    write_tree(root / "docs", {"index.md": "# Home\n", **POST})
    blog = {"posts_per_page": 1, "blog_title": BLOG_TITLE, **(options or {})}
    settings = {**(config or {}), "plugins": ["search", {"blogpost": blog}]}
    return run_build(root, make_config(root, settings, True))


@pytest.mark.parametrize("theme", ["material", "mkdocs", "readthedocs"])
def test_post_head_tags_in_each_theme(build_site: BuildSite, theme: str) -> None:
    site = build_site(
        POST, {"theme": {"name": theme}, "plugins": [{"blogpost": {"twitter_site": "example"}}]}
    )
    url = SITE + "blog/2024/06/30/hello/"
    soup = site.soup(post_rel())
    assert one(soup, "description") == DESCRIPTION
    assert one(soup, "og:type") == "article"
    assert one(soup, "og:title") == TITLE
    assert one(soup, "og:description") == DESCRIPTION
    assert one(soup, "og:url") == url
    assert one(soup, "og:site_name") == "Test site"
    image = one(soup, "og:image")
    assert image == SITE + "assets/img/posts/20240630/cover.png"
    assert local(site, image).read_bytes() == PNG
    assert one(soup, "article:published_time") == "2024-06-30T09:00:00+02:00"
    assert one(soup, "article:modified_time") == "2024-07-01T08:00:00+02:00"
    assert metas(soup, "article:tag") == ["docs", "ops"]
    assert one(soup, "article:section") == "news"
    assert one(soup, "twitter:card") == "summary_large_image"
    assert one(soup, "twitter:site") == "@example"
    assert one(soup, "twitter:title") == TITLE
    assert one(soup, "twitter:image") == image
    canonical = soup.select('head link[rel="canonical"]')
    assert [c["href"] for c in canonical] == [url]
    scripts = soup.select('head script[type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org" and data["@type"] == "BlogPosting"
    assert data["headline"] == TITLE
    assert data["description"] == DESCRIPTION
    assert data["datePublished"] == "2024-06-30T09:00:00+02:00"
    assert data["dateModified"] == "2024-07-01T08:00:00+02:00"
    assert [a["name"] for a in data["author"]] == ["Jane Doe", "Bo"]
    assert data["image"] == [image]
    assert data["keywords"] == "docs, ops"
    assert data["url"] == url
    feeds = soup.select("head link[rel~=alternate]")
    assert [f["type"] for f in feeds] == [
        "application/rss+xml",
        "application/atom+xml",
        "application/feed+json",
    ]
    for link in feeds:
        assert local(site, link["href"]).is_file()
    # `alternate`, as autodiscovery has it; under Material never `alternate` alone, since
    # Material fetches a sitemap.xml beside every link whose rel is exactly that.
    rel = "alternate feed" if theme == "material" else "alternate"
    assert raw_rels(site.read(post_rel())) == [rel] * 3


def raw_rels(page: str) -> list[str]:
    """The `rel` of each feed link in the head as written, not split into words."""
    head = BeautifulSoup(page, "lxml", multi_valued_attributes=None).head
    return [str(link["rel"]) for link in head.find_all("link", type=FEED_TYPES)]


FEED_TYPES = ["application/rss+xml", "application/atom+xml", "application/feed+json"]


def test_head_values_are_escaped(build_site: BuildSite) -> None:
    site = build_site(POST)
    raw = site.read(post_rel())
    head = raw[: raw.index("</head>")]
    # The title's markup stays text: no element, and the JSON-LD script is not closed early.
    soup = BeautifulSoup(head, "html.parser")
    assert soup.find("b") is None
    assert (
        'content="He said &quot;hi&quot; &lt;b&gt;bold&lt;/b&gt; &amp; left &lt;/script&gt;"'
        in head
    )
    script = head[head.index('<script type="application/ld+json">') :]
    body = script[len('<script type="application/ld+json">') : script.index("</script>")]
    assert json.loads(body)["headline"] == TITLE
    assert "<" not in body and "&" not in body


def test_json_ld_script_cannot_be_closed() -> None:
    out = json_ld_script({"a": "</script><script>alert(1)</script>", "b": "<!-- x & y"})
    inner = out[len('<script type="application/ld+json">') : -len("</script>")]
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json.loads(inner) == {"a": "</script><script>alert(1)</script>", "b": "<!-- x & y"}


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_canonical_url_front_matter_replaces_the_themes(build_site: BuildSite, theme: str) -> None:
    files = {
        "blog/posts/2024-06-30-moved.md": (
            "---\ntitle: Moved\ncanonical_url: https://elsewhere.example.com/original/\n---\nT\n"
        ),
        "blog/posts/2024-06-29-path.md": "---\ntitle: Path\ncanonical_url: /root/page/\n---\nT\n",
    }
    site = build_site(files, {"theme": {"name": theme}})
    soup = site.soup("blog/2024/06/30/moved/index.html")
    canonical = [c["href"] for c in soup.select('head link[rel="canonical"]')]
    assert canonical == ["https://elsewhere.example.com/original/"]
    assert one(soup, "og:url") == "https://elsewhere.example.com/original/"
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["url"] == "https://elsewhere.example.com/original/"
    path = site.soup("blog/2024/06/29/path/index.html")
    assert [c["href"] for c in path.select('head link[rel="canonical"]')] == [
        "https://example.org/root/page/"
    ]


def test_unsafe_canonical_url_warns_with_line(build_site: BuildSite) -> None:
    files = {
        "blog/posts/2024-06-30-bad.md": "---\ntitle: Bad\ncanonical_url: 'javascript:alert(1)'\n---\nT\n"
    }
    site = build_site(files, strict=False)
    warning = next(w for w in site.warnings if "canonical_url" in w)
    assert "blog/posts/2024-06-30-bad.md:3" in warning
    soup = site.soup("blog/2024/06/30/bad/index.html")
    assert [c["href"] for c in soup.select('head link[rel="canonical"]')] == [
        SITE + "blog/2024/06/30/bad/"
    ]
    assert "javascript:" not in site.read("blog/2024/06/30/bad/index.html")
    build_site(files, expect_failure=True)


def test_post_without_cover_or_description(build_site: BuildSite) -> None:
    site = build_site(POST, {"site_description": "The whole site, in general."})
    soup = site.soup(post_rel(slug="2024/05/01/plain"))
    expected = "The first paragraph, used as the description."
    assert one(soup, "description") == expected
    assert one(soup, "og:description") == expected
    assert one(soup, "twitter:card") == "summary"
    assert metas(soup, "og:image") == [] and metas(soup, "twitter:image") == []
    assert metas(soup, "article:modified_time") == []
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert "image" not in data and data["dateModified"] == data["datePublished"]


def test_pages_outside_the_blog_are_untouched(build_site: BuildSite) -> None:
    site = build_site(POST)
    soup = site.soup("about/index.html")
    assert metas(soup, "og:type") == [] and soup.select("link[rel~=alternate]") == []
    assert soup.select('script[type="application/ld+json"]') == []


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
@pytest.mark.parametrize("directory_urls", [True, False])
def test_listing_pages(tmp_path: Path, theme: str, directory_urls: bool) -> None:
    site = listing_site(tmp_path, {"theme": {"name": theme}, "use_directory_urls": directory_urls})
    first_rel = "blog/index.html"
    second_rel = "blog/page/2/index.html"
    first, second = site.soup(first_rel), site.soup(second_rel)
    first_url = SITE + ("blog/" if directory_urls else "blog/index.html")
    second_url = SITE + ("blog/page/2/" if directory_urls else "blog/page/2/index.html")
    assert one(first, "description") == BLOG_TITLE
    assert one(second, "description") == BLOG_TITLE + " – Page 2 of 2"
    assert [c["href"] for c in first.select('head link[rel="canonical"]')] == [first_url]
    assert [c["href"] for c in second.select('head link[rel="canonical"]')] == [second_url]
    assert [n["href"] for n in first.select('head link[rel="next"]')] == [second_url]
    assert first.select('head link[rel="prev"]') == []
    assert [p["href"] for p in second.select('head link[rel="prev"]')] == [first_url]
    assert second.select('head link[rel="next"]') == []
    assert local(site, second_url) == site.path(second_rel)
    assert one(first, "og:type") == "website"
    assert one(second, "og:url") == second_url
    assert one(first, "og:title") == BLOG_TITLE
    assert one(first, "twitter:card") == "summary"
    for soup in (first, second):
        feeds = soup.select("head link[rel~=alternate]")
        assert len(feeds) == 3 and all(local(site, f["href"]).is_file() for f in feeds)
        assert soup.select('script[type="application/ld+json"]') == []


def test_tag_listing_announces_its_own_feed(tmp_path: Path) -> None:
    site = listing_site(tmp_path, options={"feed_tags": True})
    hrefs = [
        f["href"]
        for f in site.soup("blog/tags/docs/index.html").select("head link[rel~=alternate]")
    ]
    assert SITE + "blog/tags/docs/feed.xml" in hrefs and SITE + "blog/feed.xml" in hrefs
    assert len(hrefs) == 6
    post = site.soup(post_rel()).select("head link[rel~=alternate]")
    assert len(post) == 3


def test_meta_tags_off_keeps_description_and_feed_links(build_site: BuildSite) -> None:
    site = build_site(POST, {"plugins": [{"blogpost": {"meta_tags": False}}]})
    soup = site.soup(post_rel())
    assert one(soup, "description") == DESCRIPTION
    assert metas(soup, "og:title") == [] and metas(soup, "twitter:card") == []
    assert soup.select('script[type="application/ld+json"]') == []
    assert len(soup.select("head link[rel~=alternate]")) == 3


def test_without_site_url(tmp_path: Path) -> None:
    site = listing_site(tmp_path, {"site_url": None}, {"feeds": False})
    soup = site.soup(post_rel())
    assert soup.select('head link[rel="canonical"]') == []
    assert metas(soup, "og:url") == [] and metas(soup, "og:image") == []
    assert one(soup, "og:title") == TITLE
    second = site.soup("blog/page/2/index.html")
    prev = second.select_one('head link[rel="prev"]')["href"]
    assert (site.path("blog/page/2/") / prev / "index.html").resolve() == site.path(
        "blog/index.html"
    ).resolve()
    for rel in site.html_files():
        assert "None" not in site.read(rel).split("</head>")[0], rel


def test_theme_social_tags_are_not_duplicated(build_site: BuildSite) -> None:
    files = {
        **POST,
        "../overrides/main.html": (
            '{% extends "base.html" %}\n{% block extrahead %}'
            '<meta property="og:title" content="From the theme">'
            '<meta name="twitter:card" content="summary">{% endblock %}\n'
        ),
    }
    site = build_site(files, {"theme": {"name": "material", "custom_dir": "overrides"}})
    soup = site.soup(post_rel())
    assert metas(soup, "og:title") == ["From the theme"]
    assert metas(soup, "twitter:card") == ["summary"]
    assert metas(soup, "og:image") == []
    assert len(soup.select('script[type="application/ld+json"]')) == 1


MULTILINE = {
    "blog/posts/2024-06-30-lines.md": (
        "---\n"
        "title: |\n  Title on\n  two lines\n"
        "description: |\n  First line of the description,\n  second line \t  after a tab.\n\n  A paragraph.\n"
        'excerpt: "An excerpt\\nover\\r\\n lines"\n'
        "---\nThe body.\n"
    ).replace("\n", "\r\n")
}
ONE_LINE = "First line of the description, second line after a tab. A paragraph."


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_descriptions_are_one_line_in_head_json_ld_and_feeds(
    build_site: BuildSite, theme: str
) -> None:
    site = build_site(
        MULTILINE,
        {"theme": {"name": theme}, "site_description": "The site's\n  own description\n"},
    )
    soup = site.soup("blog/2024/06/30/lines/index.html")
    for key in ("description", "og:description", "twitter:description"):
        assert one(soup, key) == ONE_LINE, key
    assert one(soup, "og:title") == "Title on two lines"
    (ld,) = soup.select('script[type="application/ld+json"]')
    data = json.loads(ld.string)
    assert data["description"] == ONE_LINE and data["headline"] == "Title on two lines"
    assert soup.title is not None and "\n" not in soup.title.get_text()
    rss = BeautifulSoup(site.read("blog/feed.xml"), "xml")
    assert (
        rss.channel.find("description", recursive=False).get_text() == "The site's own description"
    )
    item = rss.find("item")
    assert item.title.get_text() == "Title on two lines"
    feed = json.loads(site.read("blog/feed.json"))
    assert feed["items"][0]["summary"] == ONE_LINE
    assert feed["description"] == "The site's own description"
    listing = site.soup("blog/index.html")
    assert "\n" not in one(listing, "description")
    excerpt = listing.select_one(".blogpost-card__excerpt")
    assert excerpt is not None and excerpt.get_text(strip=True) == "An excerpt over lines"
