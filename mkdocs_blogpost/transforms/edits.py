"""Edits to a page's HTML, made in one pass so that bytes nobody changed stay as they are."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["Edit", "apply_edits"]

#: `(start, end, replacement)`: the HTML from `start` to `end` becomes `replacement`.
Edit = tuple[int, int, str]


def apply_edits(html: str, edits: Iterable[Edit]) -> str:
    """Return `html` with each edit made.

    Args:
        html: The page's HTML.
        edits: Edits in any order. Where two start at the same place, the longer one is
            made; an edit that starts inside one already made (a removed paragraph) is
            left out.

    Returns:
        The new HTML.
    """
    out: list[str] = []
    pos = 0
    for start, end, text in sorted(edits, key=lambda e: (e[0], -e[1])):
        if start < pos:  # inside an edit already made (a removed paragraph)
            continue
        out.append(html[pos:start])
        out.append(text)
        pos = end
    out.append(html[pos:])
    return "".join(out)
