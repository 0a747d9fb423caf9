"""Pure text helpers: slugs, reading time, plain text from HTML."""

from __future__ import annotations

import html
import math
import re

__all__ = [
    "VOID_ELEMENTS",
    "count_words",
    "html_to_text",
    "reading_minutes",
    "slugify",
    "title_from_filename",
]

#: HTML elements that have no end tag, for the scanners that track nesting by hand.
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip

_PRE_RE = re.compile(r"<(pre|script|style|template)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_TAG_RE = re.compile(r"<[^>]*>")
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
# Han, Hiragana, Katakana, Hangul (syllables and jamo), CJK punctuation excluded.
_CJK_RE = re.compile(
    "[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\U00020000-\U0002fa1f]"
)
# A word is a run of word characters, apostrophes, dots and hyphens holding at least one
# letter or digit ("don't", "v1.2", "e-mail" are one word each). Written so the regex never
# backtracks (a run is consumed once).
_WORD_RE = re.compile(r"[_'’.-]*[^\W_][\w'’.-]*")
# ASCII text (the common case) is counted without a regex: deleting `_'.-`,
# turning letters and digits into `a` and every other byte into a space leaves one run
# of `a` per word (runs of only `_'.-` vanish); a run starts the text or follows a space.
_ASCII_JOINERS = b"_'.-"
_ASCII_LETTERS = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_ASCII_WORDS = bytes(97 if b in _ASCII_LETTERS else 32 for b in range(256))


def slugify(text: str) -> str:
    """Make a URL slug that keeps letters of every script ("Über Docs" -> "über-docs").

    Returns an empty string when nothing usable is left (only punctuation).
    """
    from slugify import slugify as _slugify  # loaded once a site has posts

    return _slugify(str(text), allow_unicode=True)


def title_from_filename(stem: str) -> str:
    """Turn a file name stem (`shipping-docs_fast`) into a title (`Shipping docs fast`)."""
    words = re.sub(r"[-_]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else stem


def html_to_text(fragment: str, *, keep_code_blocks: bool = True) -> str:
    """Return the plain text of an HTML fragment, entities decoded.

    Args:
        fragment: HTML.
        keep_code_blocks: When false, `<pre>` blocks (and scripts, styles) are dropped.
    """
    text = _COMMENT_RE.sub(" ", fragment)
    if not keep_code_blocks:
        text = _PRE_RE.sub(" ", text)
    text = _TAG_RE.sub(" ", text)
    return html.unescape(text)


def count_words(text: str) -> tuple[int, int]:
    """Count the words and the CJK characters in plain text.

    CJK characters are counted one by one (those scripts do not separate words with
    spaces); the rest is counted by words.

    Returns:
        `(words, cjk_characters)`.
    """
    if text.isascii():
        data = text.encode("ascii").translate(_ASCII_WORDS, _ASCII_JOINERS)
        return data.count(b" a") + data.startswith(b"a"), 0
    cjk = len(_CJK_RE.findall(text))
    if cjk:
        text = _CJK_RE.sub(" ", text)
    return len(_WORD_RE.findall(text)), cjk


def reading_minutes(
    words: int, cjk_characters: int = 0, words_per_minute: int = 200, cjk_per_minute: int = 400
) -> int:
    """Return whole minutes of reading; 0 means "less than a minute".

    A post shorter than one minute of reading gives 0; longer ones are rounded up,
    as readers prefer an honest upper bound.
    """
    minutes = words / max(words_per_minute, 1) + cjk_characters / max(cjk_per_minute, 1)
    if minutes < 1:
        return 0
    return math.ceil(minutes - 1e-9)
