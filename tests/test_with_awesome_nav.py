"""mkdocs-awesome-nav: the root `.nav.yml` orders the site, the blog is one entry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.compat_sites import ENGINES, POSTS, build_site, in_both_orders, nav_links


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders("awesome-nav")
def test_the_nav_file_orders_the_site_and_the_blog_is_one_entry(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    files = dict(POSTS)
    files["guide.md"] = "# Guide\n\nHow to climb the stairs.\n"
    files[".nav.yml"] = "nav:\n  - guide.md\n  - blog\n  - index.md\n"
    built = build_site(tmp_path, files, {"plugins": plugins}, engine=engine)
    assert nav_links(built) == [("Guide", "guide/"), ("Blog", "blog/"), ("Home", ".")]
