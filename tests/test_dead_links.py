"""A link or image the plugin cannot resolve never becomes a broken `href` or `src`.

Each one gets a warning naming the file, the line and the docs paths looked for; the
reader sees the link's text or the image's alt text instead of a dead end, on the page
and in every feed.
"""

from __future__ import annotations

import re

import pytest
from support.build import PNG, BuildSite
from support.outputs import dead_urls

POST = "blog/posts/2024-04-02-dead-ends.md"
FILES: dict[str, str | bytes] = {
    "assets/img/ok.png": PNG,
    "about.md": "# About\n",
    POST: (
        "---\ntitle: Dead ends\n---\n"  # lines 1-3
        "Intro with [a missing post]({% post_url 2019-01-01-no-such-post %}).\n"  # 4
        "\n"
        "![Gone cover]({{ page.cover }})\n"  # 6
        "\n"
        "![Lost chart](./assets/img/posts/x.png)\n"  # 8
        "\n"
        '<p><img src="/assets/img/none.png" alt="Raw &amp; lost"></p>\n'  # 10
        "\n"
        "See [nowhere](/no-such-page/) and [about](/about.html).\n"  # 12
        "\n"
        '<p><a href="../nowhere.html">raw link</a> and <a href=\'{{ page.x }}\'>liquid</a></p>\n'  # 14
        "\n"
        '<video src="/assets/video/none.mp4" poster="/assets/img/ok.png" controls></video>\n'  # 16
        "\n"
        '<p><img srcset="/assets/img/ok.png 1x, /assets/img/missing@2x.png 2x" '
        'src="/assets/img/ok.png" alt="Responsive"></p>\n'  # 18
        "\n"
        "[![Linked lost](/assets/img/lost.png)](/also-lost/)\n"  # 20
    ),
}


def _warning(warnings: list[str], line: int, *pieces: str) -> str:
    for warning in warnings:
        if f"{POST}:{line}:" in warning and all(p in warning for p in pieces):
            return warning
    raise AssertionError(f"no warning at line {line} with {pieces}: {warnings}")


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
@pytest.mark.parametrize("directory_urls", [True, False])
def test_nothing_the_plugin_writes_leads_nowhere(
    build_site: BuildSite, theme: str, directory_urls: bool
) -> None:
    site = build_site(
        FILES,
        {"theme": {"name": theme}, "use_directory_urls": directory_urls},
        strict=False,
    )
    assert dead_urls(site.site_dir, site.config.site_url) == []
    rel = "blog/2024/04/02/dead-ends/index.html" if directory_urls else "blog/2024/04/02/dead-ends.html"
    content = site.soup(rel).select_one(".md-content, [role=main], .section, body")
    assert content is not None
    html = str(content)
    assert "{%" not in html and "{{" not in html.replace("{{ page.cover }}", "")
    text = content.get_text(" ")
    # Text stays where the dead link or image was.
    for words in ("a missing post", "Lost chart", "Raw & lost", "nowhere", "raw link", "liquid"):
        assert words in text, words
    assert content.find("a", string="about") is not None
    assert content.find("img", alt="Lost chart") is None
    assert content.find("a", string="a missing post") is None
    # The video keeps its poster, loses the missing source; srcset keeps the good candidate.
    video = content.find("video")
    assert video is not None and video.get("src") is None and video.get("poster")
    responsive = content.find("img", alt="Responsive")
    assert responsive is not None and "missing@2x" not in responsive["srcset"]
    assert "ok.png" in responsive["srcset"]


@pytest.mark.parametrize("windows", [False, True], ids=["LF", "CRLF and BOM"])
def test_each_dead_end_is_reported_where_the_author_wrote_it(
    build_site: BuildSite, windows: bool
) -> None:
    files = dict(FILES)
    if windows:
        text = str(files[POST]).replace("\n", "\r\n")
        files[POST] = b"\xef\xbb\xbf" + text.encode("utf-8")
    site = build_site(files, strict=False)
    warnings = site.warnings
    _warning(warnings, 4, "post_url 2019-01-01-no-such-post", "names no post")
    _warning(warnings, 6, "{{ page.cover }}", "cannot be converted")
    # A Jekyll author looks for the image in docs/assets/img/..., not next to the post.
    lost = _warning(warnings, 8, "./assets/img/posts/x.png", "docs/assets/img/posts/x.png")
    assert "alt text" in lost
    _warning(warnings, 10, "/assets/img/none.png", "docs/assets/img/none.png")
    _warning(warnings, 12, "/no-such-page/", "no post")
    _warning(warnings, 14, "../nowhere.html")
    _warning(warnings, 16, "media file '/assets/video/none.mp4'", "docs/assets/video/none.mp4")
    _warning(warnings, 18, "missing@2x.png")
    _warning(warnings, 20, "/assets/img/lost.png")
    _warning(warnings, 20, "/also-lost/")
    # MkDocs does not repeat them with a path the author never wrote.
    assert not any("blog/posts/assets/img" in w and "mkdocs_blogpost" not in w for w in warnings)


def test_strict_build_fails_on_a_dead_end(build_site: BuildSite) -> None:
    for body in (
        "[x]({% post_url 2019-01-01-nope %})\n",
        "![x](./assets/img/posts/x.png)\n",
        '<img src="/assets/img/none.png" alt="x">\n',
        "[x](/no-such-page/)\n",
    ):
        site = build_site(
            {"blog/posts/2024-04-03-one.md": "---\ntitle: One\n---\n" + body},
            expect_failure=True,
        )
        assert any("blog/posts/2024-04-03-one.md:4:" in w for w in site.warnings), body


def test_feeds_carry_no_dead_links(build_site: BuildSite) -> None:
    site = build_site(FILES, strict=False)
    for feed in ("blog/feed.xml", "blog/atom.xml", "blog/feed.json"):
        text = site.read(feed)
        assert "Lost chart" in text, feed
        assert not re.search(r"posts/x\.png|none\.png|no-such-page|post_url", text), feed
