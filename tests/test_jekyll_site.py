"""The old blog's `_config.yml` (option `jekyll_config`): `site.*` values in posts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort
from support.build import Site, make_config, run_build, write_tree

from mkdocs_blogpost.jekyll_site import JekyllConfigError, read_jekyll_config

SETTINGS = """
title: "Harbor & Co <Notes>"
author: Ada Example
page-ethermonitor: https://monitor.example.org/
social:
  twitter: "@harbor"
count: 3
flag: true
empty:
tags: [a, b]
url: https://old.example.com
"""

POST = """
---
title: Site values
---
Written by {{ site.author }} for {{ site.title | escape }}.

Monitor at {{ site.page-ethermonitor }}; follow {{ site.social.twitter }}.

Count {{ site.count }}, flag {{ site.flag }}, shout {{ site.author | upcase }}, empty [{{ site.empty }}].

Fallback {{ site.missing | default: "none given" }}.

[About]({{ site.baseurl }}/about/) and `{{ site.title }}` in code.
"""

PROBLEMS = """
---
title: Problems
---
Intro.

Missing {{ site.nope }} here.

List {{ site.tags }} and mapping {{ site.social }}.
"""


def build(
    root: Path,
    docs: dict[str, str | bytes],
    settings: str | None = SETTINGS,
    options: dict[str, Any] | None = None,
    **kw: Any,
) -> Site:
    """Build a site whose mkdocs.yml sits next to the old blog's `_config.yml`."""
    write_tree(root / "docs", {"index.md": "# Home\n", "about.md": "# About\n", **docs})
    plugin: dict[str, Any] = dict(options or {})
    if settings is not None:
        (root / "_config.yml").write_text(settings.lstrip("\n"), encoding="utf-8")
        plugin.setdefault("jekyll_config", "_config.yml")
    cfg = make_config(root, {"plugins": [{"blogpost": plugin}]}, kw.pop("strict", True))
    return run_build(root, cfg, **kw)


POST_PAGE = "blog/2024/06/30/values/index.html"


def test_site_values_replace_liquid(tmp_path: Path) -> None:
    site = build(tmp_path, {"blog/posts/2024-06-30-values.md": POST})
    assert site.warnings == []
    text = " ".join(site.soup(POST_PAGE).select_one("article").get_text(" ").split())
    assert "Written by Ada Example for Harbor & Co <Notes>." in text
    assert "Monitor at https://monitor.example.org/; follow @harbor." in text
    assert "Count 3, flag true, shout ADA EXAMPLE, empty []." in text
    assert "Fallback none given." in text
    # `escape` made the title text, not markup.
    assert site.soup(POST_PAGE).find("notes") is None
    # `site.baseurl` keeps its meaning (a site-root link, made relative); code stays literal.
    about = site.soup(POST_PAGE).find("a", string="About")
    assert about["href"] == "../../../../../about/"
    assert "{{ site.title }}" in [c.get_text() for c in site.soup(POST_PAGE).find_all("code")]


def test_missing_and_unprintable_values_warn_with_file_and_line(tmp_path: Path) -> None:
    site = build(tmp_path, {"blog/posts/2024-06-30-problems.md": PROBLEMS}, strict=False)
    src = "blog/posts/2024-06-30-problems.md"
    assert any(f"{src}:6:" in w and "'nope' is not set in _config.yml" in w for w in site.warnings)
    assert any(f"{src}:8:" in w and "'tags' in _config.yml is a list" in w for w in site.warnings)
    assert any(f"{src}:8:" in w and "'social'" in w for w in site.warnings)
    text = site.soup("blog/2024/06/30/problems/index.html").select_one("article").get_text()
    # Left visible, so the reader sees something is missing.
    assert "{{ site.nope }}" in text and "{{ site.tags }}" in text
    build(tmp_path / "strict", {"blog/posts/2024-06-30-problems.md": PROBLEMS}, expect_failure=True)


def test_without_jekyll_config_site_values_warn_as_before(tmp_path: Path) -> None:
    site = build(tmp_path, {"blog/posts/2024-06-30-values.md": POST}, settings=None, strict=False)
    src = "blog/posts/2024-06-30-values.md"
    authored = [w for w in site.warnings if "{{ site.author }}" in w]
    assert len(authored) == 1 and f"{src}:4:" in authored[0]
    assert "cannot be converted" in authored[0] and "jekyll_config" in authored[0]
    text = site.soup(POST_PAGE).select_one("article").get_text()
    assert "{{ site.author }}" in text
    # `site.baseurl` needs no settings, as before.
    assert not [w for w in site.warnings if "baseurl" in w]


def test_two_builds_with_one_plugin_instance_match(tmp_path: Path) -> None:
    write_tree(tmp_path / "docs", {"index.md": "# Home\n", "about.md": "# About\n"})
    write_tree(tmp_path / "docs", {"blog/posts/2024-06-30-values.md": POST})
    (tmp_path / "_config.yml").write_text(SETTINGS, encoding="utf-8")
    cfg = make_config(tmp_path, {"plugins": [{"blogpost": {"jekyll_config": "_config.yml"}}]}, True)
    first = run_build(tmp_path, cfg)
    html = first.read(POST_PAGE)
    second = run_build(tmp_path, cfg)
    assert second.read(POST_PAGE) == html
    assert "Ada Example" in html


@pytest.mark.parametrize(
    ("settings", "words"),
    [
        ("- just\n- a list\n", ["not a YAML mapping", "list"]),
        ("title: [unclosed\n", ["_config.yml:", "fix the YAML"]),
        ("permalink: /:year/:nope/\n", ["_config.yml", ":nope", "not a permalink placeholder"]),
    ],
)
def test_unusable_config_stops_the_build(tmp_path: Path, settings: str, words: list[str]) -> None:
    site = build(tmp_path, {"blog/posts/2024-06-30-values.md": POST}, settings, expect_failure=True)
    errors = " ".join(r.getMessage() for r in site.records if r.levelname == "ERROR")
    assert "jekyll_config" in errors
    for word in words:
        assert word in errors


def test_missing_config_file_is_a_config_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_tree(tmp_path / "docs", {"index.md": "# Home\n"})
    with pytest.raises(Abort):
        make_config(tmp_path, {"plugins": [{"blogpost": {"jekyll_config": "nowhere.yml"}}]}, True)
    errors = " ".join(r.getMessage() for r in caplog.records)
    assert "jekyll_config" in errors and str(tmp_path / "nowhere.yml") in errors
    assert "old Jekyll blog's _config.yml" in errors


def test_empty_config_is_no_settings(tmp_path: Path) -> None:
    site = build(tmp_path, {"blog/posts/2024-06-30-values.md": "Plain.\n"}, settings="")
    assert site.warnings == []


def test_a_different_time_zone_is_a_warning(tmp_path: Path) -> None:
    site = build(
        tmp_path,
        {"blog/posts/2024-06-30-values.md": "Plain.\n"},
        settings="timezone: America/New_York\n",
        strict=False,
    )
    zone = [w for w in site.warnings if "America/New_York" in w]
    assert len(zone) == 1 and "option 'timezone'" in zone[0]
    same = build(
        tmp_path / "same",
        {"blog/posts/2024-06-30-values.md": "Plain.\n"},
        settings="timezone: America/New_York\n",
        options={"timezone": "America/New_York"},
    )
    assert same.warnings == []
    alias = build(
        tmp_path / "alias", {"blog/posts/2024-06-30-values.md": "Plain.\n"}, "timezone: Etc/UTC\n"
    )
    assert alias.warnings == []


@pytest.mark.parametrize(
    ("settings", "permalink"),
    [
        ("title: x\n", None),
        ("permalink: pretty\n", "/:categories/:year/:month/:day/:title/"),
        ("permalink: /:title/\ncollections:\n  posts:\n    permalink: /p/:title/\n", "/p/:title/"),
        (
            "permalink: date\n"
            "defaults:\n"
            "  - scope: {path: '', type: pages}\n    values: {permalink: /pages/:title/}\n"
            "  - scope: {path: '', type: posts}\n    values: {permalink: /posts/:title/}\n"
            "  - scope: {path: drafts}\n    values: {permalink: /drafts/:title/}\n",
            "/posts/:title/",
        ),
        ("defaults: not-a-list\npermalink: none\n", "/:categories/:title:output_ext"),
    ],
)
def test_the_posts_permalink_as_jekyll_ranks_it(
    tmp_path: Path, settings: str, permalink: str | None
) -> None:
    path = tmp_path / "_config.yml"
    path.write_text(settings, encoding="utf-8")
    assert read_jekyll_config(str(path)).permalink == permalink


def test_a_bad_default_permalink_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "_config.yml"
    path.write_text(
        "defaults:\n  - scope: {type: posts}\n    values: {permalink: /:x/}\n", encoding="utf-8"
    )
    with pytest.raises(JekyllConfigError, match=r"_config.yml: 'permalink: /:x/'"):
        read_jekyll_config(str(path))
