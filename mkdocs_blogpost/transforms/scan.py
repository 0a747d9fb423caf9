"""Finding the `<tweet>` and `<small>` tags of a page, and the block tags around them.

The page is never parsed as a whole: one regex (`tokens.SCAN_RE`) walks it from one `<`
to the next, and block tags are looked up only where a quote or a caption asks.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from .tokens import (
    BLOCK,
    BLOCK_TAG_RE,
    NESTED_LT_RE,
    SCAN_LIGHT_RE,
    SCAN_RE,
    SKIP,
    TAG,
    Block,
    Tag,
    block_of,
    is_pre,
)

__all__ = ["Scan", "has_candidates", "has_tweet_tag", "small_tag_starts"]

_CANDIDATE_RE = re.compile(r"</?(?:tweet|small)(?=[\s/>])", re.IGNORECASE)
_TWEET_TAG_RE = re.compile(r"</?tweet(?=[\s/>])", re.IGNORECASE)
_SMALL_OPEN_RE = re.compile(r"<small(?=[\s/>])", re.IGNORECASE)
# How far a quick look for a block tag goes (characters ahead, `<` back) before the
# block tags between two tokens are all listed once.
_NEAR_CHARS = 4096
_NEAR_TAGS = 16


def has_candidates(html: str) -> bool:
    """Tell cheaply whether a page may hold a `<tweet>` or `<small>` tag at all."""
    return _CANDIDATE_RE.search(html) is not None


def has_tweet_tag(html: str) -> bool:
    """Tell cheaply whether a page may hold a `<tweet>` or `</tweet>` tag."""
    return _TWEET_TAG_RE.search(html) is not None


def small_tag_starts(html: str) -> Iterator[int]:
    """Yield where each opening `<small>` tag starts, code included (a cheap first look)."""
    return (m.start() for m in _SMALL_OPEN_RE.finditer(html))


class Scan:
    """The tokens of a page (see `tokens.SCAN_RE`), and its block tags where asked.

    Block tags are answered as if every one of them were a token: a skipped `<pre>`
    block counts as an opening `pre` block at its start and a closing one at its end.
    Between two tokens ("gap" `g` lies between tokens `g - 1` and `g`) every `<` that
    starts a `BLOCK_TAG_RE` match is a block tag, as no such tag holds a `<`; so the
    search for one can start anywhere, forwards or backwards.

    Args:
        html: The page's HTML.
        near_chars: How many characters ahead a quick look for a block tag reads before
            the block tags of that gap are all listed once.
        near_tags: How many `<` back a quick look tries before listing them.

    Attributes:
        totals: How many tags of each kind (`name`, `closing`) the page has.
    """

    def __init__(
        self, html: str, *, near_chars: int = _NEAR_CHARS, near_tags: int = _NEAR_TAGS
    ) -> None:
        self.html = html
        self.near_chars = near_chars
        self.near_tags = near_tags
        scan_re = SCAN_RE if NESTED_LT_RE.search(html) else SCAN_LIGHT_RE
        self.tokens = tokens = list(scan_re.finditer(html))
        self.starts = [m.start() for m in tokens]
        self.ends = [m.end() for m in tokens]
        # The block tags of a gap, listed once a quick look was not enough.
        self.listed: dict[int, tuple[list[int], list[re.Match[str]]]] = {}
        # Answers of `_last_up_to` and `_first_from`.
        self.last_memo: dict[int, Block | None] = {}
        self.first_memo: dict[tuple[int, bool], Block | None] = {}
        self.tags: dict[str, list[Tag]] = {"tweet": [], "small": []}
        counts: dict[tuple[str, bool], int] = {}
        for m in tokens:
            if m.lastindex == TAG:
                name = m.group(4).lower()
                closing = bool(m.group(3))
                key = (name, closing)
                ordinal = counts.get(key, 0)
                counts[key] = ordinal + 1
                self.tags[name].append(Tag(m.start(), m.end(), name, closing, m.group(5), ordinal))
        self.totals = counts

    def of(self, name: str) -> list[Tag]:
        """Return the page's `tweet` or `small` tags, opening and closing, in order."""
        return self.tags[name]

    def blocks_between(self, start: int, end: int) -> bool:
        """Tell whether a block tag starts at or after `start` and before `end`."""
        # Whether the first block tag from `start` on starts before `end`; the walk
        # stops at `end`.
        if start >= end:
            return False
        k = bisect.bisect_left(self.starts, start)
        if k and is_pre(self.tokens[k - 1]) and self.ends[k - 1] >= start:
            return self.ends[k - 1] < end
        found = self._next_in_gap(k, start)
        if found is not None:
            return found.start() < end
        if k >= len(self.tokens) or self.starts[k] >= end:
            return False
        after = self._first_from(k, gap=False)
        return after is not None and after.start < end

    def block_before(self, pos: int) -> Block | None:
        """Return the last block tag that starts before `pos`."""
        k = bisect.bisect_left(self.starts, pos)
        found = self._last_in_gap(k, pos)
        if found is not None:
            return block_of(found, 2)
        if k == 0:
            return None
        token = self.tokens[k - 1]
        if token.lastindex == SKIP and is_pre(token) and token.end() >= pos:
            return Block(token.start(), token.start(), "pre", False)
        block = self._token_block(k - 1, opening=False)
        return block if block is not None else self._last_up_to(k - 1)

    def block_after(self, pos: int) -> Block | None:
        """Return the first block tag that starts at or after `pos`."""
        k = bisect.bisect_left(self.starts, pos)
        if k and is_pre(self.tokens[k - 1]) and self.ends[k - 1] >= pos:
            return Block(self.ends[k - 1], self.ends[k - 1], "pre", True)
        found = self._next_in_gap(k, pos)
        if found is not None:
            return block_of(found, 2)
        return self._first_from(k, gap=False)

    def _gap(self, g: int) -> tuple[int, int]:
        start = self.ends[g - 1] if g else 0
        end = self.starts[g] if g < len(self.starts) else len(self.html)
        return start, end

    def _tagless(self, g: int) -> bool:
        # Gap `g` holds no `<` (as between the code spans of a sentence): no block tag.
        start, end = self._gap(g)
        return self.html.find("<", start, end) < 0

    def _list(self, g: int) -> tuple[list[int], list[re.Match[str]]]:
        if g not in self.listed:
            start, end = self._gap(g)
            found = list(BLOCK_TAG_RE.finditer(self.html, start, end))
            self.listed[g] = ([m.start() for m in found], found)
        return self.listed[g]

    def _next_in_gap(self, g: int, pos: int) -> re.Match[str] | None:
        # The first block tag of gap `g` that starts at or after `pos`.
        start, end = self._gap(g)
        pos = max(pos, start)
        if pos >= end:
            return None
        if g not in self.listed:
            # A match found short of `end` is the first one: one that started earlier
            # and ran past `bound` would hold the `<` of the later one.
            bound = min(end, pos + self.near_chars)
            found = BLOCK_TAG_RE.search(self.html, pos, bound)
            if found is not None or bound == end:
                return found
        starts, blocks = self._list(g)
        i = bisect.bisect_left(starts, pos)
        return blocks[i] if i < len(blocks) else None

    def _last_in_gap(self, g: int, pos: int) -> re.Match[str] | None:
        # The last block tag of gap `g` that starts before `pos`.
        start, end = self._gap(g)
        pos = min(pos, end)
        if pos <= start:
            return None
        if g not in self.listed:
            html, at = self.html, pos
            for _ in range(self.near_tags):
                at = html.rfind("<", start, at)
                if at < 0:
                    return None
                found = BLOCK_TAG_RE.match(html, at, end)
                if found is not None:
                    return found
        starts, blocks = self._list(g)
        i = bisect.bisect_left(starts, pos)
        return blocks[i - 1] if i else None

    def _token_block(self, j: int, *, opening: bool) -> Block | None:
        # Token `j` as a block tag: a block tag holding a `<`, or one side of a `<pre>`.
        token = self.tokens[j]
        if token.lastindex == BLOCK:
            return block_of(token, 7)
        if token.lastindex == SKIP and is_pre(token):
            at = token.start() if opening else token.end()
            return Block(at, at, "pre", not opening)
        return None

    def _last_up_to(self, j: int) -> Block | None:
        # The last block tag of gaps 0..j and tokens 0..j-1. Remembered, so that many
        # quotes in one long paragraph do not each walk back over all the others.
        walked: list[int] = []
        found: Block | None = None
        while True:
            if j in self.last_memo:
                found = self.last_memo[j]
                break
            walked.append(j)
            match = None if self._tagless(j) else self._last_in_gap(j, len(self.html))
            if match is not None:
                found = block_of(match, 2)
                break
            if j == 0:
                break
            found = self._token_block(j - 1, opening=False)
            if found is not None:
                break
            j -= 1
        for g in walked:
            self.last_memo[g] = found
        return found

    def _first_from(self, j: int, *, gap: bool) -> Block | None:
        # The first block tag of token j, gap j+1, token j+1, ... (from gap j if `gap`).
        walked: list[tuple[int, bool]] = []
        found: Block | None = None
        while True:
            if (j, gap) in self.first_memo:
                found = self.first_memo[j, gap]
                break
            walked.append((j, gap))
            if gap and not self._tagless(j):
                match = self._next_in_gap(j, 0)
                if match is not None:
                    found = block_of(match, 2)
                    break
            if j >= len(self.tokens):
                break
            found = self._token_block(j, opening=True)
            if found is not None:
                break
            j, gap = j + 1, True
        for key in walked:
            self.first_memo[key] = found
        return found
