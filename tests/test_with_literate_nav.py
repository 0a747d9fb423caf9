"""mkdocs-literate-nav: `[Blog](blog/index.md)` is one nav entry, in either order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.compat_sites import ENGINES, POSTS, build_site, in_both_orders, nav_links


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders("literate-nav")
def test_the_blog_index_is_one_entry_without_its_posts(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    files = dict(POSTS)
    files["guide.md"] = "# Guide\n\nHow to climb the stairs.\n"
    files["SUMMARY.md"] = "* [Guide](guide.md)\n* [Home](index.md)\n* [Blog](blog/index.md)\n"
    built = build_site(tmp_path, files, {"plugins": plugins}, engine=engine)
    assert nav_links(built) == [("Guide", "guide/"), ("Home", "."), ("Blog", "blog/")]
    assert nav_links(built, "blog/index.html") == [
        ("Guide", "../guide/"),
        ("Home", ".."),
        ("Blog", "./"),
    ]
