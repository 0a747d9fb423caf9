"""The blog's feed files: planned with the site's files, written once every post is rendered.

The blog has one feed per format, and with `feed_tags` / `feed_categories` one per tag
or category. `plan` adds their (empty) files in `on_files`, so links may name them;
`write` fills them in `on_env`, when every post's HTML exists, before MkDocs copies
static files.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel

from . import seo
from .config import feed_paths
from .feeds import FEED_FORMATS, FeedEntry, FeedInfo, absolute_url, build_feed, make_entry
from .posts import is_public
from .taxonomy import group_terms

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from .config import BlogpostConfig
    from .i18n import Translator
    from .models import Post
    from .public_urls import Cover

__all__ = ["BlogFeeds", "FeedTarget"]

log = get_plugin_logger(__name__)


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

    def chosen(self, length: int) -> list[Post]:
        """Return the posts the feed carries: the newest `length`, or all for 0."""
        return self.posts[:length] if length > 0 else self.posts


class BlogFeeds:
    """The feeds of one blog in one build.

    Args:
        options: The blog's options.
        config: The site's configuration.
        translator: Words in the site's language.
        language: The feeds' language (`en`, `pt-BR`).
        title: The feeds' title.
        now: The build's moment, used only when `feed_build_date` is on.
        id_base: The `site_url` the site was configured with, before plugins such as
            mike put a version into it: entry ids stay the same in every version.
        prefix: The language's site folder (`fr/`) when the site is built per
            language: each language's feeds are in its own folder.
    """

    def __init__(
        self,
        options: BlogpostConfig,
        config: MkDocsConfig,
        *,
        translator: Translator,
        language: str,
        title: str,
        now: dt.datetime,
        id_base: str | None = None,
        prefix: str = "",
    ) -> None:
        self.options = options
        self.prefix = prefix
        self.blog_dir = (prefix + options.blog_dir).rstrip("/")
        self.config = config
        self.t = translator
        self.language = language
        self.title = title
        self.now = now
        self.site_url: str | None = config.site_url or None
        self.id_base = id_base or self.site_url
        self.targets: list[FeedTarget] = []
        self._full_html: set[str] | None = None
        self._links: dict[str, list[seo.FeedLink]] | None = None

    def plan(self, files: Files, listed: Sequence[Post]) -> None:
        """Add the feeds' files to `files` (warning about any place already taken)."""
        if not self.site_url:
            log.warning(
                "feeds are skipped: they need absolute links, and 'site_url' is not set in "
                "mkdocs.yml. Set site_url (for example https://example.org/), or set the "
                "blogpost option 'feeds: false' to silence this"
            )
            return
        taken = {f.dest_uri: f for f in files}
        blog_paths = {fmt: self.prefix + path for fmt, path in feed_paths(self.options).items()}
        for kind, name, folder, group_posts in self._groups(listed):
            for fmt in self.options.feed_formats:
                if kind == "blog":
                    path = blog_paths[fmt]
                else:
                    path = posixpath.join(folder, FEED_FORMATS[fmt].filename)
                if path in taken:
                    log.warning(
                        f"the {FEED_FORMATS[fmt].label} feed is not written to '{path}': "
                        f"'{taken[path].src_uri}' is already there. Move that file, move the "
                        "feed with the 'feed_paths' option or turn it off with 'feed_formats'"
                    )
                    continue
                file = File.generated(
                    self.config, path, content="", inclusion=InclusionLevel.NOT_IN_NAV
                )
                files.append(file)
                taken[path] = file
                self.targets.append(FeedTarget(kind, name, folder, fmt, file, group_posts))

    def _groups(self, listed: Sequence[Post]) -> list[tuple[str, str, str, list[Post]]]:
        """Return (kind, name, site folder, published posts) of each feed to write."""
        o = self.options
        published = [p for p in listed if is_public(p)]
        groups: list[tuple[str, str, str, list[Post]]] = [("blog", "", self.blog_dir, published)]
        for kind, enabled, folder, get in (
            ("tag", o.feed_tags, o.tags_dir, _tags),
            ("category", o.feed_categories, o.categories_dir, _categories),
        ):
            if not enabled:
                continue
            # The same function and input as the tag and category pages, so the slugs match.
            # The tag pages group the same posts and already report slug collisions.
            for term in group_terms(listed, get, kind, report=not o.blog_pages):
                term_posts = [p for p in term.posts if is_public(p)]
                if term_posts:
                    path = posixpath.join(self.blog_dir, folder, term.slug)
                    groups.append((kind, term.name, path, term_posts))
        return groups

    def needs_html(self, post: Post) -> bool:
        """Tell whether a feed will carry the post's whole HTML (so it must be kept)."""
        if self._full_html is None:
            self._full_html = set()
            if self.options.feed_full_content and self.site_url:
                for target in self.targets:
                    self._full_html.update(
                        p.src_uri for p in target.chosen(self.options.feed_length)
                    )
        return post.src_uri in self._full_html

    def write(self, files: Files, covers: dict[str, Cover]) -> None:
        """Write every planned feed's document, from posts' rendered HTML."""
        if not self.targets or not self.site_url:
            return
        site_url = self.site_url
        pages = {f.dest_uri: f for f in files if f.is_documentation_page()}
        home = _page_url(pages, self.blog_dir, site_url) or site_url
        entries: dict[str, FeedEntry] = {}
        for target in self.targets:
            chosen = target.chosen(self.options.feed_length)
            for post in chosen:
                if post.src_uri not in entries:
                    entries[post.src_uri] = self._entry(post, covers.get(post.src_uri))
            title, page = self.title, home
            if target.kind != "blog":
                key, arg = ("posts_tagged", "tag") if target.kind == "tag" else (
                    "posts_in_category", "category"
                )
                title = f"{self.title} – {self.t(key, **{arg: target.name})}"
                page = _page_url(pages, target.folder, site_url) or home
            info = FeedInfo(
                title=title,
                home_url=page,
                feed_url=absolute_url(site_url, target.file.url),
                description=" ".join((self.config.site_description or "").split()),
                language=self.language,
                author=self.config.site_author or self.config.site_name,
                build_date=self.now.replace(microsecond=0)
                if self.options.feed_build_date
                else None,
            )
            posts_entries = [entries[p.src_uri] for p in chosen]
            target.file.content_string = build_feed(target.fmt, info, posts_entries)

    def _entry(self, post: Post, cover: Cover | None) -> FeedEntry:
        return make_entry(
            post,
            site_url=self.site_url or "",
            full_content=self.options.feed_full_content,
            image=cover.url if cover else None,
            image_type=cover.media_type if cover else None,
            image_length=cover.length if cover else None,
            id_base=self.id_base,
        )

    def main_feed(self) -> tuple[str, str] | None:
        """Return the site path and media type of the feed readers are offered on the page.

        RSS when the blog writes it (every feed reader reads it), else its first format.
        """
        blog = [t for t in self.targets if t.kind == "blog"]
        chosen = next((t for t in blog if t.fmt == "rss"), blog[0] if blog else None)
        if chosen is None:
            return None
        return chosen.file.url, FEED_FORMATS[chosen.fmt].media_type

    def links(self, page_url: str) -> list[seo.FeedLink]:
        """Return the blog's feeds, then those of the tag or category page `page_url` is in."""
        if self._links is None:
            self._links = {}
            for target in self.targets:
                name = self.title if target.kind == "blog" else target.name
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
        parts = page_url.removesuffix(".html").split("/")
        for i in range(1, len(parts) + 1):
            links += self._links.get("/".join(parts[:i]), [])
        return links


def _page_url(pages: dict[str, File], folder: str, site_url: str) -> str | None:
    """Absolute URL of the page for `folder`, in either URL style."""
    for dest in (f"{folder}/index.html", f"{folder}.html"):
        file = pages.get(dest)
        if file is not None:
            return absolute_url(site_url, file.url)
    return None


def _tags(post: Post) -> list[str]:
    return post.tags


def _categories(post: Post) -> list[str]:
    return post.categories
