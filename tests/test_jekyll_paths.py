"""Paths as real Jekyll posts write them resolve after migration, with no hand edits.

Jekyll served every post from the site root, so `../` climbed nowhere; the theme built
cover URLs as `assets/img{{ page.img }}`; other theme families hang relative images from
`media_subpath`; posts written on Windows use backslashes; embeds use every media tag.
Built sites prove it; the tables at the end pin the resolver on each spelling.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from hypothesis import given
from hypothesis import strategies as st
from support.build import PNG, BuildSite, Site
from support.fuzz import FUZZ, urlish
from support.outputs import dead_urls

from mkdocs_blogpost.migrate import (
    LinkIndex,
    is_local_url,
    looked_for,
    resolve_link,
    split_full_marker,
    valid_github,
)

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


# -- the resolver behind these links, as a table ------------------------------------------


@pytest.fixture
def index() -> LinkIndex:
    idx = LinkIndex(
        files={
            "blog/posts/2021-01-25-hello.md",
            "blog/posts/2022/2022-03-01-other.md",
            "blog/posts/2020-05-05-same.md",
            "blog/posts/2021-06-06-same.md",
            "blog/posts/pic.png",
            "assets/img/a.png",
            "assets/img/with space.png",
            "about.md",
            "guide/index.md",
        }
    )
    idx.add_post("blog/posts/2021-01-25-hello.md", "hello", "blog/2021/01/25/hello/", (2021, 1, 25))
    idx.add_post(
        "blog/posts/2022/2022-03-01-other.md", "renamed", "blog/2022/03/01/renamed/", (2022, 3, 1)
    )
    idx.add_post("blog/posts/2020-05-05-same.md", "same", "blog/2020/05/05/same/", (2020, 5, 5))
    idx.add_post("blog/posts/2021-06-06-same.md", "same", "blog/2021/06/06/same/", (2021, 6, 6))
    return idx


@pytest.mark.parametrize(
    ("url", "from_dir", "expected"),
    [
        # As written from the post's own folder: MkDocs handles it, nothing to rewrite.
        ("pic.png", "blog/posts", ("blog/posts/pic.png", True)),
        ("./pic.png#x", "blog/posts", ("blog/posts/pic.png", True)),
        ("../2021-01-25-hello.md", "blog/posts/2022", ("blog/posts/2021-01-25-hello.md", True)),
        # Site-root assets in the three Jekyll spellings.
        ("./assets/img/a.png", "blog/posts", ("assets/img/a.png", False)),
        ("/assets/img/a.png", "blog/posts", ("assets/img/a.png", False)),
        ("assets/img/a.png", "blog/posts/2022", ("assets/img/a.png", False)),
        ("/assets/img/with%20space.png", "blog/posts", ("assets/img/with space.png", False)),
        # Posts by slug, file name, Jekyll date path and final URL.
        ("./hello.html", "blog/posts", ("blog/posts/2021-01-25-hello.md", False)),
        ("/hello.html#part", "blog/posts", ("blog/posts/2021-01-25-hello.md", False)),
        ("/2021/01/25/hello.html", "blog/posts", ("blog/posts/2021-01-25-hello.md", False)),
        ("/news/2021/01/25/hello.html", "blog/posts", ("blog/posts/2021-01-25-hello.md", False)),
        ("2021-01-25-hello.html", "blog/posts", ("blog/posts/2021-01-25-hello.md", False)),
        ("/blog/2021/01/25/hello/", "x", ("blog/posts/2021-01-25-hello.md", False)),
        ("/hello/", "blog/posts", ("blog/posts/2021-01-25-hello.md", False)),
        # The Jekyll slug from the file name still works after a `slug:` rename.
        ("/other.html", "blog/posts", ("blog/posts/2022/2022-03-01-other.md", False)),
        ("/renamed.html", "blog/posts", ("blog/posts/2022/2022-03-01-other.md", False)),
        # Two posts share a slug: the date path decides; without it nothing is guessed.
        ("/2021/06/06/same.html", "blog/posts", ("blog/posts/2021-06-06-same.md", False)),
        ("/2020/5/5/same.html", "blog/posts", ("blog/posts/2020-05-05-same.md", False)),
        ("/same.html", "blog/posts", (None, False)),
        # Pages: .html and folder URLs of Jekyll pages map to their Markdown files.
        ("/about.html", "blog/posts", ("about.md", False)),
        ("./about.html", "blog/posts", ("about.md", False)),
        ("/guide/", "blog/posts", ("guide/index.md", False)),
        # Jekyll served posts from the site root, where `..` cannot climb higher.
        ("../assets/img/a.png", "blog/posts", ("assets/img/a.png", False)),
        ("../../../assets/img/a.png", "blog/posts", ("assets/img/a.png", False)),
        ("../hello", "blog/posts", ("blog/posts/2021-01-25-hello.md", False)),
        ("../about.html", "blog/posts", ("about.md", False)),
        # Windows paths are read with slashes (and so never count as written).
        ("..\\assets\\img\\a.png", "blog/posts", ("assets/img/a.png", False)),
        ("assets\\img\\a.png", "blog/posts/2022", ("assets/img/a.png", False)),
        # Nowhere.
        ("/missing.html", "blog/posts", (None, False)),
        ("/assets/nope.png", "blog/posts", (None, False)),
        ("../../../../etc/passwd", "blog/posts", (None, False)),
        ("?q=1", "blog/posts", (None, False)),
    ],
)
def test_resolve_link(
    index: LinkIndex, url: str, from_dir: str, expected: tuple[str | None, bool]
) -> None:
    assert resolve_link(url, from_dir, index) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2021-01-25-hello", "blog/posts/2021-01-25-hello.md"),
        ("/2022/2022-03-01-other", "blog/posts/2022/2022-03-01-other.md"),
        ("_posts/2021-01-25-hello.md", "blog/posts/2021-01-25-hello.md"),
        ("about.md", "about.md"),
        ("2021-01-25-nope", None),
        ("", None),
    ],
)
def test_post_path(index: LinkIndex, name: str, expected: str | None) -> None:
    assert index.post_path(name) == expected


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("./a.png", True),
        ("/a.png", True),
        ("a.html#x", True),
        ("#x", False),
        ("", False),
        ("https://x.org/a.png", False),
        ("//cdn.x.org/a.png", False),
        ("mailto:a@b.c", False),
        ("data:image/png;base64,AAA", False),
    ],
)
def test_is_local_url(url: str, local: bool) -> None:
    assert is_local_url(url) is local


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("a.png#full", ("a.png", True)),
        ("/x/a.png?v=1#full", ("/x/a.png?v=1", True)),
        ("a.png#fullness", ("a.png#fullness", False)),
        ("a.png", ("a.png", False)),
    ],
)
def test_split_full_marker(url: str, expected: tuple[str, bool]) -> None:
    assert split_full_marker(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # Relative images hang from the post's media folder first...
        ("a.png", ("assets/img/a.png", False)),
        ("./with%20space.png", ("assets/img/with space.png", False)),
        # ...then resolve as usual; root paths ignore it.
        ("pic.png", ("blog/posts/pic.png", True)),
        ("/assets/img/a.png", ("assets/img/a.png", False)),
    ],
)
def test_resolve_link_with_a_media_folder(
    index: LinkIndex, url: str, expected: tuple[str | None, bool]
) -> None:
    assert resolve_link(url, "blog/posts", index, media_dir="assets/img") == expected


@pytest.mark.parametrize(
    ("url", "media_dir", "expected"),
    [
        ("./assets/img/x.png", None, ["blog/posts/assets/img/x.png", "assets/img/x.png"]),
        ("/assets/img/x.png", "media", ["assets/img/x.png"]),
        ("x.png", "media", ["media/x.png", "blog/posts/x.png", "x.png"]),
        ("../../../x.png", None, ["x.png"]),
    ],
)
def test_looked_for_names_each_path_tried(
    url: str, media_dir: str | None, expected: list[str]
) -> None:
    assert looked_for(url, "blog/posts", media_dir=media_dir) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("octo/repo", "https://github.com/octo/repo"),
        ("octo/repo/tree/main/docs", "https://github.com/octo/repo/tree/main/docs"),
        ("https://github.com/octo/repo", "https://github.com/octo/repo"),
        (" octo/my.repo_2/ ", "https://github.com/octo/my.repo_2/"),
        # The forms real posts use: a full URL (www. too, a line anchor kept, a query
        # dropped), `owner/`, a bare or @-prefixed user name (their profile).
        (
            "https://www.github.com/octo/repo/blob/main/a.py#L10",
            "https://github.com/octo/repo/blob/main/a.py#L10",
        ),
        ("github.com/octo/repo?tab=readme", "https://github.com/octo/repo"),
        ("octo", "https://github.com/octo"),
        ("octo/", "https://github.com/octo"),
        ("@octo", "https://github.com/octo"),
        ('octo/repo#"><b>', "https://github.com/octo/repo"),
        ("https://gitlab.com/octo/repo", None),
        ("gitlab.com/octo/repo", None),
        ("", None),
        ("javascript:alert(1)", None),
        ("octo/../evil", None),
        ('octo/repo"><script>', None),
        ("https://evil.example/octo/repo", None),
        ("-octo/repo", None),
        (["octo/repo"], None),
        (True, None),
    ],
)
def test_valid_github(value: object, expected: str | None) -> None:
    assert valid_github(value) == expected


#: What the fuzzed links may find: a page, a post, an image.
SOME_FILES = {"index.md", "blog/posts/2021-01-25-hello.md", "assets/img/a.png"}


@FUZZ
@given(url=st.one_of(urlish, st.sampled_from(["/", "../index.md", "./a.png", "/assets/img/a.png"])))
def test_any_link_resolves_to_an_existing_file_or_nowhere(url: str) -> None:
    if is_local_url(url):  # resolve_link is only asked about local URLs
        target, _written = resolve_link(url, "blog/posts", LinkIndex(files=SOME_FILES))
        assert target is None or target in SOME_FILES


@FUZZ
@given(value=st.one_of(st.text(max_size=40), urlish, st.integers(), st.none()))
def test_any_github_value_links_to_github_or_nowhere(value: object) -> None:
    github = valid_github(value)
    assert github is None or github.startswith("https://github.com/")
    assert github is None or not any(c in github for c in '"<> ')
