"""mkdocs-awesome-pages: `.pages` files order the site, the blog is one entry, in either order.

With blogpost listed first, awesome-pages still notes (`NavPluginOrder`, a Python
warning MkDocs logs as INFO) that a plugin before it has an `on_nav` handler: it checks
for the handler, not what it does. Blogpost's runs after awesome-pages' in either order,
so the note is ignored here rather than failing the in-process build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.compat_sites import ENGINES, POSTS, build_site, in_both_orders, nav_links

pytestmark = pytest.mark.filterwarnings("ignore::mkdocs_awesome_pages_plugin.plugin.NavPluginOrder")


def _site(**extra: str) -> dict[str, str | bytes]:
    files = dict(POSTS)
    files["guide.md"] = "# Guide\n\nHow to climb the stairs.\n"
    # Not the order MkDocs would choose (home first, then by name).
    files[".pages"] = "nav:\n  - guide.md\n  - blog\n  - index.md\n"
    files.update(extra)
    return files


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders("awesome-pages")
def test_the_pages_file_orders_the_site_and_the_blog_is_one_entry(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    built = build_site(tmp_path, _site(), {"plugins": plugins}, engine=engine)
    assert nav_links(built) == [("Guide", "guide/"), ("Blog", "blog/"), ("Home", ".")]


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders("awesome-pages")
def test_the_blog_folder_title_names_the_entry_and_the_index(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    files = _site(**{"blog/.pages": "title: Letters from the lamp room\n"})
    built = build_site(tmp_path, files, {"plugins": plugins}, engine=engine)
    assert nav_links(built) == [
        ("Guide", "guide/"),
        ("Letters from the lamp room", "blog/"),
        ("Home", "."),
    ]
    index = built.soup("blog/index.html")
    assert index.h1 is not None and index.h1.get_text() == "Letters from the lamp room"
