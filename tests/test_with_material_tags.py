"""Material's `tags` plugin: its tags index lists the posts at their final URLs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from compat_sites import ENGINES, POSTS, build_site, in_both_orders


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders("tags")
def test_the_tags_index_links_each_post_where_it_is(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    files = dict(POSTS)
    files["tags.md"] = "# Tags\n\n<!-- material/tags -->\n"
    built = build_site(tmp_path, files, {"plugins": plugins}, engine=engine)
    index = built.soup("tags/index.html").select_one("article")
    links = {(a.get_text(strip=True), a["href"]) for a in index.select("li a")}
    assert links == {
        ("First light", "../blog/2024/03/05/first-light/"),
        ("Fog signal", "../blog/2024/04/12/fog-signal/"),
    }
