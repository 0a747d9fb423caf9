"""Head tags themes do not write for blog pages: descriptions, canonicals, social cards, feeds.

Runs in `on_post_page`, on each written page of the blog. What a theme or another
plugin already wrote is found in the page's `<head>` and kept.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from . import seo
from .excerpts import excerpt_html
from .feeds import absolute_url, plain_summary
from .head import PageHead
from .urls import is_under, relative_url

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from .config import BlogpostConfig
    from .feed_files import BlogFeeds
    from .models import Post
    from .public_urls import Cover
    from .views import ViewPage

__all__ = ["DESCRIPTION_LENGTH", "HeadTags"]

#: Length of descriptions made from a post's text when it has none (search engines cut
#: around 155-160 characters).
DESCRIPTION_LENGTH = 160


class HeadTags:
    """Writes the head tags of one blog's pages.

    Args:
        options: The blog's options.
        config: The site's configuration.
        feeds: The blog's feeds, for their autodiscovery links.
        language: The pages' language (`en`, `pt-BR`).
        url_of: The site path of a docs file, `None` when it is not built.
        blog_dir: The blog's folder as docs paths name it in this build.
    """

    def __init__(
        self,
        options: BlogpostConfig,
        config: MkDocsConfig,
        feeds: BlogFeeds,
        *,
        language: str,
        url_of: Callable[[str | None], str | None],
        blog_dir: str | None = None,
    ) -> None:
        self.options = options
        self.blog_dir = options.blog_dir if blog_dir is None else blog_dir
        self.url_of = url_of
        self.site_name = config.site_name
        self.site_url: str | None = config.site_url or None
        self.feeds = feeds
        self.language = language
        #: Canonical URL and cover of each post, by docs path (set by the blog).
        self.canonical: dict[str, str] = {}
        #: Each author's page and avatar for JSON-LD, by name shown (set by the blog).
        self.people: dict[str, dict[str, str]] = {}
        self.covers: dict[str, Cover] = {}
        self._feed_tags: dict[seo.FeedLink, str] = {}
        self._feed_rel = seo.MATERIAL_FEED_REL if config.theme.name == "material" else seo.FEED_REL
        handle = (options.twitter_site or "").strip()
        self.twitter_site = (handle if handle.startswith("@") else "@" + handle) if handle else None

    def write(self, output: str, page: Page, post: Post | None, view: ViewPage | None) -> str:
        """Add metadata and feed links to a blog page's `<head>`.

        Args:
            output: The page's HTML.
            page: The page.
            post: The post shown on the page, if it is one (undated ones included).
            view: The listing the page shows, if it is one.
        """
        head = PageHead(output)
        if post is not None and post.date is not None and self.options.meta_tags:
            self._post(head, page, post)
        elif post is None and view is not None:
            self._listing(head, page, view)
        else:
            # Themes that write no description for the page get the post's own.
            if post is not None and post.description and not head.has_meta_description():
                seo.set_meta_description(head, post.description)
            if (post is not None and post.date is not None) or self._in_blog(page):
                head.add(self._feed_links(page))
        return head.text()

    def _post(self, head: PageHead, page: Page, post: Post) -> None:
        assert post.date is not None
        description = post.description or plain_summary(excerpt_html(post), DESCRIPTION_LENGTH)
        if description:
            seo.set_meta_description(head, description)
        canonical = self.canonical.get(post.src_uri)
        if canonical:
            # An untranslated post shown in another language points to its original.
            replace = "canonical_url" in post.meta or post.fallback
            seo.set_canonical(head, canonical, replace=replace)
        seo.set_article_type(head)
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
            people=self.people,
            site_name=self.site_name,
            language=post.language.replace("_", "-") if post.language else self.language,
            twitter_site=self.twitter_site,
        )
        tags = seo.article_tags(meta, head)
        if post.translations and self.site_url and not head.mentions("hreflang="):
            # Material writes these itself from i18n's language switcher; other themes not.
            tags += self._language_links(post.translations)
        tags += self._feed_links(page)
        head.add(tags)

    def _language_links(self, translations: dict[str, str]) -> list[str]:
        """Return the `hreflang` links of a translated post, this version included."""
        assert self.site_url
        links = [
            f'<link rel="alternate" hreflang="{html.escape(lang.replace("_", "-"))}" '
            f'href="{html.escape(absolute_url(self.site_url, url))}">'
            for lang, url in translations.items()
        ]
        first = next(iter(translations.values()))
        links.append(
            f'<link rel="alternate" hreflang="x-default" '
            f'href="{html.escape(absolute_url(self.site_url, first))}">'
        )
        return links

    def _listing(self, head: PageHead, page: Page, view: ViewPage) -> None:
        description = view.description
        tags: list[str] = []
        if self.options.meta_tags:
            if description:
                seo.set_meta_description(head, description)
            url = absolute_url(self.site_url, page.url) if self.site_url else None
            if url:
                seo.set_canonical(head, url, replace=False)
            # The theme's prev/next are navigation neighbours; here they mean pages of posts.
            seo.drop_pagination_links(head)
            tags = seo.listing_tags(
                title=html.unescape(page.title or ""),
                description=description,
                url=url,
                prev_url=self._link(self.url_of(view.prev_src), page),
                next_url=self._link(self.url_of(view.next_src), page),
                site_name=self.site_name,
                twitter_site=self.twitter_site,
                head=head,
            )
        tags += self._feed_links(page)
        head.add(tags)

    def _link(self, url: str | None, page: Page) -> str | None:
        """Absolute (or, without `site_url`, page-relative) form of a site path."""
        if not url:
            return None
        if self.site_url:
            return absolute_url(self.site_url, url)
        return relative_url(url, page.url)

    def _feed_links(self, page: Page) -> list[str]:
        """Return the autodiscovery links of the page's feeds, each built once."""
        cache = self._feed_tags
        out = []
        for link in self.feeds.links(page.url):
            tag = cache.get(link)
            if tag is None:
                tag = cache[link] = seo.alternate_links([link], self._feed_rel)[0]
            out.append(tag)
        return out

    def _in_blog(self, page: Page) -> bool:
        blog_dir = self.blog_dir
        return is_under(page.file.src_uri, blog_dir) or page.file.src_uri == f"{blog_dir}.md"
