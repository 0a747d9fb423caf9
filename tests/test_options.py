"""The plugin's options: a wrong value stops the build at once, naming the option and the fix.

Each case loads a real `mkdocs.yml` with MkDocs' own `load_config`, which is where
MkDocs reports option errors (before any page is read).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort
from support.build import make_config, write_tree


def config_errors(tmp_path: Path, options: dict[str, Any], caplog: pytest.LogCaptureFixture) -> str:
    """Load a site with these blogpost options, expect MkDocs to refuse it, return why."""
    write_tree(tmp_path / "docs", {"index.md": "# Home\n"})
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        make_config(tmp_path, {"plugins": [{"blogpost": options}]}, True)
    return "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"posts_per_page": 0}, "'posts_per_page': must be a positive number, not 0"),
        ({"words_per_minute": -5}, "'words_per_minute': must be a positive number, not -5"),
        ({"cjk_characters_per_minute": 0}, "'cjk_characters_per_minute': must be a positive"),
        ({"tweet_max_length": 0}, "'tweet_max_length': must be a positive number"),
        ({"feed_length": -1}, "'feed_length': must be 0 (all posts) or more, not -1"),
        ({"related_posts": -1}, "'related_posts': must be 0 or more, not -1"),
        ({"posts_per_page": True}, "'posts_per_page': expected a whole number, not True"),
        ({"posts_per_page": "six"}, "'posts_per_page'"),
        ({"tags_dir": ""}, "'tags_dir': must be a folder name like 'tags', not ''"),
        ({"archive_dir": "/"}, "'archive_dir': must be a folder name like 'tags'"),
        ({"authors_dir": "../people"}, "'authors_dir': must be a folder name like 'tags'"),
        ({"pagination_dir": "a\\b"}, "'pagination_dir': must be a folder name"),
        ({"blog_dir": "../outside"}, "'blog_dir': must be a folder inside docs_dir"),
        ({"posts_dir": "blog\\posts"}, "'posts_dir': must be a folder inside docs_dir"),
        ({"timezone": "Mars/Olympus"}, "'timezone': unknown time zone 'Mars/Olympus'; write"),
        ({"twitter_via": "not a handle!"}, "'twitter_via': 'not a handle!' is not an X handle"),
        ({"mastodon_instance": "https://"}, "'mastodon_instance': 'https://' is not a server"),
        ({"authors_file": "../team.yml"}, "'authors_file': must be a file inside docs_dir"),
        ({"authors_file": ""}, "'authors_file': must be a file inside docs_dir"),
        ({"authors_file": "blog/authors.json"}, "'authors_file': must be a YAML file ending"),
        ({"tweet_color": "pink"}, "'tweet_color': Expected one of: ('theme', 'x')"),
    ],
)
def test_a_wrong_option_stops_the_build_naming_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, options: dict[str, Any], expected: str
) -> None:
    errors = config_errors(tmp_path, options, caplog)
    assert "Plugin 'blogpost' option " + expected in errors


@pytest.mark.parametrize(
    ("options", "attribute", "value"),
    [
        ({"blog_dir": "/news/"}, "blog_dir", "news"),
        ({"posts_dir": "news/posts/"}, "posts_dir", "news/posts"),
        ({"blog_dir": ""}, "blog_dir", ""),
        ({"tags_dir": "/labels/"}, "tags_dir", "labels"),
        ({"twitter_via": "@docs_team"}, "twitter_via", "docs_team"),
        ({"twitter_via": "  "}, "twitter_via", ""),
        ({"mastodon_instance": "https://fosstodon.org/"}, "mastodon_instance", "fosstodon.org"),
        ({"timezone": "+05:30"}, "timezone", "+05:30"),
        ({"feed_length": 0}, "feed_length", 0),
        ({"authors_file": "people/team.yaml"}, "authors_file", "people/team.yaml"),
        ({}, "authors_file", "{blog_dir}/.authors.yml"),
        ({}, "caption_style", "figure"),
        ({}, "tweet_color", "theme"),
    ],
)
def test_accepted_options_are_kept_in_their_plain_form(
    tmp_path: Path, options: dict[str, Any], attribute: str, value: object
) -> None:
    write_tree(tmp_path / "docs", {"index.md": "# Home\n"})
    cfg = make_config(tmp_path, {"plugins": [{"blogpost": options}]}, True)
    assert cfg.plugins["blogpost"].config[attribute] == value


@pytest.mark.parametrize(
    ("paths", "expected"),
    [
        ({"rss": "/feed.xml"}, "Sub-option 'rss': must be relative to the site root"),
        ({"rss": "C:\\feeds\\rss.xml"}, "Sub-option 'rss': must be relative to the site root"),
        ({"atom": "../atom.xml"}, "Sub-option 'atom': must stay inside site_dir"),
        ({"rss": "feeds/"}, "Sub-option 'rss': names a folder, 'feeds/'"),
        ({"rss": "feeds//rss.xml"}, "Sub-option 'rss': must be written without '//' or './'"),
        ({"rss": "https://example.org/rss.xml"}, "Sub-option 'rss': must be a file path inside"),
        ({"rss": ""}, "Sub-option 'rss': must be a file path relative to the site root"),
        ({"rss": "feed.html"}, "Sub-option 'rss': must end in '.xml' or '.rss', not 'feed.html'"),
        ({"json": "feed.xml"}, "Sub-option 'json': must end in '.json', not 'feed.xml'"),
        ({"rss": "sitemap.xml"}, "Sub-option 'rss': 'sitemap.xml' is where MkDocs' sitemap"),
        (
            {"json": "search/search_index.json"},
            "Sub-option 'json': 'search/search_index.json' is where the search plugin's index",
        ),
        (
            {"atom": "blog/feed.xml"},
            "the RSS feed and the Atom feed would both be written to 'blog/feed.xml' "
            "('rss' has no path of its own, so it stays in blog_dir)",
        ),
        # The same file on macOS and Windows.
        (
            {"rss": "news.xml", "atom": "News.XML"},
            "the RSS feed and the Atom feed would both be written to 'News.XML'. Give",
        ),
    ],
)
def test_a_wrong_feed_path_stops_the_build_naming_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, paths: dict[str, str], expected: str
) -> None:
    errors = config_errors(tmp_path, {"feed_paths": paths}, caplog)
    assert "Plugin 'blogpost' option 'feed_paths': " + expected in errors


def test_feed_paths_are_kept_relative_to_the_site_root(tmp_path: Path) -> None:
    write_tree(tmp_path / "docs", {"index.md": "# Home\n"})
    paths = {"rss": " feed_rss_created.xml ", "atom": "feeds/site.atom", "json": "Feed.JSON"}
    cfg = make_config(tmp_path, {"plugins": [{"blogpost": {"feed_paths": paths}}]}, True)
    moved = cfg.plugins["blogpost"].config.feed_paths
    assert (moved.rss, moved.atom, moved.json) == (
        "feed_rss_created.xml",
        "feeds/site.atom",
        "Feed.JSON",
    )


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            {"feed_formats": ["rss"], "feed_paths": {"json": "news.json"}},
            "a path is set for 'json', but 'json' is not in feed_formats, so no JSON Feed "
            "is written to 'news.json'",
        ),
        ({"feed_paths": {"rss_created": "x.xml"}}, "Unrecognised configuration name: rss_created"),
    ],
)
def test_a_feed_path_that_does_nothing_is_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, options: dict[str, Any], expected: str
) -> None:
    write_tree(tmp_path / "docs", {"index.md": "# Home\n"})
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        make_config(tmp_path, {"plugins": [{"blogpost": options}]}, False)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("option 'feed_paths': " in w and expected in w for w in warnings), warnings
    # Strict builds stop on it.
    with pytest.raises(Abort):
        make_config(tmp_path, {"plugins": [{"blogpost": options}]}, True)
