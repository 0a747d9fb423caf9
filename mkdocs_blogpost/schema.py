"""The site's schema for posts: which rules a post breaks, as `Problem` records.

The rules are the `schema` option (`config.SchemaConfig`): required keys, allowed tags,
categories and authors, unknown keys, description length, images without alt text, a
long first paragraph shown as the excerpt, duplicate titles. Each function here is pure:
it returns the problems, at the severity the site gave the rule, and the caller reports
them (`problems.report`). The missing cover and the future date are found while a post
is read (`posts.read_post`), which asks `severity` how much they matter.

When the build runs them: front matter rules as each post is read, titles once every
post is read (`post_files.collect_posts`), rules on the post's HTML when it is rendered
(`rendered.render_post`).
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .config import SchemaConfig
from .problems import Problem

if TYPE_CHECKING:
    from .models import Post
    from .problems import Severity

__all__ = [
    "KNOWN_KEYS",
    "check_front_matter",
    "check_rendered",
    "check_titles",
    "severity",
]

#: Front matter keys that something reads: blogpost (see FORMAT.md), Jekyll and its
#: common themes and plugins (jekyll-seo-tag, Chirpy), MkDocs, Material (its blog and
#: social plugins included) and plugins often found beside it. Anything else is most
#: likely a typo; `schema.known_keys` adds a site's own.
KNOWN_KEYS = frozenset(
    {
        # blogpost
        "layout", "title", "date", "img", "image", "img_path", "img_alt", "media_subpath",
        "tags", "tag", "categories", "category", "author", "authors", "description",
        "excerpt", "read_time", "show_date", "toc", "mathjax", "lang", "github",
        "redirect_from", "canonical_url", "published", "draft", "pin", "sticky", "slug",
        "permalink", "location", "last_modified_at", "updated", "modified", "lastmod",
        "docs",
        # Jekyll, jekyll-seo-tag, Chirpy and other themes
        "excerpt_separator", "comments", "share", "sitemap", "hidden", "locale", "math",
        "mermaid", "render_with_liquid", "seo", "twitter", "series", "subtitle",
        # MkDocs, Material and its blog and social plugins
        "template", "hide", "search", "status", "icon", "social", "links", "readtime",
        # other plugins: mkdocs-macros, mkdocs-glightbox, mkdocs-rss-plugin
        "render_macros", "ignore_macros", "glightbox", "rss",
    }
)

_MORE_RE = re.compile(r"<!--\s*more\s*-->", re.IGNORECASE)
_FIRST_P_RE = re.compile(r"<p>(?P<text>.*?)</p>", re.DOTALL | re.IGNORECASE)
_IMG_RE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR_RE = r"""\s{name}\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>]+))"""
_ALT_RE = re.compile(_ATTR_RE.format(name="alt"), re.IGNORECASE)
_SRC_RE = re.compile(_ATTR_RE.format(name="src"), re.IGNORECASE)
_FENCE_RE = re.compile(r"^\s*(`{3,}|~{3,})")

#: The plugin's own words for the three kinds of names, by the front matter keys.
_NAMES = (
    ("tags", ("tags", "tag"), "tags"),
    ("categories", ("categories", "category"), "categories"),
    ("authors", ("authors", "author"), "authors"),
)


def severity(rules: SchemaConfig | None, rule: str) -> Severity:
    """Return the severity the site gives `rule`; its default without a schema."""
    if rules is not None:
        return rules[rule]
    return dict(SchemaConfig._schema)[rule].default


def check_front_matter(post: Post, data: Mapping[str, Any], rules: SchemaConfig) -> list[Problem]:
    """Return what the post's front matter breaks: required, allowed and known keys, length.

    Args:
        post: The post as read (its tags, categories, authors and key lines).
        data: Its front matter as written.
        rules: The site's schema.
    """
    found = _missing_keys(post, data, rules)
    for attribute, keys, option in _NAMES:
        found += _unknown_names(post, getattr(post, attribute), keys, option, rules)
    found += _unknown_keys(post, data, rules)
    found += _description_length(post, rules)
    return found


def _problem(post: Post, rules: SchemaConfig, rule: str, message: str, hint: str,
             line: int | None) -> Problem:
    return Problem(post.src_uri, line, message, hint, severity=rules[rule], rule=rule)


def _missing_keys(post: Post, data: Mapping[str, Any], rules: SchemaConfig) -> list[Problem]:
    found = []
    for key in rules.required:
        value = data.get(key)
        if key not in data:
            message, hint = (
                f"front matter has no '{key}'",
                f"add '{key}:'; the site requires it of every post (schema.required)",
            )
        elif value is None or (isinstance(value, str | list | dict) and not _filled(value)):
            message, hint = (
                f"front matter '{key}' is empty",
                "give it a value; the site requires it of every post (schema.required)",
            )
        else:
            continue
        found.append(_problem(post, rules, "missing_keys", message, hint, post.line_of(key)))
    return found


def _filled(value: str | list[Any] | dict[Any, Any]) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return any(v not in (None, "") for v in (value.values() if isinstance(value, dict) else value))


def _allowed(rules: SchemaConfig, option: str) -> tuple[list[str], str]:
    """Return the names the site allows for `option`, and the option a message names."""
    inline: list[str] = rules[f"{option}_allowed"]
    listed: list[str] | None = rules[f"{option}_file"]
    if listed is not None and not inline:
        return listed, f"schema.{option}_file"
    return [*inline, *(listed or [])], f"schema.{option}_allowed"


def _unknown_names(
    post: Post, names: list[str], keys: tuple[str, ...], option: str, rules: SchemaConfig
) -> list[Problem]:
    allowed, where = _allowed(rules, option)
    if not allowed:
        return []
    by_fold = {name.casefold(): name for name in allowed}
    key = next((k for k in keys if k in post.lines), keys[0])
    found = []
    for name in names:
        if name.casefold() in by_fold:
            continue
        close = difflib.get_close_matches(name.casefold(), by_fold, n=1, cutoff=0.75)
        if close:
            hint = f"did you mean '{by_fold[close[0]]}'? Or add '{name}' to {where} in mkdocs.yml"
        else:
            hint = f"use one of the site's {option}, or add it to {where} in mkdocs.yml"
        found.append(
            _problem(
                post,
                rules,
                f"unknown_{option}",
                f"front matter '{key}': '{name}' is not one of the site's {option}",
                hint,
                post.line_of(key),
            )
        )
    return found


def _unknown_keys(post: Post, data: Mapping[str, Any], rules: SchemaConfig) -> list[Problem]:
    if rules.unknown_keys == "ignore":
        return []
    known = KNOWN_KEYS | set(rules.known_keys)
    found = []
    for key in data:
        if key in known:
            continue
        close = difflib.get_close_matches(key.lower(), sorted(known), n=1, cutoff=0.7)
        if close:
            hint = f"did you mean '{close[0]}'?"
        else:
            hint = "if the site uses it, add it to schema.known_keys in mkdocs.yml"
        message = f"front matter '{key}' is not a key blogpost, MkDocs or a common plugin reads"
        found.append(_problem(post, rules, "unknown_keys", message, hint, post.line_of(key)))
    return found


def _description_length(post: Post, rules: SchemaConfig) -> list[Problem]:
    text = post.description
    low, high = rules.description_min, rules.description_max
    if not text or (low is None and high is None):
        return []
    length = len(text)
    if high is not None and length > high:
        message = f"front matter 'description' is {length} characters long, over {high}"
        hint = "shorten it: search engines and social cards cut longer descriptions"
    elif low is not None and length < low:
        message = f"front matter 'description' is {length} characters long, under {low}"
        hint = "say what the post offers: listings, search engines and social cards show it"
    else:
        return []
    line = post.line_of("description")
    return [_problem(post, rules, "description_length", message, hint, line)]


def check_titles(posts: Iterable[Post], rules: SchemaConfig) -> list[Problem]:
    """Return a problem for each post whose title another post has too (without case)."""
    if rules.duplicate_titles == "ignore":
        return []
    by_title: dict[str, list[Post]] = {}
    for post in posts:
        by_title.setdefault(" ".join(post.title.split()).casefold(), []).append(post)
    found = []
    for group in by_title.values():
        for post in group if len(group) > 1 else ():
            others = ", ".join(p.src_uri for p in group if p is not post)
            found.append(
                _problem(
                    post,
                    rules,
                    "duplicate_titles",
                    f"the title '{post.title}' is also the title of {others}",
                    "give each post a title of its own: listings, feeds and search results "
                    "cannot tell them apart",
                    post.line_of("title"),
                )
            )
    return found


def check_rendered(post: Post, content: str, rules: SchemaConfig) -> list[Problem]:
    """Return what the post's HTML (as Markdown made it) breaks: alt text, first paragraph.

    Args:
        post: The post, its body still known (for the lines).
        content: Its HTML, before quotes and captions become blocks.
        rules: The site's schema.
    """
    return _missing_alt_text(post, content, rules) + _long_first_paragraph(post, content, rules)


def _missing_alt_text(post: Post, content: str, rules: SchemaConfig) -> list[Problem]:
    if rules.missing_alt_text == "ignore" or "<img" not in content.lower():
        return []
    lines = _prose_lines(post.body)
    # Images are found in order: each is looked for from the line of the one before, and
    # an image seen before from the line after its last one.
    after = 0
    last: dict[str, int] = {}
    found = []
    for tag in _IMG_RE.findall(content):
        src = _attribute(_SRC_RE, tag) or ""
        alt = _attribute(_ALT_RE, tag)
        name = src.split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[-1]
        start = last[name] + 1 if name in last else after
        line = _line_with(lines, name, start) if name else None
        if line is not None:
            after = last[name] = line
        if alt is not None and alt.strip():
            continue
        found.append(
            _problem(
                post,
                rules,
                "missing_alt_text",
                f"the image '{src}' has no alt text",
                "say what it shows, as in ![A dashboard](...) or <img alt=\"...\">, for "
                "readers who cannot see it",
                post.body_line + line if line is not None else None,
            )
        )
    return found


def _long_first_paragraph(post: Post, content: str, rules: SchemaConfig) -> list[Problem]:
    if rules.long_first_paragraph == "ignore" or post.excerpt or post.description:
        return []
    if _MORE_RE.search(content):
        return []
    first = _FIRST_P_RE.search(content)
    if first is None:
        return []
    from .text import count_words, html_to_text

    text = html_to_text(first.group("text"))
    words, cjk = count_words(text)
    # Chinese, Japanese and Korean are counted by character: two make about a word.
    size = words + cjk // 2
    limit = rules.first_paragraph_words
    if size <= limit:
        return []
    lead = text.split()[0] if text.split() else ""
    line = _line_with(_prose_lines(post.body), lead, 0) if lead else None
    return [
        _problem(
            post,
            rules,
            "long_first_paragraph",
            f"the first paragraph, which listings show as the post's excerpt, is {size} "
            f"words long, over {limit}",
            "add '<!-- more -->' where the excerpt should end, or set 'excerpt:' or "
            "'description:' in the front matter",
            post.body_line + line if line is not None else None,
        )
    ]


def _attribute(pattern: re.Pattern[str], tag: str) -> str | None:
    found = pattern.search(tag)
    if found is None:
        return None
    return html.unescape(next(v for v in found.group("dq", "sq", "bare") if v is not None))


def _prose_lines(body: str) -> list[str | None]:
    """Return the body's lines, `None` for those inside fenced code (an example, not a use)."""
    lines: list[str | None] = []
    fence: str | None = None
    for line in body.split("\n"):
        marker = _FENCE_RE.match(line)
        if marker and (fence is None or marker.group(1).startswith(fence)):
            fence = marker.group(1)[0] * len(marker.group(1)) if fence is None else None
            lines.append(None)
            continue
        lines.append(None if fence is not None else line)
    return lines


def _line_with(lines: list[str | None], text: str, after: int) -> int | None:
    """Index (from 0) of the first line from `after` holding `text`, `None` if none does."""
    for number in range(after, len(lines)):
        line = lines[number]
        if line is not None and text in line:
            return number
    return None
