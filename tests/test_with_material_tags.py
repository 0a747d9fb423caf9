"""Material's `tags` plugin: its tags index lists the posts at their final URLs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.compat_sites import ENGINES, POST_PAGES, POSTS, build_site, in_both_orders


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


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders("tags")
def test_a_post_shows_one_set_of_tags(tmp_path: Path, engine: str, plugins: list[Any]) -> None:
    files = dict(POSTS)
    files["tags.md"] = "# Tags\n\n<!-- material/tags -->\n"
    built = build_site(tmp_path, files, {"plugins": plugins}, engine=engine)
    post = built.soup(POST_PAGES["first-light"])
    chips = [a.get_text(strip=True) for a in post.select(".md-tags .md-tag")]
    assert chips == ["lamp", "season"]
    assert post.select(".blogpost-tags") == []
    # The listings still show each card's tags: Material's chips are on pages only.
    cards = built.soup("blog/index.html").select(".blogpost-card__tags .blogpost-tag")
    assert {a.get_text(strip=True) for a in cards} >= {"lamp", "season"}


@pytest.mark.parametrize("engine", ENGINES)
def test_without_material_tags_the_header_keeps_its_tags(tmp_path: Path, engine: str) -> None:
    built = build_site(tmp_path, dict(POSTS), engine=engine)
    post = built.soup(POST_PAGES["first-light"])
    assert post.select(".md-tags .md-tag") == []
    tags = [a.get_text(strip=True) for a in post.select(".blogpost-tags .blogpost-tag")]
    assert tags == ["lamp", "season"]
