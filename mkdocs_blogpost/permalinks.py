"""The URL Jekyll gave a post, from a `permalink` setting, so old links can be redirected.

Jekyll builds each post's URL from a pattern of `:placeholders` (or a built-in style
name such as `pretty`) in `_config.yml`, unless the post sets its own `permalink:`.
`jekyll_url` reproduces that for one post; it is pure and knows nothing of MkDocs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from urllib.parse import quote

__all__ = [
    "OUTPUT_EXT",
    "STYLES",
    "PermalinkError",
    "check_pattern",
    "expand_style",
    "jekyll_slugify",
    "jekyll_url",
]

#: Extension of every page Jekyll wrote from Markdown.
OUTPUT_EXT = ".html"

#: Jekyll's built-in permalink styles, by name.
STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}

_PLACEHOLDER_RE = re.compile(r":([a-z_]+)")
# Jekyll's slug modes: "default" keeps letters and digits, "pretty" a few marks more.
_DEFAULT_RE = re.compile(r"[\W_]+")
_PRETTY_RE = re.compile(r"[^\w._~!$&'()+,;=@]+")
# What Jekyll leaves unescaped in a URL path (RFC 3986 pchar, and `/`).
_PATH_SAFE = "-._~!$&'()*+,;=:@/"
_DAY_NAMES = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")


class PermalinkError(ValueError):
    """A permalink pattern Jekyll would refuse; the message names the placeholder."""


def expand_style(value: str) -> str:
    """Return the pattern of a built-in style name (`pretty`), or `value` itself."""
    return STYLES.get(value.strip(), value.strip())


def check_pattern(pattern: str) -> None:
    """Raise `PermalinkError` when `pattern` uses a placeholder Jekyll does not know."""
    for match in _PLACEHOLDER_RE.finditer(pattern):
        if _placeholder(match.group(1)) is None:
            known = ", ".join(f":{name}" for name in sorted(_NAMES))
            raise PermalinkError(
                f"':{match.group(1)}' is not a permalink placeholder (known: {known})"
            )


def jekyll_slugify(text: str, *, pretty: bool = False, cased: bool = False) -> str:
    """Slugify as Jekyll does: runs of other characters become one `-`, none at the ends.

    Args:
        text: A file-name slug or a front-matter `slug`.
        pretty: Keep `._~!$&'()+,;=@` as well (Jekyll's "pretty" mode, used by `:title`).
        cased: Keep upper-case letters.
    """
    slug = (_PRETTY_RE if pretty else _DEFAULT_RE).sub("-", text).strip("-")
    return slug if cased else slug.lower()


def jekyll_url(
    pattern: str,
    *,
    slug: str,
    date: dt.datetime,
    categories: Sequence[str] = (),
) -> str:
    """Return the URL Jekyll gave a post, from the site root (`/2024/06/30/title.html`).

    Args:
        pattern: A permalink pattern (`/:year/:title/`) or a built-in style name.
        slug: The post's name: its front-matter `slug`, else its file name without the
            date and the extension (`2024-06-30-Some-Title.md` gives `Some-Title`).
        date: The post's date, already in the site's time zone.
        categories: The post's categories, in order.

    Raises:
        PermalinkError: For a placeholder Jekyll does not know.
    """
    values = _values(slug, date, categories)

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        key = _placeholder(name)
        if key is None:
            raise PermalinkError(f"':{name}' is not a permalink placeholder")
        return quote(values[key], safe=_PATH_SAFE) + name[len(key) :]

    url = _PLACEHOLDER_RE.sub(replace, expand_style(pattern))
    return _sanitize(url)


_NAMES = frozenset(
    {
        "categories",
        "year",
        "month",
        "day",
        "hour",
        "minute",
        "second",
        "i_month",
        "i_day",
        "short_year",
        "y_day",
        "week",
        "w_year",
        "w_day",
        "short_day",
        "title",
        "slug",
        "output_ext",
    }
)


def _placeholder(name: str) -> str | None:
    # Jekyll reads `:title_` as `:title` followed by `_` (the word ends at the last letter).
    if name in _NAMES:
        return name
    if name.endswith("_") and name[:-1] in _NAMES:
        return name[:-1]
    return None


def _values(slug: str, date: dt.datetime, categories: Sequence[str]) -> dict[str, str]:
    names = [str(c).lower() for c in categories if str(c).strip()]
    iso_year, iso_week, iso_day = date.isocalendar()
    return {
        "categories": "/".join(dict.fromkeys(names)),
        "year": f"{date.year:04d}",
        "month": f"{date.month:02d}",
        "day": f"{date.day:02d}",
        "hour": f"{date.hour:02d}",
        "minute": f"{date.minute:02d}",
        "second": f"{date.second:02d}",
        "i_month": str(date.month),
        "i_day": str(date.day),
        "short_year": f"{date.year % 100:02d}",
        "y_day": f"{date.timetuple().tm_yday:03d}",
        "week": f"{iso_week:02d}",
        "w_year": str(iso_year),
        "w_day": str(iso_day),
        "short_day": _DAY_NAMES[iso_day - 1],
        "title": jekyll_slugify(slug, pretty=True, cased=True),
        "slug": jekyll_slugify(slug),
        "output_ext": OUTPUT_EXT,
    }


def _sanitize(url: str) -> str:
    """Collapse `//`, drop dot-only segments, start with `/`, keep a trailing `/`."""
    parts = [p for p in url.split("/") if p and not re.fullmatch(r"\.+", p)]
    clean = "/" + "/".join(parts)
    if url.endswith("/") and clean != "/":
        clean += "/"
    return clean
