"""Where a rendered quote or caption goes: in place of its paragraph, split around it.

A quote block or a figure cannot sit inside a `<p>`: the paragraph is split around
it, and the text before and after stays in paragraphs of its own. Where a block cannot
go at all (inside a heading, or inside formatting that spans it), the quote or the
caption stays inline, sanitised, and the author is told.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text import VOID_ELEMENTS as _VOID
from .captions import caption_fallback, render_caption
from .quotes import quote_fallback, render_quote
from .tokens import inside_paragraph

if TYPE_CHECKING:
    from .edits import Edit
    from .page import Item, Page
    from .scan import Scan
    from .tokens import Block

__all__ = ["place_items"]

# Blocks that may hold only phrasing content: a block cannot go inside them.
_PHRASING_ONLY = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "dt", "summary", "caption", "figcaption", "p"}
)
_EDGE_BREAKS_RE = re.compile(r"^(?:\s|<br\s*/?>)+|(?:\s|<br\s*/?>)+$", re.IGNORECASE)
_ANY_TAG_RE = re.compile(r"<(/?)([a-zA-Z][\w:-]*)(?:\s[^>]*)?>")


def place_items(page: Page, scan: Scan, items: list[Item]) -> list[Edit]:
    """Return the edits that put each quote and caption in its place.

    Args:
        page: The page, whose HTML `scan` read.
        scan: The page's tags.
        items: The quotes and captions, in the page's order.

    Returns:
        Edits that replace each item (or the paragraph that holds items) with its
        rendered HTML.
    """
    edits: list[Edit] = []
    groups: dict[int, tuple[Block, Block, list[Item]]] = {}
    for item in items:
        before, after = scan.block_before(item.start), scan.block_after(item.end)
        if inside_paragraph(before, after):
            assert before is not None and after is not None
            groups.setdefault(before.start, (before, after, []))[2].append(item)
        elif before is not None and not before.closing and before.name in _PHRASING_ONLY:
            edits += _fallback(page, item)
        else:
            edits.append((item.start, item.end, _render(page, item)))
    for p_open, p_close, members in groups.values():
        edits += _split_paragraph(page, p_open, p_close, members)
    return edits


def _split_paragraph(page: Page, p_open: Block, p_close: Block, members: list[Item]) -> list[Edit]:
    # The paragraph's text between its items stays in paragraphs of its own; the first
    # keeps the attributes of the author's `<p>`.
    html = page.html
    gaps: list[str] = []
    pos = p_open.end
    for item in members:
        gaps.append(html[pos : item.start])
        pos = item.end
    gaps.append(html[pos : p_close.start])
    trimmed = [_EDGE_BREAKS_RE.sub("", gap) for gap in gaps]
    if not all(_balanced(gap) for gap in trimmed):
        # Formatting that spans an item (`<em>a <tweet>b</tweet> c</em>`) cannot be split.
        edits: list[Edit] = []
        for item in members:
            edits += _fallback(page, item)
        return edits
    parts: list[str] = []
    p_tag = html[p_open.start : p_open.end]
    for n, gap in enumerate(trimmed):
        if gap:
            parts.append(f"{p_tag}{gap}</p>")
            p_tag = "<p>"
        if n < len(members):
            parts.append(_render(page, members[n]))
    return [(p_open.start, p_close.end, "\n".join(parts))]


def _render(page: Page, item: Item) -> str:
    return render_quote(page, item) if item.kind == "tweet" else render_caption(page, item)


def _fallback(page: Page, item: Item) -> list[Edit]:
    return quote_fallback(page, item) if item.kind == "tweet" else caption_fallback(page, item)


def _balanced(fragment: str) -> bool:
    # Whether every tag the fragment opens it also closes, in order (void tags aside).
    stack: list[str] = []
    for m in _ANY_TAG_RE.finditer(fragment):
        name = m.group(2).lower()
        if name in _VOID or m.group(0).endswith("/>"):
            continue
        if not m.group(1):
            stack.append(name)
        elif not stack or stack.pop() != name:
            return False
    return not stack
