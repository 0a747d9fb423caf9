"""Feeds, head metadata and redirects for one build: the state the event handlers share.

`plugin.py` creates one `Syndication` per build in `on_config` and calls it from three
events:

1. `plan` (end of `on_files`): the feed files (empty for now) and redirect pages join
   the site's files, once posts have their final URLs.
2. `fill` (`on_env`): every post is rendered, so feeds are written from `Post.html`;
   MkDocs copies static files after this event.
3. `head` (`on_post_page`): metadata and feed links go into each blog page's `<head>`.
"""

from __future__ import annotations

import datetime as dt
import html
import mimetypes
import os
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from . import seo
from .excerpts import excerpt_html
from .feeds import (
    FEED_FORMATS,
    FeedEntry,
    FeedInfo,
    absolute_url,
    build_feed,
    make_entry,
    plain_summary,
)
from .head import has_meta_description, inject_head
from .posts import is_public, safe_url, warn
from .redirects import Redirect, plan_old_urls, plan_redirects, render_redirect
from .taxonomy import group_terms

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from .config import BlogpostConfig
    from .i18n import Translator
    from .models import Post

__all__ = ["FeedTarget", "Syndication"]

log = get_plugin_logger(__name__)

#: Length of descriptions made from a post's text when it has none (search engines cut
#: around 155-160 characters).
DESCRIPTION_LENGTH = 160


@dataclass
class FeedTarget:
    """One feed document to write.

    Attributes:
        kind: `blog`, `tag` or `category`.
        name: The term's name (empty for the blog's feed).
        folder: Site folder of the feed (`blog`, `blog/tags/docs`).
        fmt: Format key (`rss`, `atom`, `json`).
        file: The generated file that receives the document.
        posts: The published posts it lists, newest first, not yet cut to length.
    """

    kind: str
    name: str
    folder: str
    fmt: str
    file: File
    posts: list[Post] = field(default_factory=list)


@dataclass
class _Cover:
    url: str
    media_type: str | None
    length: int | None


class Syndication:
    """Feeds, head metadata and redirect pages of one build."""

    def __init__(
        self,
        options: BlogpostConfig,
        config: MkDocsConfig,
        *,
        translator: Translator,
        locale: str,
        env: jinja2.Environment | None,
        now: dt.datetime,
        permalink: str | None = None,
        timezone: dt.tzinfo = dt.timezone.utc,
        blog_title: str | None = None,
    ) -> None:
        """Prepare for one build.

        Args:
            options: The plugin's options.
            config: The MkDocs configuration.
            translator: Words in the site's language.
            locale: The site's language code (`en`, `pt_BR`).
            env: The plugin's template environment (autoescaping).
            now: The build's moment, used only when `feed_build_date` is on.
            permalink: The old Jekyll blog's permalink pattern, to redirect posts' old
                URLs; `None` writes no such redirects.
            timezone: The site's time zone, which Jekyll's URLs used for dates.
            blog_title: The blog's name, added to the feeds' default title when a site
                has several blogs (their feeds would otherwise share one name).
        """
        self.options = options
        self.config = config
        self.t = translator
        self.language = locale.replace("_", "-")
        self.env = env
        self.now = now
        self.site_url: str | None = config.site_url or None
        self.blog_dir = options.blog_dir.strip("/")
        self.feed_title = options.feed_title or (
            f"{config.site_name} – {blog_title}" if blog_title else config.site_name
        )
        self.targets: list[FeedTarget] = []
        self.canonical: dict[str, str] = {}
        self.covers: dict[str, _Cover] = {}
        self._entries: dict[str, FeedEntry] = {}
        self._links: dict[str, list[seo.FeedLink]] | None = None
        self._feed_tag_cache: dict[seo.FeedLink, str] = {}
        self._full_html: set[str] | None = None
        self.permalink = permalink
        self.timezone = timezone
        #: Redirect pages written in this build (`redirect_from` and old Jekyll URLs).
        self.redirected = 0
        #: Where the redirect pages are: a link to an old URL means the post, not them.
        self.redirect_pages: set[str] = set()

    # -- on_files --------------------------------------------------------------------------

    def plan(self, files: Files, posts: Sequence[Post], listed: Sequence[Post]) -> None:
        """Add feed files and redirect pages to `files`.

        Args:
            files: The site's files, posts already at their final URLs.
            posts: Every dated post in the build, in a stable order.
            listed: The posts listings show, newest first (drafts only under serve).
        """
        for post in posts:
            self._read_canonical(post)
        if self.options.feeds:
            self._plan_feeds(files, listed)
        if self.options.redirects or self.permalink is not None:
            self._add_redirects(files, posts)

    def _plan_feeds(self, files: Files, listed: Sequence[Post]) -> None:
        if not self.site_url:
            log.warning(
                "feeds are skipped: they need absolute links, and 'site_url' is not set in "
                "mkdocs.yml. Set site_url (for example https://example.org/), or set the "
                "blogpost option 'feeds: false' to silence this"
            )
            return
        published = [p for p in listed if is_public(p)]
        groups: list[tuple[str, str, str, list[Post]]] = [("blog", "", self.blog_dir, published)]
        for kind, enabled, folder, get in (
            ("tag", self.options.feed_tags, self.options.tags_dir.strip("/"), _tags),
            (
                "category",
                self.options.feed_categories,
                self.options.categories_dir.strip("/"),
                _categories,
            ),
        ):
            if not enabled:
                continue
            # The same function and input as the tag and category pages, so the slugs match.
            # The tag pages group the same posts and already report slug collisions.
            for term in group_terms(listed, get, kind, report=not self.options.blog_pages):
                term_posts = [p for p in term.posts if is_public(p)]
                if term_posts:
                    groups.append(
                        (
                            kind,
                            term.name,
                            posixpath.join(self.blog_dir, folder, term.slug),
                            term_posts,
                        )
                    )
        taken = {f.dest_uri: f for f in files}
        for kind, name, folder, group_posts in groups:
            for fmt in self.options.feed_formats:
                path = posixpath.join(folder, FEED_FORMATS[fmt].filename)
                if path in taken:
                    log.warning(
                        f"the {FEED_FORMATS[fmt].label} feed is not written to '{path}': "
                        f"'{taken[path].src_uri}' is already there. Move that file or turn "
                        "the feed off with the 'feed_formats' option"
                    )
                    continue
                file = File.generated(
                    self.config, path, content="", inclusion=InclusionLevel.NOT_IN_NAV
                )
                files.append(file)
                taken[path] = file
                self.targets.append(FeedTarget(kind, name, folder, fmt, file, group_posts))

    def _add_redirects(self, files: Files, posts: Sequence[Post]) -> None:
        if self.env is None:  # pragma: no cover - set whenever the plugin is enabled
            return
        taken = {f.dest_uri for f in files}
        taken |= {t for t in self.config.theme.static_templates}
        redirects = plan_redirects(posts, taken) if self.options.redirects else []
        if self.permalink is not None:
            # After `redirect_from`: what the author wrote wins over what we work out.
            taken |= {r.dest_uri for r in redirects}
            old = plan_old_urls(posts, self.permalink, self.timezone, taken)
            redirects += old.redirects
            if old.owned:
                shown = "; ".join(f"{url} ({src})" for url, src in old.owned[:5])
                more = f"; and {len(old.owned) - 5} more" if len(old.owned) > 5 else ""
                log.info(
                    f"{len(old.owned)} old Jekyll URLs are not redirected, as a page or file "
                    f"of the site (or another post's old URL) is already there: {shown}{more}"
                )
        for redirect in redirects:
            self._write_redirect(files, redirect)
        self.redirected = len(redirects)
        self.redirect_pages = {r.dest_uri for r in redirects}

    def _write_redirect(self, files: Files, redirect: Redirect) -> None:
        if self.env is None:  # pragma: no cover - checked by the caller
            return
        canonical = self.canonical.get(redirect.post.src_uri)
        content = render_redirect(self.env, redirect, canonical=canonical, language=self.language)
        files.append(
            File.generated(
                self.config,
                redirect.dest_uri,
                content=content,
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
        )

    def _read_canonical(self, post: Post) -> None:
        """Decide the post's canonical URL: `canonical_url` front matter, else its own."""
        raw = post.meta.get("canonical_url")
        own = absolute_url(self.site_url, post.url) if self.site_url else None
        if raw is None or raw == "":
            if own:
                self.canonical[post.src_uri] = own
            return
        value = str(raw).strip()
        parts = urlsplit(value) if safe_url(value) else None
        if parts is not None and parts.scheme in ("http", "https") and parts.netloc:
            self.canonical[post.src_uri] = value
            return
        if parts is not None and not parts.scheme and not parts.netloc and self.site_url:
            # A path: from the site's host for `/x`, from `site_url` for `x`.
            root = self.site_url if self.site_url.endswith("/") else self.site_url + "/"
            self.canonical[post.src_uri] = urljoin(root, value)
            return
        warn(
            post.src_uri,
            f"front matter 'canonical_url': {value!r} is not a full http(s) URL"
            + ("" if self.site_url else " (paths need 'site_url' in mkdocs.yml)")
            + "; the post's own URL is used",
            post.line_of("canonical_url"),
        )
        if own:
            self.canonical[post.src_uri] = own

    # -- on_env ----------------------------------------------------------------------------

    def fill(self, files: Files, posts: Sequence[Post]) -> None:
        """Find cover URLs and write every planned feed's document.

        Args:
            files: The site's files.
            posts: Every dated post in the build.
        """
        if self.site_url:
            for post in posts:
                cover = self._cover(post, files)
                if cover is not None:
                    self.covers[post.src_uri] = cover
        if not self.targets or not self.site_url:
            return
        pages = {f.dest_uri: f for f in files if f.is_documentation_page()}
        home = self._page_url(pages, self.blog_dir) or self.site_url
        title = self.feed_title
        length = self.options.feed_length
        for target in self.targets:
            chosen = target.posts[:length] if length > 0 else target.posts
            entries = [self._entry(post) for post in chosen]
            feed_title, page = title, home
            if target.kind != "blog":
                key, arg = (
                    ("posts_tagged", "tag")
                    if target.kind == "tag"
                    else (
                        "posts_in_category",
                        "category",
                    )
                )
                feed_title = f"{title} – {self.t(key, **{arg: target.name})}"
                page = self._page_url(pages, target.folder) or home
            info = FeedInfo(
                title=feed_title,
                home_url=page,
                feed_url=absolute_url(self.site_url, target.file.url),
                description=" ".join((self.config.site_description or "").split()),
                language=self.language,
                author=self.config.site_author or self.config.site_name,
                build_date=self.now.replace(microsecond=0)
                if self.options.feed_build_date
                else None,
            )
            target.file.content_string = build_feed(target.fmt, info, entries)

    def needs_html(self, post: Post) -> bool:
        """Tell whether a feed will carry the post's whole HTML (so it must be kept)."""
        if self._full_html is None:
            self._full_html = set()
            if self.options.feed_full_content and self.site_url:
                length = self.options.feed_length
                for target in self.targets:
                    chosen = target.posts[:length] if length > 0 else target.posts
                    self._full_html.update(p.src_uri for p in chosen)
        return post.src_uri in self._full_html

    def _entry(self, post: Post) -> FeedEntry:
        entry = self._entries.get(post.src_uri)
        if entry is None:
            cover = self.covers.get(post.src_uri)
            entry = make_entry(
                post,
                site_url=self.site_url or "",
                full_content=self.options.feed_full_content,
                image=cover.url if cover else None,
                image_type=cover.media_type if cover else None,
                image_length=cover.length if cover else None,
            )
            self._entries[post.src_uri] = entry
        return entry

    def _cover(self, post: Post, files: Files) -> _Cover | None:
        if post.cover is None or self.site_url is None:
            return None
        if post.cover.url:
            url = post.cover.url
            if url.startswith("//"):
                url = "https:" + url
            media_type = mimetypes.guess_type(urlsplit(url).path)[0]
            return _Cover(url, media_type, None)
        file = files.get_file_from_path(post.cover.src_uri or "")
        if file is None:
            return None
        length = None
        if file.abs_src_path and os.path.isfile(file.abs_src_path):
            length = os.path.getsize(file.abs_src_path)
        media_type = mimetypes.guess_type(file.dest_uri)[0]
        return _Cover(absolute_url(self.site_url, file.url), media_type, length)

    def _page_url(self, pages: dict[str, File], folder: str) -> str | None:
        """Absolute URL of the page for `folder`, in either URL style."""
        assert self.site_url is not None
        for dest in (f"{folder}/index.html", f"{folder}.html"):
            file = pages.get(dest)
            if file is not None:
                return absolute_url(self.site_url, file.url)
        return None

    # -- on_post_page ----------------------------------------------------------------------

    def head(self, output: str, page: Page, post: Post | None) -> str:
        """Add metadata and feed links to a blog page's `<head>`.

        Args:
            output: The page's HTML.
            page: The page.
            post: The post shown on the page, if it is one (undated ones included).
        """
        listing = (page.meta or {}).get("blogpost_listing")
        if post is not None and post.date is not None and self.options.meta_tags:
            return self._post_head(output, page, post)
        if post is None and isinstance(listing, dict):
            return self._listing_head(output, page, listing)
        # Themes that write no description for the page get the post's own.
        if (
            post is not None
            and post.description
            and not has_meta_description(seo.head_part(output))
        ):
            output = seo.set_meta_description(output, post.description)
        if (post is not None and post.date is not None) or self._in_blog(page):
            output = inject_head(output, self._feed_tags(page))
        return output

    def _post_head(self, output: str, page: Page, post: Post) -> str:
        assert post.date is not None
        description = post.description or plain_summary(excerpt_html(post), DESCRIPTION_LENGTH)
        if description:
            output = seo.set_meta_description(output, description)
        canonical = self.canonical.get(post.src_uri)
        if canonical:
            replace = "canonical_url" in post.meta
            output = seo.set_canonical(output, canonical, replace=replace)
        cover = self.covers.get(post.src_uri)
        meta = seo.ArticleMeta(
            title=post.title,
            description=description,
            url=canonical,
            published=post.date,
            updated=post.updated,
            image=cover.url if cover else None,
            image_alt=post.cover.alt if post.cover and cover else "",
            tags=list(post.tags),
            categories=list(post.categories),
            authors=list(post.authors),
            site_name=self.config.site_name,
            language=self.language,
            twitter_site=self._twitter_site(),
        )
        tags = seo.article_tags(meta, seo.head_part(output))
        tags += self._feed_tags(page)
        return inject_head(output, tags)

    def _listing_head(self, output: str, page: Page, listing: dict[str, Any]) -> str:
        description = str(listing.get("description") or "")
        tags: list[str] = []
        if self.options.meta_tags:
            if description:
                output = seo.set_meta_description(output, description)
            url = absolute_url(self.site_url, page.url) if self.site_url else None
            if url:
                output = seo.set_canonical(output, url, replace=False)
            # The theme's prev/next are navigation neighbours; here they mean pages of posts.
            output = seo.drop_pagination_links(output)
            tags = seo.listing_tags(
                title=html.unescape(page.title or ""),
                description=description,
                url=url,
                prev_url=self._link(listing.get("prev_url"), page),
                next_url=self._link(listing.get("next_url"), page),
                site_name=self.config.site_name,
                twitter_site=self._twitter_site(),
                head=seo.head_part(output),
            )
        tags += self._feed_tags(page)
        return inject_head(output, tags)

    def _link(self, url: object, page: Page) -> str | None:
        """Absolute (or, without `site_url`, page-relative) form of a site-relative URL."""
        if not isinstance(url, str) or not url:
            return None
        if self.site_url:
            return absolute_url(self.site_url, url)
        return get_relative_url(url, page.url)

    def _feed_tags(self, page: Page) -> list[str]:
        """Return the `<link rel="alternate">` tags of `_feed_links`, each built once."""
        tags = self._feed_tag_cache
        out = []
        for link in self._feed_links(page):
            tag = tags.get(link)
            if tag is None:
                tag = tags[link] = seo.alternate_links([link])[0]
            out.append(tag)
        return out

    def _feed_links(self, page: Page) -> list[seo.FeedLink]:
        """Return the blog's feeds, then those of the tag or category `page` belongs to."""
        if self._links is None:
            self._links = {}
            title = self.feed_title
            for target in self.targets:
                name = title if target.kind == "blog" else target.name
                key = "" if target.kind == "blog" else target.folder
                self._links.setdefault(key, []).append(
                    seo.FeedLink(
                        href=absolute_url(self.site_url or "", target.file.url),
                        media_type=FEED_FORMATS[target.fmt].media_type,
                        title=f"{name} ({FEED_FORMATS[target.fmt].label})",
                    )
                )
        links = list(self._links.get("", []))
        # `blog/tags/docs/`, `blog/tags/docs/page/2/` and `blog/tags/docs.html` all
        # belong to the folder `blog/tags/docs`: look up each leading part of the URL.
        parts = page.url.removesuffix(".html").split("/")
        for i in range(1, len(parts) + 1):
            links += self._links.get("/".join(parts[:i]), [])
        return links

    def _in_blog(self, page: Page) -> bool:
        return _is_under(page.file.src_uri, self.blog_dir) or page.file.src_uri == (
            f"{self.blog_dir}.md"
        )

    def _twitter_site(self) -> str | None:
        handle = (self.options.twitter_site or "").strip()
        if not handle:
            return None
        return handle if handle.startswith("@") else "@" + handle


def _is_under(path: str, folder: str) -> bool:
    return bool(folder) and (path == folder or path.startswith(folder.rstrip("/") + "/"))


def _tags(post: Post) -> list[str]:
    return post.tags


def _categories(post: Post) -> list[str]:
    return post.categories
