"""Front matter: split from the body and read as authors meant it (text stays text)."""

from __future__ import annotations

import datetime as dt
import pickle
import subprocess
import sys

import pytest

from mkdocs_blogpost.frontmatter import MAX_NODES, parse_front_matter, to_bool, to_list


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


# -- what a careless or hostile file cannot do ---------------------------------------------


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


# -- the same reading with or without libyaml ------------------------------------------------

#: Front matter as posts write it, and what it must read as: text keys keep their
#: characters, switches are YAML booleans, other values keep YAML's types unless their
#: text would change (`1.50`), and an impossible or offset-spelled date stays text.
READINGS = [
    (
        "title: Shipping docs\ndate: 2024-06-30\ntags: [docs, ci, open source]\n",
        {
            "title": "Shipping docs",
            "date": dt.date(2024, 6, 30),
            "tags": ["docs", "ci", "open source"],
        },
        {"title": 2, "date": 3, "tags": 4},
    ),
    (
        "title: no\nversion: 1.10\nratio: 2.5\ntags: a b c\nshow_date: yes\n",
        {"title": "no", "version": "1.10", "ratio": 2.5, "tags": "a b c", "show_date": True},
        {"title": 2, "version": 3, "ratio": 4, "tags": 5, "show_date": 6},
    ),
    (
        "date: 2023-02-16 12:16:00 +0800\ncategories:\n  - a\n  - b\nauthor: Jane Doe\n",
        {"date": "2023-02-16 12:16:00 +0800", "categories": ["a", "b"], "author": "Jane Doe"},
        {"date": 2, "categories": 3, "author": 6},
    ),
    (
        "title: 'Quoted: yes'\ndescription: >\n  Folded\n  text\nimg: posts/x.png\n",
        {"title": "Quoted: yes", "description": "Folded text\n", "img": "posts/x.png"},
        {"title": 2, "description": 3, "img": 6},
    ),
    (
        "base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\ndate: 2024-02-30\n",
        {"base": {"x": 1}, "other": {"x": 1, "y": 2}, "date": "2024-02-30"},
        {"base": 2, "other": 3, "date": 6},
    ),
    (
        'title: "Ünïcode ✓ 日本語"\npin: on\nlist: [1, 2.0, null, true]\n',
        {"title": "Ünïcode ✓ 日本語", "pin": True, "list": [1, 2.0, None, True]},
        {"title": 2, "pin": 3, "list": 4},
    ),
    (
        "date: 2024-06-30 09:00:00\nrating: 4.5\nscore: 1.50\n",
        {"date": dt.datetime(2024, 6, 30, 9, 0), "rating": 4.5, "score": "1.50"},
        {"date": 2, "rating": 3, "score": 4},
    ),
]


@pytest.mark.parametrize(("text", "data", "lines"), READINGS)
def test_front_matter_reads_as_written(text: str, data: dict, lines: dict) -> None:
    fm = parse_front_matter(f"---\n{text}---\nBody\n")
    assert fm.error is None
    assert fm.data == data
    assert fm.lines == lines
    assert fm.body == "Body\n"


#: Reads READINGS in an interpreter whose PyYAML has no libyaml, as on some platforms.
WITHOUT_LIBYAML = """
import pickle, sys
import yaml
for name in ("CSafeLoader", "CLoader", "CParser"):
    if hasattr(yaml, name):
        delattr(yaml, name)
yaml.__with_libyaml__ = False
from mkdocs_blogpost.frontmatter import parse_front_matter
texts = pickle.loads(sys.stdin.buffer.read())
read = [parse_front_matter(f"---\\n{t}---\\nBody\\n") for t in texts]
sys.stdout.buffer.write(pickle.dumps([(r.error, r.data, r.lines, r.body) for r in read]))
"""


def test_front_matter_reads_the_same_without_libyaml() -> None:
    done = subprocess.run(
        [sys.executable, "-c", WITHOUT_LIBYAML],
        input=pickle.dumps([text for text, _data, _lines in READINGS]),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    expected = [(None, data, lines, "Body\n") for _text, data, lines in READINGS]
    assert pickle.loads(done.stdout) == expected
