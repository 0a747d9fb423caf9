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


def moved_post(old_url: str) -> dict[str, str | bytes]:
    """The posts, the first one once published at `old_url` (its `redirect_from`)."""
    files = dict(POSTS)
    files["blog/posts/2024-03-05-first-light.md"] = f"""
        ---
        title: First light
        redirect_from: [{old_url}]
        ---
        The keepers lit the lamp on a calm evening.
        """
    return files


def _target(html: str) -> str:
    found = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html)
    assert found is not None, html
    return found.group(1)


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders(MAPS)
def test_redirects_to_posts_and_redirect_from_both_work(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    files = moved_post("/lamp/lit.html")
    built = build_site(tmp_path, files, {"plugins": plugins}, engine=engine)
    # mkdocs-redirects' pages, to the posts' final URLs (the source path was the key).
    assert _target(built.read("news/fog/index.html")) == "../../blog/2024/04/12/fog-signal/"
    assert _target(built.read("visit/index.html")) == "../blog/2024/05/20/open-day/#top"
    # blogpost's own, from the post's front matter.
    lit = built.soup("lamp/lit.html")
    assert lit.select_one("link[rel=canonical]")["href"] == (
        "https://example.org/docs/blog/2024/03/05/first-light/"
    )


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders(
    {
        "redirects": {
            "redirect_maps": {
                "topics.md": "blog/tags/index.md",
                "lamp-news.md": "blog/tags/lamp/index.md",
                "news.md": "blog/index.md",
            }
        }
    }
)
def test_generated_listing_pages_can_be_redirect_targets(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    built = build_site(tmp_path, dict(POSTS), {"plugins": plugins}, engine=engine)
    assert _target(built.read("topics/index.html")) == "../blog/tags/"
    assert _target(built.read("lamp-news/index.html")) == "../blog/tags/lamp/"
    assert _target(built.read("news/index.html")) == "../blog/"
    assert built.soup("blog/tags/lamp/index.html").select(".blogpost-entries .blogpost-entry")


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders({"redirects": {"redirect_maps": {"lamp/lit.md": "index.md"}}})
def test_a_map_over_a_posts_old_url_is_reported_naming_both(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    files = moved_post("/lamp/lit/")
    built = build_site(tmp_path, files, {"plugins": plugins}, engine=engine, strict=False)
    clashes = [w for w in built.warnings if "redirect_maps" in w]
    assert len(clashes) == 1, built.warnings
    assert "blog/posts/2024-03-05-first-light.md:3:" in clashes[0]
    assert "'/lamp/lit/'" in clashes[0] and "'lamp/lit.md'" in clashes[0]
    assert "'redirects'" in clashes[0]
    # And --strict stops on it.
    strict = build_site(tmp_path / "strict", files, {"plugins": plugins}, engine=engine,
                        expect_failure=True)
    assert strict.failed
