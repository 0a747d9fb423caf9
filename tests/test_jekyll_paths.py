"""Paths as real Jekyll posts write them resolve after migration, with no hand edits.

Jekyll served every post from the site root, so `../` climbed nowhere; the theme built
cover URLs as `assets/img{{ page.img }}`; other theme families hang relative images from
`media_subpath`; posts written on Windows use backslashes; embeds use every media tag.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from support.build import PNG, BuildSite, Site
from support.outputs import dead_urls

ASSETS: dict[str, str | bytes] = {
    "assets/img/posts/2021/cover.png": PNG,
    "assets/img/globals/banner.png": PNG,
    "assets/img/diagram.png": PNG,
    "assets/img/map.png": PNG,
    "assets/img/poster.png": PNG,
    "assets/img/media-2018/chart.png": PNG,
    "assets/video/clip.mp4": b"not really a video",
    "assets/audio/talk.mp3": b"not really audio",
    "assets/subs/clip.vtt": "WEBVTT\n",
    "assets/docs/spec.pdf": b"%PDF-1.4 placeholder",
}

POSTS: dict[str, str | bytes] = {
    "blog/posts/2021-05-01-climbing.md": (
        "---\ntitle: Climbing\nimg: /posts/2021/cover.png\n---\n"
        "<img src='../assets/img/map.png' alt='one level up'>\n\n"
        "![two levels up](../../assets/img/diagram.png)\n\n"
        "Read [the sibling](../sibling-post) or [its page](../sibling-post.html).\n"
    ),
    "blog/posts/2021-05-02-sibling-post.md": (
        "---\ntitle: Sibling post\nimg: globals/banner.png\n---\n"
        "An embed of every kind.\n\n"
        '<video src="{{ site.baseurl }}/assets/video/clip.mp4" '
        'poster="{{ site.baseurl }}/assets/img/poster.png" controls>\n'
        '  <source src="../assets/video/clip.mp4" type="video/mp4">\n'
        '  <track src="/assets/subs/clip.vtt" kind="captions" srclang="en" label="English">\n'
        "</video>\n\n"
        '<audio src="/assets/audio/talk.mp3" controls></audio>\n\n'
        '<iframe src="/assets/docs/spec.pdf" title="The spec"></iframe>\n\n'
        '<embed src="{{ site.baseurl }}/assets/docs/spec.pdf" type="application/pdf">\n\n'
        '<object data="/assets/docs/spec.pdf" type="application/pdf">The spec</object>\n\n'
        '<p><img srcset="/assets/img/map.png 1x, ../assets/img/diagram.png 2x" '
        'src=/assets/img/map.png alt="a pair"></p>\n'
    ),
    "blog/posts/2021-05-03-from-windows.md": (
        "---\ntitle: From Windows\n---\n"
        "![win](..\\assets\\img\\map.png)\n\n"
        '<img src="assets\\img\\diagram.png" alt="win raw">\n'
    ),
    "blog/posts/2021-05-04-subpath.md": (
        "---\ntitle: Subpath\nmedia_subpath: /assets/img/media-2018\n"
        "image:\n  path: chart.png\n  alt: A chart\n---\n"
        "![chart](chart.png)\n\n"
        '<img src="chart.png" alt="raw chart">\n\n'
        "![root path](/assets/img/map.png)\n"
    ),
    "blog/posts/2021-05-05-old-theme.md": (
        "---\ntitle: Old theme\nimg_path: /assets/img/media-2018/\n---\n![chart](chart.png)\n"
    ),
}


def _page(site: Site, slug: str, directory_urls: bool) -> tuple[str, BeautifulSoup]:
    rel = f"blog/2021/05/{slug}/index.html" if directory_urls else f"blog/2021/05/{slug}.html"
    return rel, site.soup(rel)


def _points_to(site: Site, page_rel: str, url: str) -> str:
    """The file in site_dir a URL on `page_rel` is served from."""
    path = unquote(urlsplit(url).path)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), path))
    if path.endswith("/"):
        target = posixpath.join(target, "index.html")
    assert (site.site_dir / target).is_file(), f"{page_rel}: {url} -> {target}"
    return target


def _attr(tag: Tag | None, name: str) -> str:
    assert tag is not None
    value = tag.get(name)
    assert isinstance(value, str), (tag, name)
    return value


@pytest.mark.parametrize("directory_urls", [True, False])
def test_real_jekyll_paths_resolve_strict(build_site: BuildSite, directory_urls: bool) -> None:
    site = build_site({**ASSETS, **POSTS}, {"use_directory_urls": directory_urls})
    assert site.warnings == []
    assert dead_urls(site.site_dir, site.config.site_url) == []

    rel, soup = _page(site, "01/climbing", directory_urls)
    points = lambda url: _points_to(site, rel, url)  # noqa: E731
    assert points(_attr(soup.find("img", alt="one level up"), "src")) == "assets/img/map.png"
    assert points(_attr(soup.find("img", alt="two levels up"), "src")) == "assets/img/diagram.png"
    sibling = "blog/2021/05/02/sibling-post" + ("/index.html" if directory_urls else ".html")
    assert points(_attr(soup.find("a", string="the sibling"), "href")) == sibling
    assert points(_attr(soup.find("a", string="its page"), "href")) == sibling
    # A cover written with a leading slash, as the theme joined it to assets/img.
    cover = soup.select_one(".blogpost-cover img")
    assert points(_attr(cover, "src")) == "assets/img/posts/2021/cover.png"

    rel, soup = _page(site, "02/sibling-post", directory_urls)
    points = lambda url: _points_to(site, rel, url)  # noqa: E731
    assert points(_attr(soup.select_one(".blogpost-cover img"), "src")) == (
        "assets/img/globals/banner.png"
    )
    video = soup.find("video")
    assert points(_attr(video, "src")) == "assets/video/clip.mp4"
    assert points(_attr(video, "poster")) == "assets/img/poster.png"
    assert points(_attr(soup.find("source"), "src")) == "assets/video/clip.mp4"
    assert points(_attr(soup.find("track"), "src")) == "assets/subs/clip.vtt"
    assert points(_attr(soup.find("audio"), "src")) == "assets/audio/talk.mp3"
    for tag, attr in (("iframe", "src"), ("embed", "src"), ("object", "data")):
        assert points(_attr(soup.find(tag), attr)) == "assets/docs/spec.pdf", tag
    pair = soup.find("img", alt="a pair")
    assert points(_attr(pair, "src")) == "assets/img/map.png"
    candidates = [c.split()[0] for c in _attr(pair, "srcset").split(",")]
    assert [points(c) for c in candidates] == ["assets/img/map.png", "assets/img/diagram.png"]

    rel, soup = _page(site, "03/from-windows", directory_urls)
    assert _points_to(site, rel, _attr(soup.find("img", alt="win"), "src")) == (
        "assets/img/map.png"
    )
    assert _points_to(site, rel, _attr(soup.find("img", alt="win raw"), "src")) == (
        "assets/img/diagram.png"
    )
    # Backslashes work, and the author hears of them once per path, with the line.
    notes = [i for i in site.infos if "backslashes" in i]
    assert any("2021-05-03-from-windows.md:4:" in n for n in notes), notes
    assert any("2021-05-03-from-windows.md:6:" in n for n in notes), notes

    rel, soup = _page(site, "04/subpath", directory_urls)
    points = lambda url: _points_to(site, rel, url)  # noqa: E731
    chart = "assets/img/media-2018/chart.png"
    assert points(_attr(soup.find("img", alt="chart"), "src")) == chart
    assert points(_attr(soup.find("img", alt="raw chart"), "src")) == chart
    assert points(_attr(soup.find("img", alt="root path"), "src")) == "assets/img/map.png"
    assert points(_attr(soup.select_one(".blogpost-cover img"), "src")) == chart
    rel, soup = _page(site, "05/old-theme", directory_urls)
    assert _points_to(site, rel, _attr(soup.find("img", alt="chart"), "src")) == chart


GITHUB_FORMS = [
    ("octo/lighthouse", "https://github.com/octo/lighthouse"),
    (
        "https://github.com/octo/lighthouse/blob/main/README.md",
        "https://github.com/octo/lighthouse/blob/main/README.md",
    ),
    ("octo/", "https://github.com/octo"),
    ("octo", "https://github.com/octo"),
]


@pytest.mark.parametrize(("value", "href"), GITHUB_FORMS)
def test_github_forms_real_posts_use_are_linked(
    build_site: BuildSite, value: str, href: str
) -> None:
    site = build_site(
        {"blog/posts/2021-06-01-gh.md": f"---\ntitle: GH\ngithub: {value}\n---\nText.\n"}
    )
    link = site.soup("blog/2021/06/01/gh/index.html").select_one(".blogpost-github a")
    assert link is not None and link["href"] == href


def test_github_value_that_links_nowhere_warns(build_site: BuildSite) -> None:
    site = build_site(
        {"blog/posts/2021-06-01-gh.md": "---\ntitle: GH\ngithub: gitlab.com/octo/x\n---\nT.\n"},
        expect_failure=True,
    )
    assert any("2021-06-01-gh.md:3:" in w and "GitHub" in w for w in site.warnings)
