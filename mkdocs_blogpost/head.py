"""Add tags to a page's `<head>`, whatever theme drew it."""

from __future__ import annotations

import html
import re

__all__ = ["has_meta_description", "inject_head", "meta_tag"]

_HEAD_END_RE = re.compile(r"</head\s*>", re.IGNORECASE)
_DESCRIPTION_RE = re.compile(r"<meta\s+name=[\"']description[\"']", re.IGNORECASE)


def meta_tag(name: str, content: str, *, attribute: str = "name") -> str:
    """Return `<meta name="..." content="...">` with both values escaped."""
    return f'<meta {attribute}="{html.escape(name)}" content="{html.escape(content)}">'


def has_meta_description(head: str) -> bool:
    """Tell whether the theme already wrote a meta description."""
    return _DESCRIPTION_RE.search(head) is not None


def inject_head(output: str, tags: list[str]) -> str:
    """Insert `tags` just before `</head>`; pages without a head are returned as they are."""
    if not tags:
        return output
    match = _HEAD_END_RE.search(output)
    if match is None:
        return output
    block = "\n    ".join(tags)
    return f"{output[: match.start()]}    {block}\n  {output[match.start() :]}"
