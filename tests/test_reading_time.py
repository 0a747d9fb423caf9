"""Reading time: words and CJK characters counted in what readers read, not in code."""

from __future__ import annotations

import pytest

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
