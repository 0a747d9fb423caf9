"""Posts and docs pages know each other: `docs:` front matter and links relate them."""

from __future__ import annotations

import json
import posixpath
from typing import Any

import pytest
from conftest import BuildSite, Site, run_build

DOCS: dict[str, str | bytes] = {
    "guide/install.md": "# Install & run\n\nInstall words.\n\n## Flags\n\nFlag words.\n",
    "reference/cli.md": "# Command line\n\nCLI words.\n",
    "reference/deep/api.md": "# API\n\nAPI words.\n",
}
POSTS: dict[str, str | bytes] = {
    "blog/posts/2024-01-10-older.md": (
        "---\ntitle: Older <i>news</i>\ndocs:\n  - guide/install.md\n---\nOlder body.\n"
    ),
    "blog/posts/2024-06-01-newer.md": (
        "---\ntitle: Newer news\ndocs:\n  - guide/install.md#flags\n  - reference/cli.md\n"
        "  - reference/deep/api.md\n---\nNewer body.\n"
    ),
    "blog/posts/2024-07-01-draft.md": (
        "---\ntitle: Draft news\ndraft: true\ndocs: [guide/install.md]\n---\nDraft body.\n"
    ),
    "blog/posts/2024-08-01-plain.md": "---\ntitle: Plain post\n---\nNo docs.\n",
}
NEWER = "blog/2024/06/01/newer/index.html"
OLDER = "blog/2024/01/10/older/index.html"


def out(rel: str, directory_urls: bool = True) -> str:
    """The output file of docs page `rel`."""
    stem = rel[: -len(".md")]
    return f"{stem}/index.html" if directory_urls else f"{stem}.html"


def target(rel: str, href: str) -> str:
    url = href.split("#")[0]
    path = posixpath.normpath(posixpath.join(posixpath.dirname(rel), url))
    return posixpath.join(path, "index.html") if url.endswith("/") else path


def docs_box(site: Site, rel: str) -> list[tuple[str, str]]:
    """The "Related documentation" links of a post: (text, href)."""
    box = site.soup(rel).select_one("aside.blogpost-related-docs")
    return [] if box is None else [(a.get_text(), a["href"]) for a in box.select("a")]


def posts_box(site: Site, rel: str) -> list[str]:
    """The titles in a docs page's "Related posts" box."""
    box = site.soup(rel).select_one("aside.blogpost-docs-posts")
    return [] if box is None else [a.get_text() for a in box.select("a.blogpost-entry__link")]


@pytest.mark.parametrize("theme", ["material", "mkdocs", "readthedocs"])
@pytest.mark.parametrize("directory_urls", [True, False])
def test_both_directions(build_site: BuildSite, theme: str, directory_urls: bool) -> None:
    site = build_site(
        {**DOCS, **POSTS}, {"theme": {"name": theme}, "use_directory_urls": directory_urls}
    )
    assert site.warnings == []
    newer = NEWER if directory_urls else "blog/2024/06/01/newer.html"
    links = docs_box(site, newer)
    assert [text for text, _ in links] == ["Install & run › Flags", "Command line", "API"]
    assert links[0][1].endswith("#flags")
    for text, href in links:
        page = site.soup(target(newer, href))
        assert page.select_one("h1").get_text().startswith(text.split(" › ")[0])
    # Newest first; the draft is never listed, the plain post relates to nothing.
    install = out("guide/install.md", directory_urls)
    assert posts_box(site, install) == ["Newer news", "Older <i>news</i>"]
    assert posts_box(site, out("reference/cli.md", directory_urls)) == ["Newer news"]
    for rel in (install, out("reference/deep/api.md", directory_urls)):
        for a in site.soup(rel).select("aside.blogpost-docs-posts a"):
            assert site.soup(target(rel, a["href"])).select_one("h1") is not None
            assert site.exists(target(rel, a["href"]))
    plain = "blog/2024/08/01/plain/index.html" if directory_urls else "blog/2024/08/01/plain.html"
    assert docs_box(site, plain) == []
    # Titles are text: a post's markup never reaches a docs page.
    assert site.soup(install).select("aside i") == []


def test_boxes_are_labelled_landmarks(build_site: BuildSite) -> None:
    site = build_site({**DOCS, **POSTS})
    for rel, cls in ((NEWER, "blogpost-related-docs"), (out("guide/install.md"), "blogpost-docs-posts")):
        soup = site.soup(rel)
        aside = soup.select_one(f"aside.{cls}")
        heading = soup.find(id=aside["aria-labelledby"])
        assert heading is not None and heading.name == "h2" and heading.find_parent("aside") is aside
    assert site.soup(out("guide/install.md")).select("aside.blogpost-docs-posts time")


@pytest.mark.parametrize(("position", "where"), [("top", "top"), ("bottom", "bottom"), ("off", None)])
def test_position_of_the_related_posts_box(
    build_site: BuildSite, position: str, where: str | None
) -> None:
    site = build_site(
        {**DOCS, **POSTS},
        {"plugins": ["search", {"blogpost": {"docs_related_posts": position}}]},
    )
    soup = site.soup(out("guide/install.md"))
    h1 = soup.select_one("h1#install-run")
    box = soup.select_one("aside.blogpost-docs-posts")
    if where is None:
        assert box is None
        # Turned off on docs pages, the post still shows its documentation.
        assert docs_box(site, NEWER)
        return
    assert box is not None
    flags = soup.select_one("h2#flags")
    order = [el for el in h1.parent.find_all(["h1", "aside", "h2"]) if el in (h1, box, flags)]
    assert order == ([h1, box, flags] if where == "top" else [h1, flags, box])


LINKING: dict[str, str | bytes] = {
    "guide/tutorial.md": (
        "# Tutorial\n\nRead [the plain post](../blog/posts/2024-08-01-plain.md) and "
        "[the older one](../blog/posts/2024-01-10-older.md#older-body).\n\n"
        "```\n[not a link](../blog/posts/2024-06-01-newer.md)\n```\n"
    ),
}


def test_a_docs_page_linking_to_a_post_relates_them(build_site: BuildSite) -> None:
    site = build_site({**DOCS, **POSTS, **LINKING})
    assert site.warnings == []
    assert posts_box(site, out("guide/tutorial.md")) == ["Plain post", "Older <i>news</i>"]
    plain = "blog/2024/08/01/plain/index.html"
    assert [t for t, _ in docs_box(site, plain)] == ["Tutorial"]
    # Declared pages first, then the pages that link; the link in code is no link.
    assert [t for t, _ in docs_box(site, OLDER)] == ["Install & run", "Tutorial"]
    assert "Tutorial" not in [t for t, _ in docs_box(site, NEWER)]
    # Posts linking to posts are not docs pages.
    assert posts_box(site, NEWER) == []


def test_links_can_be_left_out(build_site: BuildSite) -> None:
    site = build_site(
        {**DOCS, **POSTS, **LINKING},
        {"plugins": ["search", {"blogpost": {"docs_backlinks": False}}]},
    )
    assert posts_box(site, out("guide/tutorial.md")) == []
    assert docs_box(site, "blog/2024/08/01/plain/index.html") == []
    assert [t for t, _ in docs_box(site, OLDER)] == ["Install & run"]


@pytest.mark.parametrize(
    ("docs", "message"),
    [
        ("[guide/missing.md]", "'guide/missing.md' is not a page of the site"),
        ("[guide/install.md#nowhere]", "'guide/install.md' has no anchor '#nowhere'"),
        ("guide/install", "'guide/install' is not a page of the site"),
        ("{a: b}", "must be a list of docs pages"),
    ],
)
def test_a_page_or_anchor_that_is_not_there_is_a_warning(
    build_site: BuildSite, docs: str, message: str
) -> None:
    files = {
        **DOCS,
        "blog/posts/2024-03-01-broken.md": (
            f"---\ntitle: Broken\ntags: [x]\ndocs: {docs}\nauthor: Ada\n---\nBody.\n"
        ),
    }
    site = build_site(files, strict=False)
    matching = [w for w in site.warnings if message in w]
    assert len(matching) == 1, site.warnings
    assert matching[0].startswith("mkdocs_blogpost: blog/posts/2024-03-01-broken.md:4: ")
    build_site(files, expect_failure=True)
    # A missing anchor still links the page, at its top.
    if "anchor" in message:
        assert docs_box(site, "blog/2024/03/01/broken/index.html") == [
            ("Install & run", "../../../../../guide/install/")
        ]


def test_a_relative_path_from_the_post_works_too(build_site: BuildSite) -> None:
    files = {
        **DOCS,
        "blog/posts/2024-03-01-rel.md": "---\ntitle: Rel\ndocs: [../../reference/cli.md]\n---\nx\n",
    }
    site = build_site(files)
    assert [t for t, _ in docs_box(site, "blog/2024/03/01/rel/index.html")] == ["Command line"]


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_boxes_stay_out_of_search(build_site: BuildSite, theme: str) -> None:
    site = build_site({**DOCS, **POSTS}, {"theme": {"name": theme}})
    docs: list[dict[str, Any]] = json.loads(site.read("search/search_index.json"))["docs"]
    install = [d for d in docs if d["location"].startswith("guide/install/")]
    assert install and "Install words." in " ".join(d["text"] for d in install)
    assert not any("Newer news" in d["text"] or "Related" in d["text"] for d in install)
    newer = [d for d in docs if d["location"].startswith("blog/2024/06/01/newer/")]
    assert newer and not any("Command line" in d["text"] for d in newer)


def test_in_the_site_language(build_site: BuildSite) -> None:
    site = build_site({**DOCS, **POSTS}, {"theme": {"name": "material", "language": "de"}})
    assert site.soup(NEWER).select_one(".blogpost-related-docs__title").get_text() == (
        "Zugehörige Dokumentation"
    )
    assert site.soup(out("guide/install.md")).select_one(".blogpost-docs-posts__title").get_text() == (
        "Blogbeiträge zu diesem Thema"
    )


def test_several_blogs_label_their_boxes_apart(build_site: BuildSite) -> None:
    files = {
        **DOCS,
        **POSTS,
        "changelog/posts/2024-02-01-v1.md": "---\ntitle: Version 1\ndocs: [guide/install.md]\n---\nv1\n",
    }
    site = build_site(
        files,
        {
            "plugins": [
                "search",
                "blogpost",
                {"blogpost": {"posts_dir": "changelog/posts", "blog_dir": "changelog"}},
            ]
        },
    )
    assert site.warnings == []
    soup = site.soup(out("guide/install.md"))
    boxes = soup.select("aside.blogpost-docs-posts")
    assert len(boxes) == 2
    ids = [b["aria-labelledby"] for b in boxes]
    assert len(set(ids)) == 2
    titles = [soup.find(id=i).get_text() for i in ids]
    assert titles == ["Related posts – Blog", "Related posts – Changelog"]
    lists = [[a.get_text() for a in b.select("a.blogpost-entry__link")] for b in boxes]
    assert lists == [["Newer news", "Older <i>news</i>"], ["Version 1"]]


def test_one_page_may_be_written_without_a_list(build_site: BuildSite) -> None:
    files = {**DOCS, "blog/posts/2024-03-01-one.md": "---\ntitle: One\ndocs: reference/cli.md\n---\nx\n"}
    site = build_site(files)
    assert [t for t, _ in docs_box(site, "blog/2024/03/01/one/index.html")] == ["Command line"]
    assert posts_box(site, out("reference/cli.md")) == ["One"]


def test_building_twice_with_one_plugin_instance_gives_the_same_boxes(build_site: BuildSite) -> None:
    site = build_site({**DOCS, **POSTS, **LINKING})
    pages = [NEWER, OLDER, out("guide/install.md"), out("guide/tutorial.md")]
    first = [site.read(rel) for rel in pages]
    run_build(site.root, site.config)
    assert [site.read(rel) for rel in pages] == first
    # Nothing piled up: each post is listed once.
    assert posts_box(site, out("guide/install.md")) == ["Newer news", "Older <i>news</i>"]


def test_the_blogs_own_pages_are_not_docs_pages(build_site: BuildSite) -> None:
    files = {
        **DOCS,
        **POSTS,
        # The author's intro above the blog index links a post: the index is no docs page.
        "blog/index.md": "# News\n\nStart with [the plain post](posts/2024-08-01-plain.md).\n",
    }
    site = build_site(files)
    assert docs_box(site, "blog/2024/08/01/plain/index.html") == []
    assert posts_box(site, "blog/index.html") == []
    # The same link from a docs page relates them.
    files["guide/intro.md"] = "# Intro\n\nStart with [the plain post](../blog/posts/2024-08-01-plain.md).\n"
    site = build_site(files)
    assert [t for t, _ in docs_box(site, "blog/2024/08/01/plain/index.html")] == ["Intro"]
