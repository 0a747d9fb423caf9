"""Material's `blog` plugin on blogpost's posts folder: a clear error naming both plugins."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.compat_sites import ENGINES, POSTS, build_site, in_both_orders


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders("blog")
def test_both_blogs_on_one_folder_stop_with_a_clear_error(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    built = build_site(tmp_path, dict(POSTS), {"plugins": plugins}, engine=engine, expect_failure=True)
    log = "\n".join(built.log)
    assert (
        "blogpost: the plugins 'blogpost' and 'material/blog' (Material's blog) both read "
        "the posts in 'blog/posts'"
    ) in log
    assert "Error reading metadata" not in log


@pytest.mark.parametrize("engine", ENGINES)
def test_material_blog_on_another_folder_builds(tmp_path: Path, engine: str) -> None:
    files = {
        **POSTS,
        "news/index.md": "# News\n",
        "news/posts/2024-06-01-harbour-news.md": "---\ndate: 2024-06-01\n---\n# Harbour news\n\nText.\n",
    }
    plugins = ["search", "blogpost", {"blog": {"blog_dir": "news"}}]
    built = build_site(tmp_path, files, {"plugins": plugins}, engine=engine)
    assert built.exists("blog/index.html")
    assert built.exists("news/2024/06/01/harbour-news/index.html")
