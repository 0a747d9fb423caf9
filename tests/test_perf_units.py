"""Speed-minded choices that must not change results (issue 7)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_blogpost import frontmatter
from mkdocs_blogpost.frontmatter import parse_front_matter
from mkdocs_blogpost.text import _CJK_RE, count_words

FRONT_MATTERS = [
    "title: Shipping docs\ndate: 2024-06-30\ntags: [docs, ci, open source]\n",
    "title: no\nversion: 1.10\nratio: 2.5\ntags: a b c\nshow_date: yes\n",
    "date: 2023-02-16 12:16:00 +0800\ncategories:\n  - a\n  - b\nauthor: Jane Doe\n",
    "title: 'Quoted: yes'\ndescription: >\n  Folded\n  text\nimg: posts/x.png\n",
    "base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\ndate: 2024-02-30\n",
    'title: "Ünïcode ✓ 日本語"\npin: on\nlist: [1, 2.0, null, true]\n',
]


class _PureLoader(yaml.SafeLoader):
    pass


_PureLoader.add_constructor("tag:yaml.org,2002:float", frontmatter._construct_float)


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")
def test_front_matter_uses_libyaml() -> None:
    assert issubclass(frontmatter._Loader, yaml.CSafeLoader)


@pytest.mark.parametrize("text", FRONT_MATTERS)
def test_libyaml_loader_reads_like_the_pure_python_one(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = parse_front_matter(f"---\n{text}---\nBody\n")
    monkeypatch.setattr(frontmatter, "_Loader", _PureLoader)
    slow = parse_front_matter(f"---\n{text}---\nBody\n")
    assert fast.error is None and slow.error is None
    assert fast.data == slow.data
    assert fast.lines == slow.lines
    assert fast.body == slow.body == "Body\n"


def test_libyaml_loader_keeps_text_and_types() -> None:
    fm = parse_front_matter(FRONT_MATTERS[1].join(["---\n", "---\n"]))
    assert fm.data["title"] == "no" and fm.data["version"] == "1.10"
    assert fm.data["ratio"] == 2.5 and fm.data["show_date"] is True
    assert fm.lines == {"title": 2, "version": 3, "ratio": 4, "tags": 5, "show_date": 6}
    dated = parse_front_matter("---\ndate: 2024-06-30 09:00:00\n---\n")
    assert dated.data["date"] == dt.datetime(2024, 6, 30, 9, 0)


_OLD_WORD_RE = re.compile(r"[^\W_](?:[\w'’.-]*\w)?")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", 0),
        ("one two  three", 3),
        ("don't e-mail v1.2 snake_case", 4),
        ("'quoted' ...dots... -- __ _x x_", 4),
        ("naïve café – déjà vu", 4),
        ("it’s fine", 2),
        ("a,b;c!d?e", 5),
    ],
)
def test_count_words_examples(text: str, words: int) -> None:
    assert count_words(text) == (words, 0)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab_Z9'’.- \n,;!é日ä0", max_size=40))
def test_count_words_matches_the_reference_definition(text: str) -> None:
    """Fast paths count exactly what the original backtracking pattern counted."""
    cjk = len(_CJK_RE.findall(text))
    expected = len(_OLD_WORD_RE.findall(_CJK_RE.sub(" ", text)))
    assert count_words(text) == (expected, cjk)


def test_format_date_is_remembered_and_unchanged() -> None:
    from babel.dates import format_date as babel_format_date

    from mkdocs_blogpost.dates import _format_day, format_date

    when = dt.datetime(2023, 2, 16, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    for locale, pattern in [("en", "long"), ("fr", "long"), ("de", "d. MMMM y"), ("ja", "full")]:
        expected = babel_format_date(when.date(), format=pattern, locale=locale)
        before = _format_day.cache_info().hits
        assert format_date(when, locale, pattern) == expected
        assert format_date(when, locale, pattern) == expected
        assert _format_day.cache_info().hits >= before + 1
    assert format_date(when, "xx-nowhere", "long") == "February 16, 2023"
