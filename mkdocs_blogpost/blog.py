"""One build of one blog: the state the plugin's events share, and the steps over it.

`plugin.py` makes a `Blog` in each `on_config` and hands every later event to it, so a
`mkdocs serve` rebuild starts from nothing and two blogs of one site never share a post,
a page or a count. Each step delegates to the module that owns the work: reading posts
(`post_files`), their Markdown (`post_markdown`), rendering (`rendered`), the listing
pages (`views`, `pages`), and feeds, head tags and redirects (`syndication`).
"""

from __future__ import annotations

import datetime as dt
import html
import os
from typing import TYPE_CHECKING, Any

from .dates import get_timezone
from .i18n import Translator, resolve_language
from .multilingual import language_tag
from .other_plugins import (
    awesome_nav_file,
    lightbox,
    literate_nav_file,
    material_tags_on_pages,
)
from .render import make_environment
from .rendered import QuoteTransformer
from .several_blogs import blog_title
from .urls import cover_site_path, site_path_of

if TYPE_CHECKING:
    from collections.abc import Mapping

    from markdown.extensions import Extension
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

    from .authors import Author
    from .config import BlogpostConfig
    from .docs_relations import DocsRelations, LinkState
    from .jekyll_site import JekyllSite
    from .models import Post
    from .multilingual import BuildLanguages
    from .pages import ListingContext
    from .post_lists import PostLists
    from .post_markdown import PostMarkdown
    from .rendered import RenderedPosts
    from .several_blogs import BlogNames
    from .views import BlogViews, ViewPage

__all__ = ["Blog"]


class Blog:
    """One build of one blog.

    Args:
        options: The blog's options.
        config: The site's configuration, the plugin's templates already in its theme.
        serve: Whether this is `mkdocs serve`, where drafts may be shown.
        dirty: Whether MkDocs builds only the pages that changed (`--dirty`).
        label: `""`, or the blog's name and a colon in a site with several blogs.
        rendered: What rendering made of each post in earlier builds (`--dirty`).
        id_base: `site_url` as configured, before other plugins changed it (feed ids).
        names: How post lists in pages name this blog (`blog=`), in a site of several.
    """

    def __init__(
        self,
        options: BlogpostConfig,
        config: MkDocsConfig,
        *,
        serve: bool,
        dirty: bool = False,
        label: str,
        rendered: RenderedPosts,
        id_base: str | None = None,
        names: BlogNames | None = None,
    ) -> None:
        self.options = options
        #: What rendering made of each post, kept by the plugin across rebuilds.
        self.rendered = rendered
        self.serve = serve
        self.dirty = dirty
        self.label = label
        self.title = blog_title(options, several=bool(label))
        self.timezone = get_timezone(options.timezone)
        self.now = dt.datetime.now(dt.timezone.utc)
        from .multilingual import static_i18n

        #: This build's languages when mkdocs-static-i18n builds the site once per language.
        self.languages = static_i18n(config, fallback=options.fallback_to_default)
        theme_language = config.theme.get("language") or getattr(config.theme, "locale", None)
        if self.languages is not None:
            self.locale = resolve_language(self.languages.current, None)
        else:
            self.locale = resolve_language(options.language, theme_language)
        self.translator = Translator(self.locale)
        #: The blog's folder as docs paths name it (under the language's folder with
        #: i18n's `docs_structure: folder`), and as site paths do (under `fr/`).
        self.blog_dir = self._in_docs(options.blog_dir)
        self.site_blog_dir = self._in_site(options.blog_dir)
        self.env = make_environment(config.theme.dirs, self.translator)
        self.jekyll_site: JekyllSite | None = None
        if options.jekyll_config:
            from .jekyll_site import load_for_blog

            self.jekyll_site = load_for_blog(
                options.jekyll_config, self.timezone, options.timezone
            )
        self.site_url: str | None = config.site_url or None
        self._load_authors(config)
        #: Material's tags plugin shows a post's tags above its title: ours stay out.
        self.header_tags = not material_tags_on_pages(config)
        #: mkdocs-glightbox's settings: captions describe its slides, the cover opens in it.
        self.lightbox = lightbox(config)
        self._plan_syndication(config, id_base)
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
        # Under `serve`, what the last build made of an unchanged page is reused.
        self.quotes = QuoteTransformer(
            self.env,
            options,
            lightbox=self.lightbox is not None,
            memo=rendered.transforms if serve else None,
        )
        #: Markdown extensions this blog added to the site's configuration.
        self.extensions: list[Extension] = []
        #: The page being rendered, for warnings from Markdown extensions.
        self.rendering: File | None = None
        #: Posts' HTML before the header and footer, while their page is being built.
        self.bodies: dict[str, str] = {}
        #: Listing contexts in the languages of posts written in another (`lang:`).
        self._contexts: dict[str, ListingContext] = {}
        self._names = names
        #: Lists of posts asked for in any page (`<!-- blogpost:posts -->`).
        self.post_lists: PostLists | None = None
        #: Posts and the docs pages they concern; set in `on_files` for a blog with posts.
        self.relations: DocsRelations | None = None
        self._doc_links: LinkState | None = None

    def _in_docs(self, path: str) -> str:
        """Return a blog folder as docs paths name it in this language's build."""
        prefix = self.languages.src_prefix if self.languages is not None else ""
        return (prefix + path).rstrip("/") if path or prefix else path

    def _in_site(self, path: str) -> str:
        """Return a blog folder as site paths name it in this language's build."""
        prefix = self.languages.url_prefix() if self.languages is not None else ""
        return (prefix + path).rstrip("/") if path or prefix else path

    def _load_authors(self, config: MkDocsConfig) -> None:
        """Read the blog's authors file (ids, names, avatars, bios), if it has one."""
        from .authors import load_authors
        from .config import DEFAULT_AUTHORS_FILE, authors_file

        explicit = self.options.authors_file != DEFAULT_AUTHORS_FILE
        path = authors_file(self.options)
        languages = self.languages
        if languages is not None and languages.src_prefix:
            # One folder per language: this language's own file, else the default
            # language's (authors are the same people in every language), else the path
            # as written.
            own = languages.src_prefix + path
            default = f"{languages.default}/{path}"
            found = (p for p in (own, default) if os.path.isfile(os.path.join(config.docs_dir, p)))
            path = next(found, path)
        self.authors = load_authors(config.docs_dir, path, explicit=explicit)

    def _plan_syndication(self, config: MkDocsConfig, id_base: str | None) -> None:
        """Prepare the feeds, head tags and redirects; they read the site from `config`."""
        from .feed_files import BlogFeeds
        from .head_tags import HeadTags

        o = self.options
        language = self.locale.replace("_", "-")
        # Among several blogs, each one's feeds carry its name: they would share one.
        named = f"{config.site_name} – {self.title}" if self.label and self.title else None
        self.feeds = BlogFeeds(
            o,
            config,
            translator=self.translator,
            language=language,
            title=o.feed_title or named or config.site_name,
            now=self.now,
            id_base=id_base,
            prefix=self.languages.url_prefix() if self.languages is not None else "",
        )
        self.head_tags = HeadTags(
            o, config, self.feeds, language=language, url_of=self.url_of, blog_dir=self.blog_dir
        )
        #: The old Jekyll blog's permalink, when posts' old URLs are redirected.
        self.permalink: str | None = None
        if o.permalink_redirects:
            site = self.jekyll_site
            self.permalink = (site.permalink if site is not None else None) or o.permalink
        #: Docs paths of the redirect pages: a link to an old URL means the post, not them.
        self.redirect_pages: set[str] = set()

    # -- on_files ----------------------------------------------------------------------------

    def read_posts(self, files: Files, config: MkDocsConfig) -> None:
        """Read the posts, plan the blog's pages, feeds and redirects, and index links."""
        from .post_files import collect_posts
        from .posts import is_visible

        found = collect_posts(
            files,
            self.options,
            config,
            serve=self.serve,
            timezone=self.timezone,
            now=self.now,
            author_name=self.authors.name_of,
            languages=self.languages,
        )
        self.posts, self.dated = found.by_src, found.dated
        drafts = self.options.drafts_on_serve
        self.listed = sorted(
            (p for p in self.dated if is_visible(p, serve=self.serve, drafts_on_serve=drafts)),
            key=lambda p: (p.date, p.src_uri),
            reverse=True,
        )
        self.plan_pages(files, config)
        if self.dirty:
            from .rendered import rebuild_pages_showing_posts

            published = [p.src_uri for p in self.dated if files.get_file_from_path(p.src_uri)]
            rebuild_pages_showing_posts(files, published, self.listings, self.rendered)
        self._plan_files(files, config)
        if self.posts:
            # After every generated file (feeds, redirects) is planned: links may name them.
            self._prepare_markdown(files, config)
            self._relate_docs(files, config)

    def _relate_docs(self, files: Files, config: MkDocsConfig) -> None:
        """Read which docs pages posts concern; note docs pages' links to posts as they render."""
        from .docs_relations import DocsRelations, LinkCollectorExtension, LinkState

        o = self.options
        self.relations = DocsRelations(
            self.posts,
            backlinks=o.docs_backlinks,
            position=o.docs_related_posts,  # type: ignore[arg-type]  # a checked Choice
            blog_name=(self.title or "") if self.label else "",
        )
        languages = self.languages
        self.relations.declare(files, languages.docs_key if languages is not None else None)
        if o.docs_backlinks:
            self._doc_links = LinkState()
            collector = LinkCollectorExtension(
                self._doc_links, f"blogpost_doc_links:{o.posts_dir}"
            )
            config.markdown_extensions.append(collector)
            self.extensions.append(collector)

    def _lists(self, ctx: ListingContext) -> PostLists:
        """Return the lists pages ask for, made for the first page that asks for one."""
        if self.post_lists is None:
            from .post_lists import PostLists
            from .posts import is_public
            from .several_blogs import BlogNames

            names = self._names or BlogNames(own=frozenset({self.options.blog_dir.casefold()}))
            # Published posts only, even under `serve`: a draft must not be previewed in
            # a page that is not the blog's.
            self.post_lists = PostLists(names, [p for p in self.listed if is_public(p)], ctx)
        return self.post_lists

    def _plan_files(self, files: Files, config: MkDocsConfig) -> None:
        """Add the feeds' files and the redirect pages, now that posts have their URLs."""
        from .public_urls import canonical_urls

        self.head_tags.canonical = canonical_urls(self.dated, self.site_url)
        if self.site_url and self.views is not None:
            from .public_urls import people
            from .taxonomy import term_key

            views = self.views
            self.head_tags.people = people(
                (term.name for term in views.authors),
                self.authors.profile,
                lambda name: self.url_of(views.author_src.get(term_key(name))),
                self.avatar_url,
                self.site_url,
            )
        languages = self.languages
        if languages is not None:
            from .public_urls import original_urls

            # A post shown untranslated is the default language's page: search engines
            # are sent there, not to its copy in each language.
            self.head_tags.canonical.update(original_urls(self.dated, languages, self.site_url))
        if self.options.feeds:
            self.feeds.plan(files, self.listed)
        # Old URLs were the one language's the old blog had: the default's redirect them.
        old_urls = languages is None or languages.current == languages.default
        if old_urls and (self.options.redirects or self.permalink is not None):
            from .redirects import add_redirect_pages

            redirects = add_redirect_pages(
                files,
                self.dated,
                config,
                env=self.env,
                from_front_matter=self.options.redirects,
                permalink=self.permalink,
                timezone=self.timezone,
                canonical=self.head_tags.canonical,
                language=self.head_tags.language,
            )
            self.redirect_pages = {r.dest_uri for r in redirects}
            from .other_plugins import report_redirect_map_clashes

            report_redirect_map_clashes(config, redirects)

    def plan_pages(self, files: Files, config: MkDocsConfig) -> None:
        """Plan the listing pages and add the generated ones to `files`."""
        from .pages import ListingContext, create_pages
        from .views import ViewOptions, build_views

        self.files = files
        o = self.options
        self.authors.find_avatars(files.src_uris.__contains__)
        view_options = ViewOptions.of_blog(o, self.title, blog_dir=self.blog_dir)
        self.views = build_views(self.listed, view_options, self.translator)
        if o.blog_pages:
            from .other_plugins import offer_redirect_targets

            languages = self.languages
            self.listings = create_pages(
                self.views,
                files,
                config,
                self.posts,
                key_of=languages.docs_key if languages is not None else None,
                place=languages.place if languages is not None else None,
            )
            generated = [
                f
                for f in (files.get_file_from_path(src) for src in self.listings)
                if f is not None
            ]
            offer_redirect_targets(config, generated)
            if languages is not None:
                self._show_in_languages(generated, languages)
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
            base=self.site_blog_dir + "/" if self.site_blog_dir else "",
            authors=self.authors,
            avatar_url=self.avatar_url,
            feed=self.feeds.main_feed,
        )

    def _show_in_languages(self, generated: list[File], languages: BuildLanguages) -> None:
        """Give the generated pages their place among i18n's pages of this language.

        The blog index, the tag index and the archive are in every language, at the same
        path under each language's folder: the language switcher leads from one to the
        other. A tag, category or author page may have no counterpart, so it leads to
        the other language's home, as i18n does for a page without a translation.
        """
        everywhere = {"index", "tag_index", "archive"}
        for file in generated:
            view = self.listings.get(file.src_uri)
            if view is None or view.user_authored:
                continue
            shared = view.kind in everywhere and view.page == 1
            urls = (
                {lang: languages.in_language(file.url, lang) for lang in languages.languages}
                if shared
                else {}
            )
            languages.give_alternates(file, urls)
        languages.list_in_sitemap(f for f in generated if f.is_documentation_page())

    def _prepare_markdown(self, files: Files, config: MkDocsConfig) -> None:
        from .post_markdown import PostMarkdown

        site_math = any(
            ext == "pymdownx.arithmatex"
            for ext in config.markdown_extensions
            if isinstance(ext, str)
        )
        from .other_plugins import macros_pages

        self.markdown = PostMarkdown(
            site_url=config.site_url or "",
            site_math=site_math,
            jekyll_site=self.jekyll_site,
            macros=macros_pages(config),
        )
        self.markdown.index_links(
            files, config, self.posts.values(), self.redirect_pages
        )
        rewriter = self.markdown.link_rewriter(f"blogpost_links:{self.options.posts_dir}")
        config.markdown_extensions.append(rewriter)
        self.extensions.append(rewriter)

    # -- the nav ---------------------------------------------------------------------------

    def show_named_posts(self, files: Files, config: MkDocsConfig) -> None:
        """Let awesome-nav see the posts its nav files name: it skips pages not in the nav."""
        file_name = awesome_nav_file(config)
        if file_name is None or not self.posts:
            return
        from mkdocs.structure.files import InclusionLevel

        from .navigation import posts_named_in_nav_files

        for file in posts_named_in_nav_files(files, file_name, self.posts):
            file.inclusion = InclusionLevel.INCLUDED

    def link_index_not_folder(self, config: MkDocsConfig) -> None:
        """Show the blog as its index where literate-nav was given the blog's folder."""
        file_name = literate_nav_file(config)
        views = self.views
        if file_name is None or self.files is None or views is None or not views.pages:
            return
        from .navigation import collapse_folder_links, report_folder_link

        index = views.pages[0].src_uri
        for title in collapse_folder_links(config.nav, index, self.listings):
            report_folder_link(
                self.files, file_name, self.blog_dir, index, title, config.config_file_path
            )

    def place_in_nav(self, nav: Navigation, config: MkDocsConfig) -> None:
        """Show the blog as one entry of an automatic nav, under the author's title if any.

        The title the nav gives the blog's folder names the entry (and the index page's
        title), as a title in `nav:` does for any page. Without `blog_title`, it is also
        the blog's name on its index pages, so the page agrees with its entry.
        """
        views = self.views
        if config.nav is not None or self.files is None or views is None or not views.pages:
            return
        from .navigation import collapse_blog_section

        entry = collapse_blog_section(nav.items, views.pages[0].src_uri, self.blog_dir)
        if entry is None or entry.title is None:
            return
        # Themes print titles unescaped, as they do the listings' own titles.
        entry.page.title = html.escape(entry.title, quote=False)
        if not self.options.blog_title:
            from .pages import retitle_pages
            from .views import rename_index

            retitle_pages(rename_index(views, entry.title, self.translator), self.files)

    def url_of(self, src_uri: str | None) -> str | None:
        """Return the site path of the docs file `src_uri`, `None` when it is not built."""
        return None if self.files is None else site_path_of(self.files, src_uri)

    def avatar_url(self, author: Author) -> str | None:
        """Return an author's avatar as a site path, or the URL the authors file gave."""
        if self.files is None:
            return None
        found = self.authors.avatar_of(author)
        if found is None:
            return None
        value, is_url = found
        return value if is_url else site_path_of(self.files, value)

    def cover_url(self, post: Post) -> str | None:
        """Return the post's cover as a site path, or the external URL it was given."""
        return None if self.files is None else cover_site_path(post, self.files)

    # -- on_page_markdown --------------------------------------------------------------------

    def page_markdown(self, markdown: str, page: Page) -> str | None:
        """Prepare a post's page, or a listing page's metadata; `None` for other pages.

        A post's page gets its body, metadata and converted Markdown; a listing page
        its title and metadata.

        MkDocs has read the post's file again by now: it would keep a front matter
        block it cannot parse, and read a first line like `Note: ...` of a post without
        front matter as MultiMarkdown metadata. So the body and the metadata come from
        the reading in `on_files`.
        """
        self.rendering = page.file
        post = self.posts.get(page.file.src_uri)
        if post is not None and self.markdown is not None:
            page.meta = merged_meta(page.meta, post)
            return self.markdown.prepare(post.body.lstrip("\n"), post, page)
        if self.markdown is not None:
            self.markdown.end_page()
        view = self.listings.get(page.file.src_uri)
        if view is not None:
            from .pages import set_listing_meta

            set_listing_meta(page.meta, view, self.url_of)
        elif self._doc_links is not None:
            self._doc_links.begin(page.file.src_uri)
        return None if view is None else markdown

    # -- on_page_content ---------------------------------------------------------------------

    def page_content(self, html: str, page: Page) -> str:
        """Measure and transform a post, and keep its excerpt (and, for feeds, its HTML)."""
        self.rendering = None
        if self.markdown is not None:
            self.markdown.end_page()
        if self._doc_links is not None and self._doc_links.page_src == page.file.src_uri:
            found = self._doc_links.end()
            if found and self.relations is not None:
                self.relations.note_links(page, found)
        post = self.posts.get(page.file.src_uri)
        if post is None:
            if self.options.tweets_everywhere:
                return self.quotes.transform(html, page, None)
            return html
        from .rendered import render_post

        html = render_post(
            post,
            html,
            page,
            options=self.options,
            quotes=self.quotes,
            keep_html=self.feeds.needs_html,
            rendered=self.rendered,
            language=self.locale,
        )
        if self.markdown is not None:
            html += self.markdown.github_link(self.env, post)
        return html

    def report_bad_url(self, url: str) -> None:
        """Warn about a link or image URL that cannot be parsed, naming its line."""
        if self.rendering is not None:
            from .guards import report_malformed_url

            report_malformed_url(self.rendering, url)

    # -- on_env ------------------------------------------------------------------------------

    def fill(self, files: Files) -> None:
        """Every post is rendered: give `--dirty` skipped posts their HTML, write the feeds."""
        self.files = files
        # The listings themselves are rendered page by page, in `on_page_context`.
        self.rendered.restore(self.posts)
        self.rendered.transforms.forget_except(f.src_uri for f in files.documentation_pages())
        if self.site_url:
            from .public_urls import covers

            self.head_tags.covers = covers(self.dated, files, self.site_url)
        self.feeds.write(files, self.head_tags.covers)
        if self.relations is not None:
            self.relations.check_anchors()

    # -- on_page_context ---------------------------------------------------------------------

    def dress(self, page: Page) -> None:
        """Put the listing on a listing page; the header and footer around a post."""
        ctx = self.listing_ctx
        if ctx is None:
            return
        from .pages import dress_listing, dress_post

        # The marker of `post_lists.MARKER`: one substring test for a page without a list.
        if page.content and "blogpost:posts" in page.content:
            page.content = self._lists(ctx).fill(page, page.content)
        post = self.posts.get(page.file.src_uri)
        if post is None:
            view = self.listings.get(page.file.src_uri)
            if view is not None:
                self._place_under_blog(page, view.kind)
                # Rendered when the page is: one listing page's HTML is in memory at a
                # time (see `release`), not a thousand until the build ends.
                page.content = dress_listing(view, page.url, page.content or "", ctx)
            elif self.relations is not None:
                self.relations.dress_page(page, ctx)
            return
        if post.date is not None:
            self._place_under_blog(page, "post")
        if page.content is None:
            return
        self.bodies[page.file.src_uri] = page.content
        own = self._own_language(post)
        post_ctx = self._context_in(own) if own else ctx
        content = page.content
        if self.relations is not None:
            # Inside the post's text, before its previous/next links; in the page's
            # language where the text is in another.
            content += self.relations.post_box(
                post,
                page.url,
                post_ctx,
                lang=language_tag(self.locale) if post.fallback and post.language else None,
            )
        page.content = dress_post(
            post,
            page.url,
            content,
            post_ctx,
            header=self.options.header,
            footer=self.options.post_navigation,
            tags=self.header_tags,
            lightbox=self.lightbox,
            translations=self._translations(post),
            lang=language_tag(own) if own else None,
            body_lang=language_tag(post.language) if post.fallback and post.language else None,
        )

    def _place_under_blog(self, page: Page, kind: str) -> None:
        """Show the page under the blog in the site's nav and breadcrumbs, without its links."""
        if self.files is None or self.views is None:
            return
        from .navigation import place_under_blog

        place_under_blog(page, kind, self.views, self.files)

    def _own_language(self, post: Post) -> str | None:
        """Return the language a post is shown in when it is not the blog's (`lang:`)."""
        if post.language is None or post.fallback:
            return None
        own = resolve_language(post.language, None)
        return None if own.lower() == self.locale.lower() else own

    def _context_in(self, language: str) -> ListingContext:
        """Return the listing context with the words and dates of `language`."""
        ctx = self._contexts.get(language)
        if ctx is None:
            import dataclasses

            assert self.listing_ctx is not None
            ctx = dataclasses.replace(
                self.listing_ctx, translator=Translator(language), locale=language
            )
            self._contexts[language] = ctx
        return ctx

    def _translations(self, post: Post) -> list[dict[str, str]]:
        """Return the post's other language versions, each named in its own language."""
        from .multilingual import language_name

        here = self.languages.current if self.languages is not None else None
        return [
            {"name": language_name(lang), "url": url, "lang": language_tag(lang)}
            for lang, url in post.translations.items()
            if lang != here
        ]

    # -- on_post_page ------------------------------------------------------------------------

    def head(self, output: str, page: Page) -> str:
        """Write head tags themes do not: description, social cards, feed links, MathJax."""
        src = page.file.src_uri
        if self.markdown is not None and src in self.markdown.math_pages:
            from .switches import inject_mathjax

            output = inject_mathjax(output)
        return self.head_tags.write(output, page, self.posts.get(src), self.listings.get(src))

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
        tweets, captions = self.quotes.tweets, self.quotes.captions
        links = self.markdown.links.rewritten if self.markdown else 0
        return (
            f"{self.label}{len(self.listed)} posts, {tweets} tweets, {captions} captions, "
            f"{len(self.redirect_pages)} old URLs redirected, {links} links rewritten, "
            f"{warnings} warnings"
        )


def merged_meta(meta: Mapping[str, Any], post: Post) -> dict[str, Any]:
    """Return the post's normalised metadata, with the keys other plugins gave the page.

    What MkDocs read from the file itself is dropped: the post's metadata replaces it,
    normalised (and without what was unsafe). A key another plugin added stays, unless
    it is one blogpost sets. The post's own dict is returned, so plugins that write to
    `page.meta` later write to the post.
    """
    if meta and post.problem is None:  # front matter read: MkDocs read the same keys
        if post.body_line == 1:
            # No front matter block: MkDocs read the first lines as MultiMarkdown.
            from mkdocs.utils.meta import get_data

            read = get_data(post.body)[1]
        else:
            read = post.lines
        for key, value in meta.items():
            if key not in read:
                post.meta.setdefault(key, value)
    return post.meta
