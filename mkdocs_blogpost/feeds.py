"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents, built from plain `FeedEntry` data.

The builders are pure: the same entries give the same bytes, whatever the clock or the
machine's time zone says. Entries are made from the HTML MkDocs rendered once for each
post (`Post.html`); nothing here converts Markdown.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urljoin

from .config import DEFAULT_FEED_FILES
from .excerpts import absolutize_html, excerpt_html, strip_headerlinks

if TYPE_CHECKING:
    from .models import Post

__all__ = [
    "FEED_FORMATS",
    "FeedEntry",
    "FeedFormat",
    "FeedInfo",
    "absolute_url",
    "build_atom",
    "build_feed",
    "build_json_feed",
    "build_rss",
    "feed_updated",
    "make_entry",
    "plain_summary",
]

GENERATOR = "mkdocs-blogpost"
GENERATOR_URL = "https://pypi.org/project/mkdocs-blogpost/"

# XML 1.0 forbids most control characters even when escaped; a stray one in a post
# would make every feed reader reject the whole feed.
_XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPACE_RE = re.compile(r"\s+")
# Characters kept as they are when a URL is made safe for feeds; `%` keeps existing escapes.
_URL_SAFE = "/:@!$&'()*+,;=?#[]~%-._"


@dataclass(frozen=True)
class FeedFormat:
    """One feed format: its key, file name, media type and readable name."""

    key: str
    filename: str
    media_type: str
    label: str


#: The formats, in the order their autodiscovery links are written.
FEED_FORMATS: dict[str, FeedFormat] = {
    "rss": FeedFormat("rss", DEFAULT_FEED_FILES["rss"], "application/rss+xml", "RSS"),
    "atom": FeedFormat("atom", DEFAULT_FEED_FILES["atom"], "application/atom+xml", "Atom"),
    "json": FeedFormat("json", DEFAULT_FEED_FILES["json"], "application/feed+json", "JSON Feed"),
}


@dataclass
class FeedEntry:
    """One post as every feed format needs it; all URLs absolute.

    Attributes:
        id: A stable identifier (the post's absolute URL).
        url: The post's absolute URL.
        title: Plain-text title.
        published: Publication date, aware.
        updated: Last change, aware, when the post says.
        authors: Author names.
        tags: Tag names.
        categories: Category names.
        summary_html: The excerpt as HTML with absolute links.
        summary_text: The excerpt or description as plain text.
        content_html: The whole post as HTML with absolute links, or `None` for
            excerpt-only feeds.
        image: Absolute URL of the cover image.
        image_type: Media type of the cover, when known.
        image_length: Size of the cover in bytes, when known.
    """

    id: str
    url: str
    title: str
    published: dt.datetime
    updated: dt.datetime | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    summary_html: str = ""
    summary_text: str = ""
    content_html: str | None = None
    image: str | None = None
    image_type: str | None = None
    image_length: int | None = None

    @property
    def last_changed(self) -> dt.datetime:
        """The update date when known, else the publication date."""
        return self.updated if self.updated and self.updated > self.published else self.published


@dataclass
class FeedInfo:
    """What describes a whole feed.

    Attributes:
        title: The feed's title.
        home_url: Absolute URL of the page the feed belongs to (the blog's index).
        feed_url: Absolute URL of this feed file.
        description: One sentence about the feed.
        language: Language tag (`en`, `pt-BR`).
        author: Name used when an entry names no author (Atom requires one).
        build_date: A fixed "last build" date; `None` keeps the newest entry's date.
    """

    title: str
    home_url: str
    feed_url: str
    description: str = ""
    language: str = "en"
    author: str = ""
    build_date: dt.datetime | None = None


def absolute_url(site_url: str, url: str) -> str:
    """Join a site-relative URL (`blog/x/`) to `site_url`, percent-encoding as needed."""
    root = site_url if site_url.endswith("/") else site_url + "/"
    return quote(urljoin(root, url.lstrip("/")), _URL_SAFE)


def plain_summary(fragment: str, limit: int = 300) -> str:
    """Return the plain text of an HTML fragment, whitespace collapsed, cut at a word."""
    from .text import html_to_text  # a site without posts does not load `text`

    text = _SPACE_RE.sub(" ", html_to_text(fragment)).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return cut + "…"


def make_entry(
    post: Post,
    *,
    site_url: str,
    full_content: bool,
    image: str | None = None,
    image_type: str | None = None,
    image_length: int | None = None,
    id_base: str | None = None,
) -> FeedEntry:
    """Turn a rendered post into a `FeedEntry` with absolute links.

    Args:
        post: A published post whose `html` MkDocs has rendered.
        site_url: The site's `site_url`.
        full_content: Put the whole post in the entry, not only its excerpt.
        image: Absolute URL of the cover image.
        image_type: Media type of the cover.
        image_length: Size of the cover in bytes.
        id_base: The address the entry's id is made from, when it is not `site_url`
            (a versioned site keeps one id per post across its versions).
    """
    if post.date is None:  # pragma: no cover - callers only pass dated posts
        raise ValueError(f"{post.src_uri} has no date")
    summary = absolutize_html(strip_headerlinks(excerpt_html(post)), post.url, site_url)
    content = None
    if full_content:
        content = absolutize_html(strip_headerlinks(post.html or ""), post.url, site_url)
    url = absolute_url(site_url, post.url)
    return FeedEntry(
        id=absolute_url(id_base, post.url) if id_base else url,
        url=url,
        title=post.title,
        published=post.date,
        updated=post.updated,
        authors=list(post.authors),
        tags=list(post.tags),
        categories=list(post.categories),
        summary_html=summary,
        summary_text=post.description or plain_summary(summary),
        content_html=content,
        image=image,
        image_type=image_type,
        image_length=image_length,
    )


def feed_updated(entries: Sequence[FeedEntry], info: FeedInfo) -> dt.datetime | None:
    """Return the feed's "updated" date: the fixed build date, else the newest change."""
    if info.build_date is not None:
        return info.build_date
    if not entries:
        return None
    return max(e.last_changed for e in entries)


def build_feed(fmt: str, info: FeedInfo, entries: Sequence[FeedEntry]) -> str:
    """Build the feed of format `fmt` (`rss`, `atom` or `json`)."""
    builders = {"rss": build_rss, "atom": build_atom, "json": build_json_feed}
    return builders[fmt](info, entries)


# -- RSS 2.0 --------------------------------------------------------------------------------


def build_rss(info: FeedInfo, entries: Sequence[FeedEntry]) -> str:
    """Return an RSS 2.0 document (dates in RFC 822 form, with their zone)."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:media="http://search.yahoo.com/mrss/">',
        "  <channel>",
        _el("title", info.title, 4),
        _el("link", info.home_url, 4),
        _el("description", info.description or info.title, 4),
        _el("language", info.language, 4),
        _el("generator", GENERATOR, 4),
        f'    <atom:link href="{_attr(info.feed_url)}" rel="self" type="application/rss+xml"/>',
    ]
    updated = feed_updated(entries, info)
    if updated is not None:
        out.append(_el("lastBuildDate", rfc822(updated), 4))
    for entry in entries:
        out.append("    <item>")
        out.append(_el("title", entry.title, 6))
        out.append(_el("link", entry.url, 6))
        permalink = "true" if entry.id == entry.url else "false"
        out.append(f'      <guid isPermaLink="{permalink}">{_text(entry.id)}</guid>')
        out.append(_el("pubDate", rfc822(entry.published), 6))
        if entry.updated and entry.updated > entry.published:
            out.append(_el("atom:updated", rfc3339(entry.updated), 6))
        out.extend(_el("dc:creator", name, 6) for name in entry.authors)
        out.extend(_el("category", name, 6) for name in entry.categories + entry.tags)
        out.append(_el("description", entry.summary_html, 6))
        if entry.content_html is not None:
            out.append(_el("content:encoded", entry.content_html, 6))
        if entry.image:
            media = f' type="{_attr(entry.image_type)}"' if entry.image_type else ""
            out.append(f'      <media:content url="{_attr(entry.image)}" medium="image"{media}/>')
            if entry.image_type:
                out.append(
                    f'      <enclosure url="{_attr(entry.image)}" '
                    f'length="{entry.image_length or 0}" type="{_attr(entry.image_type)}"/>'
                )
        out.append("    </item>")
    out += ["  </channel>", "</rss>", ""]
    return "\n".join(out)


# -- Atom 1.0 -------------------------------------------------------------------------------


def build_atom(info: FeedInfo, entries: Sequence[FeedEntry]) -> str:
    """Return an Atom 1.0 document (dates in RFC 3339 form, with their zone)."""
    updated = feed_updated(entries, info) or dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom"'
        f' xmlns:media="http://search.yahoo.com/mrss/" xml:lang="{_attr(info.language)}">',
        _el("id", info.feed_url, 2),
        _el("title", info.title, 2),
    ]
    if info.description:
        out.append(_el("subtitle", info.description, 2))
    out += [
        _el("updated", rfc3339(updated), 2),
        f'  <link rel="alternate" type="text/html" href="{_attr(info.home_url)}"/>',
        f'  <link rel="self" type="application/atom+xml" href="{_attr(info.feed_url)}"/>',
        f'  <generator uri="{_attr(GENERATOR_URL)}">{GENERATOR}</generator>',
    ]
    if info.author:
        out.append(f"  <author>{_el('name', info.author, 0)}</author>")
    for entry in entries:
        out.append("  <entry>")
        out.append(_el("id", entry.id, 4))
        out.append(f'    <title type="text">{_text(entry.title)}</title>')
        out.append(f'    <link rel="alternate" type="text/html" href="{_attr(entry.url)}"/>')
        out.append(_el("published", rfc3339(entry.published), 4))
        out.append(_el("updated", rfc3339(entry.last_changed), 4))
        out.extend(f"    <author>{_el('name', name, 0)}</author>" for name in entry.authors)
        for name in entry.categories + entry.tags:
            out.append(f'    <category term="{_attr(name)}"/>')
        if entry.image:
            media = f' type="{_attr(entry.image_type)}"' if entry.image_type else ""
            # RFC 4287 asks enclosures for their size; an external cover's is not known.
            if entry.image_length:
                media += f' length="{entry.image_length}"'
            out.append(f'    <link rel="enclosure" href="{_attr(entry.image)}"{media}/>')
            out.append(f'    <media:thumbnail url="{_attr(entry.image)}"/>')
        out.append(f'    <summary type="html">{_text(entry.summary_html)}</summary>')
        if entry.content_html is not None:
            out.append(f'    <content type="html">{_text(entry.content_html)}</content>')
        out.append("  </entry>")
    out += ["</feed>", ""]
    return "\n".join(out)


# -- JSON Feed 1.1 --------------------------------------------------------------------------


def build_json_feed(info: FeedInfo, entries: Sequence[FeedEntry]) -> str:
    """Return a JSON Feed 1.1 document (dates in RFC 3339 form, with their zone)."""
    doc: dict[str, Any] = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": info.title,
        "home_page_url": info.home_url,
        "feed_url": info.feed_url,
    }
    if info.description:
        doc["description"] = info.description
    doc["language"] = info.language
    if info.author:
        doc["authors"] = [{"name": info.author}]
    items = []
    for entry in entries:
        item: dict[str, Any] = {
            "id": entry.id,
            "url": entry.url,
            "title": entry.title,
            "content_html": entry.content_html
            if entry.content_html is not None
            else entry.summary_html,
        }
        if entry.summary_text:
            item["summary"] = entry.summary_text
        if entry.image:
            item["image"] = entry.image
        item["date_published"] = rfc3339(entry.published)
        if entry.updated and entry.updated > entry.published:
            item["date_modified"] = rfc3339(entry.updated)
        if entry.authors:
            item["authors"] = [{"name": name} for name in entry.authors]
        terms = list(dict.fromkeys(entry.categories + entry.tags))
        if terms:
            item["tags"] = terms
        items.append(item)
    doc["items"] = items
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# -- helpers --------------------------------------------------------------------------------


def rfc822(value: dt.datetime) -> str:
    """Format an aware datetime for RSS: `Sun, 30 Jun 2024 09:00:00 +0200`."""
    import email.utils  # here, not at the top: a site without feeds never loads it

    return email.utils.format_datetime(_whole_minute_offset(value).replace(microsecond=0))


def rfc3339(value: dt.datetime) -> str:
    """Format an aware datetime for Atom and JSON Feed: `2024-06-30T09:00:00+02:00`."""
    return _whole_minute_offset(value).isoformat(timespec="seconds")


def _whole_minute_offset(value: dt.datetime) -> dt.datetime:
    """Express `value` with an offset of whole minutes, the only kind feeds can write.

    Zones give dates before about 1900 their local mean time (`+00:53:28` in Berlin);
    the same instant is shown in the nearest whole-minute offset instead.
    """
    offset = value.utcoffset()
    if offset is None or offset % dt.timedelta(minutes=1) == dt.timedelta(0):
        return value
    minutes = round(offset.total_seconds() / 60)
    return value.astimezone(dt.timezone(dt.timedelta(minutes=minutes)))


def _clean(value: str) -> str:
    return _XML_INVALID_RE.sub("", value)


def _text(value: str) -> str:
    return _clean(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(value: str | None) -> str:
    return _text(value or "").replace('"', "&quot;")


def _el(tag: str, value: str, indent: int) -> str:
    return f"{' ' * indent}<{tag}>{_text(value)}</{tag}>"
