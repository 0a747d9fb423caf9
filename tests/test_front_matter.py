"""Front matter: split from the body and read as authors meant it (text stays text)."""

from __future__ import annotations

import pytest

from mkdocs_blogpost.frontmatter import parse_front_matter, to_bool, to_list


def test_front_matter_keeps_text_as_written() -> None:
    fm = parse_front_matter(
        "---\ntitle: no\nversion: 1.10\ntags: [yes, on, 3.0]\nrating: 4.5\ntoc: yes\n---\nBody\n"
    )
    assert fm.error is None
    assert fm.data["title"] == "no"
    assert fm.data["version"] == "1.10"
    assert fm.data["tags"] == ["yes", "on", "3.0"]
    assert fm.data["rating"] == 4.5
    assert fm.data["toc"] is True
    assert fm.body == "Body\n"
    assert fm.body_line == 8
    assert fm.lines["version"] == 3


def test_front_matter_bom_and_crlf() -> None:
    fm = parse_front_matter("\ufeff---\r\ntitle: Hi\r\ntags: a b\r\n---\r\nText\r\n")
    assert fm.error is None
    assert fm.data == {"title": "Hi", "tags": "a b"}
    assert fm.body == "Text\n"


def test_front_matter_invalid_yaml_has_line() -> None:
    fm = parse_front_matter("---\ntitle: ok\ntags: [a, b\ndate: 2024-01-01\n---\nBody\n")
    assert fm.error is not None
    assert fm.error.line is not None and 3 <= fm.error.line <= 5
    assert "YAML" in fm.error.message
    assert fm.body == "Body\n"
    assert fm.data == {}


def test_front_matter_unclosed_and_not_mapping() -> None:
    unclosed = parse_front_matter("---\ntitle: x\n\nBody text\n")
    assert unclosed.error is not None and unclosed.error.line == 1
    listing = parse_front_matter("---\n- a\n- b\n---\nBody\n")
    assert listing.error is not None
    none = parse_front_matter("No front matter here\n")
    assert none.error is None and none.data == {} and none.body.startswith("No front")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("docs ci", ["docs", "ci"]),
        (["docs", "open source"], ["docs", "open source"]),
        ("docs, open source", ["docs", "open source"]),
        (["a", "a", " b "], ["a", "b"]),
        (None, []),
        ([1, 2.5], ["1", "2.5"]),
    ],
)
def test_to_list_tag_spellings(value: object, expected: list[str]) -> None:
    assert to_list(value, split_spaces=True) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("yes", True),
        ("No", False),
        ("on", True),
        ("off", False),
        (True, True),
        (0, False),
        ("maybe", None),
    ],
)
def test_to_bool(value: object, expected: bool | None) -> None:
    assert to_bool(value) is expected
