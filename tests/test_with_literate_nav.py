"""mkdocs-literate-nav: `[Blog](blog/index.md)` is one nav entry, in either order.

A link to the blog's folder (`[Blog](blog/)`) would list every post and listing page;
blogpost shows the index alone and says, with the file and line, what to write.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.compat_sites import ENGINES, POSTS, build_site, in_both_orders, nav_links


def _site(summary: str) -> dict[str, str | bytes]:
    files = dict(POSTS)
    files["guide.md"] = "# Guide\n\nHow to climb the stairs.\n"
    files["SUMMARY.md"] = summary
    return files


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders("literate-nav")
def test_the_blog_index_is_one_entry_without_its_posts(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    files = _site("* [Guide](guide.md)\n* [Home](index.md)\n* [Blog](blog/index.md)\n")
    built = build_site(tmp_path, files, {"plugins": plugins}, engine=engine)
    assert nav_links(built) == [("Guide", "guide/"), ("Home", "."), ("Blog", "blog/")]
    assert nav_links(built, "blog/index.html") == [
        ("Guide", "../guide/"),
        ("Home", ".."),
        ("Blog", "./"),
    ]


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders("literate-nav")
def test_a_link_to_the_blog_folder_shows_the_index_and_says_what_to_write(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    files = _site("* [Guide](guide.md)\n* [Home](index.md)\n* [From the tower](blog/)\n")
    built = build_site(tmp_path, files, {"plugins": plugins}, engine=engine, strict=False)
    assert nav_links(built) == [("Guide", "guide/"), ("Home", "."), ("From the tower", "blog/")]
    [warning] = built.warnings
    assert "SUMMARY.md:3" in warning
    assert "[From the tower](blog/index.md)" in warning


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders("literate-nav")
def test_posts_chosen_by_hand_stay_under_the_blog_index(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    files = _site(
        "* [Guide](guide.md)\n"
        "* [Blog](blog/index.md)\n"
        "    * [The horn](blog/posts/2024-04-12-fog-signal.md)\n"
    )
    built = build_site(tmp_path, files, {"plugins": plugins}, engine=engine)
    assert nav_links(built) == [
        ("Guide", "guide/"),
        ("Blog", "blog/"),
        ("The horn", "blog/2024/04/12/fog-signal/"),
    ]


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders("literate-nav")
def test_the_blog_folder_in_the_config_nav_shows_the_index_and_says_what_to_write(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    files = dict(POSTS)
    files["guide.md"] = "# Guide\n\nHow to climb the stairs.\n"
    config = {"plugins": plugins, "nav": [{"Guide": "guide.md"}, {"Log": "blog/"}]}
    built = build_site(tmp_path, files, config, engine=engine, strict=False)
    assert nav_links(built) == [("Guide", "guide/"), ("Log", "blog/")]
    [warning] = built.warnings
    assert "mkdocs.yml: " in warning
    assert "'Log: blog/index.md'" in warning
