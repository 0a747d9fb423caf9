"""Several blogs in one site: each `blogpost` entry has its own posts, pages and feeds."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from conftest import BuildSite, make_config, run_build, write_tree

FILES: dict[str, str | bytes] = {
    "blog/posts/2024-01-01-eng-one.md": (
        "---\ntitle: Engineering one\ntags: [shared, eng]\nauthor: Ada\n---\n"
        "ENGBODY one. See [the first release](../../changelog/posts/2024-01-05-release-1.md).\n"
    ),
    "blog/posts/2024-01-02-eng-two.md": (
        "---\ntitle: Engineering two\ntags: [shared]\n---\nENGBODY two.\n\n"
        "<tweet>Engineering says hello.</tweet>\n"
    ),
    "changelog/posts/2024-01-05-release-1.md": (
        "---\ntitle: Release one\ntags: [shared, release]\nauthor: Ada\n---\nRELBODY one.\n"
    ),
    "changelog/posts/2024-02-05-release-2.md": (
        "---\ntitle: Release two\ntags: [release]\n---\nRELBODY two.\n"
    ),
}
TWO_BLOGS = {
    "plugins": [
        "search",
        {"blogpost": {"feed_tags": True}},
        {"blogpost": {"posts_dir": "changelog/posts", "blog_dir": "changelog", "feed_tags": True}},
    ]
}
ENG = ("Engineering one", "Engineering two")
REL = ("Release one", "Release two")


def _lists(text: str, titles: tuple[str, ...]) -> bool:
    return all(t in text for t in titles)


def _lists_none(text: str, titles: tuple[str, ...]) -> bool:
    return not any(t in text for t in titles)


def test_each_blog_lists_only_its_own_posts(build_site: BuildSite) -> None:
    site = build_site(FILES, TWO_BLOGS)
    assert site.warnings == []
    posts = sorted(p for p in site.html_files() if re.match(r"(blog|changelog)/20", p))
    assert posts == [
        "blog/2024/01/01/eng-one/index.html",
        "blog/2024/01/02/eng-two/index.html",
        "changelog/2024/01/05/release-1/index.html",
        "changelog/2024/02/05/release-2/index.html",
    ]
    for folder, mine, theirs in (("blog", ENG, REL), ("changelog", REL, ENG)):
        for rel in (
            f"{folder}/index.html",
            f"{folder}/archive/index.html",
            f"{folder}/feed.xml",
            f"{folder}/atom.xml",
            f"{folder}/feed.json",
        ):
            text = site.read(rel)
            assert _lists(text, mine) and _lists_none(text, theirs), rel
        shared = site.read(f"{folder}/tags/shared/index.html")
        assert _lists_none(shared, theirs), folder
        assert _lists(site.read(f"{folder}/tags/shared/feed.xml"), mine[:1])
        cloud = site.soup(f"{folder}/tags/index.html").get_text(" ")
        assert ("eng" in cloud) == (folder == "blog")
        assert ("release" in cloud) == (folder == "changelog")
        author = site.read(f"{folder}/author/ada/index.html")
        assert _lists(author, mine[:1]) and _lists_none(author, theirs)
    # Previous/next links stay inside each blog.
    footer = site.soup("changelog/2024/01/05/release-1/index.html").select_one(".blogpost-footer")
    assert footer is not None and "Engineering" not in footer.get_text()
    # A link from one blog's post to the other's resolves.
    link = site.soup("blog/2024/01/01/eng-one/index.html").find("a", string="the first release")
    assert link is not None and link["href"].endswith("changelog/2024/01/05/release-1/")
    feed = json.loads(site.read("changelog/feed.json"))
    assert [item["title"] for item in feed["items"]] == ["Release two", "Release one"]


def test_each_blog_has_its_own_summary_and_warnings(build_site: BuildSite) -> None:
    files = dict(FILES)
    files["changelog/posts/2024-02-05-release-2.md"] += "\n![gone](./missing.png)\n"
    site = build_site(files, TWO_BLOGS, strict=False)
    summaries = [m for m in site.infos if " posts, " in m]
    assert len(summaries) == 2, summaries
    (eng,) = [m for m in summaries if "mkdocs_blogpost: blog: " in m]
    (rel,) = [m for m in summaries if "mkdocs_blogpost: changelog: " in m]
    assert "2 posts, 1 tweets" in eng and eng.endswith(", 0 warnings")
    assert "2 posts, 0 tweets" in rel and rel.endswith(", 1 warnings")
    # One warning for the one problem, not one per blog.
    assert len([w for w in site.warnings if "missing.png" in w]) == 1


def test_each_blog_has_its_own_name_in_the_nav_and_feeds(build_site: BuildSite) -> None:
    site = build_site(FILES, TWO_BLOGS)
    nav = site.soup("index.html").select(".md-nav--primary > .md-nav__list > .md-nav__item")
    labels = [item.get_text(" ", strip=True) for item in nav]
    assert labels == ["Home", "Blog", "Changelog"], labels
    assert site.soup("changelog/index.html").title.get_text().startswith("Changelog")
    assert json.loads(site.read("changelog/feed.json"))["title"] == "Test site – Changelog"
    assert json.loads(site.read("blog/feed.json"))["title"] == "Test site – Blog"
    # A name of the author's choosing, escaped like every text.
    named = {
        "plugins": [
            "search",
            "blogpost",
            {"blogpost": {**TWO_BLOGS["plugins"][2]["blogpost"], "blog_title": "What's <new>"}},
        ]
    }
    site = build_site(FILES, named)
    assert "What's <new>" in site.soup("changelog/index.html").title.get_text()
    assert "<new>" not in site.read("changelog/index.html")


def test_one_blog_keeps_its_names(build_site: BuildSite) -> None:
    site = build_site(FILES)
    assert json.loads(site.read("blog/feed.json"))["title"] == "Test site"
    assert site.soup("blog/index.html").title.get_text().startswith("Blog")


@pytest.mark.parametrize(
    ("second", "words"),
    [
        ({"posts_dir": "blog/posts/changelog", "blog_dir": "changelog"}, "posts_dir"),
        ({"posts_dir": "blog/posts"}, "posts_dir"),
        ({"posts_dir": "changelog/posts", "blog_dir": "blog"}, "blog_dir 'blog'"),
        (
            {
                "posts_dir": "changelog/posts",
                "blog_dir": "changelog",
                "feed_paths": {"atom": "Blog/Feed.xml"},
            },
            "would both write a feed to 'blog/feed.xml' ('blogpost': rss, 'blogpost #2': atom)",
        ),
    ],
)
def test_blogs_that_overlap_are_refused(tmp_path: Path, second: dict, words: str) -> None:
    write_tree(tmp_path / "docs", {**FILES, "index.md": "# Home\n"})
    cfg = make_config(tmp_path, {"plugins": ["search", "blogpost", {"blogpost": second}]}, True)
    site = run_build(tmp_path, cfg, expect_failure=True)
    errors = [r.getMessage() for r in site.records if r.levelno >= logging.ERROR]
    assert any(words in e and "'blogpost'" in e and "'blogpost #2'" in e for e in errors), errors
    assert not (tmp_path / "site" / "changelog").exists()


def test_two_builds_with_the_same_blogs_match(tmp_path: Path) -> None:
    write_tree(tmp_path / "docs", {**FILES, "index.md": "# Home\n"})
    cfg = make_config(tmp_path, TWO_BLOGS, True)
    first = run_build(tmp_path, cfg)
    pages = {rel: first.read(rel) for rel in first.html_files()}
    extensions = len(cfg.markdown_extensions)
    second = run_build(tmp_path, cfg)
    assert {rel: second.read(rel) for rel in second.html_files()} == pages
    # Each build puts back what it added; nothing piles up on the shared config.
    assert len(cfg.markdown_extensions) == extensions
