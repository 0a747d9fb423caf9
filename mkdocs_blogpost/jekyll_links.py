"""A Python-Markdown extension that rewrites a post's site-root links before MkDocs sees them.

Why a tree processor and not a Markdown-level rewrite: by the time it runs, Markdown has
decided what is a link and what is code (fenced, indented, inline, inside lists and
blockquotes), and reference definitions are already resolved, so only real links are
touched. It runs at priority 1, after the inline patterns (20) and just before MkDocs'
own `relpath` processor (0), which then validates the docs-relative paths we write and
turns them into URLs for either `use_directory_urls` setting.

Raw HTML (`<img src>`, `<a href>` written in the post) is not validated by MkDocs; it sits
in Markdown's HTML stash, where this processor rewrites it to final URLs.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.utils import get_relative_url

from .migrate import LinkIndex, is_local_url, resolve_link, split_full_marker
from .posts import warn

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from markdown import Markdown

__all__ = ["FULL_CLASS", "JekyllLinksExtension", "LinkState"]

#: Class given to images whose URL ended in `#full`.
FULL_CLASS = "blogpost-full"

_RAW_TAG_RE = re.compile(r"<(?P<tag>a|img|source|video|audio)\b[^<>]*>", re.IGNORECASE)
_RAW_ATTR_RE = re.compile(
    r"""(?P<pre>\s(?P<name>href|src|poster)\s*=\s*)(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""",
    re.IGNORECASE,
)
_CLASS_ATTR_RE = re.compile(r"""\sclass\s*=\s*(?P<q>["'])(?P<val>[^"']*)(?P=q)""", re.I)


@dataclass
class LinkState:
    """The page being rendered and the site's link targets, shared with the extension.

    The plugin sets `src_uri`/`page_url` in `on_page_markdown` (MkDocs renders that page
    right after) and clears them in `on_page_content`.

    Attributes:
        index: Files and posts of the site.
        urls: Docs path of every file to its site URL.
        src_uri: Docs path of the post being rendered, `None` for other pages.
        page_url: URL of that post.
        math: Render `$...$` math on this page.
        rewritten: Links rewritten during this build.
    """

    index: LinkIndex = field(default_factory=LinkIndex)
    urls: dict[str, str] = field(default_factory=dict)
    src_uri: str | None = None
    page_url: str = ""
    math: bool = False
    rewritten: int = 0
    source: str = ""
    first_line: int = 1

    def begin(
        self,
        src_uri: str,
        page_url: str,
        *,
        math: bool = False,
        source: str = "",
        first_line: int = 1,
    ) -> None:
        """Make the next rendered page the post `src_uri`.

        Args:
            src_uri: Docs path of the post.
            page_url: Its URL.
            math: Render `$...$` math on it.
            source: Its body as written, to find the line of a broken link.
            first_line: File line of the body's first line.
        """
        self.src_uri, self.page_url, self.math = src_uri, page_url, math
        self.source, self.first_line = source, first_line

    def end(self) -> None:
        """Forget the current page; later renders are left alone."""
        self.src_uri, self.page_url, self.math = None, "", False
        self.source = ""

    def warn_at(self, body_line: int, message: str) -> None:
        """Warn about line `body_line` (from 0) of the current post's body."""
        warn(self.src_uri or "", message, self.first_line + body_line)

    def warn_near(self, text: str, message: str) -> None:
        """Warn about the current post, at the first line holding `text` when found."""
        for number, line in enumerate(self.source.split("\n")):
            if text in line:
                self.warn_at(number, message)
                return
        warn(self.src_uri or "", message)

    def warn_unresolved(self, url: str) -> None:
        """Warn that `url` in the current post points nowhere, with its line when found."""
        line = None
        path = urlsplit(url).path
        for number, text in enumerate(self.source.split("\n")):
            if url in text or (path and path in text):
                line = self.first_line + number
                break
        warn(
            self.src_uri or "",
            f"the link '{url}' points to no file of the docs tree and no post (looked from "
            "the post's folder, from the docs root and among the posts by file name, slug "
            "and date path); fix the link or add the file",
            line,
        )


class _LinksTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, state: LinkState):
        super().__init__(md)
        self.state = state

    def run(self, root: Element) -> None:
        state = self.state
        src_uri = state.src_uri
        if src_uri is None:
            return
        from_dir = posixpath.dirname(src_uri)
        for element in root.iter():
            if element.tag == "a":
                key = "href"
            elif element.tag == "img":
                key = "src"
            else:
                continue
            url = element.get(key)
            if not url or "\x02" in url or "\x03" in url:
                continue
            if key == "src":
                url, full = split_full_marker(url)
                if full:
                    element.set(key, url)
                    classes = (element.get("class") or "").split()
                    element.set("class", " ".join([*classes, FULL_CLASS]))
            new = self._docs_relative(url, from_dir)
            if new is not None:
                element.set(key, new)
        stash = self.md.htmlStash.rawHtmlBlocks
        for i, block in enumerate(stash):
            if isinstance(block, str) and ("src" in block or "href" in block):
                stash[i] = _RAW_TAG_RE.sub(self._raw_tag, block)

    def _docs_relative(self, url: str, from_dir: str) -> str | None:
        """Return a docs-relative path for MkDocs to validate, or `None` to leave `url`."""
        if not is_local_url(url) or _is_liquid(url):
            return None
        target, as_written = resolve_link(url, from_dir, self.state.index)
        if as_written:
            return None
        if target is None:
            path = urlsplit(url).path
            # MkDocs warns itself about relative links to files; these it would not.
            if path.startswith("/") or not posixpath.splitext(path)[1]:
                self.state.warn_unresolved(url)
            return None
        self.state.rewritten += 1
        return posixpath.relpath(target, from_dir or ".") + _suffix(url)

    def _raw_tag(self, match: re.Match[str]) -> str:
        tag = match.group(0)
        is_img = match.group("tag").lower() == "img"
        full = False

        def attr(found: re.Match[str]) -> str:
            nonlocal full
            quote = '"' if found.group("dq") is not None else "'"
            raw = found.group("dq") if found.group("dq") is not None else found.group("sq")
            url = html.unescape(raw or "")
            if is_img and found.group("name").lower() == "src":
                url, full = split_full_marker(url)
            new = self._final_url(url)
            if new is None:
                if not full:
                    return found.group(0)
                new = url
            return f"{found.group('pre')}{quote}{html.escape(new)}{quote}"

        new_tag = _RAW_ATTR_RE.sub(attr, tag)
        if full:
            classes = _CLASS_ATTR_RE.search(new_tag)
            if classes is None:
                new_tag = re.sub(r"^<img\b", f'<img class="{FULL_CLASS}"', new_tag, flags=re.I)
            else:
                value = f"{classes.group('val')} {FULL_CLASS}".strip()
                q = classes.group("q")
                new_tag = (
                    new_tag[: classes.start()] + f" class={q}{value}{q}" + new_tag[classes.end() :]
                )
        return new_tag

    def _final_url(self, url: str) -> str | None:
        """Return the final URL of a raw-HTML link of the current post, or `None`."""
        state = self.state
        if not is_local_url(url) or _is_liquid(url):
            return None
        from_dir = posixpath.dirname(state.src_uri or "")
        target, _ = resolve_link(url, from_dir, state.index)
        target_url = state.urls.get(target) if target is not None else None
        if target_url is None:
            state.warn_unresolved(url)
            return None
        new = get_relative_url(target_url, state.page_url)
        if target_url.endswith("/") and not new.endswith("/"):
            new += "/"
        new += _suffix(url)
        if new == url:
            return None
        state.rewritten += 1
        return new


def _is_liquid(url: str) -> bool:
    """Liquid left in a link was already reported, with its line, by the Liquid step."""
    return "{%" in url or "{{" in url or "%7B%" in url.upper()


def _suffix(url: str) -> str:
    parts = urlsplit(url)
    return (f"?{parts.query}" if parts.query else "") + (
        f"#{parts.fragment}" if parts.fragment else ""
    )


class JekyllLinksExtension(Extension):
    """Rewrite site-root links of the post being rendered, read its kramdown, render its math.

    One instance is appended to `markdown_extensions` per build; MkDocs creates a new
    `Markdown` for every page, which calls `extendMarkdown` with the current page known.
    """

    def __init__(self, state: LinkState, *, math_available: bool = True):
        super().__init__()
        self.state = state
        self.math_available = math_available

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the link processor, kramdown syntax for posts, and math if asked."""
        md.treeprocessors.register(_LinksTreeprocessor(md, self.state), "blogpost_links", 1)
        if self.state.src_uri is not None:
            from .kramdown import extend_for_post

            extend_for_post(md, self.state)
        if self.state.src_uri is not None and self.state.math and self.math_available:
            from pymdownx.arithmatex import ArithmatexExtension

            ArithmatexExtension(generic=True).extendMarkdown(md)
