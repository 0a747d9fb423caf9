"""Several blogs in one site: each `blogpost` entry under `plugins:` is one blog.

Their folders must not overlap, and each one's summary line, nav entry and feeds carry
its own name.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from .config import feed_paths
from .urls import folders_overlap

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from .config import BlogpostConfig

__all__ = ["BlogNames", "blog_label", "blog_names", "blog_title"]


@dataclass(frozen=True)
class BlogNames:
    """How a post list in a page (`blog=`) names a blog, and which blog lists by default.

    Attributes:
        own: The names a `blog=` setting may give this blog (its `blog_dir`, its title),
            compared without case.
        others: The names of the site's other blogs.
        first: This is the site's first blog: it draws lists without `blog=`, and
            reports a `blog=` that names no blog.
    """

    own: frozenset[str]
    others: frozenset[str] = frozenset()
    first: bool = True

    def names_me(self, blog: str) -> bool:
        """Tell whether `blog=` with this value names this blog."""
        return blog.strip("/").casefold() in self.own

    def handles(self, blog: str | None) -> bool:
        """Tell whether this blog draws a list with `blog=` set to `blog` (or unset)."""
        if blog is None:
            return self.first
        name = blog.strip("/").casefold()
        return name in self.own or (self.first and name not in self.others)


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


def blog_names(mine: BlogpostConfig, blogs: Sequence[BlogpostConfig]) -> BlogNames:
    """Return how a post list's `blog=` names the blog with options `mine`.

    A blog is named by its `blog_dir` or its title, without case. The first blog of
    `plugins:` draws the lists that name no blog, and reports a name no blog has.

    Args:
        mine: This blog's options.
        blogs: The options of every enabled blog of the site, in `plugins:` order.
    """
    def names(options: BlogpostConfig) -> set[str]:
        title = blog_title(options, several=len(blogs) > 1)
        return {n.casefold() for n in (options.blog_dir, title) if n}

    others: set[str] = set()
    for options in blogs:
        if options is not mine:
            others |= names(options)
    return BlogNames(
        own=frozenset(names(mine)),
        others=frozenset(others),
        first=not blogs or blogs[0] is mine,
    )
