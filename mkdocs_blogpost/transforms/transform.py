"""One page through the transform: a cheap first look, the repairs, then the blocks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .captions import find_captions, image_before
from .edits import apply_edits
from .page import Page, Setup
from .paragraphs import place_items
from .quotes import find_quotes, repair_quotes
from .report import TransformStats
from .scan import Scan, has_candidates, has_tweet_tag, small_tag_starts

if TYPE_CHECKING:
    import jinja2

    from .edits import Edit
    from .options import TransformOptions
    from .page import Item

__all__ = ["apply_stages", "transform_edits", "transform_html"]


def transform_html(
    html: str,
    *,
    env: jinja2.Environment,
    page_url: str | None,
    options: TransformOptions,
    tweets: bool = True,
    captions: bool = True,
    setup: Setup | None = None,
) -> tuple[str, TransformStats]:
    """Turn a page's `<tweet>` quotes and image `<small>` captions into styled blocks.

    Args:
        html: The page's content as Markdown rendered it.
        env: The plugin's template environment (templates `blogpost/fragments/tweet.html`
            and `figure.html`; its global `t` gives the words).
        page_url: The page's absolute URL, for share links; `None` when unknown.
        options: Rendering options.
        tweets: Transform `<tweet>` quotes.
        captions: Transform `<small>` captions.
        setup: The build's templates and words (`make_setup`), kept by the caller for
            the build; looked up for this page if not given.

    Returns:
        The new HTML (the same object when nothing changed) and what was done, with the
        problems found in the author's markup.
    """
    stages, stats = transform_edits(
        html,
        env=env,
        page_url=page_url,
        options=options,
        tweets=tweets,
        captions=captions,
        setup=setup,
    )
    return apply_stages(html, stages), stats


def transform_edits(
    html: str,
    *,
    env: jinja2.Environment,
    page_url: str | None,
    options: TransformOptions,
    tweets: bool = True,
    captions: bool = True,
    setup: Setup | None = None,
) -> tuple[list[list[Edit]], TransformStats]:
    """Return what `transform_html` changes, as edits, and what it did.

    The edits come in stages: each list applies to the HTML the lists before it made
    (`apply_stages`). They hold only the rendered blocks, so a caller can keep them for
    a page, where keeping the page's HTML would cost its whole size. Arguments as for
    `transform_html`; no stages means nothing changes.
    """
    if not (tweets or captions) or not has_candidates(html):
        return [], TransformStats()
    page = Page(html, env, page_url, options, tweets, captions, setup)
    if not (tweets and has_tweet_tag(html)) and not any(
        image_before(page, pos) for pos in small_tag_starts(html)
    ):
        # Only <small> tags, none under an image: nothing to do, no need to scan.
        return [], page.stats
    scan = Scan(html)
    # Issues point at the author's tags as written, so they count tags before repairs.
    page.totals = scan.totals
    stages: list[list[Edit]] = []
    if tweets and scan.of("tweet"):
        repairs = repair_quotes(page, scan)
        if repairs:
            stages.append(repairs)
            page.set_html(apply_edits(page.html, repairs))
            scan = Scan(page.html)
    items = _find_items(page, scan)
    if items:
        stages.append(place_items(page, scan, items))
    return stages, page.stats


def apply_stages(html: str, stages: list[list[Edit]]) -> str:
    """Return `html` with the stages of `transform_edits` made, in order."""
    for edits in stages:
        html = apply_edits(html, edits)
    return html


def _find_items(page: Page, scan: Scan) -> list[Item]:
    # Quotes first: a `<small>` inside a quote is part of the quote, not a caption.
    items = find_quotes(page, scan) if page.do_tweets else []
    if not page.do_captions:
        return items
    items += find_captions(page, scan, items)
    items.sort(key=lambda i: i.start)
    return items
