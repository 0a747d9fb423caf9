"""Find and add tags in a page's `<head>`, whatever theme or minifier wrote it.

Pages reach us as other tools left them: `mkdocs-minify-plugin` drops the quotes around
attribute values (`<link href=https://x/ rel=canonical>`), themes order attributes as
they like, and scripts in the head may hold text that looks like tags. So tags are found
by reading the markup as a browser tokenizes it: attribute names are case-insensitive,
values quoted with `"`, `'` or not at all, and the text of `<script>`, `<style>`,
`<title>` and comments is skipped.
"""

from __future__ import annotations

import html
import re

__all__ = [
    "HeadTag",
    "PageHead",
    "find_link",
    "find_meta",
    "head_end",
    "head_tags",
    "inject_head",
    "meta_tag",
]


def _any_case(*words: str) -> str:
    """Return a pattern for `words` in any letter case (`[mM][eE]...`).

    Spelled out rather than with `re.IGNORECASE`, which halves the scanner's speed:
    it runs on every page a blog writes.
    """
    return "|".join("".join(f"[{c.lower()}{c.upper()}]" for c in word) for word in words)


_RAW = _any_case("script", "style", "title", "noscript", "template", "textarea")
# One pass over the head finds, in order: comments, elements whose content is text (their
# start tag kept, their text skipped), the tags we report, and the end of the head. A
# start tag ends at the first `>` outside a quoted value. Each repeat is written as runs
# of characters that cannot end it (`[^<]*`, `[^-]*`) between the ones that might, not
# as a lazy `.*?`: the regex engine then skips a script's text in one step, not one
# character at a time, and a tag without its end fails in one pass.
_HEAD_RE = re.compile(
    rf"""
    < (?:
        !--[^-]*(?:-(?!->)[^-]*)*-->
      | (?P<raw>{_RAW})(?=[\s/>])
        [^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*(?P<raw_end>>)
        [^<]*(?:<(?!/(?:{_RAW})\s*>)[^<]*)* </(?:{_RAW})\s*>
      | (?P<name>{_any_case("meta", "link")})(?=[\s/>])
        [^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>
      | (?P<end>/{_any_case("head")}\s*>|{_any_case("body")}(?=[\s/>]))
    )
    """,
    re.VERBOSE,
)
# One attribute: a name, then optionally `=` and a value in double, single or no quotes.
_ATTR_RE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""", re.DOTALL)


class HeadTag:
    """A start tag in the head.

    Attributes:
        name: The element's name, lower case (`meta`, `link`, `script`).
        start: Offset of its `<` in the page.
        end: Offset just after its `>`.
        source: The tag as written, from `<` to `>`.
    """

    __slots__ = ("_attrs", "end", "name", "source", "start")

    def __init__(self, name: str, source: str, start: int) -> None:
        self.name = name
        self.source = source
        self.start = start
        self.end = start + len(source)
        self._attrs: dict[str, str] | None = None

    @property
    def attrs(self) -> dict[str, str]:
        """Attributes by lower-case name, values with character references decoded.

        An attribute written without a value has `""`. Read on first use: a page's
        head has dozens of tags, and a lookup needs two or three of them.
        """
        if self._attrs is None:
            self._attrs = _attributes(self.source[len(self.name) + 1 : -1])
        return self._attrs

    def __repr__(self) -> str:
        return f"HeadTag({self.source!r} at {self.start})"


def _scan(output: str) -> tuple[list[HeadTag], int | None]:
    """Return the `meta`, `link` and `script` tags of the head, and where the head ends.

    The head ends at `</head>` or, on pages a minifier wrote without it, at `<body>`.
    """
    tags: list[HeadTag] = []
    for match in _HEAD_RE.finditer(output):
        # The last group a match closed tells which alternative it was: one attribute
        # read per tag, where the scan spends its time.
        kind = match.lastgroup
        if kind == "name":
            source = match.group(0)
            tags.append(HeadTag(source[1:5].lower(), source, match.start()))
        elif kind == "raw_end":
            if match.group("raw").lower() == "script":
                start = match.start()
                tags.append(HeadTag("script", output[start : match.end("raw_end")], start))
        elif kind == "end":
            return tags, match.start()
    return tags, None


def _attributes(text: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for match in _ATTR_RE.finditer(text):
        name = match.group(1).lower()
        if name in attrs:  # the first of a repeated attribute counts, as in browsers
            continue
        value = next((v for v in match.groups()[1:] if v is not None), "")
        attrs[name] = html.unescape(value)
    return attrs


def head_tags(output: str) -> list[HeadTag]:
    """Return the `<meta>`, `<link>` and `<script>` start tags in the page's head."""
    return _scan(output)[0]


def head_end(output: str) -> int | None:
    """Return where the head ends (its `</head>`, else the `<body>`); `None` if nowhere."""
    at = output.find("</head>")
    if at >= 0 and _outside_markup(output[:at].lower()):
        return at
    return _scan(output)[1]


#: What opens text in which `</head>` would not end the head, and what closes it.
_OPENERS = (
    ("<!--", "-->"),
    ("<script", "</script"),
    ("<style", "</style"),
    ("<title", "</title"),
    ("<noscript", "</noscript"),
    ("<template", "</template"),
    ("<textarea", "</textarea"),
)


def _outside_markup(before: str) -> bool:
    """Tell, without a full scan, that the end of `before` is outside any tag or raw text.

    `before` is lower case. True only when sure: the last `<script` (and so on) was
    closed, and the last `<` began a tag that ended. Anything else (a script that
    writes `</head>`, an attribute holding it) is left to the scanner.
    """
    if before.rfind("<") > before.rfind(">"):
        return False
    for opener, closer in _OPENERS:
        last = before.rfind(opener)
        if last >= 0 and before.find(closer, last) < 0:
            return False
    return True


def find_meta(tags: list[HeadTag], key: str) -> HeadTag | None:
    """Return the first `<meta>` whose `name` or `property` is `key` (any case).

    OpenGraph asks for `property`, Twitter cards for `name`; tools write either.
    """
    key = key.lower()
    for tag in tags:
        # The text test first: most tags are not the one asked for, and need no parsing.
        if tag.name != "meta" or key not in tag.source.lower():
            continue
        attrs = tag.attrs
        if key in (attrs.get("name", "").lower(), attrs.get("property", "").lower()):
            return tag
    return None


def find_link(tags: list[HeadTag], rel: str) -> list[HeadTag]:
    """Return the `<link>` tags whose `rel` has the keyword `rel` (any case)."""
    rel = rel.lower()
    return [
        t
        for t in tags
        if t.name == "link"
        and rel in t.source.lower()
        and rel in t.attrs.get("rel", "").lower().split()
    ]


def meta_tag(name: str, content: str, *, attribute: str = "name") -> str:
    """Return `<meta name="..." content="...">` with both values escaped."""
    return f'<meta {attribute}="{html.escape(name)}" content="{html.escape(content)}">'


def inject_head(output: str, tags: list[str]) -> str:
    """Insert `tags` just before the head ends; pages without a head are returned as they are."""
    head = PageHead(output)
    head.add(tags)
    return head.text()


class PageHead:
    """A built page's head, read once, and the changes to write into it.

    A blog page gets several changes: its description, its canonical link, its
    `og:type`, the tags the theme did not write. Each is a lookup in the head and an
    edit of the page; made one after the other, they would scan the head and copy the
    page each time. Here the head is scanned once, lookups see it as it was written,
    and `text()` writes every change in one copy.
    """

    __slots__ = ("_added", "_edits", "_end", "_lower", "_tags", "output")

    def __init__(self, output: str) -> None:
        self.output = output
        self._end: int | None = -1  # -1: not looked for yet
        self._lower: str | None = None
        self._tags: list[HeadTag] | None = None
        self._edits: list[tuple[int, int, str]] = []
        self._added: list[str] = []

    @property
    def end(self) -> int | None:
        """Where the head ends (its `</head>`, else the `<body>`); `None` if nowhere."""
        if self._end == -1:
            self._end = head_end(self.output)
        return self._end

    @property
    def tags(self) -> list[HeadTag]:
        """The `<meta>`, `<link>` and `<script>` start tags of the head, as written."""
        if self._tags is None:
            self._tags = head_tags(self.output)
        return self._tags

    def mentions(self, *words: str) -> bool:
        """Tell whether any of `words` (lower case) may appear in the head, in any case.

        A cheap test before a scan, never wrong when it says no: a page whose head never
        says `canonical` has no canonical link. Where the head's end is not certain
        without a scan, the whole text is searched.
        """
        if self._lower is None:
            output = self.output
            at = output.find("</head>")
            region = output[:at].lower() if at >= 0 else output.lower()
            if at >= 0 and not _outside_markup(region):
                region = output.lower()
            self._lower = region
        return any(word in self._lower for word in words)

    def tags_naming(self, *words: str) -> list[HeadTag]:
        """Return the head's tags, or none without a scan when it names none of `words`."""
        return self.tags if self.mentions(*words) else []

    def has_meta_description(self) -> bool:
        """Tell whether the theme already wrote a meta description."""
        return find_meta(self.tags_naming("description"), "description") is not None

    def replace(self, tag: HeadTag, text: str) -> None:
        """Write `text` where `tag` is."""
        self._edits.append((tag.start, tag.end, text))

    def remove(self, tag: HeadTag) -> None:
        """Remove `tag` with its line: its indent before it, its line break after it."""
        output = self.output
        start = tag.start
        while start > 0 and output[start - 1] in " \t":
            start -= 1
        end = tag.end
        while end < len(output) and output[end] in " \t":
            end += 1
        if end < len(output) and output[end] == "\n":
            end += 1
        self._edits.append((start, end, ""))

    def add(self, tags: list[str]) -> None:
        """Add `tags` at the end of the head, after those added before."""
        self._added += tags

    def text(self) -> str:
        """Return the page with every change written; the page itself when there is none."""
        output = self.output
        edits = list(self._edits)
        if self._added and self.end is not None:
            block = "\n    ".join(self._added)
            edits.append((self.end, self.end, f"    {block}\n  "))
        if not edits:
            return output
        parts: list[str] = []
        pos = 0
        # Sorted by where they start; two removals may share the spaces between tags.
        for start, end, text in sorted(edits, key=lambda edit: (edit[0], edit[1])):
            start = max(start, pos)
            parts.append(output[pos:start])
            parts.append(text)
            pos = max(end, pos)
        parts.append(output[pos:])
        return "".join(parts)
