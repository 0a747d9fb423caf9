"""Plan the blog's listing pages from the visible posts. Pure: no MkDocs, no I/O.

`build_views` turns the posts (newest first) into `ViewPage`s: the paginated blog
index, the tag index and one paginated page per tag, category and author, and the
archive with a page per year. It also links each post to its neighbours and related
posts. Everything is computed once per build, in time proportional to the posts and
their terms (posts are indexed by tag, never compared with every other post).
"""

from __future__ import annotations

import heapq
import math
import posixpath
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Literal

from .taxonomy import Term, group_terms, term_key

if TYPE_CHECKING:
    from .config import BlogpostConfig
    from .models import Post

__all__ = [
    "BlogViews",
    "PostLinks",
    "ViewKind",
    "ViewOptions",
    "ViewPage",
    "build_views",
    "link_posts",
    "page_src",
    "rename_index",
]

ViewKind = Literal[
    "index",
    "tag",
    "tag_index",
    "category",
    "category_index",
    "archive",
    "archive_year",
    "author",
    "author_index",
]


@dataclass(frozen=True)
class ViewOptions:
    """Where the listing pages go and how long they are.

    Attributes:
        blog_dir: Folder of the blog index, relative to `docs_dir` (`blog`).
        pagination_dir: Folder of pages 2, 3... under each listing (`page`).
        tags_dir: Folder of the tag pages under `blog_dir` (`tags`).
        categories_dir: Folder of the category pages under `blog_dir` (`category`).
        archive_dir: Folder of the archive under `blog_dir` (`archive`).
        authors_dir: Folder of the author pages under `blog_dir` (`author`).
        posts_per_page: Posts on one page of the blog index (and of term pages that
            show cards).
        term_page_size: Posts on one page of a tag, category or author listing, when
            those list compact entries.
        term_cards: Term pages show full cards, `posts_per_page` to a page, instead of
            compact entries.
        related_posts: Most related posts shown under a post.
        title: The blog's name for its index; `None` for "Blog" in the site's language.
    """

    blog_dir: str = "blog"
    pagination_dir: str = "page"
    tags_dir: str = "tags"
    categories_dir: str = "category"
    archive_dir: str = "archive"
    authors_dir: str = "author"
    posts_per_page: int = 6
    term_page_size: int = 50
    term_cards: bool = False
    related_posts: int = 3
    title: str | None = None

    @classmethod
    def of_blog(
        cls, options: BlogpostConfig, title: str | None, blog_dir: str | None = None
    ) -> ViewOptions:
        """Return the view options of a blog with these plugin options and name.

        `blog_dir` replaces the option's folder (under a language's folder, in a site
        built per language).
        """
        return cls(
            blog_dir=options.blog_dir if blog_dir is None else blog_dir,
            pagination_dir=options.pagination_dir,
            tags_dir=options.tags_dir,
            categories_dir=options.categories_dir,
            archive_dir=options.archive_dir,
            authors_dir=options.authors_dir,
            posts_per_page=options.posts_per_page,
            term_page_size=options.term_page_size,
            term_cards=options.term_cards,
            related_posts=options.related_posts,
            title=title,
        )


@dataclass(eq=False)
class ViewPage:
    """One listing page to generate (or to append to, when the author wrote it).

    Attributes:
        kind: What the page lists.
        title: Plain-text title (escape it before putting it in HTML).
        src_uri: Path of the page in the docs tree (`blog/tags/ci/index.md`).
        posts: The posts on this page, in display order.
        page: Number of this page, from 1.
        pages: Number of pages in this listing.
        family: `src_uri` of every page of this listing, page 1 first.
        term: The tag, category or author listed.
        year: The year listed (`archive_year`).
        terms: Every tag, category or author with its posts (`tag_index`,
            `category_index`, `author_index`).
        years: Every year with its posts, newest first (`archive`).
        user_authored: The author wrote this page; the listing goes below their text.
        compact: The page lists its posts as entries (title, date, reading time), not
            as cards.
        description: Plain text for search engines and feeds, and the `<title>` of
            pages 2, 3...: the title, plus "Page N of M" from page 2.
    """

    kind: ViewKind
    title: str
    src_uri: str
    posts: list[Post] = field(default_factory=list)
    page: int = 1
    pages: int = 1
    family: list[str] = field(default_factory=list)
    term: Term | None = None
    year: int | None = None
    terms: list[Term] = field(default_factory=list)
    years: list[tuple[int, list[Post]]] = field(default_factory=list)
    user_authored: bool = False
    compact: bool = False

    @property
    def prev_src(self) -> str | None:
        """The page before this one (newer posts), if any."""
        return self.family[self.page - 2] if self.page > 1 else None

    @property
    def next_src(self) -> str | None:
        """The page after this one (older posts), if any."""
        return self.family[self.page] if self.page < self.pages else None

    description: str = ""


@dataclass
class PostLinks:
    """A post's neighbours in date order and its related posts.

    Attributes:
        newer: The next post in time (shown as "Next post").
        older: The previous post in time (shown as "Previous post").
        related: Posts sharing the most tags, most recent first on ties.
    """

    newer: Post | None = None
    older: Post | None = None
    related: list[Post] = field(default_factory=list)


@dataclass
class BlogViews:
    """Everything `build_views` planned.

    Attributes:
        pages: Every listing page.
        tags: Tag terms, by name.
        categories: Category terms, by name.
        authors: Author terms, by name.
        tag_src: Page 1 of each tag's listing, by `term_key` of any spelling.
        category_src: Page 1 of each category's listing, by `term_key`.
        author_src: Page 1 of each author's listing, by `term_key`.
        links: Each post's neighbours and related posts, by post `src_uri`.
    """

    pages: list[ViewPage] = field(default_factory=list)
    tags: list[Term] = field(default_factory=list)
    categories: list[Term] = field(default_factory=list)
    authors: list[Term] = field(default_factory=list)
    tag_src: dict[str, str] = field(default_factory=dict)
    category_src: dict[str, str] = field(default_factory=dict)
    author_src: dict[str, str] = field(default_factory=dict)
    links: dict[str, PostLinks] = field(default_factory=dict)


def page_src(base: str, page: int, pagination_dir: str) -> str:
    """Return the docs path of page `page` of the listing rooted at folder `base`."""
    if page <= 1:
        return posixpath.join(base, "index.md")
    return posixpath.join(base, pagination_dir, str(page), "index.md")


def _paginate(
    kind: ViewKind,
    title: str,
    base: str,
    posts: Sequence[Post],
    opts: ViewOptions,
    term: Term | None = None,
    *,
    per_page: int | None = None,
    compact: bool = False,
) -> list[ViewPage]:
    per = max(1, opts.posts_per_page if per_page is None else per_page)
    pages = max(1, math.ceil(len(posts) / per))
    family = [page_src(base, n, opts.pagination_dir) for n in range(1, pages + 1)]
    return [
        ViewPage(
            kind=kind,
            title=title,
            src_uri=family[n - 1],
            posts=list(posts[(n - 1) * per : n * per]),
            page=n,
            pages=pages,
            family=family,
            term=term,
            compact=compact,
        )
        for n in range(1, pages + 1)
    ]


def _term_title(t: Callable[..., str], key: str, kind: str, term: Term) -> str:
    """Title of a term's page: "Posts tagged “docs”", "Posts by Ada"..."""
    return t(key, **{kind: term.name})


def _term_pages(
    terms: list[Term],
    kind: ViewKind,
    folder: str,
    title: Callable[[Term], str],
    opts: ViewOptions,
    index: dict[str, str],
) -> list[ViewPage]:
    out: list[ViewPage] = []
    # Compact entries cost a fraction of a card, and a term on one page instead of
    # nine costs one page render instead of nine.
    compact = not opts.term_cards
    per_page = opts.term_page_size if compact else opts.posts_per_page
    for term in terms:
        base = posixpath.join(folder, term.slug)
        out += _paginate(
            kind, title(term), base, term.posts, opts, term, per_page=per_page, compact=compact
        )
        for spelling in term.spellings:
            index[term_key(spelling)] = page_src(base, 1, opts.pagination_dir)
    return out


def build_views(posts: Sequence[Post], opts: ViewOptions, t: Callable[..., str]) -> BlogViews:
    """Plan every listing page of the blog.

    Args:
        posts: The visible posts, newest first.
        opts: Folders and page sizes.
        t: The translator, for titles (`t("posts_tagged", tag="CI")`).
    """
    views = BlogViews()
    blog = opts.blog_dir.strip("/")

    def under(folder: str) -> str:
        return posixpath.join(blog, folder.strip("/")) if blog else folder.strip("/")

    # The index: pinned posts first, each group newest first (sort is stable).
    pinned_first = sorted(posts, key=lambda p: not p.pin)
    views.pages += _paginate("index", opts.title or t("blog"), blog, pinned_first, opts)

    views.tags = group_terms(posts, lambda p: p.tags, "tag")
    views.categories = group_terms(posts, lambda p: p.categories, "category")
    views.authors = group_terms(posts, lambda p: p.authors, "author")

    tags_dir = under(opts.tags_dir)
    # An index of each kind of term, so that no tag, category or author page is an orphan.
    indexes: tuple[tuple[list[Term], ViewKind, str, str], ...] = (
        (views.tags, "tag_index", tags_dir, "tags"),
        (views.categories, "category_index", under(opts.categories_dir), "categories"),
        (views.authors, "author_index", under(opts.authors_dir), "authors"),
    )
    for terms, index_kind, folder, title_key in indexes:
        if terms:
            src = page_src(folder, 1, opts.pagination_dir)
            listing = ViewPage(index_kind, t(title_key), src, terms=terms, family=[src])
            views.pages.append(listing)
    # Each kind of term: its terms, folder, page title ("Posts tagged …") and page index.
    kinds: tuple[tuple[list[Term], ViewKind, str, str, dict[str, str]], ...] = (
        (views.tags, "tag", tags_dir, "posts_tagged", views.tag_src),
        (
            views.categories,
            "category",
            under(opts.categories_dir),
            "posts_in_category",
            views.category_src,
        ),
        (views.authors, "author", under(opts.authors_dir), "posts_by", views.author_src),
    )
    for terms, kind, folder, title_key, index in kinds:
        views.pages += _term_pages(
            terms,
            kind,
            folder,
            partial(_term_title, t, title_key, kind),
            opts,
            index,
        )

    archive_dir = under(opts.archive_dir)
    by_year: dict[int, list[Post]] = defaultdict(list)
    for post in posts:
        if post.date is not None:
            by_year[post.date.year].append(post)
    years = sorted(by_year.items(), key=lambda item: -item[0])
    if years:
        archive_src = page_src(archive_dir, 1, opts.pagination_dir)
        views.pages.append(
            ViewPage(
                kind="archive",
                title=t("archive"),
                src_uri=archive_src,
                years=years,
                family=[archive_src],
            )
        )
        for year, year_posts in years:
            src = page_src(posixpath.join(archive_dir, str(year)), 1, opts.pagination_dir)
            views.pages.append(
                ViewPage(
                    kind="archive_year",
                    title=t("posts_in_year", year=year),
                    src_uri=src,
                    posts=list(year_posts),
                    year=year,
                    family=[src],
                )
            )
    for view in views.pages:
        _describe(view, t)
    views.links = link_posts(posts, opts.related_posts)
    return views


def _describe(view: ViewPage, t: Callable[..., str]) -> None:
    view.description = view.title
    if view.page > 1:
        view.description += " – " + t("page_of", page=view.page, pages=view.pages)


def rename_index(views: BlogViews, title: str, t: Callable[..., str]) -> list[ViewPage]:
    """Give every page of the blog index a new name; return those pages.

    The nav is read after the views are planned, and a title the author gave the
    blog's folder there names the blog's index.
    """
    index = [view for view in views.pages if view.kind == "index"]
    for view in index:
        view.title = title
        _describe(view, t)
    return index


def link_posts(posts: Sequence[Post], related: int = 3, crowded: int = 200) -> dict[str, PostLinks]:
    """Link each post to its neighbours in time and to its related posts.

    Related posts share the most tags with the post; ties go to the more recent.
    Candidates come from a tag index, never from a loop over all posts. A tag carried
    by more than `crowded` posts (say "docs" on every post) is not walked: it adds one
    to the candidates found through other tags, and only its newest posts (ten per
    related post wanted) are candidates through such tags alone. The work per post is
    then bounded by `crowded` per tag, whatever the size of the blog.

    Args:
        posts: The visible posts, newest first.
        related: Most related posts per post (0 for none).
        crowded: Size above which a tag is not walked in full.
    """
    order = {p.src_uri: i for i, p in enumerate(posts)}  # 0 is the newest
    keys_of = {p.src_uri: _tag_keys(p) for p in posts}
    by_tag: dict[str, list[Post]] = defaultdict(list)
    for post in posts:
        for key in keys_of[post.src_uri]:
            by_tag[key].append(post)
    crowded_keys = {key for key, ps in by_tag.items() if len(ps) > crowded}
    # Each post's crowded tags: what two posts share through them is one set
    # intersection, not a membership test per candidate and tag.
    crowded_of = {
        src: frozenset(k for k in keys if k in crowded_keys) for src, keys in keys_of.items()
    }
    links: dict[str, PostLinks] = {}
    for i, post in enumerate(posts):
        best: list[str] = []
        if related > 0:
            keys = keys_of[post.src_uri]
            big = crowded_of[post.src_uri]
            shared: dict[str, int] = defaultdict(int)
            for key in keys:
                if key not in crowded_keys:
                    for other in by_tag[key]:
                        shared[other.src_uri] += 1
            if big:
                for src in shared:
                    shared[src] += len(big & crowded_of[src])
            for key in big:
                for other in by_tag[key][: 10 * related + 1]:
                    if other.src_uri not in shared:
                        shared[other.src_uri] = len(big & crowded_of[other.src_uri])
            shared.pop(post.src_uri, None)
            best = heapq.nsmallest(related, shared, key=lambda src: (-shared[src], order[src]))
        links[post.src_uri] = PostLinks(
            newer=posts[i - 1] if i > 0 else None,
            older=posts[i + 1] if i + 1 < len(posts) else None,
            related=[posts[order[src]] for src in best],
        )
    return links


def _tag_keys(post: Post) -> list[str]:
    return list(dict.fromkeys(k for k in (term_key(tag) for tag in post.tags) if k))
