"""One build of one blog: the state the plugin's events share, and the steps over it.

`plugin.py` makes a `Blog` in each `on_config` and hands every later event to it, so a
`mkdocs serve` rebuild starts from nothing and two blogs of one site never share a post,
a page or a count. Each step delegates to the module that owns the work: reading posts
(`post_files`), their Markdown (`post_markdown`), rendering (`rendered`), the listing
pages (`views`, `pages`), and feeds, head tags and redirects (`syndication`).
"""

from __future__ import annotations

import datetime as dt
from html import escape as escape_html
from typing import TYPE_CHECKING

from .dates import get_timezone
from .i18n import Translator, resolve_language
from .render import make_environment, render_post_header
from .several_blogs import blog_title

if TYPE_CHECKING:
    from markdown.extensions import Extension
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    from .config import BlogpostConfig
    from .jekyll_site import JekyllSite
    from .models import Post
    from .pages import ListingContext
    from .post_markdown import PostMarkdown
    from .rendered import QuoteTransformer, RenderedPosts
    from .syndication import Syndication
    from .views import BlogViews, ViewPage

__all__ = ["Blog"]


class Blog:
    """One build of one blog.

    Args:
        options: The blog's options.
        config: The site's configuration, the plugin's templates already in its theme.
        serve: Whether this is `mkdocs serve`, where drafts may be shown.
        label: `""`, or the blog's name and a colon in a site with several blogs.
        rendered: What rendering made of each post in earlier builds (`--dirty`).
    """

    def __init__(
        self,
        options: BlogpostConfig,
        config: MkDocsConfig,
        *,
        serve: bool,
        label: str,
        rendered: RenderedPosts,
    ) -> None:
        self.options = options
        #: What rendering made of each post, kept by the plugin across rebuilds.
        self.rendered = rendered
        self.serve = serve
        self.label = label
        self.title = blog_title(options, several=bool(label))
        self.timezone = get_timezone(options.timezone)
        self.now = dt.datetime.now(dt.timezone.utc)
        theme_language = config.theme.get("language") or getattr(config.theme, "locale", None)
        self.locale = resolve_language(options.language, theme_language)
        self.translator = Translator(self.locale)
        self.env = make_environment(config.theme.dirs, self.translator)
        self.jekyll_site: JekyllSite | None = None
        if options.jekyll_config:
            from .jekyll_site import load_for_blog

            self.jekyll_site = load_for_blog(
                options.jekyll_config, self.timezone, options.timezone
            )
        self.syndication = self._syndication(config)
        #: Every post of the build by docs path, undated ones (plain pages) included.
        self.posts: dict[str, Post] = {}
        #: The dated posts, by docs path.
        self.dated: list[Post] = []
        #: The posts listings and feeds show, newest first (drafts only under serve).
        self.listed: list[Post] = []
        self.views: BlogViews | None = None
        #: The listing pages, by the docs path of the page showing them.
        self.listings: dict[str, ViewPage] = {}
        self.listing_ctx: ListingContext | None = None
        self.files: Files | None = None
        #: Set in `on_files` for a blog with posts.
        self.markdown: PostMarkdown | None = None
        self.quotes: QuoteTransformer | None = None
        #: Markdown extensions this blog added to the site's configuration.
        self.extensions: list[Extension] = []
        #: The page being rendered, for warnings from Markdown extensions.
        self.rendering: File | None = None
        #: Posts' HTML before the header and footer, while their page is being built.
        self.bodies: dict[str, str] = {}

    def _syndication(self, config: MkDocsConfig) -> Syndication:
        from .syndication import Syndication

        permalink = None
        if self.options.permalink_redirects:
            site = self.jekyll_site
            permalink = (site.permalink if site is not None else None) or self.options.permalink
        return Syndication(
            self.options,
            config,
            translator=self.translator,
            locale=self.locale,
            env=self.env,
            now=self.now,
            permalink=permalink,
            timezone=self.timezone,
            blog_title=self.title if self.label else None,
        )

    # -- on_files ----------------------------------------------------------------------------

    def read_posts(self, files: Files, config: MkDocsConfig) -> None:
        """Read the posts, plan the blog's pages, feeds and redirects, and index links."""
        from .post_files import collect_posts
        from .posts import is_visible

        found = collect_posts(
            files, self.options, config, serve=self.serve, timezone=self.timezone, now=self.now
        )
        self.posts, self.dated = found.by_src, found.dated
        drafts = self.options.drafts_on_serve
        self.listed = sorted(
            (p for p in self.dated if is_visible(p, serve=self.serve, drafts_on_serve=drafts)),
            key=lambda p: (p.date, p.src_uri),
            reverse=True,
        )
        self.plan_pages(files, config)
        self.syndication.plan(files, self.dated, self.listed)
        if self.posts:
            # After every generated file (feeds, redirects) is planned: links may name them.
            self._prepare_markdown(files, config)

    def plan_pages(self, files: Files, config: MkDocsConfig) -> None:
        """Plan the listing pages and add the generated ones to `files`."""
        from .pages import ListingContext, create_pages
        from .views import ViewOptions, build_views

        self.files = files
        o = self.options
        options = ViewOptions(
            blog_dir=o.blog_dir,
            pagination_dir=o.pagination_dir,
            tags_dir=o.tags_dir,
            categories_dir=o.categories_dir,
            archive_dir=o.archive_dir,
            authors_dir=o.authors_dir,
            posts_per_page=o.posts_per_page,
            related_posts=o.related_posts,
            title=self.title,
        )
        self.views = build_views(self.listed, options, self.translator)
        if o.blog_pages:
            self.listings = create_pages(self.views, files, config, self.posts)
        else:
            self.views.pages = []
            self.views.tag_src.clear()
            self.views.category_src.clear()
            self.views.author_src.clear()
        self.listing_ctx = ListingContext(
            env=self.env,
            translator=self.translator,
            locale=self.locale,
            date_format=o.date_format,
            url_of=self.url_of,
            views=self.views,
            cover_url=self.cover_url,
            base=o.blog_dir + "/" if o.blog_dir else "",
        )

    def _prepare_markdown(self, files: Files, config: MkDocsConfig) -> None:
        from .post_markdown import PostMarkdown

        site_math = any(
            ext == "pymdownx.arithmatex"
            for ext in config.markdown_extensions
            if isinstance(ext, str)
        )
        self.markdown = PostMarkdown(
            site_url=config.site_url or "", site_math=site_math, jekyll_site=self.jekyll_site
        )
        self.markdown.index_links(
            files, config, self.posts.values(), self.syndication.redirect_pages
        )
        rewriter = self.markdown.link_rewriter(f"blogpost_links:{self.options.posts_dir}")
        config.markdown_extensions.append(rewriter)
        self.extensions.append(rewriter)

    def url_of(self, src_uri: str | None) -> str | None:
        """Return the site path of the docs file `src_uri`, `None` when it is not built."""
        from .urls import site_path_of

        return None if self.files is None else site_path_of(self.files, src_uri)

    def cover_url(self, post: Post) -> str | None:
        """Return the post's cover as a site path, or the external URL it was given."""
        from .urls import cover_site_path

        return None if self.files is None else cover_site_path(post, self.files)

    # -- on_page_markdown --------------------------------------------------------------------

    def page_markdown(self, markdown: str, page: Page) -> str:
        """Prepare a post's Markdown; give a listing page its title and metadata."""
        self.rendering = page.file
        post = self.posts.get(page.file.src_uri)
        if post is not None and self.markdown is not None:
            return self.markdown.prepare(markdown, post, page)
        if self.markdown is not None:
            self.markdown.end_page()
        view = self.listings.get(page.file.src_uri)
        if view is not None:
            from .pages import listing_meta

            page.meta["blogpost_listing"] = listing_meta(view, self.url_of)
            if not view.user_authored:
                # Themes print the title unescaped; term names are author text.
                # From page 2 the description adds "Page N of M": one <title> per page.
                page.meta["title"] = escape_html(view.description)
                # Listings only repeat post excerpts: keep search results pointing at the
                # posts (Material's search reads this), and save indexing every listing.
                page.meta.setdefault("search", {"exclude": True})
        return markdown

    # -- on_page_content ---------------------------------------------------------------------

    def page_content(self, html: str, page: Page) -> str:
        """Measure and transform a post, and keep its excerpt (and, for feeds, its HTML)."""
        self.rendering = None
        if self.markdown is not None:
            self.markdown.end_page()
        post = self.posts.get(page.file.src_uri)
        if post is None:
            return self.transform(html, page, None) if self.options.tweets_everywhere else html
        from .excerpts import excerpt_html
        from .rendered import measure

        measure(post, html, self.options)
        # After measuring (share labels are not reading), before keeping the HTML that
        # listings and feeds reuse.
        html = self.transform(html, page, post)
        post.html = html
        post.summary = excerpt_html(post)
        if not self.syndication.needs_html(post):
            # Listings and head tags reuse the summary; only feeds read the whole post.
            post.html = None
        self.rendered.keep(post)
        # MkDocs keeps its own copy (`page.markdown`); ours was needed up to here (line
        # numbers of the transform's warnings).
        post.body = ""
        return html + self._github_link(post)

    def transform(self, html: str, page: Page, post: Post | None) -> str:
        """Turn the page's `<tweet>` quotes and `<small>` captions into styled blocks."""
        if self.quotes is None:
            from .rendered import QuoteTransformer

            self.quotes = QuoteTransformer(self.env, self.options)
        return self.quotes.transform(html, page, post)

    def _github_link(self, post: Post) -> str:
        url = self.markdown.github_urls.get(post.src_uri) if self.markdown else None
        if url is None:
            return ""
        return self.env.get_template("blogpost/fragments/github-link.html").render(url=url)

    def report_bad_url(self, url: str) -> None:
        """Warn about a link or image URL that cannot be parsed, naming its line."""
        file = self.rendering
        if file is None:  # pragma: no cover - Markdown outside a page render
            return
        from .posts import warn

        line: int | None = None
        try:
            index = file.content_string.find(url)
        except (OSError, UnicodeDecodeError):  # pragma: no cover - the page was just read
            index = -1
        if index >= 0:
            line = file.content_string.count("\n", 0, index) + 1
        warn(
            file.src_uri,
            f"the link or image URL {url!r} is not a valid URL; it is shown as plain text. "
            "Fix the URL",
            line,
        )

    # -- on_env ------------------------------------------------------------------------------

    def fill(self, files: Files) -> None:
        """Every post is rendered: give `--dirty` skipped posts their HTML, write the feeds."""
        self.files = files
        # The listings themselves are rendered page by page, in `on_page_context`.
        self.rendered.restore(self.posts)
        self.syndication.fill(files, self.dated)

    # -- on_page_context ---------------------------------------------------------------------

    def dress(self, page: Page) -> None:
        """Put the listing on a listing page; the header and footer around a post."""
        ctx = self.listing_ctx
        if ctx is None:
            return
        post = self.posts.get(page.file.src_uri)
        if post is None:
            view = self.listings.get(page.file.src_uri)
            if view is not None:
                from .pages import render_listing

                # Rendered when the page is: one listing page's HTML is in memory at a
                # time (see `release`), not a thousand until the build ends.
                page.content = (page.content or "") + render_listing(view, page.url, ctx)
            return
        if page.content is None:
            return
        footer = ""
        if self.options.post_navigation and self.views is not None and post.date is not None:
            from .pages import render_post_footer

            footer = render_post_footer(
                post, self.views.links.get(post.src_uri), page.url, ctx
            )
        self.bodies[page.file.src_uri] = page.content
        page.content = self._header(post, page, page.content) + footer

    def _header(self, post: Post, page: Page, content: str) -> str:
        """Put the post's header (title, date, reading time, authors, cover, tags) on top."""
        ctx = self.listing_ctx
        if not self.options.header or ctx is None:
            return content
        from .pages import author_links, tag_links
        from .urls import relative_url

        cover = self.cover_url(post)
        return render_post_header(
            self.env,
            post,
            content=content,
            locale=self.locale,
            date_format=self.options.date_format,
            cover_url=relative_url(cover, page.url) if cover else None,
            tags=tag_links(post, page.url, ctx),
            authors=author_links(post, page.url, ctx),
        )

    # -- on_post_page ------------------------------------------------------------------------

    def head(self, output: str, page: Page) -> str:
        """Write head tags themes do not: description, social cards, feed links, MathJax."""
        src = page.file.src_uri
        if self.markdown is not None and src in self.markdown.math_pages:
            from .switches import inject_mathjax

            output = inject_mathjax(output)
        return self.syndication.head(output, page, self.posts.get(src))

    def release(self, page: Page) -> None:
        """Drop what a written page no longer needs: one listing or header at a time.

        A listing page's cards go; a post's `page.content` goes back to the post's own
        HTML, without the header and footer drawn around it.
        """
        body = self.bodies.pop(page.file.src_uri, None)
        if body is not None:
            page.content = body
            return
        view = self.listings.get(page.file.src_uri)
        if view is not None and not view.user_authored:
            page.content = ""

    # -- on_post_build -----------------------------------------------------------------------

    def summary(self, warnings: int) -> str:
        """Return the line saying what the plugin did in this build."""
        tweets = self.quotes.tweets if self.quotes else 0
        captions = self.quotes.captions if self.quotes else 0
        links = self.markdown.links.rewritten if self.markdown else 0
        return (
            f"{self.label}{len(self.listed)} posts, {tweets} tweets, {captions} captions, "
            f"{self.syndication.redirected} old URLs redirected, {links} links rewritten, "
            f"{warnings} warnings"
        )
