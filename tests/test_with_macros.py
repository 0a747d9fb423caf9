"""mkdocs-macros: pages keep their macros and posts without Liquid build, in either order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.compat_sites import ENGINES, POST_PAGES, POSTS, build_site, in_both_orders


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders("macros")
def test_macros_render_pages_and_the_blog_still_builds(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    files = dict(POSTS)
    files["visiting.md"] = "# Visiting\n\nThe {{ config.site_name }} is open on {{ day }}.\n"
    config = {"plugins": plugins, "extra": {"day": "Sundays"}}
    built = build_site(tmp_path, files, config, engine=engine)
    page = built.soup("visiting/index.html").select_one("article").get_text(" ", strip=True)
    assert "The Lighthouse is open on Sundays." in page
    post = built.soup(POST_PAGES["open-day"]).select_one("article")
    assert post.select_one(".blogpost-title").get_text(strip=True) == "Open day"
    assert "one hundred and twelve steps" in post.get_text(" ")
    assert "Macro" not in post.get_text(" ")
    index = built.soup("blog/index.html")
    assert len(index.select(".blogpost-card")) == 3
