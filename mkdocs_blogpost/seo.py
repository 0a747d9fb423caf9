"""Search-engine and social metadata for the `<head>` of blog pages, whatever the theme.

Pure string work on the page MkDocs built: tags the theme or another plugin already wrote
(found by `head.py`, in any quoting) are replaced or left alone, never written twice.
Another plugin's social card (Material's `social`) wins over the post's cover: its
`og:image` and `twitter:image` stay, and ours are not added. A post stays an article
beside it: its `og:type` says so, and the `article:*` tags it did not write are added.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .head import HeadTag, PageHead, find_link, find_meta, meta_tag

__all__ = [
    "FEED_REL",
    "ArticleMeta",
    "FeedLink",
    "alternate_links",
    "article_tags",
    "drop_pagination_links",
    "json_ld_script",
    "link_tag",
    "listing_tags",
    "set_article_type",
    "set_canonical",
    "set_meta_description",
]


@dataclass(frozen=True)
class FeedLink:
    """A feed to announce with an autodiscovery `<link rel="alternate">`."""

    href: str
    media_type: str
    title: str


@dataclass
class ArticleMeta:
    """What a post's head tags say about it. URLs are absolute, or `None` when unknown.

    Attributes:
        title: Plain-text title.
        description: Plain-text description.
        url: Canonical URL of the post.
        published: Publication date.
        updated: Last change, when known.
        image: Cover image URL.
        image_alt: Text describing the cover.
        tags: Tag names.
        categories: Category names.
        authors: Author names.
        people: More about some authors, by name: `url` and `image` for their `Person`.
        site_name: The site's name.
        language: Language tag (`en`, `pt-BR`).
        twitter_site: The site's handle, with its `@`.
    """

    title: str
    description: str
    url: str | None
    published: dt.datetime
    updated: dt.datetime | None = None
    image: str | None = None
    image_alt: str = ""
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    people: dict[str, dict[str, str]] = field(default_factory=dict)
    site_name: str = ""
    language: str = "en"
    twitter_site: str | None = None


def link_tag(rel: str, href: str, **attrs: str) -> str:
    """Return `<link rel=... href=...>` with every value escaped."""
    extra = "".join(f' {html.escape(k)}="{html.escape(v)}"' for k, v in attrs.items())
    return f'<link rel="{html.escape(rel)}" href="{html.escape(href)}"{extra}>'


def set_meta_description(head: PageHead, text: str) -> None:
    """Make the page's meta description `text`: replace the theme's, or add one."""
    tag = meta_tag("description", text)
    found = find_meta(head.tags_naming("description"), "description")
    if found is None:
        head.add([tag])
    else:
        head.replace(found, tag)


def set_canonical(head: PageHead, url: str, *, replace: bool) -> None:
    """Give the page a canonical link: add one, or (with `replace`) overwrite the theme's."""
    tag = link_tag("canonical", url)
    found = find_link(head.tags_naming("canonical"), "canonical")
    if not found:
        head.add([tag])
    elif replace:
        head.replace(found[0], tag)
        # A second canonical (another plugin's) goes too: a page has one.
        for extra in found[1:]:
            head.remove(extra)


def set_article_type(head: PageHead) -> None:
    """Make an `og:type` another tool wrote say `article`: the page is a post.

    Material's social cards call every page a `website`. Pages without an `og:type`
    are left as they are (`article_tags` adds one).
    """
    found = find_meta(head.tags_naming("og:type"), "og:type")
    if found is None or found.attrs.get("content", "").strip().lower() == "article":
        return
    attribute = "name" if "name" in found.attrs else "property"
    head.replace(found, meta_tag("og:type", "article", attribute=attribute))


def drop_pagination_links(head: PageHead) -> None:
    """Remove the theme's `rel="prev"/"next"` links (its navigation neighbours) from the head."""
    tags = head.tags_naming("prev", "next")
    for link in find_link(tags, "prev") + find_link(tags, "next"):
        head.remove(link)


#: The `rel` of feed autodiscovery links: `alternate` with a feed's `type`, as the RSS
#: autodiscovery note and feed readers expect it.
FEED_REL = "alternate"
#: The same under Material, whose language selector selects `link[rel=alternate]` (the
#: whole value, exactly) and fetches a `sitemap.xml` next to each one: for
#: `blog/feed.xml` that is `blog/sitemap.xml`, a 404 on every page. `feed` names what
#: the link is, and readers that split `rel` into words (browsers do) still find it.
MATERIAL_FEED_REL = "alternate feed"


def alternate_links(feeds: Sequence[FeedLink], rel: str = FEED_REL) -> list[str]:
    """Return the autodiscovery `<link rel="alternate">` tags for `feeds`."""
    return [link_tag(rel, f.href, type=f.media_type, title=f.title) for f in feeds]


def article_tags(meta: ArticleMeta, head: PageHead) -> list[str]:
    """Return OpenGraph, Twitter card and JSON-LD tags for a post.

    Groups the theme (or another plugin) already wrote in `head` are left out.
    """
    tags: list[str] = []
    found = head.tags_naming("og:", "article:", "twitter:", "ld+json")
    if find_meta(found, "og:title") is None:
        tags += _og_common("article", meta.title, meta.description, meta.url, meta.site_name)
        if meta.image:
            tags.append(meta_tag("og:image", meta.image, attribute="property"))
            if meta.image_alt:
                tags.append(meta_tag("og:image:alt", meta.image_alt, attribute="property"))
    elif find_meta(found, "og:type") is None:
        # OpenGraph without a type reads as a website; a post is an article.
        tags.append(meta_tag("og:type", "article", attribute="property"))
    # Another tool's OpenGraph (Material's social cards) says nothing about the article:
    # its dates and tags are ours to add, unless it wrote them.
    if find_meta(found, "article:published_time") is None:
        tags += _article(meta)
    # Twitter reads its card from `name` or `property`; Material's social cards use the
    # latter, and a second card would bring a second image.
    card = find_meta(found, "twitter:card")
    if card is None:
        tags += _twitter(
            meta.title, meta.description, meta.image, meta.image_alt, meta.twitter_site
        )
    elif meta.twitter_site and find_meta(found, "twitter:site") is None:
        # The site's handle joins the other tool's card, spelled as that card is.
        attribute = "name" if "name" in card.attrs else "property"
        tags.append(meta_tag("twitter:site", meta.twitter_site, attribute=attribute))
    if not _has_json_ld(found):
        tags.append(json_ld_script(_blog_posting(meta)))
    return tags


def _has_json_ld(tags: list[HeadTag]) -> bool:
    return any(
        t.name == "script" and t.attrs.get("type", "").strip().lower() == "application/ld+json"
        for t in tags
        if "ld+json" in t.source.lower()
    )


def listing_tags(
    *,
    title: str,
    description: str,
    url: str | None,
    prev_url: str | None,
    next_url: str | None,
    site_name: str,
    twitter_site: str | None,
    head: PageHead,
) -> list[str]:
    """Return the head tags of a listing page: pagination links, OpenGraph, Twitter card."""
    tags: list[str] = []
    if prev_url:
        tags.append(link_tag("prev", prev_url))
    if next_url:
        tags.append(link_tag("next", next_url))
    found = head.tags_naming("og:", "twitter:")
    if find_meta(found, "og:title") is None:
        tags += _og_common("website", title, description, url, site_name)
    if find_meta(found, "twitter:card") is None:
        tags += _twitter(title, description, None, "", twitter_site)
    return tags


def json_ld_script(data: dict[str, Any]) -> str:
    """Return a JSON-LD `<script>` that no text inside it can close early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # `</script>` (any case) or `<!--` inside a string would end or confuse the script
    # element; JSON allows `\u` escapes, so the markup characters are written that way.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def _og_common(
    kind: str, title: str, description: str, url: str | None, site_name: str
) -> list[str]:
    tags = [meta_tag("og:type", kind, attribute="property")]
    tags.append(meta_tag("og:title", title, attribute="property"))
    if description:
        tags.append(meta_tag("og:description", description, attribute="property"))
    if url:
        tags.append(meta_tag("og:url", url, attribute="property"))
    if site_name:
        tags.append(meta_tag("og:site_name", site_name, attribute="property"))
    return tags


def _article(meta: ArticleMeta) -> list[str]:
    """Return the OpenGraph `article:*` tags: dates, section and tags."""
    tags = [meta_tag("article:published_time", _iso(meta.published), attribute="property")]
    if meta.updated is not None:
        tags.append(meta_tag("article:modified_time", _iso(meta.updated), attribute="property"))
    if meta.categories:
        tags.append(meta_tag("article:section", meta.categories[0], attribute="property"))
    tags += [meta_tag("article:tag", tag, attribute="property") for tag in meta.tags]
    return tags


def _twitter(
    title: str, description: str, image: str | None, image_alt: str, twitter_site: str | None
) -> list[str]:
    tags = [meta_tag("twitter:card", "summary_large_image" if image else "summary")]
    if twitter_site:
        tags.append(meta_tag("twitter:site", twitter_site))
    tags.append(meta_tag("twitter:title", title))
    if description:
        tags.append(meta_tag("twitter:description", description))
    if image:
        tags.append(meta_tag("twitter:image", image))
        if image_alt:
            tags.append(meta_tag("twitter:image:alt", image_alt))
    return tags


def _blog_posting(meta: ArticleMeta) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": meta.title,
    }
    if meta.description:
        data["description"] = meta.description
    if meta.url:
        data["url"] = meta.url
        data["mainEntityOfPage"] = {"@type": "WebPage", "@id": meta.url}
    data["datePublished"] = _iso(meta.published)
    data["dateModified"] = _iso(meta.updated or meta.published)
    if meta.authors:
        data["author"] = [
            {"@type": "Person", "name": name, **meta.people.get(name, {})} for name in meta.authors
        ]
    if meta.image:
        data["image"] = [meta.image]
    if meta.tags:
        data["keywords"] = ", ".join(meta.tags)
    if meta.categories:
        data["articleSection"] = list(meta.categories)
    if meta.language:
        data["inLanguage"] = meta.language
    if meta.site_name:
        data["publisher"] = {"@type": "Organization", "name": meta.site_name}
    return data


def _iso(value: dt.datetime) -> str:
    return value.isoformat(timespec="seconds")
