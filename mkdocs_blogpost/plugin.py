"""The `blogpost` MkDocs plugin: thin event handlers over pure functions.

Build order, as MkDocs calls us:

1. `on_config`: reset per-build state, register templates and CSS.
2. `on_files`: read every post's front matter once, decide URLs and drafts; plan the
   blog's listing pages and add the generated ones.
3. `on_nav`: the blog becomes one "Blog" entry of an automatic nav.
4. `on_page_read_source` / `on_page_markdown`: hand MkDocs the body and normalised meta.
5. `on_page_content`: reading time, quotes and captions, the excerpt kept for listings,
   on HTML rendered once.
6. `on_env`: every post is rendered; the feeds are written (`syndication.py`).
7. `on_page_context`, after search has indexed the page: a post gets its header and its
   previous/next and related posts; a listing page gets its cards, each card rendered
   once per build (`pages.py`).
8. `on_post_page`: head tags themes do not write themselves; then the written page's
   listing or header is let go, so memory holds one at a time.

Modules a site without posts does not need are imported when first used.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import posixpath
import re
from html import escape as escape_html
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

# Only what every build uses is imported here: a site without posts must not pay
# for the post machinery (transforms and nh3, Liquid migration, share links...), so the
# handlers import the rest when they first need it; Python caches modules, so a later
# import is a dictionary lookup.
from .config import BlogpostConfig
from .dates import DateError, get_timezone
from .guards import MalformedUrlExtension
from .i18n import Translator, resolve_language
from .render import TEMPLATES_DIR, make_environment, render_post_header

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

    from .jekyll_links import JekyllLinksExtension, LinkState
    from .jekyll_site import JekyllSite
    from .models import Post
    from .pages import ListingContext
    from .syndication import Syndication
    from .transforms import TransformOptions
    from .views import BlogViews, ViewPage

__all__ = ["BlogpostPlugin"]

log = get_plugin_logger(__name__)

CSS_PATH = "assets/blogpost/blogpost.css"

#: The default of `mastodon_instance`, valid as it is: checking it needs no share module.
_DEFAULT_INSTANCE = "mastodon.social"


def _first_bad_byte(file: File) -> tuple[str, int | None]:
    """Describe where a file stops being UTF-8: the reader's error only knows its chunk."""
    try:
        raw = file.content_bytes
        raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return f"byte {exc.start}: {exc.reason}", raw[: exc.start].count(b"\n") + 1
    except OSError:
        pass
    return "undecodable bytes", None


class BlogpostPlugin(BasePlugin[BlogpostConfig]):
    """Turn Jekyll-style posts in the docs tree into a blog inside the MkDocs site."""

    # Each `blogpost` entry under `plugins:` is one blog with its own posts, pages and feeds.
    supports_multiple_instances = True

    def __init__(self) -> None:
        self.serve = False
        # Counts this blog's warnings during a build, for the summary line; attached to
        # the `mkdocs` logger only between `on_config` and `on_post_build`.
        self._warnings = _WarningCounter()
        # The malformed-URL guard this instance added, if it is the one that added it.
        self._url_guard: MalformedUrlExtension | None = None
        # "changelog: " before the summary line when the site has several blogs.
        self._label = ""
        # Kept across rebuilds: `mkdocs serve --dirty` renders only changed posts, and the
        # listings still need the others' HTML. Keyed by src_uri, checked against the body.
        # By post: (hash of its Markdown, HTML if feeds need it, summary, words, CJK
        # characters, minutes), for `--dirty` builds that do not render it again.
        self._rendered: dict[str, tuple[int, str | None, str, int, int, int]] = {}
        # The link rewriter this instance added to `markdown_extensions` (only for sites
        # with posts), so the next build on the same config can take it out again.
        self._links_extension: JekyllLinksExtension | None = None
        self._reset()

    def _reset(self) -> None:
        self.posts: dict[str, Post] = {}
        self.translator = Translator("en")
        self.locale = "en"
        self.env: jinja2.Environment | None = None
        self._rendering: File | None = None
        self.syndication: Syndication | None = None
        # --- migrated Jekyll posts ---
        # Created in `on_files` when the site has posts (no other site loads them).
        self.links: LinkState | None = None
        self.math_pages: set[str] = set()
        self.no_toc_pages: set[str] = set()
        self.github_urls: dict[str, str] = {}
        self.site_url = ""
        # The old Jekyll blog's `_config.yml`, when the `jekyll_config` option names one.
        self.jekyll_site: JekyllSite | None = None
        # What the tweet and caption transforms did in this build.
        self.stats: dict[str, int] = {"tweets": 0, "captions": 0}
        # Built on first use from the options checked in `on_config`: sites without
        # quotes or captions never load the transforms.
        self.transform_options: TransformOptions | None = None
        self._share_options: tuple[str | None, str] = (None, "")
        self._warned_site_url = False
        # The planned listing pages, by the src_uri of the page showing them.
        self.views: BlogViews | None = None
        self.listings: dict[str, ViewPage] = {}
        self.listing_ctx: ListingContext | None = None
        self.files: Files | None = None
        # Posts' HTML before the header and footer, while their page is being built.
        self._bodies: dict[str, str] = {}

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
        self._check_siblings(config)
        # A malformed link URL must be a warning, not a traceback from MkDocs. One guard
        # serves the whole site: a second blog leaves the first one's in place.
        config.markdown_extensions = [
            e for e in config.markdown_extensions if e is not self._url_guard
        ]
        self._url_guard = None
        if not any(isinstance(e, MalformedUrlExtension) for e in config.markdown_extensions):
            self._url_guard = MalformedUrlExtension(self._report_bad_url)
            config.markdown_extensions.append(self._url_guard)
        if self.config.feed_length < 0:
            raise PluginError("blogpost: option 'feed_length' must be 0 (all posts) or more")
        from .syndication import Syndication

        self.jekyll_site = self._read_jekyll_site()
        self.syndication = Syndication(
            self.config,
            config,
            translator=self.translator,
            locale=self.locale,
            env=self.env,
            now=self.now,
            permalink=self._permalink(),
            timezone=self.tz,
            blog_title=self._blog_title() if self._label else None,
        )
        self._setup_migration(config)
        self._share_options = self._check_share_options()
        self._check_blog_options()
        return config

    def _read_jekyll_site(self) -> JekyllSite | None:
        """Read the old blog's `_config.yml` once per build, when the option names one."""
        path = self.config.jekyll_config
        if not path:
            return None
        from .jekyll_site import JekyllConfigError, read_jekyll_config

        try:
            site = read_jekyll_config(path)
        except JekyllConfigError as exc:
            raise PluginError(f"blogpost: option 'jekyll_config': {exc}") from None
        theirs = site.timezone
        if theirs is not None and not _same_zone(theirs, self.tz):
            log.warning(
                f"{site.name} sets 'timezone: {theirs}', but the blogpost option 'timezone' "
                f"is '{self.config.timezone}': post dates and their old URLs use "
                f"'{self.config.timezone}'. Set the option to '{theirs}' to match the old blog"
            )
        return site

    def _permalink(self) -> str | None:
        """Return the old blog's permalink pattern; `None` when old URLs are not redirected."""
        if not self.config.permalink_redirects:
            return None
        site = self.jekyll_site
        return (site.permalink if site is not None else None) or self.config.permalink

    def _posts_dir(self) -> str:
        return self.config.posts_dir.strip("/")

    def _blog_title(self) -> str | None:
        """Return the blog's name: the option, else (among several blogs) its folder's name."""
        if self.config.blog_title:
            return self.config.blog_title
        if not self._label:
            return None
        folder = posixpath.basename(self.config.blog_dir.strip("/"))
        words = folder.replace("-", " ").replace("_", " ").strip()
        return words[:1].upper() + words[1:] if words else None

    def _check_siblings(self, config: MkDocsConfig) -> None:
        """With several blogs in one site, refuse shared folders and label each summary."""
        blogs = {
            name: plugin
            for name, plugin in config.plugins.items()
            if isinstance(plugin, BlogpostPlugin) and plugin.config.enabled
        }
        self._label = ""
        if len(blogs) < 2:
            return
        mine = self.config.blog_dir.strip("/")
        self._label = f"{mine or '(site root)'}: "
        me = next(name for name, plugin in blogs.items() if plugin is self)
        for name, other in blogs.items():
            if other is self:
                continue
            theirs = other.config.blog_dir.strip("/")
            if _nested(self._posts_dir(), other._posts_dir()):
                raise PluginError(
                    f"blogpost: the blogs '{me}' and '{name}' share posts: posts_dir "
                    f"'{self._posts_dir()}' and '{other._posts_dir()}' overlap. Give each blog "
                    "a posts_dir of its own, neither inside the other"
                )
            if mine == theirs:
                raise PluginError(
                    f"blogpost: the blogs '{me}' and '{name}' both use blog_dir '{mine}'; "
                    "their index, tag pages and feeds would overwrite each other. Give each "
                    "blog a blog_dir of its own"
                )

    def _setup_migration(self, config: MkDocsConfig) -> None:
        """Register the link rewriter and start counting this build's warnings."""
        self.site_url = config.site_url or ""
        # A site that configures arithmatex itself also loads its own math renderer.
        self.site_math = any(
            ext == "pymdownx.arithmatex"
            for ext in config.markdown_extensions
            if isinstance(ext, str)
        )
        # The link rewriter is added in `on_files`, once we know the site has posts.
        if self._links_extension is not None:
            config.markdown_extensions = [
                ext for ext in config.markdown_extensions if ext is not self._links_extension
            ]
            self._links_extension = None
        self._warnings.start(self.config.posts_dir, self.config.blog_dir)

    def _register_links(self, config: MkDocsConfig) -> LinkState:
        """Add the link rewriter of posts; only sites with posts load it."""
        from .jekyll_links import JekyllLinksExtension, LinkState

        links = LinkState()
        config.markdown_extensions = [
            ext for ext in config.markdown_extensions if ext is not self._links_extension
        ]
        self._links_extension = JekyllLinksExtension(
            links, math_available=not self.site_math, name=f"blogpost_links:{self._posts_dir()}"
        )
        config.markdown_extensions.append(self._links_extension)
        return links

    def _check_share_options(self) -> tuple[str | None, str]:
        """Check the share options now; the share module loads only for values to check."""
        via: str | None = None
        if (self.config.twitter_via or "").strip():
            from .share import normalize_handle

            try:
                via = normalize_handle(self.config.twitter_via)
            except ValueError as exc:
                raise PluginError(f"blogpost: option 'twitter_via': {exc}") from None
        instance = self.config.mastodon_instance
        if instance != _DEFAULT_INSTANCE:
            from .share import normalize_instance

            try:
                instance = normalize_instance(instance)
            except ValueError as exc:
                raise PluginError(f"blogpost: option 'mastodon_instance': {exc}") from None
        if self.config.tweet_max_length <= 0:
            raise PluginError("blogpost: option 'tweet_max_length' must be a positive number")
        return via, instance

    def _transform_options(self) -> TransformOptions:
        """Return the transforms' options, made when a page is first transformed."""
        if self.transform_options is not None:
            return self.transform_options
        from .transforms import TransformOptions

        via, instance = self._share_options
        self.transform_options = TransformOptions(
            via=via,
            tweet_label=self.config.tweet_label or None,
            share_targets=tuple(self.config.share_targets),
            caption_style="figure" if self.config.caption_style == "figure" else "admonition",
            tweet_max_length=self.config.tweet_max_length,
            mastodon_instance=instance,
        )
        return self.transform_options

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
        from .posts import PostContext, is_post_path, is_visible, read_post, resolve_urls, warn

        posts_dir = self.config.posts_dir.strip("/")
        self._drop_leftovers(files, posts_dir)
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
            skip_unprefixed=self.config.unprefixed_posts == "skip",
        )
        candidates = sorted(
            (f for f in files if f.is_documentation_page() and is_post_path(f.src_uri, posts_dir)),
            key=lambda f: f.src_uri,
        )
        dated: list[Post] = []
        for file in candidates:
            try:
                source = file.content_string
            except UnicodeDecodeError:
                where, line = _first_bad_byte(file)
                warn(
                    file.src_uri,
                    f"is not UTF-8 text ({where}); save it as UTF-8. "
                    "The post is left out of the site",
                    line,
                )
                files.remove(file)
                continue
            except OSError as exc:
                warn(file.src_uri, f"cannot be read ({exc}); the post is left out of the site")
                files.remove(file)
                continue
            post = read_post(file.src_uri, source, ctx)
            visible = is_visible(
                post, serve=self.serve, drafts_on_serve=self.config.drafts_on_serve
            )
            if post.status == "undated" or (visible and post.date is None):
                # Kept as a plain page at its own path, so links to it still work.
                file.inclusion = InclusionLevel.NOT_IN_NAV
                self.posts[file.src_uri] = post
                continue
            if not visible:
                files.remove(file)
                continue
            file.inclusion = InclusionLevel.NOT_IN_NAV
            self.posts[file.src_uri] = post
            dated.append(post)

        # Undated posts keep their own URL as plain pages: no dated post may take it.
        dated_uris = {p.src_uri for p in dated}
        taken = {f.dest_uri for f in files if f.src_uri not in dated_uris}
        resolve_urls(
            dated,
            self.config.post_url_format,
            config.use_directory_urls,
            taken,
            reserved=self._reserved_urls(),
            blog_dir=self.config.blog_dir.strip("/"),
        )
        for post in dated:
            self._move(files.get_file_from_path(post.src_uri), post, config)
        self._plan_blog(files, config)
        if self.syndication is not None:
            self.syndication.plan(files, self._dated_posts(), self.visible_posts())
        if self.posts:
            # After every generated file (feeds, redirects) is planned: links may name them.
            self._index_links(files, config)
        return files

    @staticmethod
    def _drop_leftovers(files: Files, posts_dir: str) -> None:
        """Keep editors' leftovers next to posts (`x.md~`, `#x#`...) out of the site."""
        from .posts import is_leftover, warn

        prefix = posts_dir + "/" if posts_dir else ""
        for file in [f for f in files if f.src_uri.startswith(prefix)]:
            # MkDocs already leaves out what `exclude_docs` names (dot files by default).
            if file.inclusion.is_excluded() or not is_leftover(file.src_uri):
                continue
            warn(
                file.src_uri,
                "is an editor's leftover, not a post; it is left out of the site. Delete it, "
                "or list it in 'exclude_docs' in mkdocs.yml",
            )
            files.remove(file)

    def _index_links(self, files: Files, config: MkDocsConfig) -> None:
        """Index what links in posts may point to, once per build."""
        from .migrate import LinkIndex

        self.links = self._register_links(config)
        redirects = self.syndication.redirect_pages if self.syndication is not None else set()
        index = LinkIndex(files={f.src_uri for f in files} - redirects)
        for post in self.posts.values():
            if post.src_uri not in index.files:  # a draft left out of this build
                continue
            date = (post.date.year, post.date.month, post.date.day) if post.date else None
            index.add_post(post.src_uri, post.slug, post.url, date)
        self.links.index = index
        self.links.urls = {f.src_uri: f.url for f in files}
        # Messages name docs paths as the author sees them from the project folder.
        docs = os.path.relpath(config.docs_dir, os.path.dirname(config.config_file_path or "."))
        self.links.docs_name = (
            os.path.basename(config.docs_dir) if docs.startswith("..") else docs
        ).replace(os.sep, "/")

    def _reserved_urls(self) -> list[str]:
        """Destinations of the generated blog pages, which posts must leave free."""
        if not self.config.blog_pages:
            return []
        blog = self.config.blog_dir.strip("/")
        reserved = [posixpath.join(blog, "index.html"), f"{blog}.html" if blog else "index.html"]
        for key in ("pagination_dir", "tags_dir", "categories_dir", "archive_dir", "authors_dir"):
            folder = posixpath.join(blog, str(self.config[key]).strip("/"))
            reserved += [folder + "/", folder + ".html"]
        return reserved

    def _plan_blog(self, files: Files, config: MkDocsConfig) -> None:
        """Plan the listing pages and add the generated ones to `files`."""
        from .pages import ListingContext, create_pages
        from .views import ViewOptions, build_views

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
            title=self._blog_title(),
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
                base=self.config.blog_dir.strip("/") + "/"
                if self.config.blog_dir.strip("/")
                else "",
            )

    def _url_of(self, src_uri: str | None) -> str | None:
        if src_uri is None or self.files is None:
            return None
        # Listings ask tens of times per post: a plain dict lookup first, as
        # `get_file_from_path` builds a PurePath on every call.
        file = self.files.src_uris.get(src_uri) or self.files.get_file_from_path(src_uri)
        return file.url if file is not None else None

    def _site_cover_url(self, post: Post) -> str | None:
        if post.cover is None:
            return None
        if post.cover.url:
            return post.cover.url
        return self._url_of(post.cover.src_uri)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Show the blog as one "Blog" entry in an automatic nav, not a one-page section."""
        if (
            config.nav is not None
            or not self.config.enabled
            or not self.config.blog_pages
            or self.views is None
        ):
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

    # First (100), before any other plugin sees the page. Not `on_page_read_source`:
    # MkDocs lets only one plugin have that event, and each blog of a site is a plugin.
    @event_priority(100)
    def _post_source(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Give a post's page the body and the normalised metadata we read in `on_files`.

        MkDocs has read the file again by now: it would keep a front matter block it
        cannot parse, and read a first line like `Note: ...` of a post without front
        matter as MultiMarkdown metadata.
        """
        post = self.posts.get(page.file.src_uri)
        if post is None:
            return None
        # The post's own dict: it is read once per build, so there is nothing to protect.
        page.meta = post.meta
        return post.body.lstrip("\n")

    def _page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Convert a post's Liquid and links; give listing pages their metadata."""
        self._rendering = page.file
        post = self.posts.get(page.file.src_uri)
        if post is None:
            if self.links is not None:
                self.links.end()
            view = self.listings.get(page.file.src_uri)
            if view is not None:
                from .pages import listing_meta

                page.meta["blogpost_listing"] = listing_meta(view, self._url_of)
                if not view.user_authored:
                    # Themes print the title unescaped; term names are author text.
                    # From page 2 the description adds "Page N of M": one <title> per page.
                    page.meta["title"] = escape_html(view.description)
                    # Listings only repeat post excerpts: keep search results pointing at the
                    # posts (Material's search reads this), and save indexing every listing.
                    page.meta.setdefault("search", {"exclude": True})
            return markdown
        return self._migrate_markdown(markdown, post, page)

    on_page_markdown = CombinedEvent(_post_source, _page_markdown)

    def _migrate_markdown(self, markdown: str, post: Post, page: Page) -> str:
        """Convert Liquid idioms, read per-post switches, and set up the links of the page."""
        from .migrate import LiquidContext, convert_liquid, valid_github
        from .posts import warn

        links = self.links
        if links is None:  # pragma: no cover - set in `on_files` for every site with posts
            return markdown
        src = post.src_uri
        math = self._switch(post, "mathjax", default=False) and not self.site_math
        if math:
            self.math_pages.add(src)
        if "toc" in post.meta:
            show = self._switch(post, "toc", default=True)
            from .switches import hide_toc

            hide_toc(page.meta, show)
            if not show:
                self.no_toc_pages.add(src)
        github = post.meta.get("github")
        if github:
            url = valid_github(github)
            if url is None:
                warn(
                    src,
                    f"front matter 'github: {github}' is not a GitHub path; write "
                    "'owner/repo', a github.com URL or a GitHub user name (no link is shown)",
                    post.line_of("github"),
                )
            else:
                self.github_urls[src] = url
        ctx = LiquidContext(
            post_path=links.index.post_path,
            from_dir=posixpath.dirname(src),
            site_url=self.site_url,
            inline_math=math,
            site=self.jekyll_site.settings if self.jekyll_site is not None else None,
            site_source=self.jekyll_site.name if self.jekyll_site is not None else "_config.yml",
        )
        # MkDocs drops the blank lines between the front matter and the body, so the
        # Markdown we get starts that many lines after the body does in the file.
        first_line = post.body_line
        if post.body.endswith(markdown):
            first_line += post.body.count("\n", 0, len(post.body) - len(markdown))
        result = convert_liquid(markdown, ctx)
        for problem in result.problems:
            warn(src, problem.message, first_line + problem.line)
        self.stats["liquid"] = self.stats.get("liquid", 0) + result.converted
        links.begin(
            src,
            page.url,
            math=math,
            media_dir=self._media_dir(post),
            source=markdown,
            first_line=first_line,
        )
        return result.markdown

    @staticmethod
    def _media_dir(post: Post) -> str | None:
        """Docs folder of the post's relative images: `media_subpath` or `img_path`.

        Other Jekyll themes set it per post so that `![x](a.png)` means
        `/posts/2021/a.png`; a value with a scheme (a CDN) is not a docs folder.
        """
        for key in ("media_subpath", "img_path"):
            value = post.meta.get(key)
            if isinstance(value, str) and value.strip():
                from .migrate import is_local_url

                folder = value.strip()
                if is_local_url(folder):
                    return folder.strip("/")
        return None

    @staticmethod
    def _switch(post: Post, key: str, *, default: bool) -> bool:
        if key not in post.meta:
            return default
        from .frontmatter import to_bool
        from .posts import warn

        value = to_bool(post.meta[key])
        if value is None:
            warn(
                post.src_uri,
                f"front matter '{key}: {post.meta[key]}' is not a switch; write yes or no",
                post.line_of(key),
            )
            return default
        return value

    def _report_bad_url(self, url: str) -> None:
        file = self._rendering
        if file is None:  # pragma: no cover - Markdown outside a page render
            return
        line: int | None = None
        try:
            index = file.content_string.find(url)
        except (OSError, UnicodeDecodeError):  # pragma: no cover - the page was just read
            index = -1
        if index >= 0:
            line = file.content_string.count("\n", 0, index) + 1
        from .posts import warn

        warn(
            file.src_uri,
            f"the link or image URL {url!r} is not a valid URL; it is shown as plain text. "
            "Fix the URL",
            line,
        )

    # -- rendered posts --------------------------------------------------------------------

    # Late (-50): other plugins' content changes land first, so reading time and the
    # excerpts we keep see the final HTML.
    @event_priority(-50)
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Measure the post and keep its excerpt (and, for feeds, its HTML)."""
        if self.links is not None:
            self.links.end()
        post = self.posts.get(page.file.src_uri)
        if post is None:
            return self._transform(html, page, None) if self.config.tweets_everywhere else html
        from .excerpts import excerpt_html
        from .text import count_words, html_to_text, reading_minutes

        words, cjk = count_words(html_to_text(html, keep_code_blocks=False))
        post.words, post.cjk_characters = words, cjk
        post.minutes = reading_minutes(
            words, cjk, self.config.words_per_minute, self.config.cjk_characters_per_minute
        )
        # After measuring (share labels are not reading), before keeping the HTML that
        # listings and feeds reuse.
        html = self._transform(html, page, post)
        post.html = html
        post.summary = excerpt_html(post)
        if self.syndication is None or not self.syndication.needs_html(post):
            # Listings and head tags reuse the summary; only feeds read the whole post.
            post.html = None
        self._rendered[post.src_uri] = (
            hash(post.body),
            post.html,
            post.summary,
            words,
            cjk,
            post.minutes,
        )
        # MkDocs keeps its own copy (`page.markdown`); ours was needed up to here (line
        # numbers of the transform's warnings).
        post.body = ""
        return self._github_link(post, html)

    def _header(self, post: Post, page: Page, content: str) -> str:
        """Put the post's header (title, date, reading time, authors, cover, tags) on top."""
        if not self.config.header or self.env is None or self.files is None:
            return content
        ctx = self.listing_ctx
        from .pages import author_links, tag_links

        return render_post_header(
            self.env,
            post,
            content=content,
            locale=self.locale,
            date_format=self.config.date_format,
            cover_url=self._cover_url(post, page, self.files),
            tags=tag_links(post, page.url, ctx)
            if ctx
            else [{"name": tag, "url": None} for tag in post.tags],
            authors=author_links(post, page.url, ctx) if ctx else None,
        )

    def _github_link(self, post: Post, html: str = "") -> str:
        """Append the post's "View on GitHub" link after its content."""
        url = self.github_urls.get(post.src_uri)
        if url is None or self.env is None:
            return html
        link = self.env.get_template("blogpost/fragments/github-link.html").render(url=url)
        return html + link

    # After search (-100; search plugins index `page.content` in their on_page_context):
    # the previous/next and related links name other posts, and would make every post
    # match searches for its neighbours' titles; the header's date, reading time and
    # tags would open every post's search snippet instead of its first words (and cost
    # the search parser two dozen tags a post); the table of contents of `toc: no`
    # posts is dropped after search indexed its sections. The theme still renders all.
    @event_priority(-100)
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Add each post's header, previous/next and related posts; drop `toc: no` TOCs."""
        if page.file.src_uri in self.no_toc_pages:
            page.toc = get_toc([])
        post = self.posts.get(page.file.src_uri)
        ctx = self.listing_ctx
        if post is None and ctx is not None:
            view = self.listings.get(page.file.src_uri)
            if view is not None:
                from .pages import render_listing

                # Rendered when the page is: one listing page's HTML is in memory at a time
                # (see `on_post_page`), not a thousand until the build ends.
                page.content = (page.content or "") + render_listing(view, page.url, ctx)
            return context
        if post is None or page.content is None:
            return context
        footer = ""
        views = self.views
        if (
            self.config.post_navigation
            and ctx is not None
            and views is not None
            and post.date is not None
        ):
            from .pages import render_post_footer

            footer = render_post_footer(post, views.links.get(post.src_uri), page.url, ctx)
        self._bodies[page.file.src_uri] = page.content
        page.content = self._header(post, page, page.content) + footer
        return context

    def _transform(self, html: str, page: Page, post: Post | None) -> str:
        """Turn `<tweet>` quotes and `<small>` captions into blocks; report the author's slips."""
        if self.env is None:
            return html
        from .posts import warn
        from .transforms import locate_tag_line, transform_html

        result, stats = transform_html(
            html, env=self.env, page_url=page.canonical_url, options=self._transform_options()
        )
        self.stats["tweets"] += stats.tweets
        self.stats["captions"] += stats.captions
        if stats.tweets and page.canonical_url is None and not self._warned_site_url:
            self._warned_site_url = True
            log.warning(
                "site_url is not set in mkdocs.yml, so the share links of <tweet> quotes "
                "carry the quote without the address of its page. Set site_url to the "
                "address the site is published at"
            )
        if stats.issues:
            source, first_line = self._source_of(page, post)
            found = []
            for issue in stats.issues:
                line = locate_tag_line(source, issue) if source is not None else None
                found.append((line + first_line - 1 if line is not None else None, issue.message))
            for line, message in sorted(found, key=lambda f: f[0] or 0):
                warn(page.file.src_uri, message, line)
        return result

    @staticmethod
    def _source_of(page: Page, post: Post | None) -> tuple[str | None, int]:
        # The Markdown the HTML came from, and the file line its first line is on.
        if post is not None:
            return post.body, post.body_line
        try:
            return page.file.content_string, 1
        except (OSError, UnicodeDecodeError):  # pragma: no cover - MkDocs just read it
            return None, 1

    # Late (-50): other plugins' environments are set up first, every post is rendered by
    # now, and MkDocs copies static files (our feeds) after this event.
    @event_priority(-50)
    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        """Append the listings to the blog pages and write the feeds, from HTML rendered once."""
        self.files = files
        if not self.config.enabled:
            return env
        self._fill_listings(files)
        if self.syndication is not None:
            self.syndication.fill(files, self._dated_posts())
        return env

    def _fill_listings(self, files: Files) -> None:
        # Posts that `--dirty` builds did not render again get their HTML from the last
        # build. The listings themselves are rendered page by page, in `on_page_context`.
        ctx = self.listing_ctx
        if ctx is None:
            return
        for post in self.posts.values():
            cached = self._rendered.get(post.src_uri)
            if post.summary is None and cached is not None and cached[0] == hash(post.body):
                post.html, post.summary, post.words, post.cjk_characters, post.minutes = cached[1:]

    def _cover_url(self, post: Post, page: Page, files: Files) -> str | None:
        if post.cover is None:
            return None
        if post.cover.url:
            return post.cover.url
        target = files.get_file_from_path(post.cover.src_uri or "")
        if target is None:
            return None
        return get_relative_url(target.url, page.url)

    def _head_tags(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Write head tags themes do not: description, social cards, feed links, MathJax."""
        if page.file.src_uri in self.math_pages:
            from .switches import inject_mathjax

            output = inject_mathjax(output)
        if not self.config.enabled or self.syndication is None:
            return output
        return self.syndication.head(output, page, self.posts.get(page.file.src_uri))

    # Last (-100): other plugins' `on_post_page` may still read the listing's content.
    @event_priority(-100)
    def _release_listing(self, output: str, *, page: Page, config: MkDocsConfig) -> None:
        """Drop what a written page no longer needs: one listing or header is in memory at a time.

        A listing page's cards go; a post's `page.content` goes back to the post's own
        HTML, without the header and footer drawn around it.
        """
        body = self._bodies.pop(page.file.src_uri, None)
        if body is not None:
            page.content = body
            return
        view = self.listings.get(page.file.src_uri)
        if view is not None and not view.user_authored:
            page.content = ""

    on_post_page = CombinedEvent(_head_tags, _release_listing)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Log one line saying what the plugin did in this build."""
        warnings = self._warnings.stop()
        if not self.config.enabled:
            return
        stats = self.stats
        rewritten = self.links.rewritten if self.links is not None else 0
        stats["links"] = rewritten
        redirected = self.syndication.redirected if self.syndication is not None else 0
        stats["redirects"] = redirected
        log.info(
            f"{self._label}{len(self.visible_posts())} posts, {stats.get('tweets', 0)} tweets, "
            f"{stats.get('captions', 0)} captions, {redirected} old URLs redirected, "
            f"{rewritten} links rewritten, {warnings} warnings"
        )

    # -- helpers for other modules --------------------------------------------------------

    def visible_posts(self) -> list[Post]:
        """Return the posts that belong in listings and feeds, newest first."""
        if not self.posts:
            return []
        from .posts import is_visible

        listed = [
            p
            for p in self.posts.values()
            if p.date is not None
            and is_visible(p, serve=self.serve, drafts_on_serve=self.config.drafts_on_serve)
        ]
        listed.sort(key=lambda p: (p.date, p.src_uri), reverse=True)
        return listed

    def _dated_posts(self) -> list[Post]:
        """Every dated post in this build (drafts only under serve), by source path."""
        return [p for p in self.posts.values() if p.date is not None]

    def post_url(self, post: Post, relative_to: str) -> str:
        """URL of `post` from the page at URL `relative_to`."""
        return get_relative_url(post.url, relative_to)

    @staticmethod
    def page_dir(page: Page) -> str:
        """Folder of a page's source, for resolving relative paths."""
        return posixpath.dirname(page.file.src_uri)


def _nested(a: str, b: str) -> bool:
    """Tell whether docs folders `a` and `b` (no slashes around; "" is the root) overlap."""
    return a == b or not a or not b or a.startswith(b + "/") or b.startswith(a + "/")


def _same_zone(name: str, zone: dt.tzinfo) -> bool:
    """Tell whether the zone called `name` keeps the clock of `zone` (`Etc/UTC` is `UTC`)."""
    try:
        other = get_timezone(name)
    except DateError:
        return False
    # Winter and summer: zones that agree on both agree on every post date in practice.
    moments = (
        dt.datetime(2024, 1, 15, tzinfo=dt.timezone.utc),
        dt.datetime(2024, 7, 15, tzinfo=dt.timezone.utc),
    )
    return all(m.astimezone(other).utcoffset() == m.astimezone(zone).utcoffset() for m in moments)


class _WarningCounter(logging.Handler):
    """Counts one build's warnings about one blog (ours and MkDocs' own), for the summary.

    A warning counts when it names a file of this blog (under its posts or blog folder),
    or when the plugin gives it without naming a file (a site-wide problem). With several
    blogs in a site, each counts its own.
    """

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0
        self.folders: tuple[str, ...] = ("blog/posts/",)
        self.logger = logging.getLogger("mkdocs")

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.name.startswith("mkdocs.plugins.mkdocs_blogpost"):
            named = _NAMED_FILE_RE.match(message)
            if named is None or named.group("path").startswith(self.folders):
                self.count += 1
        elif any(f"'{folder}" in message for folder in self.folders):
            self.count += 1

    def start(self, *folders: str) -> None:
        """Count from now on, warnings about files under `folders` (docs paths)."""
        self.count = 0
        self.folders = tuple(f.strip("/") + "/" for f in folders if f.strip("/")) or ("",)
        if self not in self.logger.handlers:
            self.logger.addHandler(self)

    def stop(self) -> int:
        """Stop counting; return the count."""
        self.logger.removeHandler(self)
        return self.count


#: The plugin's messages about a file start `mkdocs_blogpost: path[:line]: `.
_NAMED_FILE_RE = re.compile(r"^mkdocs_blogpost: (?P<path>[^\s:]+\.[A-Za-z0-9]+)(?::\d+)?: ")
