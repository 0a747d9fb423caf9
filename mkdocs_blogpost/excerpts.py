"""Excerpts cut from a post's rendered HTML, and links re-based for another page.

Listings and feeds reuse the HTML MkDocs rendered once for the post: nothing here
converts Markdown again.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from .models import Post

__all__ = [
    "absolutize_html",
    "excerpt_html",
    "rebase_to_root",
    "resolve_url",
    "strip_headerlinks",
]

_MORE_RE = re.compile(r"<!--\s*more\s*-->", re.IGNORECASE)
# A plain paragraph: ones with attributes are titles of admonitions, quotes and the like.
_FIRST_P_RE = re.compile(r"<p>.*?</p>", re.DOTALL | re.IGNORECASE)
_ID_RE = re.compile(r"""\sid\s*=\s*(?:"[^"]*"|'[^']*')""", re.IGNORECASE)
_URL_ATTR_RE = re.compile(
    r"""(?P<pre>\s(?:href|src|poster|data)\s*=\s*)(?P<q>["'])(?P<url>[^"']*)(?P=q)""",
    re.IGNORECASE,
)
_SRCSET_RE = re.compile(r"""(?P<pre>\ssrcset\s*=\s*)(?P<q>["'])(?P<val>[^"']*)(?P=q)""", re.I)
# The `¶` permalink MkDocs' toc extension puts in each heading.
_HEADERLINK_RE = re.compile(r'<a\b[^>]*class="headerlink"[^>]*>.*?</a>', re.DOTALL)


def excerpt_html(post: Post) -> str:
    """Return the post's excerpt as HTML, relative to the post's own URL.

    In order: the `excerpt` front matter (text), the HTML before `<!-- more -->`, the
    `description` (text), the first plain paragraph. Element ids are dropped: the
    excerpt shares its listing page with other posts' excerpts. Once cut, it is kept in
    `post.summary`, and `post.html` may be released.
    """
    if post.summary is not None:
        return post.summary
    if post.excerpt:
        return f"<p>{html.escape(post.excerpt)}</p>"
    body = post.html or ""
    marker = _MORE_RE.search(body)
    if marker:
        return _ID_RE.sub("", strip_headerlinks(body[: marker.start()])).strip()
    if post.description:
        return f"<p>{html.escape(post.description)}</p>"
    first = _FIRST_P_RE.search(body)
    return _ID_RE.sub("", first.group(0)) if first else ""


def strip_headerlinks(fragment: str) -> str:
    """Remove the permalinks of headings from post HTML shown away from the post.

    They belong to the post's page, where the theme styles them; an excerpt or a feed
    entry would show each as a stray `¶`.
    """
    return _HEADERLINK_RE.sub("", fragment)


def resolve_url(url: str, page_url: str) -> str | None:
    """Resolve a relative URL found on the page at `page_url` to a site-root path.

    Returns `None` for URLs that need no change (absolute, scheme, site-root, empty).
    A pure fragment (`#x`) resolves to the page itself plus the fragment.
    """
    if not url or url.startswith(("/", "//")):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[oops": not a URL we can re-base; leave it as written
        return None
    if parts.scheme or parts.netloc:
        return None
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    if url.startswith("#"):
        return (page_url or "./") + url
    path = posixpath.normpath(posixpath.join(base, parts.path)) if parts.path else page_url
    if parts.path.endswith("/") and not path.endswith("/"):
        path += "/"
    if path == ".":
        path = "./"
    suffix = (f"?{parts.query}" if parts.query else "") + (
        f"#{parts.fragment}" if parts.fragment else ""
    )
    return path + suffix


def _site_path(url: str, from_url: str) -> tuple[str, str] | None:
    """Split a relative URL on the page at `from_url` into its site path and `#fragment`.

    Returns `None` for URLs to leave as written (absolute, site-root, a bare fragment).
    """
    resolved = resolve_url(url, from_url)
    if resolved is None:
        return None
    path, sep, rest = resolved.partition("#")
    if not path:
        return None
    return path, (sep + rest if sep else "")


def rebase_to_root(fragment: str, from_url: str, root: str) -> str:
    """Rewrite relative links of HTML from the page at `from_url` as `root` + site path.

    `root` stands for the way up to the site root of wherever the HTML is shown; the
    caller replaces it once it knows that page (listing cards are rendered once and
    shown on many pages).
    """

    def convert(url: str) -> str:
        found = _site_path(url, from_url)
        if found is None:
            return url
        path, fragment = found
        if path.startswith("./"):
            path = path[2:]
        return root + (path or "./") + fragment

    return _rewrite(fragment, convert)


def absolutize_html(fragment: str, page_url: str, site_url: str) -> str:
    """Make every relative and site-root link absolute, for feeds read outside the site."""
    root = site_url.rstrip("/") + "/"
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(root))

    def convert(url: str) -> str:
        if url.startswith("//") or _has_scheme(url):
            return url
        if url.startswith("/"):
            return origin + url
        resolved = resolve_url(url, page_url)
        if resolved is None:
            return url
        if resolved.startswith("./"):
            resolved = resolved[2:]
        return root + resolved

    return _rewrite(fragment, convert)


def _has_scheme(url: str) -> bool:
    try:
        return bool(urlsplit(url).scheme)
    except ValueError:  # a malformed absolute URL ("http://[oops") is left as written
        return True


def _rewrite(fragment: str, fn: Callable[[str], str]) -> str:
    def attr(match: re.Match[str]) -> str:
        url = html.unescape(match.group("url"))
        new = fn(url)
        return f"{match.group('pre')}{match.group('q')}{html.escape(new)}{match.group('q')}"

    def srcset(match: re.Match[str]) -> str:
        items = []
        for item in html.unescape(match.group("val")).split(","):
            bits = item.strip().split(None, 1)
            if not bits:
                continue
            bits[0] = fn(bits[0])
            items.append(" ".join(bits))
        value = html.escape(", ".join(items))
        return f"{match.group('pre')}{match.group('q')}{value}{match.group('q')}"

    out = _URL_ATTR_RE.sub(attr, fragment)
    return _SRCSET_RE.sub(srcset, out)
