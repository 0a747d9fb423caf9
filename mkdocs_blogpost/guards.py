"""Guards against input that would otherwise stop the whole build with a traceback.

MkDocs resolves every Markdown link and image with `urllib.parse.urlsplit`, which raises
on a malformed URL such as `http://[oops` (an unclosed IPv6 bracket, common in hastily
imported posts). One such link aborts the whole build. This Markdown extension runs
just before MkDocs' own link resolver, turns the link or image into plain text and
reports it as a warning naming the page and the line.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

if TYPE_CHECKING:
    from mkdocs.structure.files import File

__all__ = ["MalformedUrlExtension", "report_malformed_url"]

#: After inline patterns made the links (20), before MkDocs' "relpath" resolver (0).
_PRIORITY = 2
_URL_KEYS = {"a": "href", "img": "src"}


class _MalformedUrlTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, report: Callable[[str], None]) -> None:
        super().__init__(md)
        self.report = report

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            key = _URL_KEYS.get(element.tag)
            if key is None:
                continue
            url = element.get(key)
            if url is None:
                continue
            try:
                urlsplit(url)
            except ValueError:
                # MkDocs expects every <a>/<img> to carry its URL, so the element becomes
                # a <span> with the same text (an image shows its alt text).
                alt = element.get("alt", "") if element.tag == "img" else None
                element.tag = "span"
                element.attrib.clear()
                if alt is not None:
                    element.text = alt
                self.report(url)


class MalformedUrlExtension(Extension):
    """Drop links and images whose URL cannot be parsed, reporting each one.

    Args:
        report: Called with each dropped URL; it knows which page is being rendered.
    """

    def __init__(self, report: Callable[[str], None]) -> None:
        super().__init__()
        self.report = report

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the tree processor just before MkDocs resolves links."""
        md.treeprocessors.register(
            _MalformedUrlTreeprocessor(md, self.report), "blogpost_malformed_urls", _PRIORITY
        )


def report_malformed_url(file: File, url: str) -> None:
    """Warn that `url` in the page `file` is not a valid URL, naming its line if found."""
    from .posts import warn

    line: int | None = None
    try:
        index = file.content_string.find(url)
    except (OSError, UnicodeDecodeError):  # pragma: no cover - the page was just read
        index = -1
    if index >= 0:
        line = file.content_string.count("\n", 0, index) + 1
    warn(
        file.src_uri,
        f"the link or image URL {url!r} is not a valid URL; it is shown as plain text. "
        "Fix the URL",
        line,
    )
