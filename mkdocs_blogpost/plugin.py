"""The `blogpost` MkDocs plugin: thin event handlers over pure functions.

Build order, as MkDocs calls us:

1. `on_config`: reset per-build state, register templates and CSS.
2. `on_files`: read every post's front matter once, decide URLs and drafts; plan the
   blog's listing pages and add the generated ones.
3. `on_nav`: the blog becomes one "Blog" entry of an automatic nav.
4. `on_page_read_source` / `on_page_markdown`: hand MkDocs the body and normalised meta.
5. `on_page_content`: reading time, then the post header, on HTML rendered once.
6. `on_env`: every post is rendered; the listings are appended to the blog pages.
7. `on_page_context`: previous/next and related posts, after search has indexed the post.
8. `on_post_page`: head tags themes do not write themselves.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
from html import escape as escape_html
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import InclusionLevel
from mkdocs.utils import get_relative_url

from .config import BlogpostConfig
from .dates import DateError, get_timezone
from .head import has_meta_description, inject_head, meta_tag
from .i18n import Translator, resolve_language
from .pages import (
    ListingContext,
    author_links,
    create_pages,
    listing_meta,
    render_listing,
    render_post_footer,
    tag_links,
)
from .posts import PostContext, is_post_path, is_visible, read_post, resolve_urls, warn
from .render import TEMPLATES_DIR, make_environment, render_post_header
from .text import count_words, html_to_text, reading_minutes
from .views import BlogViews, ViewOptions, ViewPage, build_views

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

    from .models import Post

__all__ = ["BlogpostPlugin"]

log = get_plugin_logger(__name__)

CSS_PATH = "assets/blogpost/blogpost.css"


class BlogpostPlugin(BasePlugin[BlogpostConfig]):
    """Turn Jekyll-style posts in the docs tree into a blog inside the MkDocs site."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serve = False
        # Kept across rebuilds: `mkdocs serve --dirty` renders only changed posts, and the
        # listings still need the others' HTML. Keyed by src_uri, checked against the body.
        self._rendered: dict[str, tuple[str, str, int, int, int]] = {}
        self._reset()

    def _reset(self) -> None:
        self.posts: dict[str, Post] = {}
        self.translator = Translator("en")
        self.locale = "en"
        self.env: jinja2.Environment | None = None
        # Issue 4: the planned listing pages, by the src_uri of the page showing them.
        self.views = BlogViews()
        self.listings: dict[str, ViewPage] = {}
        self.listing_ctx: ListingContext | None = None
        self.files: Files | None = None

    # -- lifecycle -----------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is `mkdocs serve`, where drafts may be shown."""
        self.serve = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Reset per-build state and register the templates and the stylesheet."""
        self._reset()
        if not self.config.enabled:
            return config
        try:
            self.tz = get_timezone(self.config.timezone)
        except DateError as exc:
            raise PluginError(f"blogpost: option 'timezone': {exc}") from None
        if self.config.words_per_minute <= 0:
            raise PluginError("blogpost: option 'words_per_minute' must be a positive number")
        theme_language = config.theme.get("language") or getattr(config.theme, "locale", None)
        self.locale = resolve_language(self.config.language, theme_language)
        self.translator = Translator(self.locale)
        if TEMPLATES_DIR not in config.theme.dirs:
            config.theme.dirs.append(TEMPLATES_DIR)
        if CSS_PATH not in config.extra_css:
            config.extra_css.insert(0, CSS_PATH)
        self.env = make_environment(config.theme.dirs, self.translator)
        self.now = dt.datetime.now(dt.timezone.utc)
        self._check_blog_options()
        return config

    def _check_blog_options(self) -> None:
        if self.config.posts_per_page < 1:
            raise PluginError("blogpost: option 'posts_per_page' must be 1 or more")
        if self.config.related_posts < 0:
            raise PluginError("blogpost: option 'related_posts' must be 0 or more")
        for key in ("pagination_dir", "tags_dir", "categories_dir", "archive_dir", "authors_dir"):
            value = str(self.config[key]).strip("/")
            if not value or ".." in value.split("/") or "\\" in value:
                raise PluginError(
                    f"blogpost: option '{key}' must be a folder name like 'tags', "
                    f"not {self.config[key]!r}"
                )

    # -- reading posts ---------------------------------------------------------------------

    # Run after plugins that add or move files (-50 is late) so we see the final tree.
    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Read each post once, decide its URL, and keep drafts out of `mkdocs build`."""
        if not self.config.enabled:
            return files
        posts_dir = self.config.posts_dir.strip("/")
        src_uris = {f.src_uri for f in files}
        ctx = PostContext(
            posts_dir=posts_dir,
            cover_dir=self.config.cover_dir.strip("/"),
            timezone=self.tz,
            now=self.now,
            read_time=self.config.read_time,
            show_date=self.config.show_date,
            future=self.config.future,
            exists=src_uris.__contains__,
        )
        candidates = sorted(
            (f for f in files if f.is_documentation_page() and is_post_path(f.src_uri, posts_dir)),
            key=lambda f: f.src_uri,
        )
        dated: list[Post] = []
        for file in candidates:
            try:
                source = file.content_string
            except UnicodeDecodeError as exc:
                warn(
                    file.src_uri,
                    f"is not UTF-8 text (byte {exc.start}: {exc.reason}); save it as UTF-8. "
                    "The post is left out of the site",
                )
                files.remove(file)
                continue
            except OSError as exc:
                warn(file.src_uri, f"cannot be read ({exc}); the post is left out of the site")
                files.remove(file)
                continue
            post = read_post(file.src_uri, source, ctx)
            if post.status == "undated":
                # Kept as a plain page at its own path, so links to it still work.
                file.inclusion = InclusionLevel.NOT_IN_NAV
                self.posts[file.src_uri] = post
                continue
            if not is_visible(post, serve=self.serve, drafts_on_serve=self.config.drafts_on_serve):
                files.remove(file)
                continue
            file.inclusion = InclusionLevel.NOT_IN_NAV
            self.posts[file.src_uri] = post
            dated.append(post)

        taken = {f.dest_uri for f in files if f.src_uri not in self.posts}
        resolve_urls(dated, self.config.post_url_format, config.use_directory_urls, taken)
        for post in dated:
            self._move(files.get_file_from_path(post.src_uri), post, config)
        self._plan_blog(files, config)
        return files

    def _plan_blog(self, files: Files, config: MkDocsConfig) -> None:
        """Plan the listing pages and add the generated ones to `files` (issue 4)."""
        self.files = files
        options = ViewOptions(
            blog_dir=self.config.blog_dir.strip("/"),
            pagination_dir=self.config.pagination_dir.strip("/"),
            tags_dir=self.config.tags_dir.strip("/"),
            categories_dir=self.config.categories_dir.strip("/"),
            archive_dir=self.config.archive_dir.strip("/"),
            authors_dir=self.config.authors_dir.strip("/"),
            posts_per_page=self.config.posts_per_page,
            related_posts=self.config.related_posts,
        )
        self.views = build_views(self.visible_posts(), options, self.translator)
        if self.config.blog_pages:
            self.listings = create_pages(self.views, files, config, self.posts)
        else:
            self.views.pages = []
            self.views.tag_src.clear()
            self.views.category_src.clear()
            self.views.author_src.clear()
        if self.env is not None:
            self.listing_ctx = ListingContext(
                env=self.env,
                translator=self.translator,
                locale=self.locale,
                date_format=self.config.date_format,
                url_of=self._url_of,
                views=self.views,
                cover_url=self._site_cover_url,
            )

    def _url_of(self, src_uri: str | None) -> str | None:
        if src_uri is None or self.files is None:
            return None
        file = self.files.get_file_from_path(src_uri)
        return file.url if file is not None else None

    def _site_cover_url(self, post: Post) -> str | None:
        if post.cover is None:
            return None
        if post.cover.url:
            return post.cover.url
        return self._url_of(post.cover.src_uri)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Show the blog as one "Blog" entry in an automatic nav, not a one-page section."""
        if config.nav is not None or not self.config.enabled or not self.config.blog_pages:
            return nav
        index = self.views.pages[0].src_uri if self.views.pages else None
        for i, item in enumerate(nav.items):
            children = getattr(item, "children", None)
            if (
                item.is_section
                and children
                and len(children) == 1
                and children[0].is_page
                and children[0].file.src_uri == index
            ):
                page = children[0]
                page.parent = None
                nav.items[i] = page
        return nav

    @staticmethod
    def _move(file: File | None, post: Post, config: MkDocsConfig) -> None:
        if file is None:  # pragma: no cover - the file was just listed
            return
        file.dest_uri = post.dest_uri
        file.url = post.url
        file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, post.dest_uri))

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """Hand MkDocs the body we already read, with an empty front matter block.

        The empty block stops MkDocs from reading a first line like `Note: ...` as
        MultiMarkdown metadata, and spares a second YAML parse.
        """
        post = self.posts.get(page.file.src_uri)
        if post is None:
            return None
        return "---\n{}\n---\n" + post.body

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Give the page the post's normalised metadata."""
        post = self.posts.get(page.file.src_uri)
        if post is not None:
            page.meta = dict(post.meta)
        view = self.listings.get(page.file.src_uri)
        if view is not None:
            page.meta["blogpost_listing"] = listing_meta(view, self._url_of)
            if not view.user_authored:
                # Themes print the title unescaped; term names are author text.
                # From page 2 the description adds "Page N of M": one <title> per page.
                page.meta["title"] = escape_html(view.description)
                # Listings only repeat post excerpts: keep search results pointing at the
                # posts (Material's search reads this), and save indexing every listing.
                page.meta.setdefault("search", {"exclude": True})
        return markdown

    # -- rendered posts --------------------------------------------------------------------

    # Late (-50): other plugins' content changes land first, so reading time and the
    # excerpts we keep see the final HTML; the header goes on top of everything.
    @event_priority(-50)
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Measure the post, keep its HTML for listings and feeds, and add its header."""
        post = self.posts.get(page.file.src_uri)
        if post is None:
            return html
        words, cjk = count_words(html_to_text(html, keep_code_blocks=False))
        post.words, post.cjk_characters = words, cjk
        post.minutes = reading_minutes(
            words, cjk, self.config.words_per_minute, self.config.cjk_characters_per_minute
        )
        post.html = html
        self._rendered[post.src_uri] = (post.body, html, words, cjk, post.minutes)
        ctx = self.listing_ctx
        if not self.config.header or self.env is None:
            return html
        return render_post_header(
            self.env,
            post,
            content=html,
            locale=self.locale,
            date_format=self.config.date_format,
            cover_url=self._cover_url(post, page, files),
            tags=tag_links(post, page.url, ctx)
            if ctx
            else [{"name": tag, "url": None} for tag in post.tags],
            authors=author_links(post, page.url, ctx) if ctx else None,
        )

    # After search (-100; search plugins index `page.content` in their on_page_context):
    # the previous/next and related links name other posts, and would make every post
    # match searches for its neighbours' titles. The theme still renders them.
    @event_priority(-100)
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Add previous/next post links and related posts at the end of each post."""
        post = self.posts.get(page.file.src_uri)
        ctx = self.listing_ctx
        if post is None or ctx is None or post.status == "undated":
            return context
        if self.config.post_navigation and page.content is not None:
            footer = render_post_footer(post, self.views.links.get(post.src_uri), page.url, ctx)
            page.content += footer
        return context

    # Late (-50), like on_page_content: other plugins' environments are set up first.
    @event_priority(-50)
    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        """Append the listings to the blog pages, now that every post is rendered once."""
        self.files = files
        ctx = self.listing_ctx
        if ctx is None:
            return env
        for post in self.posts.values():
            cached = self._rendered.get(post.src_uri)
            if post.html is None and cached is not None and cached[0] == post.body:
                post.html, post.words, post.cjk_characters, post.minutes = cached[1:]
        for src_uri, view in self.listings.items():
            file = files.get_file_from_path(src_uri)
            page = file.page if file is not None else None
            if page is None:
                continue
            page.content = (page.content or "") + render_listing(view, page.url, ctx)
        return env

    def _cover_url(self, post: Post, page: Page, files: Files) -> str | None:
        if post.cover is None:
            return None
        if post.cover.url:
            return post.cover.url
        target = files.get_file_from_path(post.cover.src_uri or "")
        if target is None:
            return None
        return get_relative_url(target.url, page.url)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Write the post's meta description where the theme does not."""
        post = self.posts.get(page.file.src_uri)
        if post is None or not post.description:
            return output
        head_end = output.find("</head>")
        if head_end < 0 or has_meta_description(output[:head_end]):
            return output
        return inject_head(output, [meta_tag("description", post.description)])

    # -- helpers for other modules --------------------------------------------------------

    def visible_posts(self) -> list[Post]:
        """Return the posts that belong in listings and feeds, newest first."""
        listed = [
            p
            for p in self.posts.values()
            if p.date is not None
            and is_visible(p, serve=self.serve, drafts_on_serve=self.config.drafts_on_serve)
        ]
        listed.sort(key=lambda p: (p.date, p.src_uri), reverse=True)
        return listed

    def post_url(self, post: Post, relative_to: str) -> str:
        """URL of `post` from the page at URL `relative_to`."""
        return get_relative_url(post.url, relative_to)

    @staticmethod
    def page_dir(page: Page) -> str:
        """Folder of a page's source, for resolving relative paths."""
        return posixpath.dirname(page.file.src_uri)
