"""The absolute addresses the outside world sees: posts' canonical URLs and covers.

Feeds and head tags need full URLs from `site_url`; both read them from here, worked
out once per build.
"""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from .feeds import absolute_url
from .posts import safe_url, warn

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

    from .authors import Author
    from .models import Post
    from .multilingual import BuildLanguages

__all__ = ["Cover", "canonical_urls", "covers", "original_urls", "people"]


@dataclass(frozen=True)
class Cover:
    """A post's cover image as feeds and social cards give it.

    Attributes:
        url: Its absolute URL.
        media_type: Its MIME type, when its name tells.
        length: Its size in bytes, for a file of the site.
    """

    url: str
    media_type: str | None
    length: int | None


def people(
    names: Iterable[str],
    profile: Callable[[str], Author | None],
    page_of: Callable[[str], str | None],
    avatar_of: Callable[[Author], str | None],
    site_url: str,
) -> dict[str, dict[str, str]]:
    """Return each author's JSON-LD `Person` fields beyond the name: `url` and `image`.

    The URL is the page the authors file gives them, else their author page on the blog.

    Args:
        names: The names shown for the blog's authors.
        profile: What the authors file says about an author, by name.
        page_of: The site path of an author's page on the blog, by name.
        avatar_of: The site path (or URL) of an author's avatar.
        site_url: The site's address.
    """
    found: dict[str, dict[str, str]] = {}
    for name in names:
        person: dict[str, str] = {}
        author = profile(name)
        page = page_of(name)
        if author is not None and author.url and safe_url(author.url):
            person["url"] = author.url
        elif page:
            person["url"] = absolute_url(site_url, page)
        avatar = avatar_of(author) if author is not None else None
        if avatar:
            person["image"] = avatar if "://" in avatar else absolute_url(site_url, avatar)
        if person:
            found[name] = person
    return found


def canonical_urls(posts: Iterable[Post], site_url: str | None) -> dict[str, str]:
    """Return each post's canonical URL by docs path: `canonical_url:`, else its own.

    A `canonical_url:` that is neither a full http(s) URL nor (with `site_url`) a path
    gets a warning naming its line; the post's own URL is used.
    """
    found: dict[str, str] = {}
    for post in posts:
        url = _canonical(post, site_url)
        if url:
            found[post.src_uri] = url
    return found


def original_urls(
    posts: Iterable[Post], languages: BuildLanguages, site_url: str | None
) -> dict[str, str]:
    """Return the canonical URL of each post shown untranslated: its original's page.

    A `canonical_url:` the post sets itself is kept.
    """
    if not site_url:
        return {}
    return {
        post.src_uri: absolute_url(site_url, languages.in_language(post.url, languages.default))
        for post in posts
        if post.fallback and not post.meta.get("canonical_url")
    }


def _canonical(post: Post, site_url: str | None) -> str | None:
    raw = post.meta.get("canonical_url")
    own = absolute_url(site_url, post.url) if site_url else None
    if raw is None or raw == "":
        return own
    value = str(raw).strip()
    parts = urlsplit(value) if safe_url(value) else None
    if parts is not None and parts.scheme in ("http", "https") and parts.netloc:
        return value
    if parts is not None and not parts.scheme and not parts.netloc and site_url:
        # A path: from the site's host for `/x`, from `site_url` for `x`.
        root = site_url if site_url.endswith("/") else site_url + "/"
        return urljoin(root, value)
    warn(
        post.src_uri,
        f"front matter 'canonical_url': {value!r} is not a full http(s) URL"
        + ("" if site_url else " (paths need 'site_url' in mkdocs.yml)")
        + "; the post's own URL is used",
        post.line_of("canonical_url"),
    )
    return own


def covers(posts: Iterable[Post], files: Files, site_url: str) -> dict[str, Cover]:
    """Return the cover of each post that has one, by docs path."""
    found: dict[str, Cover] = {}
    for post in posts:
        cover = _cover(post, files, site_url)
        if cover is not None:
            found[post.src_uri] = cover
    return found


def _cover(post: Post, files: Files, site_url: str) -> Cover | None:
    if post.cover is None:
        return None
    if post.cover.url:
        url = post.cover.url
        if url.startswith("//"):
            url = "https:" + url
        return Cover(url, mimetypes.guess_type(urlsplit(url).path)[0], None)
    file = files.get_file_from_path(post.cover.src_uri or "")
    if file is None:
        return None
    length = None
    if file.abs_src_path and os.path.isfile(file.abs_src_path):
        length = os.path.getsize(file.abs_src_path)
    media_type = mimetypes.guess_type(file.dest_uri)[0]
    return Cover(absolute_url(site_url, file.url), media_type, length)
