"""Render the plugin's HTML fragments through templates a theme can override."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from .dates import format_date
from .i18n import Translator

if TYPE_CHECKING:
    from .models import Post

__all__ = [
    "TEMPLATES_DIR",
    "make_environment",
    "reading_label",
    "render_post_header",
    "split_leading_h1",
    "status_badge",
    "untranslated_label",
]

#: Appended to `theme.dirs`: templates under `blogpost/`, static files under `assets/`.
TEMPLATES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")

_LEADING_H1_RE = re.compile(r"\A\s*(<h1\b[^>]*>.*?</h1>)", re.DOTALL | re.IGNORECASE)


def make_environment(theme_dirs: Sequence[str], translator: Translator) -> jinja2.Environment:
    """Create the Jinja environment for the plugin's fragments.

    It searches the theme's folders first (so `custom_dir` overrides win) and
    autoescapes everything, as post text is never trusted markup.
    """
    dirs = list(theme_dirs)
    if TEMPLATES_DIR not in dirs:
        dirs.append(TEMPLATES_DIR)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(dirs),
        autoescape=True,
        trim_blocks=False,
        lstrip_blocks=False,
        auto_reload=False,
    )
    env.globals["t"] = translator
    return env


def reading_label(minutes: int, translator: Translator) -> str:
    """Return "N min read", or the theme's wording for very short posts."""
    if minutes <= 0:
        return translator("less_than_minute")
    return translator("min_read", minutes=minutes)


_BADGES = {"draft": "draft", "future": "scheduled", "unreadable": "not_published"}


def status_badge(post: Post, translator: Translator) -> dict[str, str] | None:
    """Return the badge of a post that `mkdocs build` would not publish, else `None`.

    Only `mkdocs serve` shows such posts: the badge tells the author why. A post
    shown untranslated in another language's blog says so too.
    """
    key = _BADGES.get(post.status)
    if key is None:
        if post.fallback:
            return {"kind": "untranslated", "label": untranslated_label(post, translator)}
        return None
    kind = "scheduled" if post.status == "future" else post.status
    return {"kind": kind, "label": translator(key)}


def untranslated_label(post: Post, translator: Translator) -> str:
    """Return "Not translated yet (In English)" for a post shown in another language."""
    from .multilingual import language_name

    label = translator("untranslated")
    if post.language:
        name = language_name(post.language, translator.language, label=False)
        shown = translator("shown_in", language=name)
        label = f"{label} · {shown}"
    return label


def _notice(post: Post, translator: Translator) -> str | None:
    """Return why a post cannot be published, shown only by `mkdocs serve`, or `None`."""
    if not post.problem:
        return None
    problem = post.problem[:1].upper() + post.problem[1:]
    return translator("unreadable_notice", problem=problem)


def split_leading_h1(content: str) -> tuple[str | None, str]:
    """Split a rendered page into its leading `<h1>` (if it starts with one) and the rest."""
    match = _LEADING_H1_RE.match(content)
    if match is None:
        return None, content
    return match.group(1), content[match.end() :]


def render_post_header(
    env: jinja2.Environment,
    post: Post,
    *,
    content: str,
    locale: str,
    date_format: str,
    cover_url: str | None,
    tags: Sequence[dict[str, Any]],
    heading_id: str = "",
    authors: Sequence[dict[str, Any]] | None = None,
    cover_link: Mapping[str, str] | None = None,
    categories: Sequence[dict[str, Any]] = (),
    translator: Translator | None = None,
    translations: Sequence[dict[str, str]] = (),
) -> str:
    """Return the post's content with its header (title, date, reading time...) on top.

    A heading the author wrote as the first line stays the page's only `<h1>`.
    `cover_link` gives the attributes of a link around the cover (a lightbox's);
    `categories` and `tags` are names with their pages' URLs.
    `translator` gives the words (the blog's by default); `translations` links the
    post's other language versions (`name`, `url`, `lang`).
    """
    if translator is None:
        translator = env.globals["t"]  # type: ignore[assignment]
    assert translator is not None
    heading, rest = split_leading_h1(content)
    badge = status_badge(post, translator)
    date_text = (
        format_date(post.date, locale, date_format) if post.show_date and post.date else None
    )
    context = {
        "post": post,
        "title": post.title,
        "heading_html": Markup(heading) if heading else None,
        "heading_id": heading_id,
        "badge": badge,
        "notice": _notice(post, translator),
        "date_text": date_text,
        "date_iso": post.date.isoformat() if post.date else "",
        "reading": reading_label(post.minutes, translator) if post.read_time else None,
        "authors": list(authors)
        if authors is not None
        else [{"name": name, "url": None, "avatar": None} for name in post.authors],
        "cover": {
            "url": cover_url,
            "alt": post.cover.alt if post.cover else "",
            "link": dict(cover_link) if cover_link else None,
        }
        if cover_url
        else None,
        "tags": tags,
        "categories": list(categories),
        "translations": list(translations),
        "t": translator,
    }
    header = env.get_template("blogpost/fragments/post-header.html").render(context)
    return header + rest
