"""The front-matter schema: each rule reported at the severity the site gives it.

`ignore` says nothing, `info` and `warn` log at their level (`warn` fails `--strict`),
`error` stops `mkdocs build` once every post has been seen, and not `mkdocs serve`.
The defaults keep what the plugin always did.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort
from support.build import PNG, BuildSite, Site, make_config, write_tree
from support.schema_cases import LONG, OTHER, POST, RULES, post

from mkdocs_blogpost.config import SchemaConfig
from mkdocs_blogpost.models import Post
from mkdocs_blogpost.schema import check_front_matter, check_rendered, check_titles

LEVELS = {"info": logging.INFO, "warn": logging.WARNING, "error": logging.ERROR}


def build_with(
    build_site: BuildSite, rule: str, severity: str, *, serve: bool = False
) -> tuple[Site, list[logging.LogRecord]]:
    options, files, needle = RULES[rule]
    schema = {**options, rule: severity}
    site = build_site(
        files,
        {"plugins": [{"blogpost": {"schema": schema}}]},
        strict=False,
        expect_failure=severity == "error" and not serve,
        serve=serve,
    )
    return site, [r for r in site.records if needle in r.getMessage()]


@pytest.mark.parametrize("severity", ["ignore", "info", "warn", "error"])
@pytest.mark.parametrize("rule", sorted(RULES))
def test_each_rule_is_reported_once_at_its_severity(
    build_site: BuildSite, rule: str, severity: str
) -> None:
    site, found = build_with(build_site, rule, severity)
    if severity == "ignore":
        assert found == []
        assert site.error is None
        return
    assert [r.levelno for r in found] == [LEVELS[severity]], [r.getMessage() for r in site.records]
    stopped = [m for m in site.warnings if "the severity 'error' in the option 'schema'" in m]
    if severity == "error":
        assert site.error is not None
        # Two posts share a title: each is told about the other.
        what = "2 problems in posts have" if rule == "duplicate_titles" else "1 problem in posts has"
        assert stopped == [
            f"blogpost: {what} the severity 'error' in the option 'schema' "
            "(listed above); fix them, or lower their severity in mkdocs.yml"
        ]
    else:
        assert site.error is None and stopped == []


def test_warn_fails_a_strict_build_and_ignore_does_not(build_site: BuildSite) -> None:
    _, files, _ = RULES["unknown_keys"]
    build_site(files, {"plugins": [{"blogpost": {"schema": {"unknown_keys": "warn"}}}]},
               expect_failure=True)
    build_site(files, {"plugins": [{"blogpost": {"schema": {"unknown_keys": "ignore"}}}]})


def test_errors_are_all_listed_before_the_build_stops(build_site: BuildSite) -> None:
    files = {
        POST: post("title: First\ntgas: x\n"),
        OTHER: post("title: Second\ndescrption: y\n"),
    }
    site = build_site(
        files,
        {"plugins": [{"blogpost": {"schema": {"unknown_keys": "error"}}}]},
        strict=False,
        expect_failure=True,
    )
    errors = [r.getMessage() for r in site.records if r.levelno == logging.ERROR]
    assert any("'tgas'" in e and "did you mean 'tags'?" in e for e in errors)
    assert any("'descrption'" in e and "did you mean 'description'?" in e for e in errors)
    assert any("2 problems in posts have the severity 'error'" in e for e in errors)


def test_several_blogs_stop_once_counting_every_blogs_errors(build_site: BuildSite) -> None:
    files = {
        POST: post("title: First\ntgas: x\n"),
        "changelog/posts/2024-02-01-one.md": post("title: Changelog\ndescrption: y\n"),
    }
    schema = {"schema": {"unknown_keys": "error"}}
    site = build_site(
        files,
        {"plugins": [{"blogpost": schema}, {"blogpost": {"posts_dir": "changelog/posts", "blog_dir": "changelog", **schema}}]},
        strict=False,
        expect_failure=True,
    )
    infos = [r.getMessage() for r in site.records if r.levelno == logging.INFO]
    # Both blogs said what they did before the build stopped.
    assert any(m.startswith("mkdocs_blogpost: changelog: ") for m in infos), infos
    stopped = [r.getMessage() for r in site.records if "the severity 'error'" in r.getMessage()]
    assert len(stopped) == 1, stopped
    assert "2 problems in posts have" in stopped[0]


def test_an_error_does_not_stop_the_serve_preview(build_site: BuildSite) -> None:
    site, found = build_with(build_site, "unknown_keys", "error", serve=True)
    assert [r.levelno for r in found] == [logging.ERROR]
    assert site.error is None
    assert site.exists("blog/2024/01/01/first/index.html")


def test_the_defaults_keep_what_the_plugin_always_reported(build_site: BuildSite) -> None:
    """Without a schema: only the missing cover warns and the future date informs."""
    quiet: dict[str, str | bytes] = {
        "assets/pic.png": PNG,
        "blog/posts/2024-01-01-a.md": post("title: Same\ntgas: [x]\n", f"![](/assets/pic.png)\n\n{LONG}\n"),
        "blog/posts/2024-01-02-b.md": post("title: same\ndescription: " + "long " * 80 + "\n"),
    }
    site = build_site(quiet)
    assert site.warnings == []
    assert not any("is not a key" in m or "title of" in m for m in site.infos)
    loud = build_site(
        {
            **quiet,
            "blog/posts/2024-01-03-c.md": post("title: C\nimg: posts/gone.png\n"),
            "blog/posts/2024-01-04-d.md": post("title: D\ndate: 2999-01-01\n"),
        },
        strict=False,
    )
    assert len(loud.warnings) == 1 and "cover image 'posts/gone.png' was not found" in loud.warnings[0]
    assert any("2024-01-04-d.md:3: dated 2999-01-01" in m and "held back" in m for m in loud.infos)


def test_names_come_from_the_list_and_the_file_without_case(build_site: BuildSite) -> None:
    files = {
        "blog/tags.yml": "docs:\n  label: Docs\nci: {}\n",
        POST: post("title: First\ntags: [DOCS, ci, release]\n"),
    }
    schema = {"tags_allowed": ["release"], "tags_file": "docs/blog/tags.yml", "unknown_tags": "warn"}
    build_site(files, {"plugins": [{"blogpost": {"schema": schema}}]})


def test_known_keys_extend_what_is_known(build_site: BuildSite) -> None:
    files = {POST: post("title: First\nseries_part: 2\n")}
    schema = {"unknown_keys": "warn", "known_keys": ["series_part"]}
    build_site(files, {"plugins": [{"blogpost": {"schema": schema}}]})


def test_an_empty_required_key_is_reported_with_its_line(build_site: BuildSite) -> None:
    files = {POST: post("title: First\ndescription: ''\nimg:\n")}
    schema = {"required": ["description", "img"]}
    site = build_site(files, {"plugins": [{"blogpost": {"schema": schema}}]}, strict=False)
    assert sorted(m for m in site.warnings if "required" in m) == [
        f"mkdocs_blogpost: {POST}:3: front matter 'description' is empty — give it a value; "
        "the site requires it of every post (schema.required)",
        f"mkdocs_blogpost: {POST}:4: front matter 'img' is empty — give it a value; "
        "the site requires it of every post (schema.required)",
    ]


def test_a_future_post_published_by_future_true_is_still_reported(build_site: BuildSite) -> None:
    _, files, _ = RULES["future_dates"]
    schema = {"future_dates": "warn"}
    site = build_site(files, {"plugins": [{"blogpost": {"future": True, "schema": schema}}]},
                      strict=False)
    assert site.exists("blog/2999/01/01/first/index.html")
    assert [m for m in site.warnings if "in the future" in m] == [
        f"mkdocs_blogpost: {POST}:3: dated 2999-01-01T00:00:00+00:00, in the future; "
        "published now, as 'future: true' says"
    ]


# -- options ---------------------------------------------------------------------------------


def config_errors(tmp_path: Path, schema: dict[str, Any], caplog: pytest.LogCaptureFixture) -> str:
    write_tree(tmp_path / "docs", {"index.md": "# Home\n", "names.yml": "just: [a, {b: c}]\nx: 1\n"})
    (tmp_path / "text.yml").write_text("a plain sentence\n")
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        make_config(tmp_path, {"plugins": [{"blogpost": {"schema": schema}}]}, True)
    return "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"unknown_keys": "loud"}, "Sub-option 'unknown_keys': Expected one of: ('ignore', "
         "'info', 'warn', 'error') but received: 'loud'"),
        ({"tags_file": "missing.yml"}, "Sub-option 'tags_file': The path "),
        ({"tags_file": "text.yml"}, "Sub-option 'tags_file': 'text.yml' must be a YAML list "
         "of tags, or a mapping whose keys are the tags"),
        ({"description_min": 0}, "Sub-option 'description_min': must be a positive number"),
        ({"description_min": 50, "description_max": 10},
         "Sub-option 'description_min' (50) is over 'description_max' (10)"),
        ({"required": "description"}, "Sub-option 'required'"),
    ],
)
def test_a_wrong_schema_option_stops_the_build_naming_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, schema: dict[str, Any], expected: str
) -> None:
    assert "Plugin 'blogpost' option 'schema': " + expected in config_errors(tmp_path, schema, caplog)


# -- the rules as functions --------------------------------------------------------------------


def rules(**options: Any) -> SchemaConfig:
    config = SchemaConfig()
    config.load_dict(options)
    failed, _ = config.validate()
    assert failed == []
    return config


def make_post(**fields: Any) -> Post:
    values: dict[str, Any] = {"src_uri": POST, "slug": "first", "title": "First", "date": None, "body": ""}
    values.update(fields)
    return Post(**values)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("tgas", "did you mean 'tags'?"),
        ("Title", "did you mean 'title'?"),
        ("descripton", "did you mean 'description'?"),
        ("categroies", "did you mean 'categories'?"),
        ("zzqx", "if the site uses it, add it to schema.known_keys in mkdocs.yml"),
    ],
)
def test_unknown_key_hints_come_from_the_known_keys(key: str, expected: str) -> None:
    problems = check_front_matter(make_post(lines={key: 4}), {key: "x"}, rules(unknown_keys="warn"))
    assert [(p.line, p.hint, p.rule) for p in problems] == [(4, expected, "unknown_keys")]


def test_the_keys_the_plugin_reads_are_known() -> None:
    data = {k: "x" for k in ("title", "date", "img", "tags", "category", "author", "redirect_from",
                             "read_time", "show_date", "toc", "mathjax", "github", "pin", "hide")}
    assert check_front_matter(make_post(), data, rules(unknown_keys="error")) == []


@pytest.mark.parametrize(
    ("description", "found"),
    [("x" * 9, "under 10"), ("x" * 10, None), ("x" * 20, None), ("x" * 21, "over 20"), (None, None)],
)
def test_description_length_limits_are_inclusive(description: str | None, found: str | None) -> None:
    problems = check_front_matter(
        make_post(description=description), {}, rules(description_min=10, description_max=20)
    )
    assert [p.message.rsplit(", ", 1)[1] for p in problems] == ([found] if found else [])


def test_titles_are_compared_without_case_or_spacing() -> None:
    posts = [make_post(src_uri="a.md", title="Hello  World"), make_post(src_uri="b.md", title="hello world"),
             make_post(src_uri="c.md", title="Hello")]
    problems = check_titles(posts, rules(duplicate_titles="warn"))
    assert [(p.file, p.message) for p in problems] == [
        ("a.md", "the title 'Hello  World' is also the title of b.md"),
        ("b.md", "the title 'hello world' is also the title of a.md"),
    ]


@pytest.mark.parametrize(
    ("body", "html", "lines"),
    [
        # Alt text given, empty, missing; the line of each image, skipping code.
        ("![a](x.png)\n![](y.png)\n", '<img alt="a" src="x.png"><img alt="" src="y.png">', [6]),
        ("```\n![](y.png)\n```\n![](y.png)\n", '<img alt="" src="y.png">', [8]),
        ("<img src='y.png'>\n<img src=\"y.png\" alt=\" \">\n", "<img src='y.png'><img src=\"y.png\" alt=\" \">", [5, 6]),
        ("no images", "<p>no images</p>", []),
    ],
)
def test_images_without_alt_text(body: str, html: str, lines: list[int]) -> None:
    problems = check_rendered(make_post(body=body, body_line=5), html, rules(missing_alt_text="warn"))
    assert [p.line for p in problems] == lines


@pytest.mark.parametrize(
    ("fields", "html", "reported"),
    [
        ({}, f"<p>{LONG}</p>", True),
        ({}, f"<p>{LONG}</p><!-- more -->", False),
        ({"description": "Short."}, f"<p>{LONG}</p>", False),
        ({"excerpt": "Short."}, f"<p>{LONG}</p>", False),
        ({}, "<p>Few words.</p>" + f"<p>{LONG}</p>", False),
        ({}, "<h2>No paragraph</h2>", False),
    ],
)
def test_a_long_first_paragraph_only_matters_when_listings_show_it(
    fields: dict[str, Any], html: str, reported: bool
) -> None:
    problems = check_rendered(
        make_post(body=LONG, **fields), html, rules(long_first_paragraph="warn", first_paragraph_words=39)
    )
    assert bool(problems) is reported
