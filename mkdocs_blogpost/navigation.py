"""Where the blog sits in the site's nav, whichever plugin wrote the nav.

Posts and listing pages other than the blog index are kept out of the nav. What follows
lets the nav plugins show the blog as one entry, and keeps what their authors wrote:

- `collapse_blog_section`: an automatic nav (MkDocs', awesome-nav's, awesome-pages')
  shows the blog's folder as a section holding only the index; it becomes one entry,
  and a title the author gave the folder is kept.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mkdocs.utils import dirname_to_title

if TYPE_CHECKING:
    from mkdocs.structure import StructureItem
    from mkdocs.structure.pages import Page

__all__ = ["BlogEntry", "collapse_blog_section"]


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

