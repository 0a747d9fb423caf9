"""`<tweet>` share quotes: repaired where the author's tags are off, then rendered.

A quote is the sentence between `<tweet>` and `</tweet>` in one paragraph. It becomes a
quote block with share links (`blogpost/fragments/tweet.html`) and an anchor of its
own, so that a link can point at it.
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..share import build_share_links, tweet_length
from ..text import slugify
from .page import Item
from .sanitise import plain_text
from .tokens import inside_paragraph

if TYPE_CHECKING:
    from .edits import Edit
    from .page import Page
    from .scan import Scan
    from .tokens import Tag

__all__ = ["find_quotes", "quote_fallback", "render_quote", "repair_quotes"]

_ID_RE = re.compile(r"""\sid\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


def repair_quotes(page: Page, scan: Scan) -> list[Edit]:
    """Make every `<tweet>` a closed, unnested pair inside one paragraph.

    Tags that cannot be paired go; quotes that span blocks lose their tags and stay
    text; empty quotes go. Each repair is reported as an issue.

    Args:
        page: The page, whose HTML `scan` read.
        scan: The page's tags.

    Returns:
        The edits that make the repairs.
    """
    edits, pairs = _pair_tags(page, scan)
    return edits + _check_pairs(page, scan, pairs)


def _pair_tags(page: Page, scan: Scan) -> tuple[list[Edit], list[tuple[Tag, Tag]]]:
    # Pairs opening and closing tags in order, as a stack; stray and unclosed ones go.
    edits: list[Edit] = []
    stack: list[Tag] = []
    pairs: list[tuple[Tag, Tag]] = []
    unclosed: list[Tag] = []
    for tag in scan.of("tweet"):
        if not tag.closing and stack and scan.blocks_between(stack[-1].end, tag.start):
            # A new quote in a later paragraph: the open ones before it never closed.
            unclosed += stack
            stack = []
        if tag.closing:
            if not stack:
                page.issue(
                    tag,
                    "</tweet> closes no <tweet>; remove it or add the opening tag. "
                    "The stray tag is left out",
                )
                edits.append((tag.start, tag.end, ""))
            else:
                pairs.append((stack.pop(), tag))
        elif tag.self_closing:
            page.issue(tag, "<tweet/> is empty; write <tweet>text</tweet>")
            edits.append((tag.start, tag.end, ""))
        else:
            if stack:
                page.issue(
                    tag,
                    "<tweet> inside another <tweet>; quotes cannot be nested. "
                    "The inner tags are left out",
                )
            stack.append(tag)
    for tag in unclosed + stack:
        page.issue(
            tag,
            "<tweet> is never closed; end the quote with </tweet> in the same "
            "paragraph. The text is shown as a plain paragraph",
        )
        edits.append((tag.start, tag.end, ""))
    return edits, pairs


def _check_pairs(page: Page, scan: Scan, pairs: list[tuple[Tag, Tag]]) -> list[Edit]:
    # Inner pairs of nested quotes, quotes across blocks and empty quotes lose their tags.
    edits: list[Edit] = []
    for open_, close in pairs:
        outer = not any(
            o.start < open_.start and c.end > close.end for o, c in pairs if o is not open_
        )
        if not outer:
            edits += [(open_.start, open_.end, ""), (close.start, close.end, "")]
            continue
        if open_.has_attributes:
            page.issue(
                open_,
                f"<tweet{open_.attrs.rstrip()}> takes no attributes; they are ignored",
            )
        inner = page.html[open_.end : close.start]
        if scan.blocks_between(open_.end, close.start):
            page.issue(
                open_,
                "<tweet> spans several paragraphs or blocks; keep a quote in one "
                "paragraph (no blank lines inside). The text is shown as written",
            )
            edits += [(open_.start, open_.end, ""), (close.start, close.end, "")]
        elif not plain_text(page.clean(inner)):
            page.issue(open_, "<tweet> is empty; write the sentence to share inside it")
            edits.append(_removal(page, scan, open_, close))
    return edits


def _removal(page: Page, scan: Scan, open_: Tag, close: Tag) -> Edit:
    # An empty quote goes, markup and all; alone in its paragraph, it takes the
    # paragraph with it.
    before, after = scan.block_before(open_.start), scan.block_after(close.end)
    if (
        before is not None
        and after is not None
        and inside_paragraph(before, after)
        and not page.html[before.end : open_.start].strip()
        and not page.html[close.end : after.start].strip()
    ):
        return (before.start, after.end, "")
    return (open_.start, close.end, "")


def find_quotes(page: Page, scan: Scan) -> list[Item]:
    """Return the page's quotes, once `repair_quotes` has made its tags pairs."""
    html = page.html
    items: list[Item] = []
    tweets = scan.of("tweet")
    for open_, close in zip(tweets[::2], tweets[1::2], strict=False):
        if open_.closing or not close.closing:  # pragma: no cover - repair_quotes paired them
            continue
        inner = html[open_.end : close.start]
        items.append(Item("tweet", open_.start, close.end, inner, open_, close))
    return items


def render_quote(page: Page, item: Item) -> str:
    """Return the quote block for `item`, with its share links; warn when X finds it long."""
    setup = page.setup
    quote_html = page.clean(item.inner)
    text = plain_text(quote_html)
    anchor = _anchor(page, text)
    options = page.options
    links = build_share_links(
        options.share_targets,
        text=text,
        url=page.page_url,
        anchor=anchor,
        via=options.via,
        tweet_label=setup.tweet_label,
        share_on=setup.share_on,
        permalink_label=setup.permalink_label,
        mastodon_instance=options.mastodon_instance,
    )
    length = tweet_length(text, page.page_url, options.via)
    if "x" in options.share_targets and length > options.tweet_max_length:
        page.issue(
            item.tag,
            f"the quote “{_shorten(text)}” is {length} characters long with the link "
            f"(X allows {options.tweet_max_length}); shorten it, or X will ask the "
            "reader to. The share link still works",
        )
    page.stats.tweets += 1
    return setup.tweet_template.render(
        id=anchor,
        title=setup.quote_title,
        color=options.tweet_color,
        quote_html=Markup(quote_html),
        text=text,
        links=links,
    )


def quote_fallback(page: Page, item: Item) -> list[Edit]:
    """Keep a quote where a block cannot go as inline text, sanitised, and say so."""
    page.issue(
        item.tag,
        "<tweet> sits inside a heading or inside formatting, where a quote block "
        "cannot go; put it on a line of its own. The text is shown as written",
    )
    return [(item.tag.start, item.close.end, page.clean(item.inner))]


def _anchor(page: Page, text: str) -> str:
    # A slug of the quote's first words, unique on the page.
    if page.ids is None:
        # Anchors all start with `tweet-`: a page without that text has no id to avoid.
        page.ids = set(_ID_RE.findall(page.html)) if "tweet-" in page.html else set()
    words = slugify(text).split("-")[:6]
    slug = "-".join(words)[:48].strip("-")
    if not slug:
        slug = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    base = f"tweet-{slug}"
    anchor, n = base, 1
    while anchor in page.ids:
        n += 1
        anchor = f"{base}-{n}"
    page.ids.add(anchor)
    return anchor


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
