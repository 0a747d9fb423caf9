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
    "find_link",
    "find_meta",
    "has_meta_description",
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
# start tag ends at the first `>` outside a quoted value, written as runs of plain text
# between quoted values: a tag without its `>` then fails in one pass, not by trying
# every way to split the runs.
_HEAD_RE = re.compile(
    rf"""
    < (?:
        !--.*?-->
      | (?P<raw>{_RAW})(?=[\s/>])
        [^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*(?P<raw_end>>) .*? </(?:{_RAW})\s*>
      | (?P<name>{_any_case("meta", "link")})(?=[\s/>])
        [^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>
      | (?P<end>/{_any_case("head")}\s*>|{_any_case("body")}(?=[\s/>]))
    )
    """,
    re.DOTALL | re.VERBOSE,
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
        if match.group("end") is not None:
            return tags, match.start()
        name = match.group("name")
        if name is not None:
            tags.append(HeadTag(name.lower(), match.group(0), match.start()))
        elif match.group("raw") is not None and match.group("raw").lower() == "script":
            start = match.start()
            tags.append(HeadTag("script", output[start : match.end("raw_end")], start))
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
    return _scan(output)[1]


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


def has_meta_description(head: str) -> bool:
    """Tell whether the theme already wrote a meta description."""
    return find_meta(head_tags(head), "description") is not None


def inject_head(output: str, tags: list[str]) -> str:
    """Insert `tags` just before the head ends; pages without a head are returned as they are."""
    if not tags:
        return output
    at = head_end(output)
    if at is None:
        return output
    block = "\n    ".join(tags)
    return f"{output[:at]}    {block}\n  {output[at:]}"
