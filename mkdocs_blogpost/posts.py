"""Find the posts among the site's files and turn each into a normalised `Post`."""

from __future__ import annotations

import datetime as dt
import html
import logging
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .dates import DateError, parse_date
from .problems import Problem, report
from .problems import log as problems_log

if TYPE_CHECKING:
    from .config import SchemaConfig
    from .frontmatter import FrontMatter
    from .models import Cover, Post, PostStatus

# Front matter, the models and the text helpers are imported by the functions
# that read posts, so a site without posts (which still uses `is_post_path`, `warn` and
# `PostContext`) does not load them.

__all__ = [
    "PostContext",
    "is_leftover",
    "is_post_path",
    "is_public",
    "is_visible",
    "quiet",
    "read_post",
    "read_switch",
    "resolve_urls",
    "safe_url",
    "warn",
]

_JEKYLL_NAME_RE = re.compile(r"^(?P<date>\d{4}-\d{1,2}-\d{1,2})-(?P<slug>.+)$")
_H1_RE = re.compile(r"^#[ \t]+(?P<title>.+?)[ \t]*#*[ \t]*$")
_FENCE_RE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_POST_EXTENSIONS = (".md", ".markdown")
_SAFE_SCHEMES = frozenset({"http", "https", "mailto", ""})


class _Silence(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return False


@contextmanager
def quiet() -> Iterator[None]:
    """Keep reading a post from logging: for a second reading of a file already warned about."""
    silence = _Silence()
    problems_log.logger.addFilter(silence)
    try:
        yield
    finally:
        problems_log.logger.removeFilter(silence)


def warn(src_uri: str, message: str, line: int | None = None) -> None:
    """Log a warning an author can act on: `file:line: message`."""
    report(Problem(src_uri, line, message))


@dataclass
class PostContext:
    """What reading a post needs from the site, kept small so it is easy to test.

    Attributes:
        posts_dir: Folder of the posts, relative to `docs_dir`, no slashes around.
        cover_dir: Folder that `img:` names hang from.
        timezone: Zone for dates written without one.
        now: The build's moment, for future posts.
        read_time: Site default for `read_time`.
        show_date: Site default for `show_date`.
        future: Publish future-dated posts.
        exists: Whether a docs-relative path is a file of the site.
        skip_unprefixed: Leave out files with neither a `YYYY-MM-DD-` name nor a `date:`,
            as Jekyll does (they become "skipped" posts).
        author_name: The name shown for an author as a post writes them: an id of the
            authors file gives its name, anything else stays as written.
        schema: The site's rules for front matter; `None` checks only what the build
            always reports, at the default severities.
    """

    posts_dir: str
    cover_dir: str
    timezone: dt.tzinfo
    now: dt.datetime
    read_time: bool = True
    show_date: bool = True
    future: bool = False
    exists: Callable[[str], bool] = lambda _path: False
    skip_unprefixed: bool = False
    author_name: Callable[[str], str] = lambda written: written
    schema: SchemaConfig | None = None


def is_post_path(src_uri: str, posts_dir: str) -> bool:
    """Tell whether the docs file `src_uri` is a post under `posts_dir`."""
    prefix = posts_dir.strip("/") + "/" if posts_dir.strip("/") else ""
    return src_uri.startswith(prefix) and src_uri.lower().endswith(_POST_EXTENSIONS)


#: Files editors and notebooks leave next to posts: never posts, never worth publishing.
_LEFTOVER_NAMES = frozenset({".ds_store", "thumbs.db", "desktop.ini"})
_LEFTOVER_RE = re.compile(
    r"(?:.*~|#.*#|\.#.*|.*\.sw[a-p]|\.~lock\..*#|untitled(?:[ -]?\d+)?\.(?:txt|ipynb))$",
    re.IGNORECASE,
)


def is_leftover(src_uri: str) -> bool:
    """Tell whether a docs file is an editor's leftover (`x.md~`, `#x#`, `.DS_Store`...).

    Also every file of a `.ipynb_checkpoints` folder, and `untitled.txt`.
    """
    parts = src_uri.split("/")
    name = parts[-1]
    return (
        ".ipynb_checkpoints" in parts[:-1]
        or name.lower() in _LEFTOVER_NAMES
        or _LEFTOVER_RE.fullmatch(name) is not None
    )


def safe_url(url: str) -> bool:
    """Tell whether an author-supplied URL may go into `href`/`src`.

    Allowed: `http`, `https`, `mailto` and scheme-less (relative or site-root) URLs.
    """
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", url)
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return False
    return scheme in _SAFE_SCHEMES


def read_post(src_uri: str, source: str, ctx: PostContext, key: str | None = None) -> Post:
    """Read one post file into a `Post`. Problems are logged as warnings, never raised.

    Args:
        src_uri: The file's path in the docs tree.
        source: The file's text.
        ctx: What the site provides.
        key: The language-neutral path of a translated file (`post.md` for
            `post.fr.md`), which its date and slug are read from; `src_uri` by default.
    """
    from .frontmatter import parse_front_matter, to_bool, to_list
    from .models import Post
    from .text import title_from_filename

    fm = parse_front_matter(source)
    _report_front_matter(src_uri, fm)
    data = fm.data
    stem = posixpath.splitext(posixpath.basename(key or src_uri))[0]
    jekyll = _JEKYLL_NAME_RE.match(stem)
    # Read one after the other, so a post's warnings always come in the same order.
    date = _read_date(src_uri, fm, jekyll, ctx)
    updated = _read_updated(src_uri, fm, ctx)
    raw_slug = data.get("slug") or (jekyll.group("slug") if jekyll else stem)
    slug = _read_slug(src_uri, fm, raw_slug, stem)
    status = _status(src_uri, fm, date, jekyll is not None, ctx)
    title = _one_line(data.get("title"))
    if not title:
        title = _first_heading(fm.body) or title_from_filename(
            jekyll.group("slug") if jekyll else stem
        )
    post = Post(
        src_uri=src_uri,
        slug=slug,
        title=title,
        date=date,
        updated=updated,
        body=fm.body,
        body_line=fm.body_line,
        name=str(raw_slug),
        tags=to_list(data.get("tags", data.get("tag")), split_spaces=True),
        categories=to_list(data.get("categories", data.get("category")), split_spaces=False),
        authors=list(
            dict.fromkeys(
                ctx.author_name(a) for a in to_list(data.get("authors", data.get("author")))
            )
        ),
        description=_one_line(data.get("description")) or None,
        excerpt=_one_line(data.get("excerpt")) or None,
        read_time=read_switch(
            data, "read_time", ctx.read_time, src_uri, fm.lines.get("read_time")
        ),
        show_date=read_switch(
            data, "show_date", ctx.show_date, src_uri, fm.lines.get("show_date")
        ),
        status=status,
        pin=bool(to_bool(data.get("pin")) or to_bool(data.get("sticky"))),
        problem=fm.error.message if fm.error is not None else None,
        lines=fm.lines,
        key=key or src_uri,
        language=_read_language(src_uri, data.get("lang"), fm.lines.get("lang")),
    )
    post.cover = _resolve_cover(data, post, ctx)
    post.meta = _page_meta(data, post)
    if ctx.schema is not None and fm.error is None:
        from .schema import check_front_matter

        for problem in check_front_matter(post, data, ctx.schema):
            report(problem)
    return post


_LANGUAGE_RE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def _read_language(src_uri: str, value: object, line: int | None) -> str | None:
    """Read `lang:` as a language code (`fr`, `pt-BR`, `zh-Hant`), warning about others."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    if _LANGUAGE_RE.fullmatch(text):
        return text.replace("_", "-")
    warn(
        src_uri,
        f"front matter 'lang': {text!r} is not a language code; write one like 'fr', "
        "'pt-BR' or 'zh-Hant'. The post is shown in the blog's language",
        line,
    )
    return None


def _report_front_matter(src_uri: str, fm: FrontMatter) -> None:
    """Warn about front matter that cannot be read, and keys written twice."""
    if fm.error is not None:
        # Whatever the unread lines say (`draft: true`, a future date) is unknown, so the
        # post cannot be published: guessing "published" leaked drafts to every feed.
        warn(
            src_uri,
            f"{fm.error.message}. The post is NOT published: it is left out of the site, "
            "its listings and feeds until its front matter is fixed (mkdocs serve previews "
            "it with a notice)",
            fm.error.line,
        )
    for key, line in fm.duplicates.items():
        warn(
            src_uri,
            f"front matter '{key}' is written more than once; the last one is used. "
            "Remove the other lines",
            line,
        )


def _read_date(
    src_uri: str, fm: FrontMatter, jekyll: re.Match[str] | None, ctx: PostContext
) -> dt.datetime | None:
    """Return the post's date: front matter first, then the Jekyll file name."""
    date: dt.datetime | None = None
    date_value = fm.data.get("date")
    if date_value is not None and date_value != "":
        try:
            date = parse_date(date_value, ctx.timezone)
        except DateError as exc:
            fallback = (
                "the date in the file name is used"
                if jekyll
                else "the post is left out of the blog until it has a real date"
            )
            warn(
                src_uri,
                f"front matter 'date': {exc}; write it as YYYY-MM-DD ({fallback})",
                fm.lines.get("date"),
            )
    if date is None and jekyll:
        try:
            date = parse_date(jekyll.group("date"), ctx.timezone)
        except DateError as exc:
            warn(src_uri, f"the date in the file name: {exc}")
    return date


def _read_updated(src_uri: str, fm: FrontMatter, ctx: PostContext) -> dt.datetime | None:
    """Return when the post was last changed, from the first key of the kind it sets."""
    for key in ("last_modified_at", "updated", "modified", "lastmod"):
        if fm.data.get(key):
            try:
                return parse_date(fm.data[key], ctx.timezone)
            except DateError as exc:
                warn(src_uri, f"front matter '{key}': {exc}", fm.lines.get(key))
            return None
    return None


def _read_slug(src_uri: str, fm: FrontMatter, raw_slug: object, stem: str) -> str:
    """Return the post's slug: `slug:`, else the file name's, made one URL segment."""
    from .text import slugify

    slug = slugify(str(raw_slug)) or slugify(stem) or "post"
    given = fm.data.get("slug")
    if given and re.search(r"[/\\]|\.\.|^\.", str(given)):
        # A slug is one URL segment: never a path that climbs out of the blog.
        warn(
            src_uri,
            f"front matter 'slug': {given!r} is a path, not a slug; '{slug}' is used. "
            "Write a single word-like slug",
            fm.lines.get("slug"),
        )
    return slug


def _status(
    src_uri: str, fm: FrontMatter, date: dt.datetime | None, jekyll: bool, ctx: PostContext
) -> PostStatus:
    """Decide whether the post is published, a draft, held back, undated or unreadable."""
    from .frontmatter import to_bool

    data = fm.data
    date_value = data.get("date")
    if fm.error is not None:
        return "unreadable"
    if to_bool(data.get("draft")) is True or to_bool(data.get("published", True)) is False:
        return "draft"
    if date is None and ctx.skip_unprefixed and not jekyll and (date_value in (None, "")):
        warn(
            src_uri,
            "is not a post Jekyll would publish: its name does not start with a date "
            "(YYYY-MM-DD-title.md) and its front matter has no 'date:'. It is left out of "
            "the site; rename it, add a date, or set the option 'unprefixed_posts: include'",
        )
        return "skipped"
    if date is None:
        if date_value is None or date_value == "":
            warn(
                src_uri,
                "the post has no date: add 'date: YYYY-MM-DD' to its front matter or name the "
                "file YYYY-MM-DD-slug.md. It is left out of the blog until then",
            )
        return "undated"
    if date > ctx.now:
        from .schema import severity

        level = severity(ctx.schema, "future_dates")
        held = not ctx.future
        message = (
            f"dated {date.isoformat()}, held back until then (set future: true)"
            if held
            else f"dated {date.isoformat()}, in the future; published now, as 'future: true' says"
        )
        report(Problem(src_uri, fm.lines.get("date"), message, severity=level, rule="future_dates"))
        if held:
            return "future"
    return "published"


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value).strip()


def _one_line(value: object) -> str:
    # Folded and literal YAML blocks keep newlines and indents that meta tags, JSON-LD,
    # feeds and `<title>` must not carry: one line, white space collapsed.
    return " ".join(_text(value).split())


def _first_heading(body: str) -> str | None:
    fence: str | None = None
    for line in body.split("\n"):
        marker = _FENCE_RE.match(line)
        if marker:
            token = marker.group(1)
            if fence is None:
                fence = token[0] * len(token)
            elif token.startswith(fence):
                fence = None
            continue
        if fence is None:
            heading = _H1_RE.match(line)
            if heading:
                return heading.group("title")
    return None


def read_switch(
    data: Mapping[str, Any], key: str, default: bool, src_uri: str, line: int | None
) -> bool:
    """Read the yes/no front-matter key `key`; warn and use `default` when it is not one.

    Args:
        data: The post's front matter.
        key: The key to read.
        default: The value when the key is absent or not a yes/no value.
        src_uri: The post's docs path, for the warning.
        line: The key's line in the file, for the warning.
    """
    if key not in data:
        return default
    from .frontmatter import to_bool

    value = to_bool(data[key])
    if value is None:
        warn(
            src_uri,
            f"front matter '{key}: {data[key]}' is not a switch; write true or false "
            f"(the default, {str(default).lower()}, is used)",
            line,
        )
        return default
    return value


def _resolve_cover(data: dict[str, Any], post: Post, ctx: PostContext) -> Cover | None:
    from .models import Cover

    img = data.get("img")
    image = data.get("image")
    alt = ""
    if isinstance(image, dict):
        alt = _text(image.get("alt"))
        image = image.get("path") or image.get("src") or image.get("url")
    key = "img" if img else "image"
    value = _text(img or image)
    if not value:
        return None
    alt = alt or _text(data.get("img_alt")) or post.title
    if not safe_url(value):
        warn(
            post.src_uri,
            f"front matter '{key}': {value!r} is not an http(s) URL or a path; "
            "the cover is dropped",
            post.line_of(key),
        )
        return None
    if urlsplit(value).scheme or value.startswith("//"):
        return Cover(url=value, alt=alt)
    path = value.split("#")[0].split("?")[0]
    post_dir = posixpath.dirname(post.src_uri)
    candidates: list[str] = []
    if path.startswith("/"):
        candidates.append(path.lstrip("/"))
        if key == "img":
            # The theme wrote `assets/img{{ page.img }}`: `/posts/x.png` is under cover_dir.
            candidates.append(posixpath.join(ctx.cover_dir, path.lstrip("/")))
    else:
        media = _text(data.get("media_subpath")) or _text(data.get("img_path"))
        if key == "img":
            candidates.append(posixpath.join(ctx.cover_dir, path))
        if media:
            candidates.append(posixpath.join(media.lstrip("/"), path))
        candidates += [posixpath.join(post_dir, path), path, posixpath.join(ctx.cover_dir, path)]
    for candidate in candidates:
        normal = posixpath.normpath(candidate)
        if normal.startswith("../") or normal == "..":
            continue
        if ctx.exists(normal):
            return Cover(src_uri=normal, alt=alt)
    looked = ", ".join(dict.fromkeys(posixpath.normpath(c) for c in candidates))
    from .schema import severity

    report(
        Problem(
            post.src_uri,
            post.line_of(key),
            f"front matter '{key}': cover image {value!r} was not found (looked for {looked} "
            "in docs_dir); add the file or fix the path",
            severity=severity(ctx.schema, "missing_cover"),
            rule="missing_cover",
        )
    )
    return None


def _page_meta(data: dict[str, Any], post: Post) -> dict[str, Any]:
    """Build `page.meta`: the author's keys untouched, the normalised ones replaced.

    Text that themes print unescaped (`title`, `description`, `author`, `tags`...) is
    handed over escaped: post objects keep the raw text for our autoescaped templates.
    """
    meta = dict(data)
    meta["title"] = html.escape(post.title)
    if post.description:
        meta["description"] = html.escape(post.description)
    else:
        meta.pop("description", None)
    # Material prints `page.meta.author` into a `<meta>` tag, and tags into the search
    # index and its tags partial, all without escaping: hand them over as safe text.
    if "author" in meta:
        meta["author"] = html.escape(", ".join(post.authors))
    if "location" in meta:
        # Read by themes' `redirect.html` into a script; only safe URLs get there.
        location = _text(meta["location"])
        if safe_url(location):
            meta["location"] = html.escape(location)
        else:
            warn(
                post.src_uri,
                f"front matter 'location': {location!r} is not an http(s) URL or a path; "
                "it is dropped",
                post.line_of("location"),
            )
            del meta["location"]
    if post.date is not None:
        meta["date"] = post.date
    if post.updated is not None:
        meta["updated"] = post.updated
    meta["tags"] = [html.escape(tag) for tag in post.tags]
    meta["categories"] = [html.escape(name) for name in post.categories]
    meta["authors"] = [html.escape(name) for name in post.authors]
    meta["slug"] = post.slug
    meta["read_time"] = post.read_time
    meta["show_date"] = post.show_date
    meta["draft"] = post.status != "published"
    meta["blogpost"] = True
    return meta


def resolve_urls(
    posts: Iterable[Post],
    url_format: str,
    use_directory_urls: bool,
    taken: set[str],
    reserved: Sequence[str] = (),
    blog_dir: str = "blog",
    prefix: str = "",
    url_from: Mapping[str, Post] | None = None,
) -> None:
    """Give each post its destination and URL, never two posts (or a page) one URL.

    Args:
        posts: The posts, in a stable order (the first keeps a contested URL).
        url_format: The `post_url_format` option.
        use_directory_urls: The MkDocs setting.
        taken: Destinations already used by other files; updated in place.
        reserved: Destinations (`blog/index.html`) and folders (`blog/tags/`) that the
            plugin's generated pages will use; a post never takes them.
        blog_dir: The blog's folder, for `{blog_dir}` in `url_format`.
        prefix: The language's site folder (`fr/`) put before every URL.
        url_from: By docs path, the post whose date, slug and category make a post's
            URL: a translation lives where its original does, under its own language.
    """
    owners: dict[str, str] = {}
    url_from = url_from or {}
    reserved_files = {r for r in reserved if not r.endswith("/")}
    reserved_dirs = tuple(r for r in reserved if r.endswith("/"))
    for post in posts:
        source = url_from.get(post.src_uri)
        if source is not None:
            post.slug = source.slug
        base_slug = post.slug
        counter = 1
        while True:
            if source is not None:
                source.slug = post.slug
            dest, url = _format_url(source or post, url_format, use_directory_urls, blog_dir)
            dest, url = prefix + dest, prefix + url
            blocked = dest in reserved_files or dest.startswith(reserved_dirs)
            if dest not in taken and not blocked:
                break
            counter += 1
            if counter == 2:
                owner = (
                    "the blog's generated pages"
                    if blocked
                    else owners.get(dest, "a page of the site")
                )
                warn(
                    post.src_uri,
                    f"front matter 'slug': its URL '{url}' is already used by {owner}; it "
                    f"gets '-{counter}' added. Set a distinct 'slug' in its front matter",
                    post.line_of("slug"),
                )
            post.slug = f"{base_slug}-{counter}"
        taken.add(dest)
        owners[dest] = post.src_uri
        post.dest_uri, post.url = dest, url
        post.meta["slug"] = post.slug


def _format_url(
    post: Post, url_format: str, use_directory_urls: bool, blog_dir: str = "blog"
) -> tuple[str, str]:
    from .text import slugify

    date = post.date or dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
    stem = posixpath.splitext(posixpath.basename(post.key or post.src_uri))[0]
    values = {
        "yyyy": f"{date.year:04d}",
        "mm": f"{date.month:02d}",
        "dd": f"{date.day:02d}",
        "slug": post.slug,
        "categories": slugify(post.categories[0]) if post.categories else "",
        "file": slugify(stem) or post.slug,
        "blog_dir": blog_dir,
    }
    try:
        path = url_format.format(**values)
    except (KeyError, IndexError, ValueError):
        path = "{blog_dir}/{yyyy}/{mm}/{dd}/{slug}/".format(**values)
    path = re.sub(r"/{2,}", "/", path).lstrip("/")
    parts = [p for p in path.split("/") if p not in ("", ".", "..")]
    directory = path.endswith("/") or not path.endswith(".html")
    clean = "/".join(parts)
    if not directory:
        return clean, clean
    if use_directory_urls:
        return f"{clean}/index.html", f"{clean}/"
    return f"{clean}.html", f"{clean}.html"


def is_visible(post: Post, *, serve: bool, drafts_on_serve: bool) -> bool:
    """Apply the one publication rule: tell whether this post is built and listed.

    Published posts always are. Drafts, held-back future posts and posts whose front
    matter cannot be read are shown only under `mkdocs serve` with `drafts_on_serve`.
    Undated posts are never listed.
    """
    if post.status == "published":
        return True
    if post.status in ("draft", "future", "unreadable"):
        return serve and drafts_on_serve
    return False


def is_public(post: Post) -> bool:
    """Tell whether `post` is shown by a published build (`mkdocs build`).

    The same rule as `is_visible` outside `mkdocs serve`; feeds use it even under
    serve, so a draft previewed locally never reaches a feed reader's cache.
    """
    return is_visible(post, serve=False, drafts_on_serve=False)
