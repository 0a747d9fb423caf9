"""mkdocs-rss-plugin beside blogpost's feeds, and a site that swaps it for blogpost's feeds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import feedparser
import pytest
from support.compat_sites import (
    ENGINES,
    POST_PAGES,
    POSTS,
    SITE_URL,
    build_project,
    build_site,
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


SWITCHED = {"blogpost": {"feed_paths": {"rss": "feed_rss_created.xml"}}}


@pytest.mark.parametrize("engine", ENGINES)
def test_blogposts_rss_feed_takes_over_the_rss_plugins_address(tmp_path: Path, engine: str) -> None:
    # The site once ran mkdocs-rss-plugin; the plugin is gone and its subscribers stay.
    built = build_site(tmp_path, POSTS, {"plugins": ["search", SWITCHED]}, engine=engine)
    text = built.read("feed_rss_created.xml")
    feed = feedparser.parse(text)
    assert not feed.bozo
    assert feed.version == "rss20" and feed.feed.generator == "mkdocs-blogpost"
    assert [(e.title, e.link) for e in feed.entries] == NEWEST_FIRST
    assert [link.href for link in feed.feed.links if link.rel == "self"] == [
        SITE_URL + "feed_rss_created.xml"
    ]
    assert not built.exists("blog/feed.xml")
    # The other formats stay in the blog's folder, and every blog page names all three.
    assert built.exists("blog/atom.xml") and built.exists("blog/feed.json")
    for rel in (POST_PAGES["open-day"], "blog/index.html"):
        head = built.soup(rel).head
        rss = head.select('link[rel~=alternate][type="application/rss+xml"]')
        assert [link["href"] for link in rss] == [SITE_URL + "feed_rss_created.xml"], rel


@in_both_orders(RSS)
def test_both_plugins_cannot_write_the_same_file(tmp_path: Path, plugins: list[Any]) -> None:
    plugins = [SWITCHED if p == "blogpost" else p for p in plugins]
    write_site(tmp_path, POSTS, {"plugins": plugins})
    commit_all(tmp_path)
    built = build_project(tmp_path, expect_failure=True)
    assert any(
        "'feed_rss_created.xml'" in line
        and "'rss' (mkdocs-rss-plugin)" in line
        and "remove 'rss' from plugins" in line
        for line in built.log
    ), built.log
    assert not built.exists("feed_rss_created.xml")
