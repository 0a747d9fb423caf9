"""The blog's own navigation, shown at the top of every blog page.

The site's nav holds the blog as one entry, and posts and listing pages stay out of it:
without this bar, nothing leads to the tags, the categories, the archive, the authors
or the feed. It links the blog's index and each index the blog has (authors only when
there are several), marks the section the page is in, and ends with the feed.

Rendered once per build and section with marked URLs (`urls.MarkedLinks`), like cards;
each page swaps in its own way up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

if TYPE_CHECKING:
    from .pages import ListingContext
    from .views import ViewPage

__all__ = ["SECTIONS", "render_blog_nav"]

#: The index page each kind of blog page belongs under ("post" for posts).
SECTIONS = {
    "post": "index",
    "index": "index",
    "tag": "tag_index",
    "tag_index": "tag_index",
    "category": "category_index",
    "category_index": "category_index",
    "author": "author_index",
    "author_index": "author_index",
    "archive": "archive",
    "archive_year": "archive",
}

# The words of each link, in the order the bar shows them.
_LINKS = (
    ("index", None),
    ("tag_index", "tags"),
    ("category_index", "categories"),
    ("archive", "archive"),
    ("author_index", "authors"),
)


def render_blog_nav(kind: str, src_uri: str, page_url: str, ctx: ListingContext) -> str:
    """Return the blog's navigation for a page of `kind` at docs path `src_uri`.

    Returns `""` when the blog has no listing pages to link (`blog_pages: false`).
    """
    section = SECTIONS.get(kind, "")
    index_pages = _index_pages(ctx)
    own = index_pages.get(kind)
    current = kind if own is not None and own.src_uri == src_uri else ""
    key = (section, current)
    html = ctx.navs.get(key)
    if html is None:
        html = ctx.navs[key] = _render(index_pages, section, current, ctx)
    return ctx.marks.place(html, page_url) if html else ""


def _index_pages(ctx: ListingContext) -> dict[str, ViewPage]:
    # The first page of each index the bar links, found once per build: every blog
    # page shows the bar, and a big blog has hundreds of planned pages to look through.
    found = ctx.nav_targets
    if found is None:
        kinds = dict(_LINKS)
        found = ctx.nav_targets = {
            v.kind: v for v in ctx.views.pages if v.page == 1 and v.kind in kinds
        }
    return found


def _render(
    index_pages: dict[str, ViewPage], section: str, current: str, ctx: ListingContext
) -> str:
    t = ctx.translator
    links = []
    for kind, word in _LINKS:
        view = index_pages.get(kind)
        if view is None or (kind == "author_index" and len(ctx.views.authors) < 2):
            continue
        url = ctx.url_of(view.src_uri)
        if url is None:
            continue
        links.append(
            {
                "label": ctx.marks.text(view.title) if word is None else t(word),
                "url": ctx.marks.mark(url),
                "current": kind == current,
                "section": kind == section,
            }
        )
    if not links:
        return ""
    feed = ctx.feed()
    blog = index_pages.get("index")
    context = {
        "label": ctx.marks.text(blog.title) if blog is not None else t("blog"),
        "links": links,
        "feed": {"label": t("subscribe"), "url": ctx.marks.mark(feed[0]), "type": feed[1]}
        if feed
        else None,
    }
    return str(Markup(ctx.env.get_template("blogpost/fragments/blog-nav.html").render(nav=context)))
