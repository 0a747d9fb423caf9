"""mkdocs-awesome-nav: its `.nav.yml` files order the site, the blog is one entry.

The title a `.nav.yml` gives the blog's folder names that entry, and a post the nav
names by path stays in it, in either plugin order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.compat_sites import ENGINES, POSTS, build_site, in_both_orders, nav_links, orders


def _site(**extra: str) -> dict[str, str | bytes]:
    files = dict(POSTS)
    files["guide.md"] = "# Guide\n\nHow to climb the stairs.\n"
    files[".nav.yml"] = "nav:\n  - guide.md\n  - blog\n  - index.md\n"
    files.update(extra)
    return files


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders("awesome-nav")
def test_the_nav_file_orders_the_site_and_the_blog_is_one_entry(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    built = build_site(tmp_path, _site(), {"plugins": plugins}, engine=engine)
    assert nav_links(built) == [("Guide", "guide/"), ("Blog", "blog/"), ("Home", ".")]


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders("awesome-nav")
def test_the_blog_folder_title_names_the_entry_and_the_index(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    files = _site(**{"blog/.nav.yml": "title: Notes & news from the tower\n"})
    built = build_site(tmp_path, files, {"plugins": plugins}, engine=engine)
    assert nav_links(built) == [
        ("Guide", "guide/"),
        ("Notes & news from the tower", "blog/"),
        ("Home", "."),
    ]
    # Without `blog_title`, the index agrees with its entry.
    index = built.soup("blog/index.html")
    assert index.h1 is not None and index.h1.get_text() == "Notes & news from the tower"
    assert index.title is not None
    assert index.title.get_text().startswith("Notes & news from the tower")


NAMED_BLOG = orders("awesome-nav", {"blogpost": {"blog_title": "The keeper's log"}})


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("plugins", [p for _, p in NAMED_BLOG], ids=[n for n, _ in NAMED_BLOG])
def test_the_folder_title_names_the_entry_over_blog_title(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    files = _site(**{"blog/.nav.yml": "title: Tower notes\n"})
    built = build_site(tmp_path, files, {"plugins": plugins}, engine=engine)
    assert ("Tower notes", "blog/") in nav_links(built)
    # The page keeps the name the blog was given.
    index = built.soup("blog/index.html")
    assert index.h1 is not None and index.h1.get_text() == "The keeper's log"


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders("awesome-nav")
def test_a_post_named_by_path_stays_in_the_nav(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    files = _site(
        **{
            ".nav.yml": (
                "nav:\n"
                "  - guide.md\n"
                "  - blog/posts/2024-04-12-fog-signal.md\n"
                "  - Lamp season: blog/posts/2024-03-05-first-light.md\n"
                "  - blog\n"
                "  - index.md\n"
            )
        }
    )
    built = build_site(tmp_path, files, {"plugins": plugins}, engine=engine)
    assert built.warnings == []
    assert nav_links(built) == [
        ("Guide", "guide/"),
        ("Fog signal", "blog/2024/04/12/fog-signal/"),
        ("Lamp season", "blog/2024/03/05/first-light/"),
        ("Blog", "blog/"),
        ("Home", "."),
    ]
    # Posts the nav does not name stay out of it.
    assert all("open-day" not in href for _, href in nav_links(built))
