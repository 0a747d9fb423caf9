"""Regression tests for bugs the hostile corpus and the fuzz run found (issue 8)."""

from __future__ import annotations

import pytest

from mkdocs_blogpost import excerpts
from mkdocs_blogpost.frontmatter import MAX_NODES, parse_front_matter

BOMB = (
    "---\n"
    "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "tags: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
    "---\nBody\n"
)


@pytest.mark.parametrize(
    ("source", "line", "words"),
    [
        ("---\ntitle: t\ntags: &a [x, *a]\n---\nBody\n", 3, "refers to itself"),
        ("---\nextra: &a [x, *a]\n---\nBody\n", 2, "refers to itself"),
        ("---\nx: &m {k: *m}\n---\nBody\n", 2, "refers to itself"),
        (BOMB, 5, "too large"),
    ],
)
def test_alias_loops_and_bombs_are_errors_not_crashes(source: str, line: int, words: str) -> None:
    result = parse_front_matter(source)
    assert result.error is not None
    assert words in result.error.message
    assert result.error.line == line
    assert result.body == "Body\n"


def test_large_but_honest_front_matter_is_read() -> None:
    tags = ", ".join(f"t{i}" for i in range(MAX_NODES // 2))
    result = parse_front_matter(f"---\ntags: [{tags}]\n---\n")
    assert result.error is None
    assert len(result.data["tags"]) == MAX_NODES // 2


def test_duplicate_keys_are_reported_with_the_line_of_the_repeat() -> None:
    result = parse_front_matter("---\ntitle: A\ndate: 2024-01-01\ntitle: B\n---\n")
    assert result.data["title"] == "B"
    assert result.duplicates == {"title": 4}


def test_merge_keys_may_be_overridden_without_a_duplicate_warning() -> None:
    result = parse_front_matter("---\nbase: &b {title: A, x: 1}\n<<: *b\ntitle: B\n---\n")
    assert result.data["title"] == "B"
    assert result.data["x"] == 1
    assert result.duplicates == {}


@pytest.mark.parametrize("url", ["http://[oops", "A://[", "https://[::1/x"])
def test_malformed_urls_are_left_as_written(url: str) -> None:
    assert excerpts.resolve_url(url, "blog/x/") is None
    fragment = f'<a href="{url}">x</a>'
    assert excerpts.rebase_to_root(fragment, "blog/x/", "../") == fragment
    assert excerpts.absolutize_html(fragment, "blog/x/", "https://ex.org/") == fragment


def test_liquid_url_filter_on_a_malformed_url_does_not_raise() -> None:
    from mkdocs_blogpost.migrate import LiquidContext, convert_liquid

    result = convert_liquid(
        'See {{ "http://[x" | relative_url }} and {{ "a/b" | relative_url }}.', LiquidContext()
    )
    assert result.markdown == "See http://[x and /a/b."
