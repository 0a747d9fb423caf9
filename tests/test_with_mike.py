"""mike: a deployed version's head tags and feeds point into that version.

`mike deploy` adds its plugin first in the list when `mkdocs.yml` does not name it,
and builds each version with the builder it finds (ProperDocs when installed), with the
version in `MIKE_DOCS_VERSION`. A site may also list `- mike` itself, before or after
blogpost: blogpost reads `site_url` after every plugin's `on_config`, so the order does
not matter. Feed entry ids come from the configured `site_url`, the same in every
version, so feed readers do not see each release's posts as new.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from support.compat_sites import (
    BUILD_TIMEOUT,
    ENGINES,
    POST_PAGES,
    POSTS,
    SITE_URL,
    build_site,
    child_env,
    commit_all,
    write_site,
)

VERSIONED = SITE_URL + "2.0/"


def _check(head: BeautifulSoup, feed: bytes) -> None:
    url = VERSIONED + "blog/2024/03/05/first-light/"
    assert head.select_one('meta[property="og:url"]')["content"] == url
    assert [link["href"] for link in head.select("link[rel=canonical]")] == [url]
    data = json.loads(head.select_one('script[type="application/ld+json"]').string)
    assert data["url"] == url
    assert head.select_one('link[rel~=alternate][type="application/rss+xml"]')["href"] == (
        VERSIONED + "blog/feed.xml"
    )
    entries = feedparser.parse(feed).entries
    assert [e.link for e in entries][-1] == url
    # The same id in every version: the unversioned address.
    assert [e.id for e in entries][-1] == SITE_URL + "blog/2024/03/05/first-light/"


def test_mike_deploy_builds_a_version_whose_links_stay_in_it(tmp_path: Path) -> None:
    write_site(tmp_path, POSTS)
    commit_all(tmp_path)
    # mike has no `python -m mike`, and runs the builder by name: both from this venv.
    scripts = Path(sys.executable).parent
    done = subprocess.run(
        [str(scripts / "mike"), "deploy", "2.0"],
        cwd=tmp_path,
        env=child_env({"PATH": os.pathsep.join([str(scripts), os.environ.get("PATH", "")])}),
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stderr

    def show(rel: str) -> bytes:
        return subprocess.run(
            ["git", "show", f"gh-pages:2.0/{rel}"], cwd=tmp_path, capture_output=True, check=True
        ).stdout

    page = BeautifulSoup(show(POST_PAGES["first-light"]), "lxml")
    # The builder mike chose: ProperDocs, installed beside MkDocs here.
    assert "ProperDocs" in page.select_one("meta[name=generator]")["content"]
    _check(page.head, show("blog/feed.xml"))


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "plugins",
    [["search", "mike", "blogpost"], ["search", "blogpost", "mike"]],
    ids=["mike-first", "mike-last"],
)
def test_mike_in_either_place_versions_every_link(
    tmp_path: Path, engine: str, plugins: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # What `mike deploy` sets for the build it runs.
    monkeypatch.setenv("MIKE_DOCS_VERSION", "2.0")
    config = {"plugins": plugins}
    built = build_site(tmp_path, POSTS, config, engine=engine)
    _check(
        built.soup(POST_PAGES["first-light"]).head,
        built.site_dir.joinpath("blog/feed.xml").read_bytes(),
    )
