"""`<small>` captions under images, turned into figures.

A `<small>` right after an image (or a linked image), across white space and one
`<br>`, is that image's caption. Both become one figure
(`blogpost/fragments/figure.html`); a `<small>` anywhere else is left alone.

With mkdocs-glightbox, the image is already wrapped in its `<a class="glightbox">` link
when captions are found, and the caption becomes that link's `data-description`: the
text the lightbox shows under the image.
"""

from __future__ import annotations

import html as htmllib
import re
from typing import TYPE_CHECKING

from markupsafe import Markup

from .page import Item
from .sanitise import sanitize_image

if TYPE_CHECKING:
    from .edits import Edit
    from .page import Page
    from .scan import Scan

__all__ = [
    "caption_fallback",
    "describe_lightbox_link",
    "find_captions",
    "image_before",
    "render_caption",
]

_IMG_TAG_RE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_AFTER_IMAGE_RE = re.compile(r"(?P<close>\s*</a\s*>)?\s*(?:<br\s*/?>\s*)?", re.IGNORECASE)
_LINK_OPEN_END_RE = re.compile(r"<a\b[^>]*>\s*\Z", re.IGNORECASE)
# How far back from a <small> an image tag may start (data: URIs can be long).
_LOOKBACK = 16384
# The start tag of a link as the image sanitiser (nh3) writes it: every value in double
# quotes, a `"` inside one written `&quot;`; a `>` inside a value does not end the tag.
_LINK_START_RE = re.compile(r'<a(?P<attrs>(?:\s+[^\s"\'>/=]+(?:="[^"]*")?)*)\s*>')
_LINK_ATTR_RE = re.compile(r'([^\s"\'>/=]+)(?:="([^"]*)")?')


def find_captions(page: Page, scan: Scan, quotes: list[Item]) -> list[Item]:
    """Return the page's captions, reporting the `<small>` under an image that is off.

    Args:
        page: The page, whose HTML `scan` read.
        scan: The page's tags.
        quotes: The page's quotes: a `<small>` inside one is part of the quote.

    Returns:
        The captions, in the page's order.
    """
    html = page.html
    items: list[Item] = []
    quoted = [(i.start, i.end) for i in quotes]
    smalls = scan.of("small")
    for n, open_ in enumerate(smalls):
        if open_.closing or any(s <= open_.start < e for s, e in quoted):
            continue
        image = image_before(page, open_.start)
        if image is None:
            continue
        end_tag = smalls[n + 1] if n + 1 < len(smalls) else None
        if end_tag is None or not end_tag.closing or scan.blocks_between(open_.end, end_tag.start):
            page.issue(
                open_,
                "<small> under an image is never closed; end the caption with </small> "
                "on the same line. No caption is made",
            )
            continue
        inner = html[open_.end : end_tag.start]
        if not inner.strip():
            continue
        if open_.has_attributes:
            page.issue(
                open_,
                f"<small{open_.attrs.rstrip()}> under an image takes no attributes; "
                "they are ignored",
            )
        start, image_html = image
        items.append(Item("caption", start, end_tag.end, inner, open_, end_tag, image_html))
    return items


def image_before(page: Page, pos: int) -> tuple[int, str] | None:
    """Return where the image right before `pos` starts, and its HTML; `None` if none.

    The image is an `<img>` or `<a><img></a>`, followed only by white space and one
    `<br>`. Answers are remembered for the page's HTML as it is.
    """
    if pos not in page.images:
        page.images[pos] = _find_image_before(page.html, pos)
    return page.images[pos]


def _find_image_before(html: str, pos: int) -> tuple[int, str] | None:
    img: re.Match[str] | None = None
    for match in _IMG_TAG_RE.finditer(html, max(0, pos - _LOOKBACK), pos):
        img = match
    if img is None:
        return None
    img_at = img.start()
    tail = _AFTER_IMAGE_RE.match(html, img.end(), pos)
    if tail is None or tail.end() != pos:
        return None
    start, end = img_at, img.end()
    if tail.group("close"):
        link = _LINK_OPEN_END_RE.search(html, max(0, img_at - _LOOKBACK), img_at)
        if link is None:
            return None
        start, end = link.start(), img.end() + len(tail.group("close"))
    return start, html[start:end]


def render_caption(page: Page, item: Item) -> str:
    """Return the figure for `item`: its image and its caption, both sanitised."""
    page.stats.captions += 1
    image = sanitize_image(item.image)
    caption = page.clean(item.inner)
    if page.options.lightbox and caption:
        image = describe_lightbox_link(image, caption)
    return page.setup.figure_template.render(
        style=page.options.caption_style,
        image_html=Markup(image),
        caption_html=Markup(caption),
    )


def describe_lightbox_link(image_html: str, caption_html: str) -> str:
    """Give the glightbox link around an image the caption as its description.

    Args:
        image_html: The sanitised `<a class="glightbox"><img></a>` (other images are
            returned as they are).
        caption_html: The sanitised caption.

    Returns:
        The image with `data-description` on its link, unless the link has one.
    """
    match = _LINK_START_RE.match(image_html)
    if match is None:
        return image_html
    attrs = {m.group(1).lower(): m.group(2) or "" for m in _LINK_ATTR_RE.finditer(match["attrs"])}
    if "glightbox" not in htmllib.unescape(attrs.get("class", "")).split():
        return image_html
    if "data-description" in attrs:  # the author's own, from the image's attr_list
        return image_html
    # glightbox puts the description in the slide as HTML (`innerHTML`): the sanitised
    # caption keeps its formatting and links there, and nothing else. A description that
    # starts with "." is read as a CSS selector, so such a caption is put in a span.
    description = f"<span>{caption_html}</span>" if caption_html.startswith(".") else caption_html
    at = match.end("attrs")
    value = htmllib.escape(description, quote=True)
    return f'{image_html[:at]} data-description="{value}"{image_html[at:]}'


def caption_fallback(page: Page, item: Item) -> list[Edit]:
    """Keep a caption where a figure cannot go as a sanitised `<small>`, and say so."""
    page.issue(
        item.tag,
        "<small> under this image sits inside a heading or inside formatting, where a "
        "figure cannot go; put the image and its caption on lines of their own",
    )
    cleaned = f"<small>{page.clean(item.inner)}</small>"
    return [(item.tag.start, item.close.end, cleaned)]
