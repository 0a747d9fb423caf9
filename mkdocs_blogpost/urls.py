"""The URL vocabulary of the plugin, in one place.

Four kinds of address appear in a build, and each function here says which it takes:

- a **docs path** (`File.src_uri`): `blog/posts/2024-05-01-hello.md`, from `docs_dir`;
- a **site path** (`File.url`): `blog/2024/05/01/hello/`, from the site root, without a
  leading slash, ending in `/` for folder URLs (`use_directory_urls`);
- a **page-relative URL**: what an HTML link on one page writes to reach a site path
  (`../../hello/`), which changes with the page's depth and the URL style;
- an **absolute URL**: `site_url` plus the site path, for feeds and head tags.

Rendered once and shown on many pages, listing cards carry *marked* site paths
(`MarkedLinks`), and each page swaps in its own way up.
"""

from __future__ import annotations

import os
import posixpath
from typing import TYPE_CHECKING

from mkdocs.utils import get_relative_url

if TYPE_CHECKING:
    from mkdocs.structure.files import File, Files

    from .models import Post

__all__ = [
    "MarkedLinks",
    "cover_site_path",
    "folders_overlap",
    "is_under",
    "move_to",
    "relative_url",
    "site_path_of",
]


def is_under(path: str, folder: str) -> bool:
    """Tell whether the docs path `path` is `folder` or inside it; no folder holds nothing."""
    return bool(folder) and (path == folder or path.startswith(folder.rstrip("/") + "/"))


def folders_overlap(a: str, b: str) -> bool:
    """Tell whether docs folders `a` and `b` (no slashes around; "" is the root) overlap."""
    return a == b or not a or not b or a.startswith(b + "/") or b.startswith(a + "/")


def relative_url(url: str, page_url: str) -> str:
    """Return the page-relative URL of the site path `url`, seen from the page at `page_url`.

    A folder URL keeps its trailing slash (`get_relative_url` drops it from `../`), so
    browsers and static hosts do not redirect; an absolute URL is returned as it is.
    """
    if "://" in url or url.startswith("//"):
        return url
    rel = get_relative_url(url, page_url)
    if url.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel


def site_path_of(files: Files, src_uri: str | None) -> str | None:
    """Return the site path of the file at docs path `src_uri`, `None` if it is not built."""
    if src_uri is None:
        return None
    # Listings ask tens of times per post: a plain dict lookup first, as
    # `get_file_from_path` builds a PurePath on every call (and normalises `./a//b`).
    file = files.src_uris.get(src_uri) or files.get_file_from_path(src_uri)
    return file.url if file is not None else None


def cover_site_path(post: Post, files: Files) -> str | None:
    """Return the post's cover as a site path, or as the external URL it was given."""
    if post.cover is None:
        return None
    if post.cover.url:
        return post.cover.url
    return site_path_of(files, post.cover.src_uri)


def move_to(file: File, site_path: str, dest_uri: str, site_dir: str) -> None:
    """Publish `file` at another address: its URL, output path and file on disk."""
    file.dest_uri = dest_uri
    file.url = site_path
    file.abs_dest_path = os.path.normpath(os.path.join(site_dir, dest_uri))


class MarkedLinks:
    """Site paths in HTML that is rendered once and placed on pages at any depth.

    A card is rendered once per build and shown on many listing pages, so its URLs are
    written from two fixed points and each page swaps in its own way to them: `ROOT`
    stands for the way up to the site root, `BASE` for the way to the blog folder
    (`blog/`, where most card links point: `../../2024/05/post/` reads better than
    `../../../blog/2024/05/post/`). Control characters cannot be in a page: text from
    posts has them replaced with U+FFFD (what browsers show) by `text` before it goes in.

    Args:
        base: Site path of the blog's folder with a trailing slash (`blog/`), `""` at the
            site root.
    """

    ROOT = "\x00"
    BASE = "\x01"

    def __init__(self, base: str) -> None:
        self.base = base
        self._base_depth = _folder_depth(base)

    def mark(self, url: str | None) -> str | None:
        """Mark a site path (`blog/x/`) to be made relative to each page it is placed on."""
        if url is None:
            return None
        if "://" in url or url.startswith(("/", "#")):
            return url
        path = url[2:] if url.startswith("./") else url
        base = self.base
        if base and path.startswith(base):
            return self.BASE + (path[len(base) :] or "./")
        return self.ROOT + (path or "./")

    def text(self, value: str) -> str:
        """Return author text safe to put beside marked URLs."""
        return value.replace(self.ROOT, "\ufffd").replace(self.BASE, "\ufffd")

    def place(self, html: str, page_url: str) -> str:
        """Make the marked URLs of `html` relative to the page at site path `page_url`."""
        depth = _folder_depth(page_url)
        up = "../" * depth
        base = self.base
        if base and page_url.startswith(base):
            to_base = "../" * (depth - self._base_depth)
        else:
            to_base = up + base
        return html.replace(self.ROOT, up).replace(self.BASE, to_base)


def _folder_depth(url: str) -> int:
    folder = (url if url.endswith("/") else posixpath.dirname(url)).strip("/")
    return 0 if folder in ("", ".") else folder.count("/") + 1
