"""Per-post switches of the Jekyll theme: `toc`, `mathjax` and `github`."""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from typing import Any

from .head import inject_head

__all__ = ["MATHJAX_URL", "hide_toc", "inject_mathjax", "mathjax_head"]

#: MathJax 3, loaded only by pages whose post sets `mathjax: yes`.
MATHJAX_URL = "https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js"

# Matches the output of pymdownx.arithmatex in generic mode: `\(...\)` and `\[...\]`
# inside elements with class `arithmatex`; nothing else on the page is touched.
_MATHJAX_CONFIG = (
    "window.MathJax={tex:{inlineMath:[['\\\\(','\\\\)']],displayMath:[['\\\\[','\\\\]']],"
    "processEscapes:true,processEnvironments:true},"
    "options:{ignoreHtmlClass:'.*|',processHtmlClass:'arithmatex'}};"
)


def mathjax_head() -> list[str]:
    """Return the head tags that load MathJax for one page."""
    return [
        f"<script>{_MATHJAX_CONFIG}</script>",
        f'<script id="blogpost-mathjax" async src="{MATHJAX_URL}"></script>',
    ]


# Material's instant navigation re-runs the scripts inside this element, not the head's.
_CONTAINER_RE = re.compile(r"<div\b[^>]*\bdata-md-component=\"container\"[^>]*>")


def inject_mathjax(output: str) -> str:
    """Add MathJax to one built page: in Material's container, else in the head."""
    match = _CONTAINER_RE.search(output)
    if match is None:
        return inject_head(output, mathjax_head())
    return output[: match.end()] + "".join(mathjax_head()) + output[match.end() :]


def hide_toc(meta: MutableMapping[str, Any], show: bool) -> None:
    """Show or hide the table of contents through Material's `hide` key, in place."""
    raw = meta.get("hide")
    hidden = [str(item) for item in raw] if isinstance(raw, list) else []
    if show:
        hidden = [item for item in hidden if item != "toc"]
    elif "toc" not in hidden:
        hidden.append("toc")
    if hidden or "hide" in meta:
        meta["hide"] = hidden
