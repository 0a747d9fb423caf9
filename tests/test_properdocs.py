"""blogpost under ProperDocs, the maintained fork of MkDocs 1.x: build, serve, same output.

ProperDocs is installed beside MkDocs in the test environment (three popular plugins
already depend on both), and each ProperDocs build runs as `python -m properdocs` in a
child process: once it runs, ProperDocs answers every `mkdocs.*` import in its process.
"""

from __future__ import annotations

import contextlib
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from support.compat_sites import (
    POST_PAGES,
    POSTS,
    SITE_URL,
    Built,
    build_site,
    child_env,
    run_tool,
    write_site,
)

from mkdocs_blogpost.plugin import BlogpostPlugin

NEWEST_FIRST = ["Open day", "Fog signal", "First light"]

#: What a newcomer could see at the top of a build: ProperDocs' notice about legacy
#: plugins or MkDocs 2, or Material's end-of-life banner.
NOTICES = ("legacy", "MkDocs may break", "end of life", "NO_MKDOCS_2_WARNING")


def test_both_builders_find_the_plugin_under_the_same_name() -> None:
    for group in ("mkdocs.plugins", "properdocs.plugins"):
        (found,) = entry_points(group=group, name="blogpost")
        assert found.load() is BlogpostPlugin


def _check_blog(built: Built) -> None:
    index = built.soup("blog/index.html")
    titles = [a.get_text(strip=True) for a in index.select(".blogpost-card__title a")]
    assert titles == NEWEST_FIRST
    post = built.soup(POST_PAGES["first-light"])
    assert post.select_one(".blogpost-title").get_text(strip=True) == "First light"
    assert [t.get_text(strip=True) for t in post.select(".blogpost-tag")] == ["lamp", "season"]
    assert post.select_one('head meta[property="og:type"]')["content"] == "article"
    feed = feedparser.parse(built.read("blog/feed.xml"))
    assert not feed.bozo
    assert [e.title for e in feed.entries] == NEWEST_FIRST
    assert feed.entries[2].link == SITE_URL + "blog/2024/03/05/first-light/"


@pytest.mark.parametrize(
    ("config_name", "theme"),
    [("properdocs.yml", "material"), ("mkdocs.yml", "mkdocs"), ("properdocs.yml", "readthedocs")],
)
def test_properdocs_builds_the_blog(tmp_path: Path, config_name: str, theme: str) -> None:
    built = build_site(
        tmp_path, POSTS, {"theme": {"name": theme}}, engine="properdocs", config_name=config_name
    )
    if theme == "material":
        _check_blog(built)
    else:
        # ProperDocs ships no theme: `mkdocs` and `readthedocs` are packages of their own.
        post = built.soup(POST_PAGES["fog-signal"])
        assert post.select_one(".blogpost-title").get_text(strip=True) == "Fog signal"
        assert [e.title for e in feedparser.parse(built.read("blog/feed.xml")).entries] == (
            NEWEST_FIRST
        )
    log = "\n".join(built.log)
    assert "mkdocs_blogpost: 3 posts" in log
    assert not [line for line in built.log if any(n in line for n in NOTICES)], log


def _normalised(path: Path) -> bytes:
    data = path.read_bytes()
    # Each builder names itself in the pages' generator tag; nothing else may differ.
    return re.sub(rb'<meta name="generator" content="[^"]*">', b"", data)


def test_properdocs_writes_what_mkdocs_writes(tmp_path: Path) -> None:
    config = {"plugins": ["search", {"blogpost": {"feed_tags": True}}]}
    by_mkdocs = build_site(tmp_path / "mkdocs", POSTS, config, engine="mkdocs")
    by_properdocs = build_site(tmp_path / "properdocs", POSTS, config, engine="properdocs")
    ours = sorted(p.relative_to(by_mkdocs.site_dir) for p in by_mkdocs.site_dir.rglob("*"))
    theirs = sorted(
        p.relative_to(by_properdocs.site_dir) for p in by_properdocs.site_dir.rglob("*")
    )
    assert ours == theirs
    # The gzipped sitemap carries the time it was written in its header.
    compared = [p for p in ours if (by_mkdocs.site_dir / p).is_file() and p.suffix != ".gz"]
    assert len(compared) > 20
    different = [
        str(p)
        for p in compared
        if _normalised(by_mkdocs.site_dir / p) != _normalised(by_properdocs.site_dir / p)
    ]
    assert different == []


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def _serving(root: Path) -> Iterator[str]:
    """Run `properdocs serve` on a free loopback port; yield the site's address; stop it.

    The server puts the site at the path of its `site_url`, as the real one will be.
    """
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "properdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=child_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield f"http://127.0.0.1:{port}{urllib.parse.urlsplit(SITE_URL).path}"
    finally:
        process.terminate()
        try:
            process.communicate(timeout=30)
        except subprocess.TimeoutExpired:  # pragma: no cover - a server that ignores SIGTERM
            process.kill()
            process.communicate()


def _fetch(url: str, deadline: float) -> str:
    """GET `url`, retrying while the server starts, until `deadline`."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return str(response.read().decode("utf-8"))
        except urllib.error.HTTPError:
            raise
        except (urllib.error.URLError, ConnectionError):
            # Nothing listens until the first build is done.
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_properdocs_serve_shows_the_blog_and_its_drafts(tmp_path: Path) -> None:
    files = dict(POSTS)
    files["blog/posts/2024-06-01-next-season.md"] = """
        ---
        title: Next season
        draft: true
        ---
        Notes for the keepers who start in autumn.
        """
    write_site(tmp_path, files, config_name="properdocs.yml")
    with _serving(tmp_path) as base:
        deadline = time.monotonic() + 120
        index = BeautifulSoup(_fetch(base + "blog/", deadline), "lxml")
        draft = BeautifulSoup(_fetch(base + "blog/2024/06/01/next-season/", deadline), "lxml")
    titles = [a.get_text(strip=True) for a in index.select(".blogpost-card__title a")]
    # `serve` shows drafts (with their badge) to the author; `build` leaves them out.
    assert titles == ["Next season", *NEWEST_FIRST]
    assert draft.select_one(".blogpost-title").get_text(strip=True) == "Next season"
    assert draft.select_one(".blogpost-badge") is not None
    # The development server injects its reload script into the pages it serves.
    assert "livereload" in str(draft)


def test_the_mkdocs_command_names_properdocs_once_unless_silenced(tmp_path: Path) -> None:
    write_site(tmp_path, POSTS)
    loud = run_tool(
        ["mkdocs", "build"],
        tmp_path,
        env={"DISABLE_MKDOCS_2_WARNING": "", "NO_MKDOCS_2_WARNING": "1"},
    )
    assert loud.returncode == 0, loud.stderr
    # ProperDocs' own notice, which it asks supporting plugins to enable: shown once
    # however many plugins enable it.
    assert loud.stderr.count("switch to") == 1, loud.stderr
    quiet = run_tool(["mkdocs", "build"], tmp_path)
    assert quiet.returncode == 0, quiet.stderr
    assert not [line for line in quiet.stderr.splitlines() if any(n in line for n in NOTICES)]


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_the_summary_counts_warnings_under_either_builder(tmp_path: Path, engine: str) -> None:
    # ProperDocs logs under its own name: the count must not fall to 0 there.
    files = {
        **POSTS,
        "blog/posts/2024-04-01-loose-ends.md": (
            "---\ntitle: Loose ends\n---\nSee [the missing page](/nowhere/).\n"
        ),
    }
    built = build_site(tmp_path, files, engine=engine, strict=False)
    ours = [w for w in built.warnings if "2024-04-01-loose-ends.md" in w]
    assert ours, built.log
    summary = [line for line in built.log if "mkdocs_blogpost: 4 posts" in line]
    assert len(summary) == 1, built.log
    assert summary[0].rstrip().endswith(f"{len(built.warnings)} warnings"), summary
