"""One page's transform: its HTML, options and words, and what it has found so far."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple

from .report import TransformIssue, TransformStats
from .sanitise import sanitize_inline

if TYPE_CHECKING:
    import jinja2

    from ..i18n import Translator
    from .options import TransformOptions
    from .tokens import Tag

__all__ = ["Item", "Page", "Setup", "make_setup"]


@dataclass
class Item:
    """A quote or a caption to render, as found in the page's HTML.

    Attributes:
        kind: `tweet` or `caption`.
        start: Where the HTML the block replaces starts (the image, for a caption).
        end: Where it ends (after the closing tag).
        inner: The HTML between the opening and the closing tag, as written.
        tag: The opening tag.
        close: The closing tag.
        image: The image (or linked image) a caption belongs to, as written.
    """

    kind: Literal["tweet", "caption"]
    start: int
    end: int
    inner: str
    tag: Tag
    close: Tag
    image: str = ""


class Setup(NamedTuple):
    """What every quote of a build shares: templates and words."""

    tweet_template: jinja2.Template
    figure_template: jinja2.Template
    tweet_label: str
    share_on: str
    permalink_label: str
    quote_title: str


def make_setup(env: jinja2.Environment, options: TransformOptions) -> Setup:
    """Look up what every quote of a build shares; callers keep it for the build."""
    t: Translator = env.globals["t"]  # type: ignore[assignment]
    return Setup(
        env.get_template("blogpost/fragments/tweet.html"),
        env.get_template("blogpost/fragments/figure.html"),
        options.tweet_label or t("click_to_tweet"),
        t("share_on"),
        t("quote_permalink"),
        t("quote"),
    )


class Page:
    """One page's transform: its HTML, options, and the state of its quote ids.

    Args:
        html: The page's HTML as Markdown rendered it.
        env: The plugin's template environment (its global `t` gives the words).
        page_url: The page's absolute URL, for share links; `None` when unknown.
        options: Rendering options.
        tweets: Whether `<tweet>` quotes are transformed.
        captions: Whether `<small>` captions are transformed.
        setup: The build's templates and words (`make_setup`); looked up when needed
            if not given.
    """

    def __init__(
        self,
        html: str,
        env: jinja2.Environment,
        page_url: str | None,
        options: TransformOptions,
        tweets: bool,
        captions: bool,
        setup: Setup | None = None,
    ) -> None:
        self.html = html
        self._setup = setup
        self.env = env
        self.translator: Translator = env.globals["t"]  # type: ignore[assignment]
        self.page_url = page_url
        self.options = options
        self.do_tweets = tweets
        self.do_captions = captions
        self.stats = TransformStats()
        # Ids on the page and quote anchors given so far; listed on the first quote.
        self.ids: set[str] | None = None
        # Sanitised fragments, as a quote is checked for text before it is rendered.
        self.cleaned: dict[str, str] = {}
        # Answers of `captions.image_before`, for the HTML as it is now.
        self.images: dict[int, tuple[int, str] | None] = {}
        # How many tags of each kind the author wrote (outside code), for line lookups.
        self.totals: dict[tuple[str, bool], int] = {}

    @property
    def setup(self) -> Setup:
        """The templates and words of this build."""
        if self._setup is None:
            self._setup = make_setup(self.env, self.options)
        return self._setup

    def set_html(self, html: str) -> None:
        """Go on with repaired HTML; what was found in the old one no longer holds."""
        self.html = html
        self.images = {}

    def clean(self, fragment: str) -> str:
        """Return `fragment` sanitised (see `sanitise.sanitize_inline`), once per page."""
        cleaned = self.cleaned.get(fragment)
        if cleaned is None:
            cleaned = self.cleaned[fragment] = sanitize_inline(fragment)
        return cleaned

    def issue(self, tag: Tag, message: str) -> None:
        """Report a slip in the author's markup at `tag`."""
        total = self.totals.get((tag.name, tag.closing), 0)
        self.stats.issues.append(TransformIssue(tag.name, tag.closing, tag.ordinal, total, message))
