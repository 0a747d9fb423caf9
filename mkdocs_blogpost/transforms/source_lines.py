"""Finding the line of the Markdown source a tag in the HTML came from.

A warning about a `<tweet>` or a `<small>` names the line the author wrote it on. The
HTML does not say, so the tags are counted in the Markdown instead, with code masked
as Markdown would leave it literal.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .tokens import RAW_ELEMENTS

if TYPE_CHECKING:
    from .report import TransformIssue

__all__ = ["locate_tag_line"]

_FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_SOURCE_MASK_RE = re.compile(
    rf"<!--.*?-->|<({RAW_ELEMENTS})(?=[\s>])[^>]*>.*?</\1\s*>"
    r"|(?<!`)(`+)(?!`).+?(?<!`)\2(?!`)",
    re.IGNORECASE | re.DOTALL,
)


def locate_tag_line(source: str, issue: TransformIssue) -> int | None:
    """Find the line (from 1) of the tag an issue is about in the page's Markdown.

    Tags inside fenced code, inline code, comments and raw `<pre>`/`<code>` are not
    counted, as Markdown does not turn them into tags. When the source holds a different
    number of such tags than the HTML did, the line is unknown (`None`) rather than
    guessed.

    Args:
        source: The page's Markdown.
        issue: The issue, which says which of the page's tags it is about.

    Returns:
        The line, or `None` when it cannot be told for sure.
    """
    masked = _mask_code(source)
    if issue.closing:
        pattern = re.compile(rf"</{issue.tag}\s*>", re.IGNORECASE)
    else:
        pattern = re.compile(rf"<{issue.tag}(?=[\s/>])", re.IGNORECASE)
    found = [m.start() for m in pattern.finditer(masked)]
    if len(found) != issue.total or issue.ordinal >= len(found):
        return None
    return masked.count("\n", 0, found[issue.ordinal]) + 1


def _mask_code(source: str) -> str:
    # Blank out code, keeping every newline so that line numbers stay right.
    lines = source.split("\n")
    fence: str | None = None
    for n, line in enumerate(lines):
        m = _FENCE_RE.match(line)
        if fence is None:
            if m:
                fence = m.group(1)
                lines[n] = ""
        else:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            lines[n] = ""
    text = "\n".join(lines)

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    return _SOURCE_MASK_RE.sub(blank, text)
