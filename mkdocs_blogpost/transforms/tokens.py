"""What the scan reads in a page's HTML: its token regexes, and the tags it yields.

Markdown escapes `<` inside code, so a literal `<tweet` in its HTML is a tag the author
wrote; tags inside `<pre>`, `<code>`, comments, scripts, styles and text areas are
skipped all the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

__all__ = [
    "BLOCK",
    "BLOCK_TAG_RE",
    "NESTED_LT_RE",
    "RAW_ELEMENTS",
    "SCAN_LIGHT_RE",
    "SCAN_RE",
    "SKIP",
    "TAG",
    "Block",
    "Tag",
    "block_of",
    "inside_paragraph",
    "is_pre",
]

#: Elements whose content is text, not tags: a `<tweet>` inside one is not a quote. The
#: Markdown line lookup (`source_lines`) skips the same ones, so that it counts the tags
#: the scan counts.
RAW_ELEMENTS = "pre|code|script|style|textarea"

# The block tags, written as a small trie: the regex engine then tries one or two
# branches per tag instead of all 37 names. Each name must be followed by a
# space, `/` or `>`, so the order of the branches does not change what matches.
_BLOCK_NAMES = (
    r"a(?:ddress|rticle|side)|blockquote|caption|d(?:etails|ialog|d|iv|l|t)"
    r"|f(?:ieldset|igcaption|igure|ooter|orm)|h(?:[1-6]|eader|group|r)|li|main|nav|ol"
    r"|p(?:re)?|s(?:ection|ummary)|t(?:able|body|d|foot|h|head|r)|ul"
)
# The page is read as a left-to-right sequence of tokens: comments and code, scripts,
# styles and text areas (skipped whole, a `<pre>` still counting as a block), the
# `<tweet>`/`<small>` tags, and block tags. Every alternative starts with the same `<`,
# written once so the engine jumps from one `<` to the next.
#
# A page holds a hundred block tags and a handful of anything else, and only the block
# tags next to a quote or a caption matter, so the scan leaves out block tags whose
# `<...>` holds no other `<` (all of them, in practice). Leaving them out changes no
# other token: such a tag matched where the other alternatives failed, and no token can
# start inside it. They are found later, only where asked, between the tokens (see
# `scan.Scan`). Block tags that do hold a `<` (`<p title="<!--">`) can hide the start of
# a comment or a code span, so they stay tokens; `SCAN_LIGHT_RE` is used on pages where
# no tag holds a `<`, `SCAN_RE` on the others.
_SKIPPED = rf"(!--.*?-->|({RAW_ELEMENTS})(?=[\s>])[^>]*>.*?</\2\s*>)"
_TWEET_OR_SMALL = r"(/?)(tweet|small)(?=[\s/>])([^>]*)>"
SCAN_LIGHT_RE = re.compile(rf"<(?:{_SKIPPED}|{_TWEET_OR_SMALL})", re.IGNORECASE | re.DOTALL)
SCAN_RE = re.compile(
    rf"<(?:{_SKIPPED}|{_TWEET_OR_SMALL}|(/?)({_BLOCK_NAMES})(?=[\s/>])[^<>]*<[^>]*>)",
    re.IGNORECASE | re.DOTALL,
)
# A `<` before the `>` of the tag it opens: the pages that need `SCAN_RE`.
NESTED_LT_RE = re.compile(r"<[^<>]*<")
# A block tag without `<` inside, as it is found between tokens.
BLOCK_TAG_RE = re.compile(rf"<(/?)({_BLOCK_NAMES})(?=[\s/>])[^<>]*>", re.IGNORECASE)
# `Match.lastindex` of each kind of token: the outermost group of its alternative.
SKIP, TAG, BLOCK = 1, 5, 7


@dataclass(frozen=True)
class Tag:
    """A `<tweet>` or `<small>` tag the author wrote, outside code.

    Attributes:
        start: Where the tag starts in the page's HTML.
        end: Where it ends.
        name: `tweet` or `small`, in lower case.
        closing: Whether it is a closing tag.
        attrs: What the tag holds after its name, as written.
        ordinal: Which of the page's tags of this kind (`name`, `closing`) it is, from 0.
    """

    start: int
    end: int
    name: str
    closing: bool
    attrs: str
    ordinal: int

    @property
    def self_closing(self) -> bool:
        """Whether the tag is written `<tweet/>`."""
        return self.attrs.rstrip().endswith("/")

    @property
    def has_attributes(self) -> bool:
        """Whether the author put attributes on the tag."""
        return bool(self.attrs.strip().rstrip("/").strip())


class Block(NamedTuple):
    """A block tag (`<p>`, `</li>`, ...), or one side of a skipped `<pre>` block."""

    start: int
    end: int
    name: str
    closing: bool


def is_pre(match: re.Match[str]) -> bool:
    """Tell whether a token is a skipped `<pre>...</pre>` block.

    Such a block still separates blocks: it counts as a block of its own.
    """
    raw = match.group(2)
    return raw is not None and raw.lower() == "pre"


def block_of(match: re.Match[str], name: int) -> Block:
    """Make a block of a match of `BLOCK_TAG_RE` (`name` 2) or of `SCAN_RE` (`name` 7)."""
    return Block(match.start(), match.end(), match.group(name).lower(), bool(match[name - 1]))


def inside_paragraph(before: Block | None, after: Block | None) -> bool:
    """Tell whether the nearest block tags around a span are one paragraph's `<p>`/`</p>`."""
    return (
        before is not None
        and after is not None
        and before.name == "p"
        and not before.closing
        and after.name == "p"
        and after.closing
    )
