"""Share links for quotes, written into the HTML at build time (no JavaScript).

Every URL is built from its parts with `urllib.parse` so the quote and the post's
address arrive at the network exactly as written, whatever characters they hold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlencode

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
    length = sum(1 if _is_light(ch) else 2 for ch in text)
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
    with_url = f"{text} {url}" if url else text
    for target in dict.fromkeys(targets):
        if target == "x":
            params = [("text", text)]
            if url:
                params.append(("url", url))
            if via:
                params.append(("via", via))
            href = "https://twitter.com/intent/tweet?" + urlencode(params, quote_via=quote)
            name = share_on.format(network=NETWORK_NAMES["x"])
            links.append(ShareLink("x", href, tweet_label, f"{tweet_label}: {name}", True))
        elif target == "mastodon":
            href = f"https://{mastodon_instance}/share?" + urlencode(
                [("text", with_url)], quote_via=quote
            )
            links.append(_branded("mastodon", href, share_on))
        elif target == "bluesky":
            href = "https://bsky.app/intent/compose?" + urlencode(
                [("text", with_url)], quote_via=quote
            )
            links.append(_branded("bluesky", href, share_on))
        elif target == "linkedin":
            if url:
                href = "https://www.linkedin.com/sharing/share-offsite/?" + urlencode(
                    [("url", url)], quote_via=quote
                )
                links.append(_branded("linkedin", href, share_on))
        elif target == "copy":
            links.append(ShareLink("copy", f"#{anchor}", permalink_label, None, False))
    return links


def _branded(network: str, href: str, share_on: str) -> ShareLink:
    name = NETWORK_NAMES[network]
    return ShareLink(network, href, name, share_on.format(network=name), True)
