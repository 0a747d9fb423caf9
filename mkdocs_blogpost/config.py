"""The plugin's typed configuration.

Each option carries a docstring: they are the user documentation of the option.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

__all__ = ["BlogpostConfig"]


class BlogpostConfig(base.Config):
    """Options of the `blogpost` plugin, all optional."""

    enabled = c.Type(bool, default=True)
    """Turn the whole plugin off (for example from an environment variable)."""

    posts_dir = c.Type(str, default="blog/posts")
    """Folder, relative to `docs_dir`, holding the posts (nested folders included)."""

    blog_dir = c.Type(str, default="blog")
    """Folder, relative to `docs_dir`, that the generated blog pages live under."""

    post_url_format = c.Type(str, default="blog/{yyyy}/{mm}/{dd}/{slug}/")
    """URL of a post. Placeholders: `{yyyy}`, `{mm}`, `{dd}`, `{slug}`, `{categories}`, `{file}`.

    A trailing `/` gives a folder URL; with `use_directory_urls: false` it becomes `.html`.
    """

    cover_dir = c.Type(str, default="assets/img")
    """Folder, relative to `docs_dir`, that `img:` cover names are resolved under."""

    timezone = c.Type(str, default="UTC")
    """IANA time zone given to post dates written without one (`Europe/Berlin`)."""

    language = c.Optional(c.Type(str))
    """Language of the words the plugin shows; by default the theme's language, else English."""

    date_format = c.Type(str, default="long")
    """Babel date format for shown dates: `short`, `medium`, `long`, `full` or a pattern."""

    read_time = c.Type(bool, default=True)
    """Show the reading time on posts that do not set `read_time:` themselves."""

    show_date = c.Type(bool, default=True)
    """Show the date on posts that do not set `show_date:` themselves."""

    words_per_minute = c.Type(int, default=200)
    """Reading speed for the reading time (the Jekyll theme's figure)."""

    cjk_characters_per_minute = c.Type(int, default=400)
    """Reading speed for Chinese, Japanese and Korean text, which is counted by character."""

    drafts_on_serve = c.Type(bool, default=True)
    """Show drafts (with a badge) under `mkdocs serve`; they never appear in `mkdocs build`."""

    future = c.Type(bool, default=False)
    """Publish posts dated in the future. Off, like Jekyll: they are held back until their date."""

    header = c.Type(bool, default=True)
    """Add the post header (title, date, reading time, authors, cover, tags) to each post."""

    # --- issue 5: feeds, metadata, redirects ---

    feeds = c.Type(bool, default=True)
    """Write the blog's feeds (`blog/feed.xml`, `blog/atom.xml`, `blog/feed.json`).

    Feeds need absolute links, so they are skipped (with a warning) without `site_url`.
    """

    feed_formats = c.ListOfItems(c.Choice(("rss", "atom", "json")), default=["rss", "atom", "json"])
    """Feed formats to write: `rss` (RSS 2.0), `atom` (Atom 1.0), `json` (JSON Feed 1.1)."""

    feed_length = c.Type(int, default=20)
    """Number of newest posts in each feed; `0` puts every post in."""

    feed_full_content = c.Type(bool, default=True)
    """Put each post's whole text in the feeds; off, only its excerpt."""

    feed_title = c.Optional(c.Type(str))
    """Title of the feeds; by default the `site_name`."""

    feed_tags = c.Type(bool, default=False)
    """Also write a feed per tag, at `<blog_dir>/tags/<slug>/feed.xml` (and the other formats)."""

    feed_categories = c.Type(bool, default=False)
    """Also write a feed per category, at `<blog_dir>/categories/<slug>/feed.xml` (and others)."""

    feed_build_date = c.Type(bool, default=False)
    """Stamp feeds with the build's clock time. Off, the newest post's date is used, so the
    same sources always give byte-identical feeds."""

    meta_tags = c.Type(bool, default=True)
    """Add OpenGraph, Twitter card, JSON-LD, canonical and feed links to blog pages' heads."""

    twitter_site = c.Optional(c.Type(str))
    """The site's handle on X/Twitter (`@example`), for the `twitter:site` card tag."""

    redirects = c.Type(bool, default=True)
    """Write redirect pages for the old URLs listed in posts' `redirect_from`."""
