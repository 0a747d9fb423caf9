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
    ],
)
def test_accepted_options_are_kept_in_their_plain_form(
    tmp_path: Path, options: dict[str, Any], attribute: str, value: object
) -> None:
    write_tree(tmp_path / "docs", {"index.md": "# Home\n"})
    cfg = make_config(tmp_path, {"plugins": [{"blogpost": options}]}, True)
    assert cfg.plugins["blogpost"].config[attribute] == value
