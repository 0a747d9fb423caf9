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
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url

from .migrate import LinkIndex, is_local_url, looked_for, resolve_link, split_full_marker
from .posts import warn

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from markdown import Markdown

__all__ = ["FULL_CLASS", "JekyllLinksExtension", "LinkState"]

log = get_plugin_logger(__name__)

#: Class given to images whose URL ended in `#full`.
FULL_CLASS = "blogpost-full"

#: Raw-HTML tags whose attributes may point at files of the site, and those attributes.
_URL_ATTRS: dict[str, tuple[str, ...]] = {
    "a": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "track": ("src",),
    "object": ("data",),
}
#: Tags that are nothing without their file: an unresolved one is removed (an image
#: leaves its alt text). Other tags lose only the attribute.
_VOID_WITHOUT_FILE = frozenset({"img", "source", "embed", "track"})
_RAW_TAG_RE = re.compile(
    r"<(?P<tag>" + "|".join(_URL_ATTRS) + r")\b[^<>]*>", re.IGNORECASE
)
_RAW_ATTR_RE = re.compile(
    r"""(?P<pre>\s(?P<name>[A-Za-z-]+)\s*=\s*)"""
    r"""(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=<>`]+))"""
)
_CLASS_ATTR_RE = re.compile(r"""\sclass\s*=\s*(?P<q>["'])(?P<val>[^"']*)(?P=q)""", re.I)
_ALT_ATTR_RE = re.compile(
    r"""\salt\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))""", re.I
)

#: What to do with a link: keep it, point it at a docs path or URL, or drop it.
_KEEP = None
_DROP = ""


@dataclass
class LinkState:
    """The page being rendered and the site's link targets, shared with the extension.

    The plugin sets `src_uri`/`page_url` in `on_page_markdown` (MkDocs renders that page
    right after) and clears them in `on_page_content`.

    Attributes:
        index: Files and posts of the site.
        urls: Docs path of every file to its site URL.
        docs_name: How messages name `docs_dir` (`docs`), so authors find the path.
        src_uri: Docs path of the post being rendered, `None` for other pages.
        page_url: URL of that post.
        math: Render `$...$` math on this page.
        media_dir: Docs folder the post's relative images hang from (`media_subpath`).
        rewritten: Links rewritten during this build.
        dropped: Links and images dropped during this build, as they led nowhere.
    """

    index: LinkIndex = field(default_factory=LinkIndex)
    urls: dict[str, str] = field(default_factory=dict)
    docs_name: str = "docs"
    src_uri: str | None = None
    page_url: str = ""
    math: bool = False
    media_dir: str | None = None
    rewritten: int = 0
    dropped: int = 0
    source: str = ""
    first_line: int = 1

    def begin(
        self,
        src_uri: str,
        page_url: str,
        *,
        math: bool = False,
        media_dir: str | None = None,
        source: str = "",
        first_line: int = 1,
    ) -> None:
        """Make the next rendered page the post `src_uri`.

        Args:
            src_uri: Docs path of the post.
            page_url: Its URL.
            math: Render `$...$` math on it.
            media_dir: Docs folder its relative image paths hang from, if it sets one.
            source: Its body as written, to find the line of a broken link.
            first_line: File line of the body's first line.
        """
        self.src_uri, self.page_url, self.math = src_uri, page_url, math
        self.media_dir = media_dir
        self.source, self.first_line = source, first_line

    def end(self) -> None:
        """Forget the current page; later renders are left alone."""
        self.src_uri, self.page_url, self.math = None, "", False
        self.media_dir = None
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

    def line_of(self, url: str) -> int | None:
        """File line of the current post where `url` is written, when it can be found."""
        path = urlsplit(url).path if "[" not in url else url
        for number, text in enumerate(self.source.split("\n")):
            if url in text or (path and path in text):
                return self.first_line + number
        return None

    def warn_unresolved(self, url: str, *, kind: str) -> None:
        """Warn that `url` in the current post points nowhere, and say what readers get.

        Args:
            url: The URL as written.
            kind: `link`, `image`, or `media` (video, audio, embeds), for the message.
        """
        self.dropped += 1
        from_dir = posixpath.dirname(self.src_uri or "")
        path = urlsplit(url.replace("\\", "/")).path
        page_like = posixpath.splitext(path)[1].lower() in ("", ".html", ".htm", ".md")
        if kind == "link" and page_like:
            message = (
                f"the link '{url}' points to no file of the docs tree and no post (looked from "
                "the post's folder, from the docs root and among the posts by file name, slug "
                "and date path); fix the link or add the file. Until then its text is shown "
                "unlinked"
            )
        else:
            media_dir = self.media_dir if kind != "link" else None
            paths = looked_for(url, from_dir, media_dir=media_dir)
            looked = " and ".join(posixpath.join(self.docs_name, p) for p in paths)
            noun, shown = {
                "link": ("link", "its text is shown unlinked"),
                "image": ("image", "its alt text is shown instead"),
            }.get(kind, ("media file", "it is left out of the page"))
            message = (
                f"the {noun} '{url}' points to no file (looked for {looked}); add the file "
                f"or fix the path. Until then {shown}"
            )
        warn(self.src_uri or "", message, self.line_of(url))

    def note_backslashes(self, url: str) -> None:
        """Say that a Windows path was read with slashes: it works, but is worth fixing."""
        where = self.src_uri or ""
        line = self.line_of(url)
        log.info(
            f"{where}:{line or ''}: the path '{url}' uses backslashes; it is read as "
            f"'{url.replace(chr(92), '/')}'"
        )


class _LinksTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, state: LinkState):
        super().__init__(md)
        self.state = state

    def run(self, root: Element) -> None:
        state = self.state
        if state.src_uri is None:
            return
        from_dir = posixpath.dirname(state.src_uri)
        dropped: list[tuple[Element, Element]] = []
        for parent in root.iter():
            for element in parent:
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
                new = self._docs_relative(url, from_dir, kind="image" if key == "src" else "link")
                if new == _DROP:
                    dropped.append((parent, element))
                elif new is not None:
                    element.set(key, new)
        # Innermost first: a dead image inside a dead link leaves the link's content intact.
        for parent, element in reversed(dropped):
            _unwrap(parent, element)
        stash = self.md.htmlStash.rawHtmlBlocks
        for i, block in enumerate(stash):
            if isinstance(block, str) and "=" in block:
                stash[i] = _RAW_TAG_RE.sub(self._raw_tag, block)

    def _resolve(self, url: str, from_dir: str, *, kind: str) -> tuple[str | None, bool]:
        """Return `(docs path or None, as_written)` for a local URL, reporting dead ends."""
        state = self.state
        if "\\" in url:
            state.note_backslashes(url)
        media_dir = state.media_dir if kind != "link" else None
        target, as_written = resolve_link(url, from_dir, state.index, media_dir=media_dir)
        if target is None:
            state.warn_unresolved(url, kind=kind)
        return target, as_written

    def _docs_relative(self, url: str, from_dir: str, *, kind: str) -> str | None:
        """Return a docs-relative path for MkDocs to validate, `_DROP`, or `_KEEP`."""
        if _is_liquid(url):
            # The Liquid step reported it with its line; a link made of it leads nowhere.
            return _DROP
        if not is_local_url(url):
            return _KEEP
        target, as_written = self._resolve(url, from_dir, kind=kind)
        if target is None:
            return _DROP
        if as_written:
            return _KEEP
        self.state.rewritten += 1
        return posixpath.relpath(target, from_dir or ".") + _suffix(url)

    def _raw_tag(self, match: re.Match[str]) -> str:
        tag = match.group(0)
        name = match.group("tag").lower()
        wanted = _URL_ATTRS[name]
        full = False
        gone = False

        def attr(found: re.Match[str]) -> str:
            nonlocal full, gone
            key = found.group("name").lower()
            if key not in wanted:
                return found.group(0)
            raw = next(v for v in found.group("dq", "sq", "bare") if v is not None)
            url = html.unescape(raw)
            if name == "img" and key == "src":
                url, full = split_full_marker(url)
            kind = "link" if key == "href" else "image" if name == "img" else "media"
            if key == "srcset":
                new = self._final_srcset(url, kind=kind)
            else:
                new = self._final_url(url, kind=kind)
            if new == _DROP:
                gone = gone or name in _VOID_WITHOUT_FILE
                return ""
            if new is None:
                if not full:
                    return found.group(0)
                new = url
            return f'{found.group("pre")}"{html.escape(new)}"'

        new_tag = _RAW_ATTR_RE.sub(attr, tag)
        if gone:
            return _alt_text(tag) if name == "img" else ""
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

    def _final_url(self, url: str, *, kind: str) -> str | None:
        """Return the final URL of a raw-HTML link of the current post, `_DROP` or `_KEEP`."""
        state = self.state
        if _is_liquid(url):
            return _DROP
        if not is_local_url(url):
            return _KEEP
        from_dir = posixpath.dirname(state.src_uri or "")
        target, _ = self._resolve(url, from_dir, kind=kind)
        target_url = state.urls.get(target) if target is not None else None
        if target_url is None:
            return _DROP
        new = get_relative_url(target_url, state.page_url)
        if target_url.endswith("/") and not new.endswith("/"):
            new += "/"
        new += _suffix(url)
        if new == url:
            return _KEEP
        state.rewritten += 1
        return new

    def _final_srcset(self, value: str, *, kind: str) -> str | None:
        """Rewrite each candidate of a `srcset`; drop those that lead nowhere."""
        out: list[str] = []
        changed = False
        for candidate in value.split(","):
            parts = candidate.split()
            if not parts:
                continue
            new = self._final_url(parts[0], kind=kind)
            if new == _DROP:
                changed = True
                continue
            if new is not None:
                parts[0], changed = new, True
            out.append(" ".join(parts))
        if not out:
            return _DROP
        return ", ".join(out) if changed else _KEEP


def _unwrap(parent: Element, element: Element) -> None:
    """Replace a dead link by its content, or an image by its alt text, in place."""
    index = list(parent).index(element)
    if element.tag == "img":
        lead, children = element.get("alt") or "", []
    else:
        lead, children = element.text or "", list(element)
    tail = element.tail or ""
    parent.remove(element)
    _append_text(parent, index, lead)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    if children:
        children[-1].tail = (children[-1].tail or "") + tail
    else:
        _append_text(parent, index, tail)


def _append_text(parent: Element, index: int, text: str) -> None:
    """Add `text` where the child at `index` of `parent` starts."""
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text


def _alt_text(tag: str) -> str:
    found = _ALT_ATTR_RE.search(tag)
    if found is None:
        return ""
    raw = next(v for v in found.group("dq", "sq", "bare") if v is not None)
    return html.escape(html.unescape(raw), quote=False)


def _is_liquid(url: str) -> bool:
    """Liquid left in a link was already reported, with its line, by the Liquid step."""
    return "{%" in url or "{{" in url or "%7B%" in url.upper()


def _suffix(url: str) -> str:
    parts = urlsplit(url.replace("\\", "/"))
    return (f"?{parts.query}" if parts.query else "") + (
        f"#{parts.fragment}" if parts.fragment else ""
    )


class JekyllLinksExtension(Extension):
    """Rewrite site-root links of the post being rendered, read its kramdown, render its math.

    One instance is appended to `markdown_extensions` per build; MkDocs creates a new
    `Markdown` for every page, which calls `extendMarkdown` with the current page known.
    """

    def __init__(
        self, state: LinkState, *, math_available: bool = True, name: str = "blogpost_links"
    ):
        super().__init__()
        self.state = state
        self.math_available = math_available
        # Each blog of a site has its own rewriter: a shared name would replace the others.
        self.name = name

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the link processor, kramdown syntax for posts, and math if asked."""
        md.treeprocessors.register(_LinksTreeprocessor(md, self.state), self.name, 1)
        if self.state.src_uri is not None:
            from .kramdown import extend_for_post

            extend_for_post(md, self.state)
        if self.state.src_uri is not None and self.state.math and self.math_available:
            from pymdownx.arithmatex import ArithmatexExtension

            ArithmatexExtension(generic=True).extendMarkdown(md)
