"""Redirect pages for `redirect_from` (issue 5), in both URL styles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.browser import launch_chromium, serve_directory
from support.build import BuildSite, Site

from mkdocs_blogpost.redirects import RedirectError, redirect_dest

POSTS = {
    "about.md": "# About\n",
    "blog/posts/2024-06-30-moved.md": """
        ---
        title: 'Moved "here" <now> & then'
        redirect_from:
          - /2021/04/02/old-post.html
          - /old-post/
          - old/path
          - /caf%C3%A9/
        ---
        The post that moved.

        ## Details

        Deep text.
        """,
    "blog/posts/2024-01-01-single.md": "---\ntitle: Single\nredirect_from: /single.html\n---\nS\n",
}

REFRESH_RE = re.compile(r"^0; url=(?P<url>.+)$")


def post_file(site: Site, directory_urls: bool, slug: str = "2024/06/30/moved") -> Path:
    return site.path(f"blog/{slug}/index.html" if directory_urls else f"blog/{slug}.html")


def follow(site: Site, redirect_rel: str, url: str) -> Path:
    """Resolve a relative URL found on the redirect page to the file a server would send."""
    target = (site.path(redirect_rel).parent / url).resolve()
    return target / "index.html" if url.endswith("/") or target.is_dir() else target


@pytest.mark.parametrize("directory_urls", [True, False])
def test_redirect_pages_point_to_the_post(build_site: BuildSite, directory_urls: bool) -> None:
    site = build_site(POSTS, {"use_directory_urls": directory_urls})
    target = post_file(site, directory_urls)
    assert target.is_file()
    canonical = "https://example.org/docs/blog/2024/06/30/moved" + (
        "/" if directory_urls else ".html"
    )
    for rel in (
        "2021/04/02/old-post.html",
        "old-post/index.html",
        "old/path/index.html",
        "café/index.html",
    ):
        soup = site.soup(rel)
        refresh = soup.select_one('meta[http-equiv="refresh"]')["content"]
        url = REFRESH_RE.match(refresh).group("url")
        assert follow(site, rel, url) == target.resolve(), rel
        assert [c["href"] for c in soup.select('link[rel="canonical"]')] == [canonical]
        link = soup.select_one("body a")
        assert follow(site, rel, link["href"]) == target.resolve()
        assert link.get_text() == 'Moved "here" <now> & then'
        assert soup.find("now") is None
        assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
        assert soup.find("title").get_text() == "Redirecting…"
    single = site.soup("single.html")
    url = REFRESH_RE.match(single.select_one('meta[http-equiv="refresh"]')["content"]).group("url")
    assert (
        follow(site, "single.html", url)
        == post_file(site, directory_urls, "2024/01/01/single").resolve()
    )
    # Redirect pages are not pages of the site: not in the sitemap or the search index.
    assert "old-post" not in site.read("sitemap.xml")
    assert "old-post" not in site.read("search/search_index.json")


def test_redirect_page_is_localized(build_site: BuildSite) -> None:
    site = build_site(POSTS, {"theme": {"name": "material", "language": "de"}})
    soup = site.soup("old-post/index.html")
    assert soup.find("html")["lang"] == "de"
    assert soup.find("title").get_text() == "Weiterleitung…"
    assert soup.find("p").get_text().startswith("Diese Seite ist umgezogen nach")


def test_bad_redirects_are_refused_with_file_and_line(build_site: BuildSite) -> None:
    files = {
        "about.md": "# About\n",
        "notes.html": "<p>mine</p>\n",
        "blog/posts/2024-06-30-p.md": """
            ---
            title: P
            redirect_from:
              - https://old.example.com/p/
              - ../../etc/passwd
              - /about/
              - /notes.html
              - /?p=12
              - /blog/2024/06/30/p/
              - /
              - /kept/
              - {not: text}
            ---
            Text.
            """,
        "blog/posts/2024-07-01-q.md": "---\ntitle: Q\nredirect_from: /kept/\n---\nQ\n",
    }
    site = build_site(files, strict=False)
    refused = [w for w in site.warnings if "redirect_from" in w]
    p_warnings = [w for w in refused if "blog/posts/2024-06-30-p.md:3" in w]
    assert len(p_warnings) == 8, refused
    for needle in ("https://old.example.com/p/", "../../etc/passwd", "about/index.html"):
        assert any(needle in w for w in p_warnings), needle
    assert any("notes.html" in w and "overwrite" in w for w in p_warnings)
    assert any("query" in w for w in p_warnings)
    assert any("this post" in w for w in p_warnings)
    assert any("{'not': 'text'}" in w and "not a path" in w for w in p_warnings)
    # The second post's claim on a path already redirected is refused too.
    assert any("2024-07-01-q.md:3" in w and "kept/index.html" in w for w in refused)
    # Nothing was overwritten or written outside the site; the valid redirect exists.
    assert site.read("notes.html").strip() == "<p>mine</p>"
    assert site.soup("about/index.html").find("h1").get_text(strip=True).startswith("About")
    assert not (site.site_dir.parent / "etc").exists()
    assert "2024/06/30/p" in site.read("kept/index.html")
    assert site.soup("index.html").select_one('meta[http-equiv="refresh"]') is None
    build_site(files, expect_failure=True)


def test_redirects_option_off(build_site: BuildSite) -> None:
    site = build_site(POSTS, {"plugins": [{"blogpost": {"redirects": False}}]})
    assert not site.exists("old-post/index.html")


@pytest.mark.parametrize(
    ("value", "dest"),
    [
        ("/2021/04/02/old.html", "2021/04/02/old.html"),
        ("/old-post/", "old-post/index.html"),
        ("old/path", "old/path/index.html"),
        ("./a//b/", "a/b/index.html"),
        ("/x.HTM", "x.HTM"),
        ("/feed.php", "feed.php/index.html"),
        ("/v1.2/notes#top", "v1.2/notes/index.html"),
        ("/caf%C3%A9/", "café/index.html"),
    ],
)
def test_redirect_dest(value: str, dest: str) -> None:
    assert redirect_dest(value) == dest


@pytest.mark.parametrize(
    "value",
    ["", "/", "//cdn.example.com/x", "http://x/", "a/../../b", "/x?y=1", "a\\b", "mailto:x"],
)
def test_redirect_dest_refuses(value: str) -> None:
    with pytest.raises(RedirectError):
        redirect_dest(value)


# -- a real browser follows the redirect --------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("directory_urls", [True, False])
def test_browser_follows_redirect_and_keeps_fragment(
    build_site: BuildSite, directory_urls: bool
) -> None:
    site = build_site(POSTS, {"use_directory_urls": directory_urls})
    expected = "blog/2024/06/30/moved/" if directory_urls else "blog/2024/06/30/moved.html"
    with serve_directory(site.site_dir) as base, launch_chromium() as browser:
        page = browser.new_page()
        page.goto(base + "old/path#details")
        page.wait_for_url(base + expected + "#details")
        assert page.locator("h1").first.inner_text().startswith('Moved "here"')
        # Without JavaScript the meta refresh still gets readers there.
        context = browser.new_context(java_script_enabled=False)
        nojs = context.new_page()
        nojs.goto(base + "2021/04/02/old-post.html")
        nojs.wait_for_url(base + expected)
        context.close()
