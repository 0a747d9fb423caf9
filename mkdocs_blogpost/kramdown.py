"""kramdown syntax in posts: Jekyll's default Markdown, rendered with Python-Markdown's own parts.

Most of kramdown maps onto extensions that ship with Python-Markdown (footnotes, attribute
lists, definition lists, abbreviations, tables, Markdown in HTML, the table of contents). A
docs site rarely configures them, and turning them on site-wide would change how its other
pages render, so they are added to the `Markdown` of a post only, and only when the site has
not configured them itself (its own settings then apply to posts too).

What Python-Markdown does not know is rewritten before parsing, line for line so that line
numbers stay those of the file:

- a block attribute list (`{: .x}` on its own line) becomes a marker that a tree processor
  moves onto the block kramdown gave it to: the paragraph, list, table, quote or definition
  list just before it, or the block after it when a blank line comes first;
- attribute list definitions (`{:name: .x}`) are dropped and their names resolved in later
  lists;
- `* TOC` followed by `{:toc}` becomes the table-of-contents marker;
- `{::comment}` and `{::options}` are dropped, `{::nomarkdown}` content is kept as raw HTML.

Code (fenced, indented, inline) is an example of the syntax, not a use of it, and is kept.
Whatever cannot be rendered is dropped with a warning naming the file and line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from markdown.extensions.attr_list import AttrListTreeprocessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

if TYPE_CHECKING:
    from collections.abc import Callable
    from xml.etree.ElementTree import Element

    from markdown import Markdown

    from .jekyll_links import LinkState

__all__ = ["BlockIal", "KramdownSource", "convert_kramdown", "extend_for_post"]

# The text of STX/ETX cannot come from a post: Markdown strips both before our preprocessor.
_IAL_TOKEN = "\x02bpial:{}\x03"
_RAW_TOKEN = "\x02bpraw:{}\x03"
_IAL_TOKEN_RE = re.compile(r"[ \t]*\n?[ \t]*\x02bpial:(\d+)\x03[ \t]*")
_BARE_IAL_TOKEN_RE = re.compile(r"\x02bpial:(\d+)\x03")
_RAW_TOKEN_RE = re.compile(r"\x02bpraw:(\d+)\x03")

# A backtick fence's info string has no backtick: "``` x ```" is inline code, not a fence.
_FENCE_RE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}(?=[^`]*$)|~{3,})(?P<info>.*)$")
_BLOCK_IAL_RE = re.compile(r"^ {0,3}\{:(?![:/])(?P<attrs>[^{}\n]*)\}[ \t]*$")
_ALD_RE = re.compile(r"^ {0,3}\{:(?P<name>[A-Za-z][\w-]*):(?P<attrs>[^{}\n]*)\}[ \t]*$")
_EXT_LINE_RE = re.compile(r"^ {0,3}\{::(?P<name>\w+)\b(?P<args>[^{}\n]*?)(?P<close>/)?\}[ \t]*$")
_EXT_END_RE = re.compile(r"\{:/(?P<name>\w*)\}")
_INLINE_EXT_RE = re.compile(
    r"\{::(?P<name>\w+)\b[^{}\n]*?/\}"
    r"|\{::(?P<open>\w+)\b[^{}\n]*\}(?P<body>.*?)\{:/(?P=open)?\}"
)
_LIST_ITEM_RE = re.compile(r"^ {0,3}(?:[*+-]|\d+[.)])[ \t]+\S")
_QUOTE_RE = re.compile(r"^ {0,3}>")
_TABLE_SEP_RE = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_DEF_RE = re.compile(r"^ {0,3}:[ \t]+\S")
_SPAN_IAL_RE = re.compile(r"\{:(?![:/])([^{}\n]*)\}")
_BARE_WORD_RE = re.compile(r"^[A-Za-z][\w-]*$")
_CODE_SPAN_RE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
_STASH_ONLY_RE = re.compile(r"^\s*\x02wzxhzdk:\d+\x03\s*$")

#: kramdown attribute lists left in text after attr_list ran: they had nothing to attach to.
_ATTR_WORD = r"""(?:[.#][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}]+)|[A-Za-z][\w-]*)"""
_LEFTOVER_RE = re.compile(
    rf"[ \t]*(?:\{{:[ \t]*(?:toc|(?:{_ATTR_WORD}[ \t]*)+)[ \t]*\}}|\{{::?/?\w*[^{{}}\n]*\}})"
)
_LEFTOVER_KEEP_RE = re.compile(r"[.#=]|^\{:[ \t]*toc|^\{::|^\{:/")

#: Extensions a kramdown post needs, with a processor name each registers, to find one the
#: site configured itself (maybe through `extra` or `pymdownx.extra`, or under another name).
_NEEDED: tuple[tuple[str, str, Callable[[str], bool]], ...] = (
    # (module, the processor that shows the site loads it, whether a post can need it):
    # an extension a post's text cannot trigger is not loaded for it, as every post of
    # a large site pays for each one loaded.
    ("markdown.extensions.footnotes", "footnote", lambda text: "[^" in text),
    ("markdown.extensions.attr_list", "attr_list", lambda text: "{:" in text),
    (
        "markdown.extensions.def_list",
        "deflist",
        lambda text: re.search(r"^ {0,3}:[ \t]", text, re.MULTILINE) is not None,
    ),
    ("markdown.extensions.abbr", "abbr", lambda text: "*[" in text),
    ("markdown.extensions.tables", "table", lambda text: "|" in text),
    ("markdown.extensions.md_in_html", "markdown_block", lambda text: "markdown=" in text),
    ("markdown.extensions.toc", "toc", lambda text: True),
)


@dataclass
class BlockIal:
    """A block attribute list of a post, waiting for its block.

    Attributes:
        attrs: The list's content, definitions it names resolved.
        line: Its line in the body, from 0.
        kind: Which block it follows: `para`, `list`, `quote`, `table`, `deflist`, or
            `next` when a blank line comes first and it belongs to the block after it.
        written: The line as written, to put back where Markdown is not parsed.
    """

    attrs: str
    line: int
    kind: str
    written: str = field(default="", compare=False)


@dataclass
class KramdownSource:
    """A post body rewritten for Python-Markdown, and what was set aside.

    Attributes:
        lines: The body, one entry per line of the input.
        ials: Block attribute lists, by the number in their marker.
        raw: `{::nomarkdown}` content, by the number in its marker.
        problems: Body line (from 0) and message of each thing dropped.
    """

    lines: list[str]
    ials: list[BlockIal] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)


def convert_kramdown(lines: list[str], toc_marker: str = "[TOC]") -> KramdownSource:
    """Rewrite kramdown-only block syntax of a post body, keeping one line per input line.

    Args:
        lines: The body's lines.
        toc_marker: What `{:toc}` becomes; empty to drop it.

    Returns:
        The rewritten lines and what the markers in them stand for.
    """
    return _Converter(list(lines), toc_marker).run()


class _Converter:
    def __init__(self, lines: list[str], toc_marker: str):
        self.out = KramdownSource(lines)
        self.lines = lines
        self.toc_marker = toc_marker
        self.alds: dict[str, str] = {}

    def run(self) -> KramdownSource:
        lines = self.lines
        code, closes = _code_lines(lines)
        # kramdown reads definitions wherever they stand, also below the lists naming them.
        for i, line in enumerate(lines):
            ald = _ALD_RE.match(line) if i not in code else None
            if ald:
                self.alds[ald.group("name")] = ald.group("attrs")
        i = 0
        while i < len(lines):
            if i in code:
                i += 1
                continue
            i = self._line(i, i - 1 in closes)
        return self.out

    def _line(self, i: int, under_fence: bool) -> int:
        """Handle line `i`; return the next line to look at."""
        line = self.lines[i]
        ext = _EXT_LINE_RE.match(line)
        if ext:
            return self._extension(i, ext)
        if _ALD_RE.match(line):
            self.lines[i] = ""
            return i + 1
        ial = _BLOCK_IAL_RE.match(line)
        if ial:
            self._block_ial(i, ial.group("attrs"), under_fence)
            return i + 1
        if "{::" in line:
            line = self.lines[i] = self._inline_extensions(line, i)
        if "{:" in line and self.alds:
            self.lines[i] = _outside_code(line, self._inline_references)
        return i + 1

    def _inline_references(self, part: str) -> str:
        """Resolve definition names in `{: name}` after inline elements; others stay."""

        def resolve(found: re.Match[str]) -> str:
            words = [
                self._expand(word, set()) if word in self.alds else word
                for word in _split_attrs(found.group(1))
            ]
            return "{: " + " ".join(words) + "}"

        return _SPAN_IAL_RE.sub(resolve, part)

    def _extension(self, i: int, ext: re.Match[str]) -> int:
        name = ext.group("name")
        lines = self.lines
        lines[i] = ""
        if ext.group("close") or name == "options":
            if name not in ("options", "comment", "nomarkdown"):
                self._problem(i, f"the kramdown extension '{{::{name}}}' is not supported; "
                              "it was dropped. Remove it from the post")
            return i + 1
        end = next(
            (j for j in range(i + 1, len(lines)) if _EXT_END_RE.search(lines[j])), None
        )
        if end is None:
            self._problem(i, f"'{{::{name}}}' is never closed with '{{:/{name}}}'; the opening "
                          "tag was dropped and the text after it kept. Close it")
            return i + 1
        before_end = lines[end][: _EXT_END_RE.search(lines[end]).start()]  # type: ignore[union-attr]
        body = [*lines[i + 1 : end], *([before_end] if before_end.strip() else [])]
        if name == "comment":
            lines[i + 1 : end + 1] = [""] * (end - i)
        elif name == "nomarkdown":
            lines[i + 1 : end + 1] = [""] * (end - i)
            if any(part.strip() for part in body):
                self.out.raw.append("\n".join(body))
                lines[i] = _RAW_TOKEN.format(len(self.out.raw) - 1)
        else:
            self._problem(i, f"the kramdown extension '{{::{name}}}' is not supported; its "
                          "tags were dropped and the text between them kept. Remove the tags")
            lines[end] = _EXT_END_RE.sub("", lines[end], count=1)
        return end + 1

    def _inline_extensions(self, line: str, i: int) -> str:
        def replace(found: re.Match[str]) -> str:
            name = found.group("name") or found.group("open")
            if name == "nomarkdown" and found.group("open"):
                self.out.raw.append(found.group("body"))
                return _RAW_TOKEN.format(len(self.out.raw) - 1)
            if name in ("comment", "options"):
                return ""
            self._problem(i, f"the kramdown extension '{{::{name}}}' is not supported; it was "
                          "dropped. Remove it from the post")
            return found.group("body") or ""

        return _outside_code(line, lambda part: _INLINE_EXT_RE.sub(replace, part))

    def _block_ial(self, i: int, attrs: str, under_fence: bool) -> None:
        lines = self.lines
        written = lines[i]
        lines[i] = ""
        words = attrs.split()
        if "toc" in words:
            self._toc(i)
            return
        resolved = self._resolve(attrs, i)
        if not resolved.strip():
            return
        if under_fence:
            self._code_ial(i, resolved)
            return
        kind = self._kind(i)
        self.out.ials.append(BlockIal(resolved, i, kind, written))
        # Above its block, the marker takes the blank line before it: on its own line it
        # would make the first line of a list or table under it plain text.
        at = i - 1 if kind == "next" and i > 0 else i
        lines[at] = _IAL_TOKEN.format(len(self.out.ials) - 1)

    def _kind(self, i: int) -> str:
        """Which block line `i` (a block attribute list) follows, as kramdown reads it."""
        lines = self.lines
        if i == 0 or not lines[i - 1].strip():
            return "next"
        start = i - 1
        while start > 0 and lines[start - 1].strip():
            start -= 1
        block = lines[start:i]
        if _QUOTE_RE.match(lines[i - 1]):
            return "quote"
        if len(block) >= 2 and _TABLE_SEP_RE.match(block[1]) and "|" in block[0] + block[1]:
            return "table"
        if _LIST_ITEM_RE.match(block[0]) or _LIST_ITEM_RE.match(lines[i - 1]):
            return "list"
        if any(_DEF_RE.match(text) for text in block):
            return "deflist"
        return "para"

    def _toc(self, i: int) -> None:
        """`* TOC` + `{:toc}`: kramdown's generated table of contents, at that place."""
        lines = self.lines
        if i == 0 or not _LIST_ITEM_RE.match(lines[i - 1]):
            self._problem(i, "'{:toc}' follows no list item like '* TOC'; it was dropped. "
                          "Put '* TOC' on the line above it")
            return
        lines[i - 1] = ""
        if not self.toc_marker:
            return
        # The marker must be a paragraph of its own: put it on whichever line has a blank
        # line before it.
        if i - 1 == 0 or not lines[i - 2].strip():
            lines[i - 1] = self.toc_marker
        else:
            lines[i] = self.toc_marker

    def _code_ial(self, i: int, attrs: str) -> None:
        """Move `{: .x}` under a fenced block onto its opening line, where fences take it."""
        lines = self.lines
        j = i - 2
        while j >= 0 and not _FENCE_RE.match(lines[j]):
            j -= 1
        opening = _FENCE_RE.match(lines[j]) if j >= 0 else None
        if opening is None or "{" in opening.group("info"):
            self._problem(i, f"the attribute list '{{:{attrs}}}' under this code block was "
                          "dropped; write it on the opening fence, as in ```{ .lang .class }")
            return
        info = opening.group("info").split()
        # Fences read the first class as the language: a block without one stays plain text.
        lang = f".{info[0]} " if info else ".text "
        lines[j] = f"{opening.group('indent')}{opening.group('fence')}{{ {lang}{attrs.strip()} }}"

    def _resolve(self, attrs: str, i: int) -> str:
        """Replace names of attribute list definitions with their content."""
        parts: list[str] = []
        for word in _split_attrs(attrs):
            if _BARE_WORD_RE.match(word):
                if word in self.alds:
                    parts.append(self._expand(word, set()))
                else:
                    self._problem(i, f"'{word}' in the attribute list '{{:{attrs}}}' names no "
                                  f"definition like '{{:{word}: .class}}' above it; it was "
                                  "dropped. Define it or remove it")
                continue
            parts.append(word)
        return " ".join(parts)

    def _expand(self, name: str, seen: set[str]) -> str:
        """Return the attributes a definition stands for, the definitions it names expanded."""
        seen.add(name)
        return " ".join(
            self._expand(word, seen) if word in self.alds and word not in seen else word
            for word in _split_attrs(self.alds[name])
            if not (_BARE_WORD_RE.match(word) and word in seen)
        )

    def _problem(self, i: int, message: str) -> None:
        self.out.problems.append((i, message))


def _split_attrs(attrs: str) -> list[str]:
    """Words of an attribute list; quoted values stay in their word."""
    return re.findall(r"""(?:[^\s"']+|"[^"]*"|'[^']*')+""", attrs)


def _code_lines(lines: list[str]) -> tuple[set[int], set[int]]:
    """Lines of code (kramdown syntax there is an example), and lines that close a fence."""
    code: set[int] = set()
    closes: set[int] = set()
    fence = ""
    for i, line in enumerate(lines):
        if fence:
            code.add(i)
            text = line.strip()
            if text.startswith(fence) and not text.strip(fence[0]):
                closes.add(i)
                fence = ""
            continue
        found = _FENCE_RE.match(line)
        if found:
            fence = found.group("fence")
            code.add(i)
        elif line.startswith(("    ", "\t")):
            code.add(i)
    return code, closes


def _outside_code(line: str, change: Callable[[str], str]) -> str:
    """Apply `change` to the parts of `line` that are not inline code."""
    out: list[str] = []
    pos = 0
    for span in _CODE_SPAN_RE.finditer(line):
        out.append(change(line[pos : span.start()]))
        out.append(span.group(0))
        pos = span.end()
    out.append(change(line[pos:]))
    return "".join(out)


class _KramdownPreprocessor(Preprocessor):
    """Rewrite the post's kramdown-only syntax; runs after whitespace is normalised (30)."""

    def __init__(self, md: Markdown, state: LinkState, page: KramdownSource):
        super().__init__(md)
        self.state = state
        self.page = page

    def run(self, lines: list[str]) -> list[str]:
        # A site whose toc extension has no marker gets no inline table of contents.
        marker = ""
        if "toc" in self.md.treeprocessors:
            marker = str(getattr(self.md.treeprocessors["toc"], "marker", "") or "")
        result = convert_kramdown(lines, marker)
        self.page.ials = result.ials
        for line, message in result.problems:
            self.state.warn_at(line, message)
        stash = self.md.htmlStash
        placeholders = [stash.store(raw) for raw in result.raw]
        return [
            _RAW_TOKEN_RE.sub(lambda m: placeholders[int(m.group(1))], text)
            if "\x02bpraw:" in text
            else text
            for text in result.lines
        ]


class _BlockIalTreeprocessor(Treeprocessor):
    """Move each block attribute list onto its block; runs before inline parsing (20)."""

    def __init__(self, md: Markdown, state: LinkState, page: KramdownSource):
        super().__init__(md)
        self.state = state
        self.page = page

    def run(self, root: Element) -> None:
        if not self.page.ials:
            return
        parents = {child: parent for parent in root.iter() for child in parent}
        found = [
            (element, int(match.group(1)))
            for element in list(root.iter())
            for match in _IAL_TOKEN_RE.finditer(element.text or "")
        ]
        assigner = AttrListTreeprocessor(self.md)
        for element, number in found:
            ial = self.page.ials[number]
            text = element.text or ""
            leading = text.lstrip().startswith(_IAL_TOKEN.format(number))
            text = _IAL_TOKEN_RE.sub(
                lambda m, n=number: "" if int(m.group(1)) == n else m.group(0),  # type: ignore[misc]
                text,
            )
            # A list written above its block leaves the line break it stood on.
            element.text = text.lstrip("\n") if leading else text
            target = self._target(element, ial, parents, leading=leading)
            if target is None or (target.tag == "p" and _STASH_ONLY_RE.match(target.text or "")):
                self.state.warn_at(
                    ial.line,
                    f"the attribute list '{{: {ial.attrs}}}' has no block to attach to (put it "
                    "on the line right under a paragraph, heading, list, table or image); "
                    "it was dropped",
                )
                continue
            assigner.assign_attrs(target, ial.attrs)

    @staticmethod
    def _target(
        element: Element, ial: BlockIal, parents: dict[Element, Element], *, leading: bool
    ) -> Element | None:
        parent = parents.get(element)
        if element.tag == "p" and not (element.text or "").strip() and len(element) == 0:
            # The list stood alone: it belongs to a neighbouring block, and goes.
            if parent is None:
                return None
            siblings = list(parent)
            index = siblings.index(element)
            parent.remove(element)
            if ial.kind == "next":
                return siblings[index + 1] if index + 1 < len(siblings) else None
            return siblings[index - 1] if index > 0 else None
        _drop_empty_row(element, parents)
        if ial.kind == "next":
            # Markdown read it into the block above (it was moved onto the blank line, so
            # that it does not turn a list below into text): the block below is the one.
            return element if leading else _next_block(element, parents)
        wanted = {"list": ("ul", "ol"), "quote": ("blockquote",), "table": ("table",),
                  "deflist": ("dl",)}.get(ial.kind)
        if wanted is None:
            return element
        node: Element | None = element
        while node is not None and node.tag not in wanted:
            node = parents.get(node)
        return node if node is not None else element


def _drop_empty_row(element: Element, parents: dict[Element, Element]) -> None:
    """Remove the table row a list under a table was read as, once it is empty."""
    node: Element | None = element
    while node is not None and node.tag != "tr":
        node = parents.get(node)
    if node is None or "".join(node.itertext()).strip():
        return
    body = parents.get(node)
    if body is not None:
        body.remove(node)


def _next_block(element: Element, parents: dict[Element, Element]) -> Element | None:
    """Return the block after the one `element` ends, however deep it is nested."""
    node: Element | None = element
    while node is not None:
        parent = parents.get(node)
        if parent is None:
            return None
        siblings = list(parent)
        index = siblings.index(node) if node in siblings else -1
        if 0 <= index < len(siblings) - 1:
            return siblings[index + 1]
        node = parent
    return None


class _RawIalPostprocessor(Postprocessor):
    """Put back lists that sat in raw HTML, where kramdown too left them as text; after 30."""

    def __init__(self, md: Markdown, page: KramdownSource):
        super().__init__(md)
        self.page = page

    def run(self, text: str) -> str:
        if "\x02bpial:" not in text:
            return text
        return _BARE_IAL_TOKEN_RE.sub(
            lambda m: html.escape(self.page.ials[int(m.group(1))].written, quote=False), text
        )


class _LeftoverTreeprocessor(Treeprocessor):
    """Drop kramdown attribute lists that attr_list (8) left in text; runs right after it."""

    def __init__(self, md: Markdown, state: LinkState):
        super().__init__(md)
        self.state = state

    def run(self, root: Element) -> None:
        self._walk(root)

    def _walk(self, element: Element) -> None:
        if element.tag in ("pre", "code", "script", "style", "kbd", "samp"):
            return
        element.text = self._clean(element.text)
        for child in element:
            self._walk(child)
            child.tail = self._clean(child.tail)

    def _clean(self, text: str | None) -> str | None:
        if not text or "{:" not in text:
            return text

        def drop(found: re.Match[str]) -> str:
            written = found.group(0).strip()
            if not _LEFTOVER_KEEP_RE.search(written):
                return found.group(0)
            self.state.warn_near(
                written,
                f"the kramdown attribute list '{written}' has nothing to attach to here (it "
                "must follow an image, a link or emphasis with no space, or sit on its own "
                "line under a block); it was dropped",
            )
            return ""

        return _LEFTOVER_RE.sub(drop, text)


class _NoTocTreeprocessor(Treeprocessor):
    """Leave headings of class `no_toc` out of the contents, as kramdown did; after toc (5)."""

    def run(self, root: Element) -> None:
        hidden = {
            element.get("id")
            for element in root.iter()
            if element.tag in _HEADINGS and "no_toc" in (element.get("class") or "").split()
        }
        hidden.discard(None)
        if not hidden or "toc" not in self.md.treeprocessors:
            return
        tokens = _without(getattr(self.md, "toc_tokens", []), hidden)
        self.md.toc_tokens = tokens
        toc = self.md.treeprocessors["toc"]
        toc_class = getattr(toc, "toc_class", "toc")
        for parent in root.iter():
            for index, child in enumerate(parent):
                if child.tag == "div" and child.get("class") == toc_class:
                    parent[index] = toc.build_toc_div(tokens)


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _without(tokens: list[dict[str, Any]], hidden: set[str | None]) -> list[dict[str, Any]]:
    """Drop the `hidden` headings from the contents; what was under one moves up a level."""
    kept: list[dict[str, Any]] = []
    for token in tokens:
        children = _without(token.get("children", []), hidden)
        if token.get("id") in hidden:
            kept.extend(children)
        else:
            kept.append({**token, "children": children})
    return kept


def extend_for_post(md: Markdown, state: LinkState) -> None:
    """Give the `Markdown` of one post what kramdown syntax needs, and nothing twice.

    Args:
        md: The `Markdown` MkDocs made for the post, with the site's extensions loaded.
        state: The post being rendered.
    """
    import importlib

    registries = (md.preprocessors, md.parser.blockprocessors, md.treeprocessors,
                  md.inlinePatterns, md.postprocessors)
    source = state.source
    for module, processor, needed in _NEEDED:
        # Looked for in every registry: the stage of some changed between Markdown versions.
        if not needed(source) or any(processor in registry for registry in registries):
            continue  # the site configured it: its settings win
        importlib.import_module(module).makeExtension().extendMarkdown(md)
    if "{:" not in source:
        return  # no attribute list, `{:toc}` or `{::extension}` to rewrite
    page = KramdownSource([])
    md.preprocessors.register(_KramdownPreprocessor(md, state, page), "blogpost_kramdown", 27)
    md.treeprocessors.register(_BlockIalTreeprocessor(md, state, page), "blogpost_ial", 25)
    md.treeprocessors.register(_LeftoverTreeprocessor(md, state), "blogpost_ial_left", 7.5)
    md.treeprocessors.register(_NoTocTreeprocessor(md), "blogpost_no_toc", 4)
    md.postprocessors.register(_RawIalPostprocessor(md, page), "blogpost_raw_ial", 1)
