"""mkdocs-awesome-pages: listed before blogpost, as it asks, `.pages` orders the site.

With blogpost listed first, awesome-pages warns (`NavPluginOrder`) and ignores the root
`.pages`; that order is not tested here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.compat_sites import ENGINES, POSTS, build_site, nav_links


@pytest.mark.parametrize("engine", ENGINES)
def test_the_pages_file_orders_the_site_and_the_blog_is_one_entry(
    tmp_path: Path, engine: str
) -> None:
    files = dict(POSTS)
    files["guide.md"] = "# Guide\n\nHow to climb the stairs.\n"
    files[".pages"] = "nav:\n  - guide.md\n  - blog\n  - index.md\n"
    plugins = ["search", "awesome-pages", "blogpost"]
    built = build_site(tmp_path, files, {"plugins": plugins}, engine=engine)
    assert nav_links(built) == [("Guide", "guide/"), ("Blog", "blog/"), ("Home", ".")]
