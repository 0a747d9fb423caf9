"""Create the planned listing pages as MkDocs files and render their HTML.

Page creation happens in `on_files` (`create_pages`); the listing HTML is rendered in
`on_env` (`render_listing`), when every post has been rendered once: cards reuse the
post's HTML (`excerpts.excerpt_html`), re-based for the listing page. No Markdown is
converted here.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel

from .dates import format_date
from .excerpts import excerpt_html, rebase_to_root
from .render import reading_label, render_post_header, status_badge
from .taxonomy import term_key
from .urls import MarkedLinks, relative_url

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from .authors import Author, AuthorDirectory
    from .i18n import Translator
    from .models import Post
    from .other_plugins import Lightbox
    from .taxonomy import Term
    from .views import BlogViews, PostLinks, ViewPage

__all__ = [
    "ListingContext",
    "author_links",
    "category_links",
    "create_pages",
    "dress_listing",
    "dress_post",
    "listing_meta",
    "page_markdown",
    "page_window",
    "render_listing",
    "render_post_footer",
    "retitle_pages",
    "set_listing_meta",
    "tag_links",
]

log = get_plugin_logger(__name__)

_MD_SPECIAL_RE = re.compile(r"([\\`*_{}\[\]()#+!|~-])")
# Ids copied from a post (footnotes and the like) would clash on a page listing several posts.
_ID_RE = re.compile(r"""\sid\s*=\s*(?:"[^"]*"|'[^']*')""", re.IGNORECASE)


def page_markdown(view: ViewPage) -> str:
    """Markdown of a generated page: its title as the one heading, escaped."""
    title = _MD_SPECIAL_RE.sub(r"\\\1", html.escape(view.title, quote=False))
    return f"# {title}\n"


def retitle_pages(views: list[ViewPage], files: Files) -> None:
    """Write the new title into the generated pages of `views`, before they are read."""
    for view in views:
        file = None if view.user_authored else files.get_file_from_path(view.src_uri)
        if file is not None:
            file.content_string = page_markdown(view)


def _authored(src_uri: str, existing: Mapping[str, File]) -> File | None:
    """Find the author's own page at a generated path: `x/index.md`, `x/README.md` or `x.md`."""
    folder = posixpath.dirname(src_uri)
    candidates = [src_uri, posixpath.join(folder, "README.md")]
    if folder:
        candidates.append(folder + ".md")
    for candidate in candidates:
        file = existing.get(candidate)
        if file is not None and file.is_documentation_page():
            return file
    return None


def create_pages(
    views: BlogViews,
    files: Files,
    config: MkDocsConfig,
    posts: Mapping[str, Post],
    *,
    key_of: Callable[[File], str] | None = None,
    place: Callable[[File], None] | None = None,
) -> dict[str, ViewPage]:
    """Add a generated page for each planned listing the author did not write.

    Pages the author wrote at a listing's path keep their content; the listing is
    appended to them. Page 1 of the blog index stays in the navigation (the "Blog"
    entry); every other listing page is kept out of it. A listing whose URL is taken
    by a post is not generated, with a warning.

    Args:
        views: The planned listings.
        files: The site's files; generated pages are added to them.
        config: The site's configuration.
        posts: The blog's posts by docs path.
        key_of: The docs path a file stands for, when it is not its own (a translated
            page, in a site built per language).
        place: Moves a generated page to its language's folder, in such a site.

    Returns:
        The listing pages by the `src_uri` of the page that shows them.
    """
    existing = {(key_of(f) if key_of else f.src_uri): f for f in files}
    dest_owner = {f.dest_uri: f.src_uri for f in files}
    renamed: dict[str, str] = {}
    by_src: dict[str, ViewPage] = {}
    for view in views.pages:
        own = _authored(view.src_uri, existing)
        if own is not None and own.src_uri not in posts:
            view.user_authored = True
            renamed[view.src_uri] = own.src_uri
            view.src_uri = own.src_uri
            by_src[view.src_uri] = view
            continue
        in_nav = view.kind == "index" and view.page == 1
        file = File.generated(
            config,
            view.src_uri,
            content=page_markdown(view),
            inclusion=InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV,
        )
        if place is not None:
            place(file)
        owner = dest_owner.get(file.dest_uri)
        if owner is not None:
            log.warning(
                f"{owner}: its URL '{file.url}' is where the blog's page '{view.title}' "
                "goes; that page is not generated. Give the post another 'slug:' or change "
                "the plugin's folder options"
            )
            continue
        dest_owner[file.dest_uri] = view.src_uri
        files.append(file)
        by_src[view.src_uri] = view
    if renamed:
        for view in views.pages:
            view.family = [renamed.get(src, src) for src in view.family]
        for index in (views.tag_src, views.category_src, views.author_src):
            for key, src in index.items():
                index[key] = renamed.get(src, src)
    return by_src


@dataclass
class ListingContext:
    """What rendering cards needs from the site.

    Attributes:
        env: The plugin's autoescaping Jinja environment.
        translator: Words in the site's language.
        locale: Babel locale for dates.
        date_format: Babel date format.
        url_of: Site-relative URL of a docs file, or `None` when it is not in the site.
        views: The planned blog.
        cover_url: Site-relative (or absolute) URL of a post's cover, or `None`.
        authors: The authors file's profiles (name, bio, avatar, page elsewhere).
        avatar_url: Site path (or absolute URL) of an author's avatar, or `None`.
        feed: The site path and media type of the blog's feed, once feeds are planned.
    """

    env: jinja2.Environment
    translator: Translator
    locale: str
    date_format: str
    url_of: Callable[[str], str | None]
    views: BlogViews
    cover_url: Callable[[Post], str | None]
    base: str = ""
    """Site-relative URL of the blog folder (`blog/`), or "" for the site root."""
    authors: AuthorDirectory | None = None
    avatar_url: Callable[[Author], str | None] = lambda _author: None
    feed: Callable[[], tuple[str, str] | None] = lambda: None

    def __post_init__(self) -> None:
        # Shown spelling of each term, by the key of any of its spellings: built once.
        self.tag_names = _names(self.views.tags)
        self.category_names = _names(self.views.categories)
        self.author_names = _names(self.views.authors)
        # Each post's card, rendered once per build with its URLs from the site root
        # (`MarkedLinks`); a listing page only swaps in its own way up to the root.
        self.marks = MarkedLinks(self.base)
        self.cards: dict[str, dict[str, Any]] = {}
        self.entries: dict[str, dict[str, Any]] = {}
        # The blog's navigation, by the section it marks: rendered once each.
        self.navs: dict[tuple[str, str], str] = {}
        self.nav_targets: dict[str, ViewPage] | None = None

    def profile(self, name: str) -> Author | None:
        """Return what the authors file says about the author shown as `name`."""
        return self.authors.profile(name) if self.authors is not None else None


def _term_links(
    names: list[str],
    index: Mapping[str, str],
    terms_by_key: Mapping[str, str],
    ctx: ListingContext,
    here: str,
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for name in names:
        key = term_key(name)
        if not key or key in seen:
            continue
        seen.add(key)
        src = index.get(key)
        out.append(
            {
                "name": terms_by_key.get(key, name),
                "url": _relative(ctx.url_of(src), here) if src else None,
            }
        )
    return out


def _relative(url: str | None, page_url: str) -> str | None:
    return None if url is None else relative_url(url, page_url)


def _names(terms: list[Term]) -> dict[str, str]:
    return {term_key(spelling): t.name for t in terms for spelling in t.spellings}


def tag_links(post: Post, page_url: str, ctx: ListingContext) -> list[dict[str, Any]]:
    """Return the post's tags (most common spelling) with tag-page URLs from `page_url`."""
    return _term_links(post.tags, ctx.views.tag_src, ctx.tag_names, ctx, page_url)


def category_links(post: Post, page_url: str, ctx: ListingContext) -> list[dict[str, Any]]:
    """Return the post's categories with their category-page URLs from `page_url`."""
    return _term_links(post.categories, ctx.views.category_src, ctx.category_names, ctx, page_url)


def author_links(post: Post, page_url: str, ctx: ListingContext) -> list[dict[str, Any]]:
    """Return the post's authors with their author-page URLs (and avatars) from `page_url`."""
    links = _term_links(post.authors, ctx.views.author_src, ctx.author_names, ctx, page_url)
    for link in links:
        link["avatar"] = _avatar(link["name"], page_url, ctx)
    return links


def _avatar(name: str, page_url: str, ctx: ListingContext) -> str | None:
    profile = ctx.profile(name)
    url = ctx.avatar_url(profile) if profile is not None else None
    return _relative(url, page_url) if url else None


def _date(post: Post, ctx: ListingContext) -> dict[str, str] | None:
    if post.date is None or not post.show_date:
        return None
    return {
        "text": format_date(post.date, ctx.locale, ctx.date_format),
        "iso": post.date.isoformat(),
    }


def _text_language(post: Post, ctx: ListingContext) -> str | None:
    """Return the language of a post's title and excerpt when it is not the listing's."""
    if not post.language:
        return None
    tag = post.language.replace("_", "-")
    return None if tag.lower() == ctx.locale.replace("_", "-").lower() else tag


def _marked_terms(links: list[dict[str, Any]], marks: MarkedLinks) -> list[dict[str, Any]]:
    return [{"name": marks.text(link["name"]), "url": marks.mark(link["url"])} for link in links]


def _card_excerpt(post: Post, marks: MarkedLinks) -> Markup:
    """Return the prose of the post's excerpt (else its description), rebased from the root."""
    # Imported here: a blog without posts draws no card, and loads none of the text tools.
    from .card_excerpt import card_prose

    prose = card_prose(excerpt_html(post))
    if not prose and post.description:
        prose = f"<p>{html.escape(post.description)}</p>"
    return Markup(_ID_RE.sub("", rebase_to_root(marks.text(prose), post.url, MarkedLinks.ROOT)))


def _card(post: Post, ctx: ListingContext) -> dict[str, Any]:
    """Return the post's card, its URLs marked to be made relative per listing page.

    Built and rendered once per post and build (`ctx.cards`): a post on twenty listing
    pages costs one render, and each page only swaps in its own way to the marked URLs.
    """
    card = ctx.cards.get(post.src_uri)
    if card is not None:
        return card
    marks = ctx.marks
    cover = marks.mark(ctx.cover_url(post))
    card = {
        "title": marks.text(post.title),
        "url": marks.mark(post.url),
        "date": _date(post, ctx),
        "reading": reading_label(post.minutes, ctx.translator) if post.read_time else None,
        "authors": _marked_terms(author_links(post, "", ctx), marks),
        "cover": {"url": cover, "alt": marks.text(post.cover.alt) if post.cover else ""}
        if cover
        else None,
        "tags": _marked_terms(tag_links(post, "", ctx), marks),
        "categories": _marked_terms(category_links(post, "", ctx), marks),
        "excerpt": _card_excerpt(post, marks),
        "badge": status_badge(post, ctx.translator),
        "lang": _text_language(post, ctx),
    }
    template = ctx.env.get_template("blogpost/fragments/card.html")
    card["html"] = Markup(template.render(card=card, t=ctx.translator))
    ctx.cards[post.src_uri] = card
    return card


def _entry(post: Post, ctx: ListingContext) -> dict[str, Any]:
    """Return the post as a line of a list, rendered once per build like its card."""
    entry = ctx.entries.get(post.src_uri)
    if entry is not None:
        return entry
    entry = {
        "title": ctx.marks.text(post.title),
        "url": ctx.marks.mark(post.url),
        # Lists of titles (archive, related posts) always date their entries.
        "date": {
            "text": format_date(post.date, ctx.locale, ctx.date_format),
            "iso": post.date.isoformat(),
        }
        if post.date
        else None,
        "badge": status_badge(post, ctx.translator),
        "lang": _text_language(post, ctx),
        # Shown beside the entry on term pages, not by the entry fragment itself.
        "reading": reading_label(post.minutes, ctx.translator) if post.read_time else None,
    }
    entry["html"] = Markup(
        ctx.env.get_template("blogpost/fragments/entry.html").render(entry=entry, t=ctx.translator)
    )
    ctx.entries[post.src_uri] = entry
    return entry


def page_window(page: int, pages: int, around: int = 2) -> list[int]:
    """Return the page numbers to link: the first, the last and `around` either side of `page`.

    A long listing then costs a handful of links per page, not one per page.
    """
    keep = {1, pages, *range(max(1, page - around), min(pages, page + around) + 1)}
    return sorted(keep)


def _pagination(view: ViewPage, page_url: str, ctx: ListingContext) -> dict[str, Any] | None:
    if view.pages <= 1:
        return None
    numbers: list[dict[str, Any] | None] = []  # None marks a gap ("…")
    last = 0
    for n in page_window(view.page, view.pages):
        if last and n - last > 1:
            numbers.append(None)
        last = n
        src = view.family[n - 1]
        numbers.append(
            {"number": n, "url": ctx.marks.mark(ctx.url_of(src)), "current": n == view.page}
        )
    return {
        "newer": ctx.marks.mark(ctx.url_of(view.prev_src)) if view.prev_src else None,
        "older": ctx.marks.mark(ctx.url_of(view.next_src)) if view.next_src else None,
        "numbers": numbers,
        "label": ctx.translator("page_of", page=view.page, pages=view.pages),
    }


#: Each index of terms: where its terms' pages are, its intro, and whether its links are tags.
_INDEXES = {
    "tag_index": ("tag_src", "tags_intro"),
    "category_index": ("category_src", "categories_intro"),
    "author_index": ("author_src", "authors_intro"),
}


def _terms(view: ViewPage, ctx: ListingContext) -> list[dict[str, Any]]:
    """Return the terms of an index page, each with its page, count and (authors) profile."""
    pages: Mapping[str, str] = getattr(ctx.views, _INDEXES[view.kind][0])
    out = []
    for term in view.terms:
        src = pages.get(term_key(term.name))
        item: dict[str, Any] = {
            "name": ctx.marks.text(term.name),
            "url": ctx.marks.mark(ctx.url_of(src)) if src else None,
            "count": term.count,
            "count_text": ctx.translator.count("post_count", term.count),
        }
        if view.kind == "author_index":
            profile = ctx.profile(term.name)
            avatar = ctx.avatar_url(profile) if profile is not None else None
            item["avatar"] = ctx.marks.mark(avatar)
            item["description"] = ctx.marks.text(profile.description) if profile else ""
        out.append(item)
    return out


def _profile(view: ViewPage, ctx: ListingContext) -> dict[str, Any] | None:
    """Return what the authors file says about the author of an author page."""
    profile = ctx.profile(view.term.name) if view.term is not None else None
    if profile is None:
        return None
    return {
        "name": ctx.marks.text(profile.name),
        "description": ctx.marks.text(profile.description),
        "avatar": ctx.marks.mark(ctx.avatar_url(profile)),
        "url": profile.url or None,
    }


def _index_context(view: ViewPage, ctx: ListingContext) -> dict[str, Any]:
    index = next((v for v in ctx.views.pages if v.kind == "index" and v.page == 1), None)
    url = ctx.url_of(index.src_uri) if index is not None else None
    return {
        "terms": _terms(view, ctx),
        "intro": ctx.translator(_INDEXES[view.kind][1]),
        "back": {
            "url": ctx.marks.mark(url),
            "label": ctx.translator("back_to_blog", blog=ctx.marks.text(index.title)),
        }
        if index is not None and url is not None
        else None,
    }


def render_listing(view: ViewPage, page_url: str, ctx: ListingContext) -> str:
    """Render the listing HTML of one page, with URLs relative to `page_url`."""
    context: dict[str, Any] = {"view": view, "kind": view.kind, "t": ctx.translator}
    if view.kind in _INDEXES:
        context.update(_index_context(view, ctx))
    elif view.kind == "archive":
        years = []
        for year, posts in view.years:
            src = posixpath.join(posixpath.dirname(view.src_uri), str(year), "index.md")
            years.append(
                {
                    "year": year,
                    "url": ctx.marks.mark(ctx.url_of(src)),
                    "count_text": ctx.translator.count("post_count", len(posts)),
                    "entries": [_entry(p, ctx) for p in posts],
                }
            )
        context["years"] = years
    else:
        if view.compact:
            context["entries"] = [_entry(p, ctx) for p in view.posts]
        else:
            context["cards"] = [_card(p, ctx) for p in view.posts]
        context["pagination"] = _pagination(view, page_url, ctx)
        if view.term is not None:
            context["count_text"] = ctx.translator.count("post_count", view.term.count)
        elif view.kind == "archive_year":
            context["count_text"] = ctx.translator.count("post_count", len(view.posts))
        if view.kind == "author":
            context["profile"] = _profile(view, ctx)
    listing = ctx.env.get_template("blogpost/fragments/listing.html").render(context)
    return ctx.marks.place(listing, page_url)


def dress_listing(view: ViewPage, page_url: str, content: str, ctx: ListingContext) -> str:
    """Return a listing page's content: the blog's navigation, the page's own text, the listing."""
    from .blog_nav import render_blog_nav

    nav = render_blog_nav(view.kind, view.src_uri, page_url, ctx)
    return nav + content + render_listing(view, page_url, ctx)


def set_listing_meta(
    meta: MutableMapping[str, Any], view: ViewPage, url_of: Callable[[str], str | None]
) -> None:
    """Give a listing page its metadata.

    Every listing page gets `blogpost_listing`; a generated one also its title, and
    its place out of the search index.
    """
    meta["blogpost_listing"] = listing_meta(view, url_of)
    if not view.user_authored:
        # Themes print the title unescaped; term names are author text.
        # From page 2 the description adds "Page N of M": one <title> per page.
        meta["title"] = html.escape(view.description)
        # Listings only repeat post excerpts: keep search results pointing at the
        # posts (Material's search reads this), and save indexing every listing.
        meta.setdefault("search", {"exclude": True})


def listing_meta(view: ViewPage, url_of: Callable[[str], str | None]) -> dict[str, Any]:
    """Return `page.meta["blogpost_listing"]`, the contract read by feeds and head tags."""
    return {
        "kind": view.kind,
        "page": view.page,
        "pages": view.pages,
        "prev_url": url_of(view.prev_src) if view.prev_src else None,
        "next_url": url_of(view.next_src) if view.next_src else None,
        "description": view.description,
    }


def render_post_footer(
    post: Post, links: PostLinks | None, page_url: str, ctx: ListingContext
) -> str:
    """Render previous/next post links and related posts for the end of a post."""
    if links is None or (links.newer is None and links.older is None and not links.related):
        return ""
    context = {
        "older": _entry(links.older, ctx) if links.older else None,
        "newer": _entry(links.newer, ctx) if links.newer else None,
        "related": [_entry(p, ctx) for p in links.related],
        "t": ctx.translator,
    }
    footer = ctx.env.get_template("blogpost/fragments/post-footer.html").render(context)
    return ctx.marks.place(footer, page_url)


def dress_post(
    post: Post,
    page_url: str,
    content: str,
    ctx: ListingContext,
    *,
    header: bool,
    footer: bool,
    tags: bool = True,
    lightbox: Lightbox | None = None,
    translations: list[dict[str, str]] | None = None,
    lang: str | None = None,
    body_lang: str | None = None,
) -> str:
    """Return the post's page content with its header on top and its footer below.

    Args:
        post: The post.
        page_url: Its page's URL.
        content: Its HTML.
        ctx: The blog's listing context.
        header: Add the header (title, date, reading time, authors, cover, tags).
        footer: Add previous/next post links and related posts (dated posts only).
        tags: Show the post's tags in its header.
        lightbox: How mkdocs-glightbox links images, when the site uses it: the cover
            opens in the lightbox too.
        translations: The post's versions in other languages (`name`, `url`, `lang`).
        lang: The language of the whole post, header and footer included, when it is
            not the page's (`lang:` in its front matter).
        body_lang: The language of the post's text alone, when the header and footer
            are in the page's language (a post shown untranslated).
    """
    from .blog_nav import render_blog_nav

    if body_lang:
        content = f'<div lang="{html.escape(body_lang)}">{content}</div>'
    if header:
        cover = ctx.cover_url(post)
        cover_url = relative_url(cover, page_url) if cover else None
        cover_link = None
        if lightbox is not None and cover_url:
            alt = post.cover.alt if post.cover else ""
            cover_link = lightbox.cover_link(cover_url, alt, post.meta)
        content = render_post_header(
            ctx.env,
            post,
            content=content,
            locale=ctx.locale,
            date_format=ctx.date_format,
            cover_url=cover_url,
            cover_link=cover_link,
            tags=tag_links(post, page_url, ctx) if tags else [],
            authors=author_links(post, page_url, ctx),
            categories=category_links(post, page_url, ctx),
            translator=ctx.translator,
            translations=[
                {**version, "url": relative_url(version["url"], page_url)}
                for version in translations or ()
            ],
        )
    if footer and post.date is not None:
        content += render_post_footer(post, ctx.views.links.get(post.src_uri), page_url, ctx)
    # The blog's links are in the post's language too, when it is not the page's.
    content = render_blog_nav("post", post.src_uri, page_url, ctx) + content
    if lang:
        content = f'<div class="blogpost-post" lang="{html.escape(lang)}">{content}</div>'
    return content


def post_card(post: Post, ctx: ListingContext) -> dict[str, Any]:
    """Return the post's card as listing pages show it (`html`: rendered, links marked).

    For lists drawn elsewhere (a post list in any page): the same card, rendered once.
    Its marked links are made relative with `ctx.marks.place`.
    """
    return _card(post, ctx)


def post_entry(post: Post, ctx: ListingContext) -> dict[str, Any]:
    """Return the post as a dated line of a list, as the archive shows it (links marked)."""
    return _entry(post, ctx)
