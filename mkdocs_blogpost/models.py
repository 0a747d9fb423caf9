"""Plain data the plugin passes between its steps. No I/O here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["Cover", "Post", "PostStatus"]

#: "skipped": a file Jekyll would not publish (no date in its name or front matter).
#: "unreadable": its front matter cannot be read, so whether it may be published is unknown.
PostStatus = Literal["published", "draft", "future", "undated", "unreadable", "skipped"]


@dataclass(frozen=True)
class Cover:
    """A post's cover image.

    Attributes:
        src_uri: Path of the image in the docs tree, when it is a local file.
        url: The URL as written, when it points outside the site.
        alt: Alternative text for readers who cannot see it.
    """

    src_uri: str | None = None
    url: str | None = None
    alt: str = ""


@dataclass(eq=False)
class Post:
    """One blog post, read from its file and normalised.

    The rendered parts (`html`, `words`, `minutes`) are filled in when MkDocs renders
    the post, and reused by every listing and feed: Markdown is converted once.
    """

    src_uri: str
    slug: str
    title: str
    date: dt.datetime | None
    body: str
    body_line: int = 1
    name: str = ""
    """The post's name as Jekyll read it (front-matter `slug`, else the file name without
    its date and extension), for its old Jekyll URL."""
    updated: dt.datetime | None = None
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    description: str | None = None
    excerpt: str | None = None
    cover: Cover | None = None
    read_time: bool = True
    show_date: bool = True
    status: PostStatus = "published"
    pin: bool = False
    problem: str | None = None
    """Why the front matter could not be read (status `unreadable`), for the preview notice."""
    meta: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    dest_uri: str = ""
    url: str = ""
    key: str = ""
    """The language-neutral docs path, which all translations of the post share; the
    docs path itself in a site of one language."""
    language: str | None = None
    """The post's language (`lang:`, or the one mkdocs-static-i18n gave its file);
    `None` when it is the blog's."""
    fallback: bool = False
    """Shown in a build of another language, which has no translation of it."""
    translations: dict[str, str] = field(default_factory=dict)
    """Site path of each language's version of the post, this one included, when it has
    been translated."""
    # Filled in while rendering.
    html: str | None = None
    """The rendered post. Kept only while feeds may still need it (see `summary`)."""
    summary: str | None = None
    """The excerpt HTML, cut once from `html`: what listings and head tags reuse."""
    words: int = 0
    cjk_characters: int = 0
    minutes: int = 0

    def line_of(self, key: str) -> int | None:
        """Return the file line of front-matter `key`, when known."""
        return self.lines.get(key)
