"""mkdocs-redirects: a `redirect_maps` entry to a post leads to the post's URL."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from support.compat_sites import ENGINES, POSTS, build_site, in_both_orders

MAPS = {
    "redirects": {
        "redirect_maps": {
            "news/fog.md": "blog/posts/2024-04-12-fog-signal.md",
            "visit.md": "blog/posts/2024-05-20-open-day.md#top",
        }
    }
}


def _target(html: str) -> str:
    found = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html)
    assert found is not None, html
    return found.group(1)


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders(MAPS)
def test_redirects_to_posts_and_redirect_from_both_work(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    files = dict(POSTS)
    files["blog/posts/2024-03-05-first-light.md"] = """
        ---
        title: First light
        redirect_from: [/lamp/lit.html]
        ---
        The keepers lit the lamp on a calm evening.
        """
    built = build_site(tmp_path, files, {"plugins": plugins}, engine=engine)
    # mkdocs-redirects' pages, to the posts' final URLs (the source path was the key).
    assert _target(built.read("news/fog/index.html")) == "../../blog/2024/04/12/fog-signal/"
    assert _target(built.read("visit/index.html")) == "../blog/2024/05/20/open-day/#top"
    # blogpost's own, from the post's front matter.
    lit = built.soup("lamp/lit.html")
    assert lit.select_one("link[rel=canonical]")["href"] == (
        "https://example.org/docs/blog/2024/03/05/first-light/"
    )
