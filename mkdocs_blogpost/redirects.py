"""Static redirect pages for a post's old URLs.

Two sources of old URLs: `redirect_from` in a post's front matter (Jekyll blogs moved
posts with the `jekyll-redirect-from` plugin), and the URL Jekyll itself gave the post
(its `permalink`). Each becomes a small HTML page at the old path that sends readers
(meta refresh, a script that keeps the `#fragment`, and a plain link) and search engines
(canonical link) to the post's new URL. A redirect never replaces a page or file of the
site, and never leaves `site_dir`.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from .permalinks import OUTPUT_EXT, PermalinkError, jekyll_url
from .posts import is_public, warn

if TYPE_CHECKING:
    import datetime as dt

    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from .models import Post

__all__ = [
    "OldUrls",
    "Redirect",
    "RedirectError",
    "add_redirect_pages",
    "jekyll_dest",
    "plan_old_urls",
    "plan_redirects",
    "redirect_dest",
    "render_redirect",
]

log = get_plugin_logger(__name__)

KEY = "redirect_from"
_PAGE_EXT_RE = re.compile(r"\.html?$", re.IGNORECASE)
_BAD_CHARS_RE = re.compile(r"[\x00-\x1f\x7f\\]")


class RedirectError(ValueError):
    """An old URL that cannot become a redirect page; the message says why."""


@dataclass(frozen=True)
class Redirect:
    """One redirect page: where it is written and which post it sends readers to.

    Attributes:
        source: The old URL as the author wrote it.
        dest_uri: Path of the page in `site_dir`.
        post: The post it points to.
    """

    source: str
    dest_uri: str
    post: Post


def redirect_dest(old_url: str) -> str:
    """Turn an old URL into the path of its redirect page inside `site_dir`.

    `/2021/04/02/old.html` -> `2021/04/02/old.html`; `/old-post/` and `old/path` ->
    `old-post/index.html`, `old/path/index.html` (a folder page, which every static
    host serves at the URL with and without its trailing slash).

    Raises:
        RedirectError: For full URLs, queries, `..` escapes and the site root.
    """
    text = old_url.strip()
    if not text:
        raise RedirectError("is empty")
    try:
        parts = urlsplit(text)
    except ValueError as exc:
        raise RedirectError(f"is not a URL path ({exc})") from None
    if parts.scheme or parts.netloc or text.startswith("//"):
        raise RedirectError(
            "is a full URL; write the old path only (like /2021/04/02/old-post.html), "
            "a static site can only redirect its own paths"
        )
    if parts.query:
        raise RedirectError(
            "has a query string ('?...'), which a static page cannot answer; "
            "use the path without it"
        )
    path = unquote(parts.path)
    if _BAD_CHARS_RE.search(path):
        raise RedirectError("contains a backslash or a control character")
    folder = path.endswith("/")
    segments = [s for s in path.split("/") if s not in ("", ".")]
    if ".." in segments:
        raise RedirectError("uses '..'; old paths are written from the site root")
    if not segments:
        raise RedirectError("is the site root, which is the home page")
    clean = "/".join(segments)
    if not folder and _PAGE_EXT_RE.search(clean):
        return clean
    return posixpath.join(clean, "index.html")


class _Claims:
    """Destinations in `site_dir` already used, with their folders.

    A file `x` and a page `x/index.html` cannot both exist.
    """

    def __init__(self, taken: Iterable[str]) -> None:
        self.used = set(taken)
        self.folders = {posixpath.dirname(d) for d in self.used}
        self.folders |= {f for d in list(self.folders) for f in _parents(d)}

    def conflict(self, dest: str) -> str | None:
        """Say why `dest` cannot be written, or `None` when it is free."""
        if dest in self.used:
            return "overwrite"
        if dest in self.folders or any(p in self.used for p in _parents(dest)):
            return "clash"
        return None

    def take(self, dest: str) -> None:
        self.used.add(dest)
        self.folders |= set(_parents(dest))


def plan_redirects(posts: Iterable[Post], taken: Iterable[str]) -> list[Redirect]:
    """Read every post's `redirect_from` and decide the redirect pages to write.

    A redirect never replaces a page or file of the site (or another redirect); each
    problem is a warning naming the post file and the front-matter line.

    Args:
        posts: Posts with their final URLs, in a stable order.
        taken: Destination paths already used in `site_dir`.
    """
    claims = _Claims(taken)
    out: list[Redirect] = []
    for post in posts:
        if KEY not in post.meta:
            continue
        for value in _values(post):
            try:
                dest = redirect_dest(value)
            except RedirectError as exc:
                _refuse(post, value, str(exc))
                continue
            conflict = claims.conflict(dest)
            if conflict == "overwrite":
                other = "this post" if dest == post.dest_uri else "another page or file"
                _refuse(post, value, f"would overwrite '{dest}', which {other} already uses")
                continue
            if conflict is not None:
                _refuse(post, value, f"'{dest}' clashes with a file or folder of the site")
                continue
            claims.take(dest)
            out.append(Redirect(source=value, dest_uri=dest, post=post))
    return out


@dataclass
class OldUrls:
    """The redirect pages for posts' old Jekyll URLs, and the old URLs left alone.

    Attributes:
        redirects: The pages to write.
        owned: `(old URL, post file)` of old URLs a page or file of the site already
            uses (or another post's old URL), which keep what is there.
    """

    redirects: list[Redirect]
    owned: list[tuple[str, str]]


def jekyll_dest(url: str) -> str:
    """Turn a Jekyll URL into the file Jekyll wrote for it, inside `site_dir`.

    `/a/` -> `a/index.html`; `/a.html` -> `a.html`; `/a` -> `a.html` (Jekyll added the
    output extension, and static hosts serve `a.html` at `/a`).

    Raises:
        RedirectError: For URLs that cannot be a file of the site.
    """
    if not url.endswith("/") and not url.lower().endswith(OUTPUT_EXT):
        url += OUTPUT_EXT
    return redirect_dest(url)


def plan_old_urls(
    posts: Iterable[Post], pattern: str, timezone: dt.tzinfo, taken: Iterable[str]
) -> OldUrls:
    """Decide a redirect page at each published post's old Jekyll URL.

    The old URL comes from the post's own `permalink:` front matter, else from `pattern`.
    No page is written where the old URL is the post's new one; where a page or file of
    the site already uses it, that one is kept and the old URL is listed in `owned`.

    Args:
        posts: Posts with their final URLs, in a stable order (the first keeps an old
            URL two posts share).
        pattern: The site's permalink pattern (style names expanded).
        timezone: The site's time zone: Jekyll formats dates in it.
        taken: Destination paths already used in `site_dir`, redirects included.
    """
    claims = _Claims(taken)
    plan = OldUrls(redirects=[], owned=[])
    for post in posts:
        if not is_public(post) or post.date is None:
            continue  # Jekyll never published it: it has no old URL.
        url = _old_url(post, pattern, timezone)
        if url is None:
            continue
        try:
            dest = jekyll_dest(url)
        except RedirectError as exc:
            if post.meta.get("permalink"):
                _refuse_permalink(post, url, str(exc))
            else:
                warn(
                    post.src_uri,
                    f"its old URL {url!r} (from the permalink {pattern!r}) {exc}. No redirect "
                    "page is written for it",
                )
            continue
        if dest == post.dest_uri:
            continue
        if claims.conflict(dest) is not None:
            plan.owned.append((url, post.src_uri))
            continue
        claims.take(dest)
        plan.redirects.append(Redirect(source=url, dest_uri=dest, post=post))
    return plan


def _old_url(post: Post, pattern: str, timezone: dt.tzinfo) -> str | None:
    own = post.meta.get("permalink")
    if own is not None and own != "" and not isinstance(own, str):
        _refuse_permalink(post, own, "is not a URL path; write it as text (like /old/url/)")
        return None
    if post.date is None:  # pragma: no cover - only dated posts are planned
        return None
    if own and _is_full_url(own):
        _refuse_permalink(post, own, "is a full URL; a static site can only redirect its own paths")
        return None
    try:
        return jekyll_url(
            own or pattern,
            slug=post.name or post.slug,
            date=post.date.astimezone(timezone),
            categories=post.categories,
        )
    except PermalinkError as exc:
        if own:
            _refuse_permalink(post, own, str(exc))
        return None  # The site pattern was checked with the options.


def _is_full_url(value: str) -> bool:
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return True
    return bool(parts.scheme or parts.netloc) or value.strip().startswith("//")


def _refuse_permalink(post: Post, value: object, reason: str) -> None:
    warn(
        post.src_uri,
        f"front matter 'permalink': {value!r} {reason}. No redirect page is written for the "
        "post's old URL",
        post.line_of("permalink"),
    )


def render_redirect(
    env: jinja2.Environment, redirect: Redirect, *, canonical: str | None, language: str
) -> str:
    """Render the redirect page (template `blogpost/redirect.html`, autoescaped)."""
    target = get_relative_url(redirect.post.url, redirect.dest_uri)
    template = env.get_template("blogpost/redirect.html")
    return template.render(
        target=target,
        canonical=canonical or target,
        title=redirect.post.title,
        language=language,
    )


def _values(post: Post) -> list[str]:
    raw = post.meta.get(KEY)
    if raw is None or raw == "":
        return []
    items = raw if isinstance(raw, list) else [raw]
    values: list[str] = []
    for item in items:
        if isinstance(item, str):
            values.append(item)
        else:
            warn(
                post.src_uri,
                f"front matter '{KEY}': {item!r} is not a path; write old URLs as text "
                "(like /2021/04/02/old-post.html)",
                post.line_of(KEY),
            )
    return values


def _refuse(post: Post, value: str, reason: str) -> None:
    warn(
        post.src_uri,
        f"front matter '{KEY}': {value!r} {reason}. No redirect page is written for it",
        post.line_of(KEY),
    )


def _parents(path: str) -> list[str]:
    parts = path.split("/")[:-1]
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def add_redirect_pages(
    files: Files,
    posts: Sequence[Post],
    config: MkDocsConfig,
    *,
    env: jinja2.Environment,
    from_front_matter: bool,
    permalink: str | None,
    timezone: dt.tzinfo,
    canonical: Mapping[str, str],
    language: str,
) -> list[Redirect]:
    """Add a redirect page to `files` for each old URL of each post; return them.

    Args:
        files: The site's files, posts at their final URLs.
        posts: Every dated post of the build.
        config: The site's configuration.
        env: The plugin's template environment.
        from_front_matter: Redirect the URLs posts list in `redirect_from`.
        permalink: The old Jekyll blog's permalink pattern, to redirect each post's old
            URL; `None` for none.
        timezone: The time zone Jekyll's URLs used for dates.
        canonical: Canonical URL of each post by docs path.
        language: The site's language, for the redirect pages.
    """
    taken = {f.dest_uri for f in files}
    taken |= set(config.theme.static_templates)
    redirects = plan_redirects(posts, taken) if from_front_matter else []
    if permalink is not None:
        # After `redirect_from`: what the author wrote wins over what we work out.
        taken |= {r.dest_uri for r in redirects}
        old = plan_old_urls(posts, permalink, timezone, taken)
        redirects += old.redirects
        if old.owned:
            shown = "; ".join(f"{url} ({src})" for url, src in old.owned[:5])
            more = f"; and {len(old.owned) - 5} more" if len(old.owned) > 5 else ""
            log.info(
                f"{len(old.owned)} old Jekyll URLs are not redirected, as a page or file "
                f"of the site (or another post's old URL) is already there: {shown}{more}"
            )
    for redirect in redirects:
        content = render_redirect(
            env, redirect, canonical=canonical.get(redirect.post.src_uri), language=language
        )
        files.append(
            File.generated(
                config, redirect.dest_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV
            )
        )
    return redirects
