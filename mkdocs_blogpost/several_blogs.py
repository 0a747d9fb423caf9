"""Several blogs in one site: each `blogpost` entry under `plugins:` is one blog.

Their folders must not overlap, and each one's summary line, nav entry and feeds carry
its own name.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from .config import feed_paths
from .urls import folders_overlap

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .config import BlogpostConfig

__all__ = ["blog_label", "blog_title"]


def blog_label(mine: BlogpostConfig, blogs: Mapping[str, BlogpostConfig]) -> str:
    """Check the site's blogs against the blog with options `mine`; return its label.

    Args:
        mine: This blog's options.
        blogs: The options of every enabled blog of the site by the name of its entry
            under `plugins:` (`blogpost`, `blogpost #2`), this one included.

    Returns:
        `""` for a site with one blog, else the blog's folder and a colon
        (`changelog: `), which starts its summary line.

    Raises:
        PluginError: Two blogs share posts, a `blog_dir` or a feed's file.
    """
    if len(blogs) < 2:
        return ""
    me = next(name for name, options in blogs.items() if options is mine)
    for name, other in blogs.items():
        if other is mine:
            continue
        if folders_overlap(mine.posts_dir, other.posts_dir):
            raise PluginError(
                f"blogpost: the blogs '{me}' and '{name}' share posts: posts_dir "
                f"'{mine.posts_dir}' and '{other.posts_dir}' overlap. Give each blog "
                "a posts_dir of its own, neither inside the other"
            )
        if mine.blog_dir == other.blog_dir:
            raise PluginError(
                f"blogpost: the blogs '{me}' and '{name}' both use blog_dir "
                f"'{mine.blog_dir}'; their index, tag pages and feeds would overwrite each "
                "other. Give each blog a blog_dir of its own"
            )
        _check_feed_paths(mine, me, other, name)
    return f"{mine.blog_dir or '(site root)'}: "


def _check_feed_paths(mine: BlogpostConfig, me: str, other: BlogpostConfig, name: str) -> None:
    """Refuse two blogs whose feeds would be written to one file (see `feed_paths`)."""
    if not (mine.feeds and other.feeds):
        return
    theirs = {path.casefold(): fmt for fmt, path in feed_paths(other).items()}
    for fmt, path in feed_paths(mine).items():
        if path.casefold() in theirs:
            raise PluginError(
                f"blogpost: the blogs '{me}' and '{name}' would both write a feed to "
                f"'{path}' ('{me}': {fmt}, '{name}': {theirs[path.casefold()]}); one would "
                "overwrite the other. Give each blog's feed a path of its own with the "
                "'feed_paths' option"
            )


def blog_title(options: BlogpostConfig, *, several: bool) -> str | None:
    """Return the blog's name: the option, else (among several blogs) its folder's name.

    `None` leaves the name to the translation of "Blog".
    """
    if options.blog_title:
        return options.blog_title
    if not several:
        return None
    folder = posixpath.basename(options.blog_dir)
    words = folder.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else None
