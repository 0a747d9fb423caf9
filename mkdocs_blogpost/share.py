"""Share links for quotes, written into the HTML at build time (no JavaScript).

Every URL is built from its parts with `urllib.parse` so the quote and the post's
address arrive at the network exactly as written, whatever characters they hold.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

__all__ = [
    "NETWORK_NAMES",
    "SHARE_TARGETS",
    "TWEET_URL_LENGTH",
    "ShareLink",
    "build_share_links",
    "normalize_handle",
    "tweet_length",
]

#: The share targets a site may list in `share_targets`, in a sensible display order.
SHARE_TARGETS = ("x", "mastodon", "bluesky", "linkedin", "copy")

#: Brand names, shown as they are in every language.
NETWORK_NAMES = {"x": "X", "mastodon": "Mastodon", "bluesky": "Bluesky", "linkedin": "LinkedIn"}

#: X shortens every link to this many characters, whatever its real length.
TWEET_URL_LENGTH = 23

_HANDLE_RE = re.compile(r"^[A-Za-z0-9_]{1,15}$")
_HOST_RE = re.compile(r"^[A-Za-z0-9.-]+(?::\d+)?$")
# `quote(text, safe="")` for ASCII text, as one `str.translate`: letters, digits and
# `_.-~` stay, every other character becomes `%XX`.
_ASCII_QUOTED = {
    code: f"%{code:02X}" for code in range(128) if not (chr(code).isalnum() or chr(code) in "_.-~")
}
# Characters X counts twice: all but the ranges of `_is_light`.
_HEAVY_RE = re.compile("[^\x00-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]")


@dataclass(frozen=True)
class ShareLink:
    """One share link under a quote.

    Attributes:
        network: The share target (`x`, `mastodon`, ..., `copy`).
        href: The finished URL (or `#anchor` for `copy`).
        label: The visible text.
        aria_label: A fuller accessible name that starts with the visible text, or `None`.
        external: Whether the link leaves the site (opened in a new tab).
    """

    network: str
    href: str
    label: str
    aria_label: str | None
    external: bool


def normalize_handle(handle: str | None) -> str | None:
    """Return an X handle without its `@`, `None` when unset.

    Raises:
        ValueError: The handle is not 1 to 15 letters, digits or underscores.
    """
    if handle is None or not handle.strip():
        return None
    value = handle.strip().removeprefix("@")
    if not _HANDLE_RE.match(value):
        raise ValueError(
            f"{handle!r} is not an X handle (1 to 15 letters, digits or underscores, "
            "with or without a leading @)"
        )
    return value


def normalize_instance(instance: str) -> str:
    """Return a Mastodon server name (`mastodon.social`) from what a user wrote.

    Raises:
        ValueError: It is not a host name.
    """
    value = instance.strip().removeprefix("https://").removeprefix("http://").rstrip("/")
    if not _HOST_RE.match(value):
        raise ValueError(f"{instance!r} is not a server name such as 'mastodon.social'")
    return value


def tweet_length(text: str, url: str | None, via: str | None) -> int:
    """Estimate how many characters X counts for a share of `text`, `url` and `via`.

    X counts most Latin, Greek and Cyrillic characters (and common punctuation) as one
    and others, such as Chinese, Japanese, Korean and emoji, as two; a link always
    counts 23.
    """
    length = len(text) if text.isascii() else len(text) + len(_HEAVY_RE.findall(text))
    if url:
        length += 1 + TWEET_URL_LENGTH
    if via:
        length += len(" via @") + len(via)
    return length


def _is_light(ch: str) -> bool:
    # The ranges X's counting gives a weight of one (twitter-text configuration v3).
    code = ord(ch)
    return (
        code <= 0x10FF
        or 0x2000 <= code <= 0x200D
        or 0x2010 <= code <= 0x201F
        or 0x2032 <= code <= 0x2037
    )


def build_share_links(
    targets: Sequence[str],
    *,
    text: str,
    url: str | None,
    anchor: str,
    via: str | None,
    tweet_label: str,
    share_on: str,
    permalink_label: str,
    mastodon_instance: str = "mastodon.social",
) -> list[ShareLink]:
    """Build the share links for one quote.

    Args:
        targets: Share targets, in the order to show them (see `SHARE_TARGETS`).
        text: The quote as plain text.
        url: The absolute URL of the page, or `None` when the site has no `site_url`.
        anchor: The quote's id on the page, for the permalink (`copy`).
        via: The site's X handle without `@`, or `None`.
        tweet_label: Visible text of the X link ("Click to tweet").
        share_on: Accessible name pattern with `{network}` ("Share on {network}").
        permalink_label: Visible text of the permalink ("Link to this quote").
        mastodon_instance: Server whose share page Mastodon links open.

    Returns:
        One link per usable target. LinkedIn shares only a URL, so it is left out
        when there is none.
    """
    links: list[ShareLink] = []
    # Query values are percent-encoded one by one (`quote` with no safe characters, as
    # `urlencode(..., quote_via=quote)` does); a value's encoding is the encodings of its
    # parts joined, so the text is encoded once and the page's address once per page.
    q_text = _quote(text)
    q_url = _quoted(url) if url else ""
    q_with_url = f"{q_text}%20{q_url}" if url else q_text
    for target in dict.fromkeys(targets):
        if target == "x":
            href = "https://twitter.com/intent/tweet?text=" + q_text
            if url:
                href += "&url=" + q_url
            if via:
                href += "&via=" + _quoted(via)
            name = share_on.format(network=NETWORK_NAMES["x"])
            links.append(ShareLink("x", href, tweet_label, f"{tweet_label}: {name}", True))
        elif target == "mastodon":
            href = f"https://{mastodon_instance}/share?text={q_with_url}"
            links.append(_branded("mastodon", href, share_on))
        elif target == "bluesky":
            href = f"https://bsky.app/intent/compose?text={q_with_url}"
            links.append(_branded("bluesky", href, share_on))
        elif target == "linkedin":
            if url:
                href = f"https://www.linkedin.com/sharing/share-offsite/?url={q_url}"
                links.append(_branded("linkedin", href, share_on))
        elif target == "copy":
            links.append(ShareLink("copy", f"#{anchor}", permalink_label, None, False))
    return links


def _quote(value: str) -> str:
    return value.translate(_ASCII_QUOTED) if value.isascii() else quote(value, safe="")


@functools.lru_cache(maxsize=64)
def _quoted(value: str) -> str:
    # The page's address and the handle: the same for every quote of a page or site.
    return _quote(value)


def _branded(network: str, href: str, share_on: str) -> ShareLink:
    name = NETWORK_NAMES[network]
    return ShareLink(network, href, name, share_on.format(network=name), True)
