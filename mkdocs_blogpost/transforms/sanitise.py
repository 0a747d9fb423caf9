"""The allow-list sanitiser for text from a post that ends up in a quote or a caption.

Formatting and links survive; scripts, event handlers and `javascript:` URLs do not.
The rules are public so that a test can hold the shortcuts here against a plain
`nh3.clean` with the very same rules.
"""

from __future__ import annotations

import functools
import html as htmllib
import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

import nh3

__all__ = ["IMAGE_RULES", "INLINE_RULES", "plain_text", "sanitize_image", "sanitize_inline"]

_INLINE_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "br",
        "cite",
        "code",
        "del",
        "dfn",
        "em",
        "i",
        "img",
        "ins",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
        "wbr",
    }
)
_GENERIC_ATTRIBUTES = frozenset({"class", "title", "lang", "dir"})
_URL_SCHEMES = frozenset({"http", "https", "mailto"})

#: `nh3.clean` keywords for the text of a quote or a caption: inline formatting and links.
INLINE_RULES: Mapping[str, Any] = MappingProxyType(
    {
        "tags": set(_INLINE_TAGS),
        "attributes": {
            "*": set(_GENERIC_ATTRIBUTES),
            "a": {"href", "hreflang"},
            "abbr": {"title"},
            "img": {"src", "alt", "width", "height", "loading"},
            "q": {"cite"},
            "time": {"datetime"},
        },
        "url_schemes": set(_URL_SCHEMES),
        "link_rel": None,
        "strip_comments": True,
    }
)
#: `nh3.clean` keywords for the image (or linked image) a caption belongs to: what
#: Markdown, attr_list and lightbox plugins put there (`data-*` included), minus event
#: handlers and bad URLs.
IMAGE_RULES: Mapping[str, Any] = MappingProxyType(
    {
        "tags": {"a", "img", "picture", "source"},
        "attributes": {
            "*": set(_GENERIC_ATTRIBUTES),
            "a": {"href", "hreflang", "id", "rel", "target"},
            "img": {
                "src",
                "srcset",
                "sizes",
                "alt",
                "width",
                "height",
                "loading",
                "decoding",
                "style",
            },
            "picture": set(),
            "source": {"srcset", "sizes", "type", "media"},
        },
        "generic_attribute_prefixes": {"data-"},
        "url_schemes": set(_URL_SCHEMES),
        "link_rel": None,
        "strip_comments": True,
    }
)
# Plain text without these characters comes out of nh3 unchanged (checked for every code
# point, alone and around text): it escapes `&`, `<`, `>` and no-break spaces, parses
# tags, turns `\r` into `\n`, drops NUL and a leading byte-order mark. Quotes and
# captions are mostly plain text, and skip the sanitiser then.
_NEEDS_SANITIZER_RE = re.compile(r"[\x00\r&<>\xa0\ufeff]")
_TAG_STRIP_RE = re.compile(r"<[^>]*>")
_SPACE_RE = re.compile(r"\s+")


def _cleaner(rules: Mapping[str, Any]) -> Callable[[str], str]:
    # `nh3.Cleaner` builds a sanitiser once and reuses it (several times faster per call
    # than `nh3.clean`, which builds it on every call); older nh3 has only `nh3.clean`.
    cleaner_class = getattr(nh3, "Cleaner", None)
    if cleaner_class is None:  # pragma: no cover - older nh3
        return functools.partial(nh3.clean, **rules)
    clean: Callable[[str], str] = cleaner_class(**rules).clean
    return clean


_clean_inline = _cleaner(INLINE_RULES)
_clean_image = _cleaner(IMAGE_RULES)


def sanitize_inline(fragment: str) -> str:
    """Keep inline formatting and safe links of an HTML fragment; drop everything else.

    Scripts and styles go with their content; other disallowed tags go, their text
    stays. Links keep only `http`, `https`, `mailto` and relative URLs.

    Args:
        fragment: HTML from the post: a quote's text or a caption's.

    Returns:
        The sanitised fragment, stripped of white space at both ends.
    """
    if _NEEDS_SANITIZER_RE.search(fragment) is None:
        return fragment.strip()
    return _clean_inline(fragment).strip()


def sanitize_image(fragment: str) -> str:
    """Keep the image (or linked image) a caption belongs to, without anything unsafe.

    Args:
        fragment: The `<img>` or `<a><img></a>` HTML before the caption.

    Returns:
        The sanitised fragment, stripped of white space at both ends.
    """
    return _clean_image(fragment).strip()


def plain_text(fragment: str) -> str:
    """Return the text of a sanitised fragment on one line, entities decoded.

    Args:
        fragment: HTML that went through `sanitize_inline`.

    Returns:
        The text, white space collapsed to single spaces.
    """
    text = htmllib.unescape(_TAG_STRIP_RE.sub("", fragment))
    return _SPACE_RE.sub(" ", text).strip()
