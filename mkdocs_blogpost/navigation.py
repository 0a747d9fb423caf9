"""Where the blog sits in the site's nav, whichever plugin wrote the nav.

Posts and listing pages other than the blog index are kept out of the nav. What follows
lets the nav plugins show the blog as one entry, and keeps what their authors wrote:

- `collapse_blog_section`: an automatic nav (MkDocs', awesome-nav's, awesome-pages')
  shows the blog's folder as a section holding only the index; it becomes one entry,
  and a title the author gave the folder is kept.
- `posts_named_in_nav_files`: awesome-nav sees only pages that are in the nav, so a
  post its `.nav.yml` names would be "not found"; this finds those posts.
- `collapse_folder_links` and `find_folder_link`: literate-nav turns a link to the
  blog's folder into every file under it; the section becomes a link to the index.
- `place_under_blog`: a post or listing page, out of the nav, is shown under the blog's
  entry: the entry is marked as the current one, and breadcrumbs go through it.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Container, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import dirname_to_title

if TYPE_CHECKING:
    from mkdocs.structure import StructureItem
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    from .views import BlogViews

__all__ = [
    "BlogEntry",
    "collapse_blog_section",
    "collapse_folder_links",
    "find_folder_link",
    "place_under_blog",
    "posts_named_in_nav_files",
    "report_folder_link",
]

log = get_plugin_logger(__name__)

# A Markdown link's target: `[text](target)` or `[text](<target>)`.
_LINK_TARGET_RE = re.compile(r"\]\(\s*<?([^)>\s]+)")


@dataclass
class BlogEntry:
    """The blog's one entry in an automatic nav.

    Attributes:
        page: The blog index's page, now the entry.
        title: The title the author gave the blog's folder in the nav; `None` when the
            section only had the folder's own name.
    """

    page: Page
    title: str | None


def collapse_blog_section(
    items: list[StructureItem], index_src: str, folder: str
) -> BlogEntry | None:
    """Replace the section holding only the blog index by the index page, in place.

    Args:
        items: The nav's items (searched at every depth).
        index_src: Docs path of page 1 of the blog index.
        folder: The blog's folder (`blog_dir`), which names the section by default.
    """
    for i, item in enumerate(items):
        if not item.is_section:
            continue
        children = getattr(item, "children", None) or []
        if len(children) == 1 and children[0].is_page and children[0].file.src_uri == index_src:
            page = children[0]
            page.parent = item.parent
            items[i] = page
            # Nav plugins name a folder's section as MkDocs does unless told otherwise.
            own = dirname_to_title(posixpath.basename(folder))
            title = item.title if item.title and item.title != own else None
            return BlogEntry(page, title)
        found = collapse_blog_section(children, index_src, folder)
        if found is not None:
            return found
    return None


def posts_named_in_nav_files(files: Files, file_name: str, posts: Container[str]) -> list[File]:
    """Return the posts that awesome-nav's nav files (`file_name`) name by path.

    Globs are not names: a post is listed only where the author wrote its path.
    """
    import yaml

    found: list[File] = []
    for nav_file in list(files):
        if posixpath.basename(nav_file.src_uri) != file_name:
            continue
        try:
            data = yaml.safe_load(nav_file.content_string)
        except (yaml.YAMLError, OSError, UnicodeDecodeError):
            # awesome-nav reports the broken file itself.
            continue
        folder = PurePosixPath(nav_file.src_uri).parent
        nav = data.get("nav") if isinstance(data, dict) else None
        for path in _named_paths(nav):
            # awesome-nav joins paths this way, without resolving `..`.
            file = files.get_file_from_path((folder / path).as_posix())
            if file is not None and file.src_uri in posts and file not in found:
                found.append(file)
    return found


def _named_paths(nav: Any) -> Iterator[str]:
    """Yield each path an awesome-nav `nav:` list names: `- path` and `- Title: path`."""
    if not isinstance(nav, list):
        return
    for item in nav:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict) and len(item) == 1 and "glob" not in item:
            (value,) = item.values()
            if isinstance(value, str):
                yield value
            else:
                yield from _named_paths(value)


def collapse_folder_links(nav: Any, index_src: str, listings: Container[str]) -> list[str]:
    """Turn each nav section holding the blog index and its listings into a link to the index.

    A section with the index and other listing pages can only come from a link to the
    blog's folder: no author lists the generated pages. A section with the index and
    posts the author chose is left alone.

    Args:
        nav: The `nav` configuration (a list of entries), changed in place.
        index_src: Docs path of page 1 of the blog index.
        listings: Docs paths of the blog's listing pages.

    Returns:
        The titles of the sections that were replaced.
    """
    replaced: list[str] = []
    if not isinstance(nav, list):
        return replaced
    for i, entry in enumerate(nav):
        if not (isinstance(entry, dict) and len(entry) == 1):
            continue
        ((title, value),) = entry.items()
        if not isinstance(value, list):
            continue
        paths = set(_config_paths(value))
        if index_src in paths and any(p != index_src and p in listings for p in paths):
            nav[i] = {title: index_src}
            replaced.append(str(title))
        else:
            replaced += collapse_folder_links(value, index_src, listings)
    return replaced


def _config_paths(nav: list[Any]) -> Iterator[str]:
    """Yield every docs path a `nav` configuration list names, at every depth."""
    for entry in nav:
        if isinstance(entry, str):
            yield entry
        elif isinstance(entry, dict):
            for value in entry.values():
                if isinstance(value, str):
                    yield value
                elif isinstance(value, list):
                    yield from _config_paths(value)


def find_folder_link(files: Files, file_name: str, folder: str) -> tuple[str, int] | None:
    """Find where a literate-nav file (`file_name`) links the folder `folder` as `folder/`.

    Returns:
        The nav file's docs path and the line of the link, or `None`.
    """
    for nav_file in list(files):
        if posixpath.basename(nav_file.src_uri) != file_name:
            continue
        try:
            text = nav_file.content_string
        except (OSError, UnicodeDecodeError):
            continue
        base = posixpath.dirname(nav_file.src_uri)
        for number, line in enumerate(text.splitlines(), 1):
            for match in _LINK_TARGET_RE.finditer(line):
                target = match.group(1)
                if target.endswith("/") and posixpath.normpath(
                    posixpath.join(base, target)
                ) == posixpath.normpath(folder):
                    return nav_file.src_uri, number
    return None


def report_folder_link(
    files: Files,
    file_name: str,
    folder: str,
    index_src: str,
    title: str,
    config_file: str | None,
) -> None:
    """Warn that the nav links the blog's folder, saying where and what to write instead."""
    found = find_folder_link(files, file_name, folder)
    if found is not None:
        nav_src, line = found
        target = posixpath.relpath(index_src, posixpath.dirname(nav_src) or ".")
        where, instead = f"{nav_src}:{line}", f"[{title}]({target})"
    else:
        where = posixpath.basename(config_file) if config_file else "the nav"
        instead = f"'{title}: {index_src}'"
    log.warning(
        f"{where}: the nav links the blog's folder '{folder}/', which lists every post and "
        f"listing page in the nav; link the blog's index instead: {instead}. The blog is "
        f"shown as that one entry"
    )


#: The page a blog page hangs under in breadcrumbs: a tag page under the tag index, and
#: every index (and each post) under the blog's index.
_PARENT_KINDS = {
    "tag": "tag_index",
    "category": "category_index",
    "author": "author_index",
    "archive_year": "archive",
}


def place_under_blog(page: Page, kind: str, views: BlogViews, files: Files) -> None:
    """Show a blog page outside the nav under the blog's entry, without the site's sequence.

    The page (a post, or a listing page of `kind`) gets the blog's index as its parent,
    through the index of its kind (`Blog › Tags › Posts tagged “docs”`), and is marked
    current: themes mark the blog's entry in the nav as they mark a section holding the
    page (MkDocs marks the parents back when the page is written), and list the parents
    in breadcrumbs. The theme's own previous/next page links go: the blog's pagination
    and post links lead on, and a second "Previous" under "Older posts" misleads.
    """
    page.previous_page = None
    page.next_page = None
    index = next((v for v in views.pages if v.kind == "index" and v.page == 1), None)
    if index is None or page.parent is not None or page.file.src_uri == index.src_uri:
        return
    index_page = _page_of(files, index.src_uri)
    if index_page is None:
        return
    parent = index_page
    if kind in _PARENT_KINDS:
        holder = next((v for v in views.pages if v.kind == _PARENT_KINDS[kind]), None)
        holder_page = _page_of(files, holder.src_uri) if holder is not None else None
        if holder_page is not None and holder_page is not page:
            if holder_page is not index_page and holder_page.parent is None:
                holder_page.parent = index_page  # type: ignore[assignment]
            parent = holder_page
    if parent is page:
        return
    # A Page stands where themes expect a Section: both have a title, a URL and `active`.
    page.parent = parent  # type: ignore[assignment]
    page.active = True


def _page_of(files: Files, src_uri: str) -> Page | None:
    # `src_uris` is the index `get_file_from_path` reads, without normalising the path
    # again: this runs for every blog page.
    file = files.src_uris.get(src_uri)
    return file.page if file is not None else None
