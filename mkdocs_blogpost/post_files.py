"""Find a blog's posts among the site's files, read each once, and publish them at their URLs.

This is the first step of a build (`on_files`): what it leaves in `files` is what the
site publishes. A post that cannot be read, a draft under `mkdocs build`, a post held
back until its date and an editor's leftover all leave `files` here, so no later step
can show them.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mkdocs.structure.files import InclusionLevel

from .posts import (
    PostContext,
    is_leftover,
    is_post_path,
    is_visible,
    read_post,
    resolve_urls,
    warn,
)
from .urls import move_to

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files

    from .config import BlogpostConfig
    from .models import Post

__all__ = ["BlogPosts", "collect_posts", "reserved_urls"]

#: The options naming folders of generated pages under `blog_dir`.
PAGE_FOLDERS = ("pagination_dir", "tags_dir", "categories_dir", "archive_dir", "authors_dir")


@dataclass
class BlogPosts:
    """The posts of one build.

    Attributes:
        by_src: Every post kept in the build by docs path, undated ones included (they
            stay plain pages at their own path, so links to them still work).
        dated: The dated posts, which the blog lists, in docs-path order.
    """

    by_src: dict[str, Post] = field(default_factory=dict)
    dated: list[Post] = field(default_factory=list)


def collect_posts(
    files: Files,
    options: BlogpostConfig,
    config: MkDocsConfig,
    *,
    serve: bool,
    timezone: dt.tzinfo,
    now: dt.datetime,
    author_name: Callable[[str], str] | None = None,
) -> BlogPosts:
    """Read the blog's posts from `files`, drop the unpublished ones, and move the rest.

    Args:
        files: The site's files; posts left out of the build are removed from it.
        options: The blog's options.
        config: The site's configuration.
        serve: Whether this is `mkdocs serve`, where drafts may be shown.
        timezone: Zone of dates written without one.
        now: The build's moment, for posts dated in the future.
        author_name: The name shown for an author as posts write them (the authors file).
    """
    posts_dir = options.posts_dir
    _drop_leftovers(files, posts_dir)
    ctx = PostContext(
        posts_dir=posts_dir,
        cover_dir=options.cover_dir,
        timezone=timezone,
        now=now,
        read_time=options.read_time,
        show_date=options.show_date,
        future=options.future,
        exists={f.src_uri for f in files}.__contains__,
        skip_unprefixed=options.unprefixed_posts == "skip",
    )
    if author_name is not None:
        ctx.author_name = author_name
    candidates = sorted(
        (f for f in files if f.is_documentation_page() and is_post_path(f.src_uri, posts_dir)),
        key=lambda f: f.src_uri,
    )
    found = BlogPosts()
    for file in candidates:
        source = _read(file)
        if source is None:
            files.remove(file)
            continue
        post = read_post(file.src_uri, source, ctx)
        visible = is_visible(post, serve=serve, drafts_on_serve=options.drafts_on_serve)
        # Kept as a plain page at its own path, so links to it still work.
        plain = post.status == "undated" or (visible and post.date is None)
        if not plain and not visible:
            files.remove(file)
            continue
        file.inclusion = InclusionLevel.NOT_IN_NAV
        found.by_src[file.src_uri] = post
        if not plain:
            found.dated.append(post)
    _publish(found.dated, files, options, config)
    return found


def _read(file: File) -> str | None:
    """Return the file's text, or warn (naming the first bad byte's line) and return `None`."""
    try:
        return file.content_string
    except UnicodeDecodeError:
        where, line = _first_bad_byte(file)
        warn(
            file.src_uri,
            f"is not UTF-8 text ({where}); save it as UTF-8. The post is left out of the site",
            line,
        )
    except OSError as exc:
        warn(file.src_uri, f"cannot be read ({exc}); the post is left out of the site")
    return None


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


def _drop_leftovers(files: Files, posts_dir: str) -> None:
    """Keep editors' leftovers next to posts (`x.md~`, `#x#`...) out of the site."""
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


def _publish(
    dated: list[Post], files: Files, options: BlogpostConfig, config: MkDocsConfig
) -> None:
    """Give each dated post its blog URL, leaving every other page's URL to its page."""
    dated_uris = {p.src_uri for p in dated}
    taken = {f.dest_uri for f in files if f.src_uri not in dated_uris}
    resolve_urls(
        dated,
        options.post_url_format,
        config.use_directory_urls,
        taken,
        reserved=reserved_urls(options),
        blog_dir=options.blog_dir,
    )
    for post in dated:
        file = files.get_file_from_path(post.src_uri)
        if file is not None:
            move_to(file, post.url, post.dest_uri, config.site_dir)


def reserved_urls(options: BlogpostConfig) -> list[str]:
    """Destinations of the generated blog pages, which posts must leave free."""
    if not options.blog_pages:
        return []
    blog = options.blog_dir
    reserved = [posixpath.join(blog, "index.html"), f"{blog}.html" if blog else "index.html"]
    for key in PAGE_FOLDERS:
        folder = posixpath.join(blog, str(options[key]))
        reserved += [folder + "/", folder + ".html"]
    return reserved
