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
from .problems import report
from .urls import move_to

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files

    from .config import BlogpostConfig
    from .models import Post
    from .multilingual import BuildLanguages

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
    languages: BuildLanguages | None = None,
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
        languages: This build's languages, when mkdocs-static-i18n builds one site per
            language; `files` are then this language's (posts are found by their
            language-neutral path, and each lives under the language's folder).
    """
    from .multilingual import file_key, file_language

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
        schema=options.schema,
    )
    if author_name is not None:
        ctx.author_name = author_name
    candidates = sorted(
        (f for f in files if f.is_documentation_page() and is_post_path(file_key(f), posts_dir)),
        key=lambda f: f.src_uri,
    )
    found = BlogPosts()
    originals: dict[str, Post] = {}
    read: list[Post] = []
    for file in candidates:
        source = _read(file)
        if source is None:
            files.remove(file)
            continue
        key = file_key(file)
        post = read_post(file.src_uri, source, ctx, key=key if key != file.src_uri else None)
        if languages is not None:
            written_in = file_language(file) or languages.current
            post.fallback = written_in != languages.current
            if post.fallback and not languages.fallback:
                files.remove(file)
                continue
            post.language = post.language or written_in
            original = _original(file, languages, ctx)
            if original is not None:
                originals[file.src_uri] = original
        # A title read from unreadable front matter is a guess; a copy of the default
        # language's post has its title checked in that language's build.
        if post.problem is None and not post.fallback:
            read.append(post)
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
    _report_titles(read, options)
    _publish(found.dated, files, options, config, languages, originals)
    if languages is not None:
        _link_translations(found.dated, files, languages)
    return found


def _original(file: File, languages: BuildLanguages, ctx: PostContext) -> Post | None:
    """Read the default-language version of a translated post, for its URL.

    Its warnings are the default language's build's to give, so it is read silently.
    """
    from .multilingual import file_key, file_language
    from .posts import quiet

    if file_language(file) in (None, languages.default):
        return None
    alternates = getattr(file, "alternates", None) or {}
    original = alternates.get(languages.default)
    if original is None or file_language(original) != languages.default:
        return None
    try:
        source = original.content_string
    except (OSError, UnicodeDecodeError):
        return None
    key = file_key(original)
    with quiet():
        return read_post(original.src_uri, source, ctx, key=key)


def _link_translations(dated: list[Post], files: Files, languages: BuildLanguages) -> None:
    """Tell each post where its versions in other languages are, and tell i18n too.

    A version is at the post's site path under its language's folder. i18n made its
    `alternates` (the language switcher's and the sitemap's links) from the files'
    own paths, before the blog moved them: they follow the post here. A language that
    only shows the default-language post is no translation, and where the blog does not
    show untranslated posts, it has no page to switch to.
    """
    from .multilingual import file_language

    for post in dated:
        file = files.get_file_from_path(post.src_uri)
        alternates = getattr(file, "alternates", None)
        if file is None or not isinstance(alternates, dict):
            continue
        translated: dict[str, str] = {}
        for language, other in list(alternates.items()):
            url = languages.in_language(post.url, language)
            own = file_language(other) == language or other is file
            if not own and not languages.fallback:
                del alternates[language]
                continue
            if other is not file:
                dest = languages.in_language(post.dest_uri, language)
                move_to(other, url, dest, languages.site_dir)
            if own and not (other is file and post.fallback):
                translated[language] = url
        if len(translated) > 1:
            # The default language first: it is `x-default` for search engines.
            order = {lang: i for i, lang in enumerate(languages.languages)}
            post.translations = dict(
                sorted(translated.items(), key=lambda item: order.get(item[0], len(order)))
            )


def _report_titles(posts: list[Post], options: BlogpostConfig) -> None:
    """Report posts that share a title, drafts included: they are published one day."""
    if options.schema.duplicate_titles == "ignore":
        return
    from .schema import check_titles

    for problem in check_titles(posts, options.schema):
        report(problem)


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
    dated: list[Post],
    files: Files,
    options: BlogpostConfig,
    config: MkDocsConfig,
    languages: BuildLanguages | None = None,
    originals: dict[str, Post] | None = None,
) -> None:
    """Give each dated post its blog URL, leaving every other page's URL to its page."""
    dated_uris = {p.src_uri for p in dated}
    taken = {f.dest_uri for f in files if f.src_uri not in dated_uris}
    prefix = languages.url_prefix() if languages is not None else ""
    resolve_urls(
        dated,
        options.post_url_format,
        config.use_directory_urls,
        taken,
        reserved=reserved_urls(options, prefix),
        blog_dir=options.blog_dir,
        prefix=prefix,
        url_from=originals,
    )
    for post in dated:
        file = files.get_file_from_path(post.src_uri)
        if file is not None:
            move_to(file, post.url, post.dest_uri, config.site_dir)


def reserved_urls(options: BlogpostConfig, prefix: str = "") -> list[str]:
    """Destinations of the generated blog pages, which posts must leave free.

    `prefix` is the language's site folder (`fr/`) in a site built per language.
    """
    if not options.blog_pages:
        return []
    blog = prefix + options.blog_dir
    reserved = [posixpath.join(blog, "index.html"), f"{blog}.html" if blog else "index.html"]
    for key in PAGE_FOLDERS:
        folder = posixpath.join(blog, str(options[key]))
        reserved += [folder + "/", folder + ".html"]
    return reserved
