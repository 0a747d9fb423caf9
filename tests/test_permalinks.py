"""Old Jekyll URLs: the permalink of a post, worked out as Jekyll did (unit tables)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort
from support.build import BuildSite, Site, make_config, run_build, write_tree
from support.jekyll_fixture import FIXTURE, copy_by_hand

from mkdocs_blogpost.permalinks import (
    PermalinkError,
    check_pattern,
    expand_style,
    jekyll_slugify,
    jekyll_url,
)

JUNE_30 = dt.datetime(2024, 6, 30, 9, 5, 7, tzinfo=dt.timezone.utc)
OCT_8 = dt.datetime(2009, 10, 8, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize(
    ("pattern", "slug", "date", "categories", "url"),
    [
        # The theme's default, and the built-in styles.
        ("/:title:output_ext", "some-title", JUNE_30, [], "/some-title.html"),
        ("date", "some-title", JUNE_30, [], "/2024/06/30/some-title.html"),
        ("pretty", "some-title", JUNE_30, [], "/2024/06/30/some-title/"),
        ("ordinal", "some-title", JUNE_30, [], "/2024/182/some-title.html"),
        ("weekdate", "some-title", JUNE_30, [], "/2024/W26/SUN/some-title.html"),
        ("none", "some-title", JUNE_30, [], "/some-title.html"),
        ("none", "some-title", JUNE_30, ["Opinion"], "/opinion/some-title.html"),
        # Categories: lower case, joined with `/`, escaped, empty and repeated ones dropped.
        ("pretty", "t", JUNE_30, ["Release Notes", "CI"], "/release%20notes/ci/2024/06/30/t/"),
        ("date", "t", JUNE_30, ["", "Ops", "ops"], "/ops/2024/06/30/t.html"),
        # Every date placeholder: zero-padded or not, two-digit year, day of the year.
        ("/:year/:i_month/:i_day/:title/", "x", OCT_8, [], "/2009/10/8/x/"),
        ("/:short_year/:month/:day/:title", "x", OCT_8, [], "/09/10/08/x"),
        ("/:year/:y_day/:title", "x", OCT_8, [], "/2009/281/x"),
        ("/:hour-:minute-:second/:title", "x", JUNE_30, [], "/09-05-07/x"),
        # `:title` keeps case and a few marks; `:slug` is lower-case letters and digits.
        ("/:title:output_ext", "Some_Title.v2", JUNE_30, [], "/Some_Title.v2.html"),
        ("/:slug:output_ext", "Some_Title.v2", JUNE_30, [], "/some-title-v2.html"),
        ("/:title/", "Hello World", JUNE_30, [], "/Hello-World/"),
        ("/:title:output_ext", "café-notes", JUNE_30, [], "/caf%C3%A9-notes.html"),
        # A trailing underscore is text after the placeholder; `//` collapses.
        ("/:title_/", "x", JUNE_30, [], "/x_/"),
        ("/:categories/:title/", "x", JUNE_30, [], "/x/"),
        ("blog//:title.html", "x", JUNE_30, [], "/blog/x.html"),
        # Dot-only segments are dropped, so a URL never climbs out of the site.
        ("/:title/:output_ext", "..", JUNE_30, [], "/.html"),
        ("/a/../:title", "x", JUNE_30, [], "/a/x"),
    ],
)
def test_jekyll_url(
    pattern: str, slug: str, date: dt.datetime, categories: list[str], url: str
) -> None:
    assert jekyll_url(pattern, slug=slug, date=date, categories=categories) == url


@pytest.mark.parametrize(
    ("text", "pretty", "cased", "slug"),
    [
        ("Hello, World!", False, False, "hello-world"),
        ("Hello, World!", True, True, "Hello,-World!"),
        ("The _config.yml file", False, False, "the-config-yml-file"),
        ("The _config.yml file", True, False, "the-_config.yml-file"),
        ("--edge--", False, False, "edge"),
        ("Ünïcode Wörds", False, False, "ünïcode-wörds"),
    ],
)
def test_jekyll_slugify(text: str, pretty: bool, cased: bool, slug: str) -> None:
    assert jekyll_slugify(text, pretty=pretty, cased=cased) == slug


@pytest.mark.parametrize("pattern", ["/:foo/", "/:year/:titles", "/:title__"])
def test_unknown_placeholders_are_refused(pattern: str) -> None:
    with pytest.raises(PermalinkError, match="not a permalink placeholder"):
        check_pattern(pattern)
    with pytest.raises(PermalinkError):
        jekyll_url(pattern, slug="x", date=JUNE_30)


@pytest.mark.parametrize(
    ("value", "pattern"),
    [
        ("pretty", "/:categories/:year/:month/:day/:title/"),
        (" date ", "/:categories/:year/:month/:day/:title:output_ext"),
        ("/:title/", "/:title/"),
    ],
)
def test_expand_style(value: str, pattern: str) -> None:
    assert expand_style(value) == pattern


# -- real builds: a redirect page at each post's old URL ----------------------------------

REFRESH_RE = re.compile(r"^0; url=(?P<url>.+)$")

POST = "---\ntitle: Some title\n---\nThe post.\n"


def post_file(site: Site, directory_urls: bool, slug: str) -> Path:
    return site.path(f"blog/{slug}/index.html" if directory_urls else f"blog/{slug}.html")


def target_of(site: Site, rel: str) -> Path:
    """The file a browser lands on after the redirect page at `rel`."""
    soup = site.soup(rel)
    assert soup.find("title").get_text() == "Redirecting…", rel
    url = REFRESH_RE.match(soup.select_one('meta[http-equiv="refresh"]')["content"]).group("url")
    target = (site.path(rel).parent / url).resolve()
    return target / "index.html" if url.endswith("/") or target.is_dir() else target


def options(**kw: Any) -> dict[str, Any]:
    return {"plugins": [{"blogpost": kw}]}


def redirected(site: Site) -> int:
    summary = next(m for m in site.infos if "links rewritten" in m)
    found = re.search(r"(\d+) old URLs redirected", summary)
    assert found is not None, summary
    return int(found.group(1))


@pytest.mark.parametrize("directory_urls", [True, False])
def test_default_permalink_redirects_to_the_post(
    build_site: BuildSite, directory_urls: bool
) -> None:
    site = build_site(
        {"blog/posts/2024-06-30-some-title.md": POST}, {"use_directory_urls": directory_urls}
    )
    assert site.warnings == []
    post = post_file(site, directory_urls, "2024/06/30/some-title")
    assert target_of(site, "some-title.html") == post.resolve()
    canonical = site.soup("some-title.html").select_one('link[rel="canonical"]')["href"]
    assert canonical == "https://example.org/docs/blog/2024/06/30/some-title" + (
        "/" if directory_urls else ".html"
    )
    assert redirected(site) == 1
    assert site.config.plugins["blogpost"].stats["redirects"] == 1
    # Not a page of the site: out of the sitemap and the search index.
    assert "/docs/some-title.html" not in site.read("sitemap.xml")


@pytest.mark.parametrize(
    ("permalink", "old"),
    [
        ("pretty", "opinion/2024/06/30/some-title/index.html"),
        ("date", "opinion/2024/06/30/some-title.html"),
        ("ordinal", "opinion/2024/182/some-title.html"),
        ("none", "opinion/some-title.html"),
        ("/:categories/:year/:title/", "opinion/release/2024/some-title/index.html"),
        ("/posts/:i_month-:i_day/:slug", "posts/6-30/some-title.html"),
    ],
)
def test_styles_and_patterns(build_site: BuildSite, permalink: str, old: str) -> None:
    categories = "[Opinion, Release]" if ":categories/:year/:title" in permalink else "Opinion"
    source = f"---\ntitle: Some title\ncategories: {categories}\n---\nThe post.\n"
    site = build_site({"blog/posts/2024-06-30-some-title.md": source}, options(permalink=permalink))
    assert target_of(site, old) == post_file(site, True, "2024/06/30/some-title").resolve()
    assert not site.exists("some-title.html")


def test_a_posts_own_permalink_wins(build_site: BuildSite) -> None:
    files = {
        "blog/posts/2024-06-30-some-title.md": (
            "---\ntitle: T\npermalink: /legacy/:year/old-name.html\n---\nThe post.\n"
        ),
        "blog/posts/2024-07-01-other.md": "---\ntitle: O\npermalink: /kept-as-is/\n---\nO.\n",
    }
    site = build_site(files)
    assert (
        target_of(site, "legacy/2024/old-name.html")
        == post_file(site, True, "2024/06/30/some-title").resolve()
    )
    assert (
        target_of(site, "kept-as-is/index.html")
        == post_file(site, True, "2024/07/01/other").resolve()
    )
    assert not site.exists("some-title.html") and not site.exists("other.html")


def test_a_bad_post_permalink_is_a_warning_with_the_line(build_site: BuildSite) -> None:
    files = {
        "blog/posts/2024-06-30-a.md": "---\ntitle: A\npermalink: /:year/:nope/\n---\nA.\n",
        "blog/posts/2024-06-30-b.md": "---\ntitle: B\npermalink: [1, 2]\n---\nB.\n",
        "blog/posts/2024-06-30-c.md": "---\ntitle: C\npermalink: https://evil.example/c\n---\nC.\n",
        "blog/posts/2024-06-30-d.md": "---\ntitle: D\npermalink: /x?p=1\n---\nD.\n",
    }
    site = build_site(files, strict=False)
    assert any("2024-06-30-c.md:3:" in w and "full URL" in w for w in site.warnings)
    assert any("2024-06-30-d.md:3:" in w and "query" in w for w in site.warnings)
    assert any("2024-06-30-a.md:3:" in w and "':nope'" in w for w in site.warnings)
    assert any("2024-06-30-b.md:3:" in w and "not a URL path" in w for w in site.warnings)
    assert redirected(site) == 0
    build_site(files, expect_failure=True)


def test_a_post_permalink_cannot_leave_the_site(build_site: BuildSite) -> None:
    source = "---\ntitle: T\npermalink: /../../escaped/x.html\n---\nT.\n"
    site = build_site({"blog/posts/2024-06-30-t.md": source})
    # Dot-only segments are dropped, as Jekyll did: the page stays inside the site.
    assert site.exists("escaped/x.html")
    assert not (site.site_dir.parent / "escaped").exists()
    assert not (site.site_dir.parent.parent / "escaped").exists()


def test_jekyll_config_permalink_wins_over_the_option(tmp_path: Path) -> None:
    write_tree(tmp_path / "docs", {"index.md": "# Home\n", "blog/posts/2024-06-30-t.md": POST})
    (tmp_path / "_config.yml").write_text("permalink: pretty\n", encoding="utf-8")
    cfg = make_config(
        tmp_path, options(jekyll_config="_config.yml", permalink="/:slug/"), strict=True
    )
    site = run_build(tmp_path, cfg)
    assert site.exists("2024/06/30/t/index.html")
    assert not site.exists("t/index.html")


@pytest.mark.parametrize("directory_urls", [True, False])
def test_a_real_page_keeps_its_url(build_site: BuildSite, directory_urls: bool) -> None:
    files = {
        "about.md": "# About\n\nTHE ABOUT PAGE\n",
        "notes.html": "<p>MY NOTES</p>\n",
        "blog/posts/2024-06-30-about.md": "---\ntitle: About the blog\n---\nA.\n",
        "blog/posts/2024-06-30-notes.md": "---\ntitle: Notes\n---\nN.\n",
        "blog/posts/2024-06-30-index.md": "---\ntitle: Index\n---\nI.\n",
        # Jekyll could not publish both at `/same.html` either: the first keeps it.
        "blog/posts/2024-01-01-same.md": "---\ntitle: First same\n---\nS1.\n",
        "blog/posts/2024-02-02-same.md": "---\ntitle: Second same\n---\nS2.\n",
    }
    site = build_site(files, {"use_directory_urls": directory_urls})
    assert site.warnings == []
    if not directory_urls:
        assert "THE ABOUT PAGE" in site.read("about.html")
    else:
        assert target_of(site, "about.html") == post_file(site, True, "2024/06/30/about").resolve()
    assert "MY NOTES" in site.read("notes.html")
    assert "Home" in site.read("index.html")
    assert (
        target_of(site, "same.html") == post_file(site, directory_urls, "2024/01/01/same").resolve()
    )
    owned = [m for m in site.infos if "not redirected" in m]
    assert len(owned) == 1, site.infos
    assert "/notes.html (blog/posts/2024-06-30-notes.md)" in owned[0]
    assert "/index.html (blog/posts/2024-06-30-index.md)" in owned[0]
    assert "/same.html (blog/posts/2024-02-02-same.md)" in owned[0]


def test_no_redirect_where_the_old_url_is_the_new_one(build_site: BuildSite) -> None:
    site = build_site(
        {"blog/posts/2024-06-30-some-title.md": POST},
        {"use_directory_urls": False, **options(post_url_format="{slug}.html")},
    )
    assert "The post." in site.read("some-title.html")
    assert redirected(site) == 0
    assert not [m for m in site.infos if "not redirected" in m]


@pytest.mark.parametrize("site_url", ["https://example.org/", "https://example.org/docs/"])
def test_old_urls_are_paths_under_the_site(build_site: BuildSite, site_url: str) -> None:
    site = build_site(
        {"blog/posts/2024-06-30-some-title.md": POST},
        {"site_url": site_url, **options(permalink="date")},
    )
    rel = "2024/06/30/some-title.html"
    assert target_of(site, rel) == post_file(site, True, "2024/06/30/some-title").resolve()
    canonical = site.soup(rel).select_one('link[rel="canonical"]')["href"]
    assert canonical == f"{site_url}blog/2024/06/30/some-title/"


def test_drafts_and_future_posts_have_no_old_url(build_site: BuildSite) -> None:
    files = {
        "blog/posts/2024-06-30-draft.md": "---\ntitle: D\ndraft: true\n---\nD.\n",
        "blog/posts/2999-01-01-later.md": "---\ntitle: L\n---\nL.\n",
    }
    site = build_site(files)
    assert not site.exists("draft.html") and not site.exists("later.html")


def test_the_site_time_zone_decides_the_date(build_site: BuildSite) -> None:
    source = "---\ntitle: T\ndate: 2024-06-30 23:30:00 -0500\n---\nT.\n"
    utc = build_site({"blog/posts/late.md": source}, options(permalink="date"))
    assert utc.exists("2024/07/01/late.html")
    local = build_site(
        {"blog/posts/late.md": source}, options(permalink="date", timezone="America/Chicago")
    )
    assert local.exists("2024/06/30/late.html")


def test_permalink_redirects_off(build_site: BuildSite) -> None:
    site = build_site(
        {"blog/posts/2024-06-30-some-title.md": POST}, options(permalink_redirects=False)
    )
    assert not site.exists("some-title.html")
    assert redirected(site) == 0


def test_a_bad_permalink_option_is_a_config_error(tmp_path: Path) -> None:
    write_tree(tmp_path / "docs", {"index.md": "# Home\n"})
    with pytest.raises(Abort):
        make_config(tmp_path, options(permalink="/:year/:nope/"), True)


def test_two_builds_of_the_jekyll_blog_match(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    copy_by_hand(docs)
    (docs / "index.md").write_text("# Lighthouse\n", encoding="utf-8")
    config = options(jekyll_config=str(FIXTURE / "_config.yml"))
    cfg = make_config(tmp_path, {**config, "use_directory_urls": False}, True)
    first = run_build(tmp_path, cfg)
    pages = {rel: first.read(rel) for rel in first.html_files() if "/" not in rel}
    old = sorted(rel for rel, html in pages.items() if "Redirecting…" in html)
    # Each post's old URL, and one `redirect_from` at the site root.
    assert "hello-lighthouse.html" in old and "release-notes.html" in old and len(old) == 14
    second = run_build(tmp_path, cfg)
    assert {rel: second.read(rel) for rel in second.html_files() if "/" not in rel} == pages
    assert redirected(first) == redirected(second) == 15
    assert first.warnings == second.warnings == []
