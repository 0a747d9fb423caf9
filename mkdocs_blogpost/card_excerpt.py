"""The prose of an excerpt, for a listing card: paragraphs and lists, at most a few lines.

An excerpt cut at `<!-- more -->` can hold headings, figures, quotes with their share
links, code and tables: on a card they make one post three times as tall as the next,
with a heading bigger than the card's own title. A card keeps the excerpt's top-level
paragraphs and lists (a paragraph that only holds an image is a figure, and goes),
up to a budget of words; a first block longer than that is cut at a word, with "…".
Feeds and head tags keep the whole excerpt. The kept blocks keep their bytes.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .text import VOID_ELEMENTS as _VOID

__all__ = ["CARD_WORDS", "card_prose"]

#: About four lines of a card at desktop width.
CARD_WORDS = 45

_PROSE = frozenset({"p", "ul", "ol", "dl"})
# A unit of length: a CJK character (scripts without spaces between words count half a
# word each), or a run of other non-space characters.
_CJK = "\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_UNIT_RE = re.compile(f"[{_CJK}]|[^\\s{_CJK}]+")


def _units(text: str) -> float:
    found = _UNIT_RE.findall(text)
    return sum(0.5 if len(m) == 1 and "\u1100" <= m <= "\ufaff" else 1.0 for m in found)


class _Blocks(HTMLParser):
    """Find the top-level elements of a fragment: tag, start, end, and their text."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self._lines = [0]
        for line in source.splitlines(keepends=True):
            self._lines.append(self._lines[-1] + len(line))
        self.blocks: list[tuple[str, int, int, str]] = []
        self._depth = 0
        self._open: tuple[str, int] | None = None
        self._text: list[str] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._lines[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        if self._depth == 0:
            self._open = (tag, self._offset())
            self._text = []
        self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or self._depth == 0:
            return
        self._depth -= 1
        if self._depth == 0 and self._open is not None:
            end = self.source.find(">", self._offset()) + 1
            name, start = self._open
            self.blocks.append((name, start, end, "".join(self._text)))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._depth:
            self._text.append(data)


class _Cut(HTMLParser):
    """Re-write a block up to `budget` units of text, then "…" and its closing tags."""

    def __init__(self, budget: float) -> None:
        super().__init__(convert_charrefs=False)
        self.budget = budget
        self.out: list[str] = []
        self.stack: list[str] = []
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.done:
            self.out.append(self.get_starttag_text() or "")
            if tag not in _VOID:
                self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.done:
            self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if not self.done and tag in self.stack:
            while self.stack:
                name = self.stack.pop()
                self.out.append(f"</{name}>")
                if name == tag:
                    break

    def handle_data(self, data: str) -> None:
        if self.done:
            return
        for match in _UNIT_RE.finditer(data):
            self.budget -= _units(match.group(0))
            if self.budget < 0:
                self.out.append(data[: match.start()].rstrip() + "…")
                self.out.extend(f"</{name}>" for name in reversed(self.stack))
                self.done = True
                return
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")


def card_prose(fragment: str, budget: int = CARD_WORDS) -> str:
    """Return the excerpt's paragraphs and lists that fit in about `budget` words.

    Blocks are kept whole while they fit; when even the first one does not, it is cut
    at a word, with "…". Headings, figures, quotes, code, tables and paragraphs that
    only hold an image are left out. An excerpt with no prose gives `""`.
    """
    if not fragment.strip():
        return ""
    finder = _Blocks(fragment)
    finder.feed(fragment)
    finder.close()
    kept: list[str] = []
    used = 0.0
    for tag, start, end, text in finder.blocks:
        if tag not in _PROSE or not text.strip():
            continue
        size = _units(text)
        if used + size <= budget:
            kept.append(fragment[start:end])
            used += size
            continue
        if not kept:
            cutter = _Cut(budget)
            cutter.feed(fragment[start:end])
            cutter.close()
            kept.append("".join(cutter.out))
        break
    return "\n".join(kept)
