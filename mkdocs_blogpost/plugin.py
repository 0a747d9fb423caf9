"""The `blogpost` MkDocs plugin: each event hands one step of the build to the blog.

The build, as MkDocs calls us (`blog.py` holds the state; each step names its module):

1. `on_config`, after other plugins' (mike, i18n): register the templates and the
   stylesheet.
2. `on_files`: make this build's `Blog`; read every post's front matter once
   (after mkdocs-static-i18n's, which gives each language's build its files), give
   posts their URLs and keep unpublished ones out (`post_files`); plan the listing
   pages (`views`, `pages`), the feeds and the redirects (`syndication`); index what
   posts' links may point to.
3. `on_nav`, after the nav plugins: the blog becomes one entry of an automatic nav
   (`navigation`).
4. `on_page_markdown`: a post's page gets its body and normalised metadata; its Liquid
   and links are converted (`post_markdown`).
5. `on_page_content`: quotes, captions, reading time and the excerpt, on HTML rendered
   once (`rendered`).
6. `on_env`: every post is rendered; the feeds are written.
7. `on_page_context`, after search has indexed the page: a post gets its header and
   its previous/next and related posts; a listing page gets its cards.
8. `on_post_page`: head tags themes do not write; then the written page's listing or
   header is let go, so memory holds one at a time.

Modules a site without posts does not need are imported when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.toc import get_toc

# Only what every build uses is imported here: a site without posts must not pay
# for the post machinery (transforms and nh3, Liquid migration, share links...), so the
# handlers import the rest when they first need it; Python caches modules, so a later
# import is a dictionary lookup.
from .blog import Blog
from .config import BlogpostConfig
from .guards import MalformedUrlExtension
from .other_plugins import check_material_blog, check_rss_plugin
from .render import TEMPLATES_DIR
from .rendered import RenderedPosts
from .several_blogs import blog_label, blog_names
from .warning_count import WarningCounter

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

    from .models import Post

__all__ = ["BlogpostPlugin"]

log = get_plugin_logger(__name__)

CSS_PATH = "assets/blogpost/blogpost.css"


class BlogpostPlugin(BasePlugin[BlogpostConfig]):
    """Turn Jekyll-style posts in the docs tree into a blog inside the MkDocs site."""

    # Each `blogpost` entry under `plugins:` is one blog with its own posts, pages and feeds.
    supports_multiple_instances = True

    def __init__(self) -> None:
        self.serve = False
        self.dirty = False
        #: This build's blog; `None` before the first `on_config` and when disabled.
        self.blog: Blog | None = None
        # Counts this blog's warnings for the summary line, only while a build runs.
        self._warnings = WarningCounter()
        # Kept across the rebuilds of `mkdocs serve --dirty`, which renders only the
        # posts that changed while listings still show the others.
        self._rendered = RenderedPosts()
        self._id_base: str | None = None

    # -- for tools and tests -----------------------------------------------------------------

    @property
    def posts(self) -> dict[str, Post]:
        """The posts of the last build by docs path (empty before the first)."""
        return self.blog.posts if self.blog is not None else {}

    @property
    def stats(self) -> dict[str, int]:
        """What the last build did: `tweets`, `captions`, `links` rewritten, `redirects`."""
        blog = self.blog
        if blog is None:
            return {}
        return {
            "tweets": blog.quotes.tweets,
            "captions": blog.quotes.captions,
            "links": blog.markdown.links.rewritten if blog.markdown else 0,
            "redirects": len(blog.redirect_pages),
        }

    # -- lifecycle -----------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is `mkdocs serve` (drafts may be shown) and `--dirty`."""
        self.serve = command == "serve"
        self.dirty = dirty

    # First (100): `site_url` as the author wrote it, before mike adds a version to it.
    @event_priority(100)
    def _configured_site_url(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Remember `site_url` as configured: feed entry ids stay the same in every version."""
        self._id_base = config.site_url or None
        return config

    # Late (-100): after other plugins' `on_config` where the order allows. The blog
    # itself starts in `on_files`, when every `on_config` has run whatever the order:
    # mike's version in `site_url` and the language mkdocs-static-i18n gives each
    # of its builds are known by then.
    @event_priority(-100)
    def _register(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Register the templates and the stylesheet; check the other plugins."""
        if self.blog is not None:
            # The same configuration is built again (`mkdocs serve`, or i18n's build of
            # the next language): take out what the last build added, so extensions
            # never pile up.
            added = self.blog.extensions
            config.markdown_extensions = [
                e for e in config.markdown_extensions if not any(e is a for a in added)
            ]
        self.blog = None
        if not self.config.enabled:
            return config
        if TEMPLATES_DIR not in config.theme.dirs:
            config.theme.dirs.append(TEMPLATES_DIR)
        if CSS_PATH not in config.extra_css:
            config.extra_css.insert(0, CSS_PATH)
        check_material_blog(config, self.config)
        check_rss_plugin(config, self.config)
        self._warnings.start(self.config.posts_dir, self.config.blog_dir)
        return config

    def _start_blog(self, config: MkDocsConfig) -> Blog:
        """Start this build's blog."""
        blogs = {
            name: plugin.config
            for name, plugin in config.plugins.items()
            if isinstance(plugin, BlogpostPlugin) and plugin.config.enabled
        }
        blog = Blog(
            self.config,
            config,
            serve=self.serve,
            dirty=self.dirty,
            label=blog_label(self.config, blogs),
            rendered=self._rendered,
            id_base=self._id_base,
            names=blog_names(self.config, list(blogs.values())),
        )
        # A malformed link URL must be a warning, not a traceback from MkDocs. One guard
        # serves the whole site: a second blog leaves the first one's in place.
        if not any(isinstance(e, MalformedUrlExtension) for e in config.markdown_extensions):
            guard = MalformedUrlExtension(blog.report_bad_url)
            config.markdown_extensions.append(guard)
            blog.extensions.append(guard)
        return blog

    on_config = CombinedEvent(_configured_site_url, _register)

    # Run after plugins that add or move files (-50 is late) so we see the final tree.
    # Before literate-nav (-100), which makes the nav from the files it finds.
    @event_priority(-50)
    def _read_posts(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Read each post once, decide its URL, and keep drafts out of `mkdocs build`."""
        if not self.config.enabled:
            return files
        self.blog = self._start_blog(config)
        if self.blog.languages is None:
            self.blog.read_posts(files, config)
            self.blog.show_named_posts(files, config)
        return files

    # After mkdocs-static-i18n (-100), which replaces the files with this language's:
    # `post.fr.md` for `post.md`, each moved under `fr/`. It cannot take pages made
    # with `File.generated` (they have no source file), so the blog adds them after it.
    @event_priority(-105)
    def _read_posts_in_language(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """With i18n: read this language's posts, and plan its pages."""
        if self.blog is not None and self.blog.languages is not None:
            self.blog.read_posts(files, config)
            self.blog.show_named_posts(files, config)
        return files

    # After literate-nav (-100), which turns its nav files into `config.nav` here.
    @event_priority(-110)
    def _nav_config(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Where literate-nav was given the blog's folder, link its index instead."""
        if self.blog is not None:
            self.blog.link_index_not_folder(config)
        return files

    on_files = CombinedEvent(_read_posts, _read_posts_in_language, _nav_config)

    # Last (-100): awesome-nav (100) and awesome-pages (0) build the nav first, wherever
    # they are in `plugins:`. awesome-pages finds a folder's `.pages` from the folder its
    # entries share: the blog index moved up beside the top-level pages would hide the
    # root `.pages`. (Listed after us, awesome-pages still notes that we have an `on_nav`.)
    @event_priority(-100)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Show the blog as one entry in an automatic nav, under the author's title if any."""
        if self.blog is not None:
            self.blog.place_in_nav(nav, config)
        return nav

    # First (100), before any other plugin sees the page: mkdocs-macros and the like
    # get the post's real metadata, and its Liquid converted, whatever their place in
    # `plugins:`. Not `on_page_read_source`: MkDocs lets only one plugin have that
    # event, and each blog of a site is a plugin.
    @event_priority(100)
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Give a post its body, metadata, Liquid and links; a listing page its metadata."""
        if self.blog is None:
            return None
        return self.blog.page_markdown(markdown, page)

    # Late (-50): other plugins' content changes land first, so reading time and the
    # excerpts we keep see the final HTML.
    @event_priority(-50)
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Measure the post and keep its excerpt (and, for feeds, its HTML)."""
        if self.blog is None:
            return html
        return self.blog.page_content(html, page)

    # Late (-50): other plugins' environments are set up first, every post is rendered by
    # now, and MkDocs copies static files (our feeds) after this event.
    @event_priority(-50)
    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        """Write the feeds, from HTML rendered once."""
        if self.blog is not None:
            self.blog.fill(files)
        return env

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
        blog = self.blog
        if blog is None:
            return context
        if blog.markdown is not None and page.file.src_uri in blog.markdown.no_toc_pages:
            page.toc = get_toc([])
        blog.dress(page)
        return context

    def _head_tags(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Write head tags themes do not: description, social cards, feed links, MathJax."""
        return output if self.blog is None else self.blog.head(output, page)

    # Last (-100): other plugins' `on_post_page` may still read the listing's content.
    @event_priority(-100)
    def _release_page(self, output: str, *, page: Page, config: MkDocsConfig) -> None:
        """Drop what a written page no longer needs."""
        if self.blog is not None:
            self.blog.release(page)

    on_post_page = CombinedEvent(_head_tags, _release_page)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Log one line saying what the plugin did; stop on problems the schema calls errors."""
        warnings = self._warnings.stop()
        if self.blog is not None:
            log.info(self.blog.summary(warnings))
        # At the end, as `--strict` does, so that every error is listed first, and by the
        # last blog of the site, so that every blog has said what it did and the count is
        # the site's. A preview under `serve` keeps running while the author fixes them.
        blogs = [
            plugin
            for plugin in config.plugins.values()
            if isinstance(plugin, BlogpostPlugin) and plugin.config.enabled
        ]
        errors = sum(plugin._warnings.errors for plugin in blogs)
        if errors and not self.serve and blogs[-1] is self:
            from .problems import build_stopped

            raise build_stopped(errors)

    def on_shutdown(self) -> None:
        """Stop counting warnings: `mkdocs-blogpost check` ends without `on_post_build`."""
        self._warnings.stop()

    def on_build_error(self, *, error: Exception) -> None:
        """Stop counting warnings: a failed build must not leave our handler on the logger."""
        self._warnings.stop()
