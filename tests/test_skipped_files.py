"""Files in `posts_dir` Jekyll would not publish, and editors' leftovers next to posts."""

from __future__ import annotations

import pytest
from support.build import PNG, BuildSite

from mkdocs_blogpost.posts import is_leftover

POSTS = {
    "blog/posts/2022-02-22-track.md": "---\ntitle: Track\n---\nTRACK\n",
    "blog/posts/20220222scout.md": "---\ntitle: Scout\n---\nSCOUT\n",
}


def test_a_file_without_date_prefix_or_date_is_skipped(build_site: BuildSite) -> None:
    site = build_site(POSTS, strict=False)
    assert "TRACK" in site.read("blog/2022/02/22/track/index.html")
    assert not any("SCOUT" in site.read(rel) for rel in site.html_files())
    skipped = [w for w in site.warnings if "20220222scout.md" in w]
    assert len(skipped) == 1, site.warnings
    assert "YYYY-MM-DD" in skipped[0] and "'date:'" in skipped[0]
    assert "unprefixed_posts: include" in skipped[0]
    assert "SCOUT" not in site.read("search/search_index.json")
    build_site(POSTS, expect_failure=True)


def test_unprefixed_posts_include_keeps_it_as_a_plain_page(build_site: BuildSite) -> None:
    site = build_site(
        POSTS, {"plugins": [{"blogpost": {"unprefixed_posts": "include"}}]}, strict=False
    )
    assert "SCOUT" in site.read("blog/posts/20220222scout/index.html")
    assert any("20220222scout.md" in w and "no date" in w for w in site.warnings)


def test_a_date_in_front_matter_or_a_short_date_name_is_a_post(build_site: BuildSite) -> None:
    site = build_site(
        {
            "blog/posts/notes.md": "---\ntitle: Notes\ndate: 2024-01-02\n---\nNOTES\n",
            "blog/posts/2022-10-8-short.md": "---\ntitle: Short\n---\nSHORT\n",
        }
    )
    assert site.warnings == []
    assert "NOTES" in site.read("blog/2024/01/02/notes/index.html")
    assert "SHORT" in site.read("blog/2022/10/08/short/index.html")


LEFTOVERS = {
    "blog/posts/2024-01-01-a.md": "---\ntitle: A\n---\n![pic](pic.png)\n",
    "blog/posts/pic.png": PNG,
    "blog/posts/2024-01-01-a.md~": "old copy\n",
    "blog/posts/#2024-01-01-a.md#": "autosave\n",
    "blog/posts/untitled.txt": "scratch\n",
    "blog/posts/a.md.swp": "swap\n",
    "blog/posts/.DS_Store": "finder\n",
    "blog/posts/.ipynb_checkpoints/2024-01-01-a-checkpoint.md": "checkpoint\n",
}


def test_leftovers_are_not_copied(build_site: BuildSite) -> None:
    site = build_site(LEFTOVERS, strict=False)
    written = {str(p.relative_to(site.site_dir)) for p in site.site_dir.rglob("*") if p.is_file()}
    assert "blog/posts/pic.png" in written
    for name in LEFTOVERS:
        if name.endswith((".md", ".png")):
            continue
        assert name not in written, name
    named = {"2024-01-01-a.md~", "#2024-01-01-a.md#", "untitled.txt", "a.md.swp"}
    for name in named:
        found = [w for w in site.warnings if f"blog/posts/{name}:" in w]
        assert len(found) == 1 and "leftover" in found[0], name
    # What MkDocs already leaves out (dot files) needs no word from us.
    assert len([w for w in site.warnings if "leftover" in w]) == len(named)
    build_site(LEFTOVERS, expect_failure=True)


@pytest.mark.parametrize(
    ("path", "leftover"),
    [
        ("blog/posts/x.md~", True),
        ("blog/posts/#x.md#", True),
        ("blog/posts/.#x.md", True),
        ("blog/posts/.x.md.swp", True),
        ("blog/posts/Untitled-2.txt", True),
        ("blog/posts/untitled.ipynb", True),
        ("blog/posts/.ipynb_checkpoints/x.md", True),
        ("blog/posts/Thumbs.db", True),
        ("blog/posts/2024-01-01-x.md", False),
        ("blog/posts/untitled-thoughts.txt", False),
        ("blog/posts/img/diagram.svg", False),
        ("blog/posts/notes#1.md", False),
    ],
)
def test_is_leftover(path: str, leftover: bool) -> None:
    assert is_leftover(path) is leftover
