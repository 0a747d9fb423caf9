"""Where the blog sits in the site's nav, whichever plugin wrote the nav.

Posts and listing pages other than the blog index are kept out of the nav. What follows
lets the nav plugins show the blog as one entry, and keeps what their authors wrote:

- `collapse_blog_section`: an automatic nav (MkDocs', awesome-nav's, awesome-pages')
  shows the blog's folder as a section holding only the index; it becomes one entry,
  and a title the author gave the folder is kept.
- `posts_named_in_nav_files`: awesome-nav sees only pages that are in the nav, so a
  post its `.nav.yml` names would be "not found"; this finds those posts.
"""

from __future__ import annotations

import posixpath
from collections.abc import Container, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from mkdocs.utils import dirname_to_title

if TYPE_CHECKING:
    from mkdocs.structure import StructureItem
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

__all__ = ["BlogEntry", "collapse_blog_section", "posts_named_in_nav_files"]


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

