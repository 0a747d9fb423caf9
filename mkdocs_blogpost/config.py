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

    # --- issue 4: blog pages ---

    posts_per_page = c.Type(int, default=6)
    """Posts on each page of the blog index and of the tag, category and author pages."""

    pagination_dir = c.Type(str, default="page")
    """Folder of pages 2, 3... of a listing: `blog/page/2/`, `blog/tags/ci/page/2/`."""

    tags_dir = c.Type(str, default="tags")
    """Folder, under `blog_dir`, of the tag index and the tag pages (`blog/tags/<tag>/`)."""

    categories_dir = c.Type(str, default="category")
    """Folder, under `blog_dir`, of the category pages (`blog/category/<category>/`)."""

    archive_dir = c.Type(str, default="archive")
    """Folder, under `blog_dir`, of the archive and its year pages (`blog/archive/2024/`)."""

    authors_dir = c.Type(str, default="author")
    """Folder, under `blog_dir`, of the author pages (`blog/author/<author>/`)."""

    related_posts = c.Type(int, default=3)
    """Related posts (most shared tags, then most recent) listed under each post; 0 for none."""

    post_navigation = c.Type(bool, default=True)
    """Add previous/next post links and related posts at the end of each post."""

    blog_pages = c.Type(bool, default=True)
    """Generate the blog index, tag, category, author and archive pages."""
