"""How quotes and captions are rendered: the options a transform is given."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["CaptionStyle", "TransformOptions", "TweetColor"]

CaptionStyle = Literal["admonition", "figure"]
TweetColor = Literal["theme", "x"]


@dataclass(frozen=True)
class TransformOptions:
    """How quotes and captions are rendered (from the plugin's options).

    Attributes:
        via: The site's X handle without `@`, or `None`.
        tweet_label: Visible text of the X share link; `None` uses the translation.
        share_targets: Share targets under each quote, in order.
        caption_style: `figure` (a quiet line centred under the image) or `admonition`
            (a slim caption box).
        tweet_color: `theme` (the quote in the theme's accent colour) or `x` (X's blue).
        tweet_max_length: Characters X allows; longer shares give a warning.
        mastodon_instance: Server whose share page the Mastodon link opens.
        lightbox: A lightbox plugin (mkdocs-glightbox) links the page's images: a
            caption becomes the description its link shows.
    """

    via: str | None = None
    tweet_label: str | None = None
    share_targets: tuple[str, ...] = ("x",)
    caption_style: CaptionStyle = "figure"
    tweet_color: TweetColor = "theme"
    tweet_max_length: int = 280
    mastodon_instance: str = "mastodon.social"
    lightbox: bool = False
