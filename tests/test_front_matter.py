"""Front matter: split from the body and read as authors meant it (text stays text)."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.fuzz import FUZZ, yamlish

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


# -- properties over any text ----------------------------------------------------------------


@FUZZ
@given(source=yamlish)
def test_any_source_splits_into_front_matter_and_the_rest(source: str) -> None:
    result = parse_front_matter(source)
    if result.error is not None:
        assert result.data == {}
        assert result.error.line is None or result.error.line >= 1
    # The body is the end of the file (BOM dropped, line ends made LF) and starts on
    # the line `body_line` names: warnings about the body count lines from there.
    text = source.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    assert text.endswith(result.body)
    head = text[: len(text) - len(result.body)]
    assert result.body_line == head.count("\n") + 1
    if not text.startswith("---"):
        assert (result.data, result.error, result.body) == ({}, None, text)


#: Text YAML takes as something else when written plain: kept as written in text keys.
TRICKY = ["no", "yes", "on", "1.10", "1e3", "null", "~", "", " padded ", "a: b", "#x", "[x]"]
printable = st.text(
    st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")), max_size=30
)
text_value = st.one_of(st.sampled_from(TRICKY), printable)
text_keys = st.sampled_from(["title", "description", "author", "slug", "category", "img", "lang"])


@FUZZ
@given(
    values=st.dictionaries(text_keys, text_value, max_size=5),
    tags=st.lists(text_value, max_size=4),
    body=printable.map(lambda t: t.replace("\r", "")),
)
def test_quoted_text_values_come_back_exactly(values: dict, tags: list, body: str) -> None:
    data = {**values, "tags": tags}
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in data.items()]
    result = parse_front_matter("---\n" + "\n".join(lines) + "\n---\n" + body)
    assert result.error is None
    assert result.data == data
    assert result.lines == {key: i + 2 for i, key in enumerate(data)}
    assert result.body == body


SWITCH_WORDS = {
    True: ["yes", "y", "on", "true", "1"],
    # An empty or null switch is off.
    False: ["no", "n", "off", "false", "0", "none", "null", ""],
}


@given(
    value=st.sampled_from([True, False]).flatmap(
        lambda v: st.tuples(st.just(v), st.sampled_from(SWITCH_WORDS[v]))
    ),
    upper=st.lists(st.booleans(), min_size=5, max_size=5),
    pad=st.sampled_from(["", " ", "\t", "  "]),
)
def test_to_bool_reads_every_spelling_of_a_switch(
    value: tuple[bool, str], upper: list[bool], pad: str
) -> None:
    expected, word = value
    cased = "".join(c.upper() if up else c for c, up in zip(word, upper * 2, strict=False))
    assert to_bool(pad + cased + pad) is expected


@given(st.text(max_size=12))
def test_to_bool_of_any_other_text_is_unknown(text: str) -> None:
    known = {w for words in SWITCH_WORDS.values() for w in words}
    if text.strip().lower() not in known:
        assert to_bool(text) is None


@given(st.one_of(st.booleans(), st.integers(), st.floats(allow_nan=False)))
def test_to_bool_of_a_yaml_number_or_boolean_is_its_truth(value: object) -> None:
    assert to_bool(value) is bool(value)


@pytest.mark.parametrize("value", [True, False, 0, 1])
def test_to_bool_reads_back_what_yaml_and_python_print(value: object) -> None:
    assert to_bool(str(value)) is bool(value)
    assert to_bool(str(value).lower()) is bool(value)


item = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=8).map(str.strip)
items = st.lists(item.filter(bool), max_size=6, unique=True)


@FUZZ
@given(items)
def test_to_list_round_trips_a_list_and_a_comma_list(written: list[str]) -> None:
    assert to_list(written) == written
    if all("," not in i for i in written):
        assert to_list(", ".join(written)) == written
    if all("," not in i and len(i.split()) == 1 for i in written):
        assert to_list(" ".join(written), split_spaces=True) == written


@FUZZ
@given(st.one_of(st.text(), st.lists(st.one_of(st.text(), st.integers()))), st.booleans())
def test_to_list_gives_distinct_stripped_items_and_reads_its_own_output(
    value: object, split_spaces: bool
) -> None:
    once = to_list(value, split_spaces=split_spaces)
    assert all(i and i == i.strip() for i in once)
    assert len(once) == len(set(once))
    assert to_list(once, split_spaces=split_spaces) == once
