"""mkdocs-minify-plugin: minified blog pages keep one of each head tag, in either order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.compat_sites import ENGINES, POST_PAGES, POSTS, build_site, in_both_orders

MINIFY = {"minify": {"minify_html": True}}
PAGES = ["blog/index.html", "blog/tags/lamp/index.html", POST_PAGES["first-light"]]


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders(MINIFY)
def test_minified_pages_keep_one_of_each_head_tag(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    built = build_site(tmp_path, POSTS, {"plugins": plugins}, engine=engine)
    for rel in PAGES:
        raw = built.read(rel)
        # The minifier did run: it drops the quotes of simple attribute values.
        assert "<meta name=viewport" in raw, rel
        head = built.soup(rel).head
        assert len(head.select("link[rel=canonical]")) == 1, rel
        assert len(head.select("meta[name=description]")) == 1, rel
        assert len(head.select('meta[property="og:title"]')) == 1, rel
        assert len(head.select('meta[name="twitter:card"]')) == 1, rel
    post = built.soup(POST_PAGES["first-light"]).head
    assert post.select_one("meta[name=description]")["content"] == (
        "The lamp is lit for the season."
    )
    assert post.select_one('meta[property="og:type"]')["content"] == "article"
    assert len(post.select('script[type="application/ld+json"]')) == 1
