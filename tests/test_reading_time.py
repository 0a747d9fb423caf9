"""Reading time: words and CJK characters counted in what readers read, not in code."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_blogpost.text import count_words, html_to_text, reading_minutes


def test_count_words_excludes_code_blocks_and_counts_cjk() -> None:
    html = (
        "<p>Hello brave new world</p><pre><code>skip these words please</code></pre><p>你好世界</p>"
    )
    words, cjk = count_words(html_to_text(html, keep_code_blocks=False))
    assert (words, cjk) == (4, 4)


@pytest.mark.parametrize(
    ("words", "cjk", "expected"),
    [(0, 0, 0), (199, 0, 0), (200, 0, 1), (201, 0, 2), (1000, 0, 5), (0, 800, 2), (100, 200, 1)],
)
def test_reading_minutes(words: int, cjk: int, expected: int) -> None:
    assert reading_minutes(words, cjk, 200, 400) == expected


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


#: CJK characters of each script the reading time counts one by one: Han, Hiragana,
#: Katakana, Hangul syllables and jamo, Han extensions A and B, a compatibility ideograph.
CJK = "日本語あカ한ᄀ㐀𠀀豈"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab_Z9'’.- \n,;!é日ä0。、" + CJK, max_size=40))
def test_count_words_matches_the_reference_definition(text: str) -> None:
    """CJK characters count one each; the rest counts as the original pattern did."""
    cjk = sum(ch in CJK for ch in text)
    expected = len(_OLD_WORD_RE.findall("".join(" " if ch in CJK else ch for ch in text)))
    assert count_words(text) == (expected, cjk)
