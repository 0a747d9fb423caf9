"""mkdocs-rss-plugin beside blogpost's feeds: both list the posts at their final URLs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import feedparser
import pytest
from support.compat_sites import (
    ENGINES,
    POSTS,
    SITE_URL,
    build_project,
    commit_all,
    in_both_orders,
    write_site,
)

RSS = {"rss": {"match_path": "blog/posts/.*", "date_from_meta": {"as_creation": "date"}}}
NEWEST_FIRST = [
    ("Open day", SITE_URL + "blog/2024/05/20/open-day/"),
    ("Fog signal", SITE_URL + "blog/2024/04/12/fog-signal/"),
    ("First light", SITE_URL + "blog/2024/03/05/first-light/"),
]


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders(RSS)
def test_both_feeds_list_the_posts_at_their_urls(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    write_site(tmp_path, POSTS, {"plugins": plugins})
    # The rss plugin reads dates from git (here, the posts' `date` as their creation).
    commit_all(tmp_path)
    built = build_project(tmp_path, engine=engine)
    for rel in ("feed_rss_created.xml", "blog/feed.xml"):
        feed = feedparser.parse(built.read(rel))
        assert not feed.bozo, rel
        assert [(e.title, e.link) for e in feed.entries] == NEWEST_FIRST, rel
