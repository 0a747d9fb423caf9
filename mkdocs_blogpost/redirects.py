"""Static redirect pages for a post's old URLs (`redirect_from` in its front matter).

Jekyll blogs moved posts with the `jekyll-redirect-from` plugin; the same front matter
here writes a small HTML page at each old path that sends readers (meta refresh, a
script that keeps the `#fragment`, and a plain link) and search engines (canonical
link) to the post's new URL.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from mkdocs.utils import get_relative_url

from .posts import warn

if TYPE_CHECKING:
    import jinja2

    from .models import Post

__all__ = ["Redirect", "RedirectError", "plan_redirects", "redirect_dest", "render_redirect"]

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


def plan_redirects(posts: Iterable[Post], taken: Iterable[str]) -> list[Redirect]:
    """Read every post's `redirect_from` and decide the redirect pages to write.

    A redirect never replaces a page or file of the site (or another redirect); each
    problem is a warning naming the post file and the front-matter line.

    Args:
        posts: Posts with their final URLs, in a stable order.
        taken: Destination paths already used in `site_dir`.
    """
    used = set(taken)
    # A file `x` and a page `x/index.html` cannot both exist: keep the folders too.
    folders = {posixpath.dirname(d) for d in used}
    folders |= {f for d in list(folders) for f in _parents(d)}
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
            if dest in used:
                other = "this post" if dest == post.dest_uri else "another page or file"
                _refuse(post, value, f"would overwrite '{dest}', which {other} already uses")
                continue
            clash = next((p for p in _parents(dest) if p in used), None)
            if dest in folders or clash is not None:
                _refuse(post, value, f"'{dest}' clashes with a file or folder of the site")
                continue
            used.add(dest)
            folders |= set(_parents(dest))
            out.append(Redirect(source=value, dest_uri=dest, post=post))
    return out


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
