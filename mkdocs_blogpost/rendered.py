"""What rendering makes of a page: quotes and captions, reading time, the excerpt.

Runs in `on_page_content`, on the HTML Markdown made. A post's HTML is transformed and
measured once per build; listings, head tags and feeds reuse what is kept here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import get_plugin_logger

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    import jinja2
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from .config import BlogpostConfig
    from .models import Post
    from .transforms import Setup, TransformOptions, TransformStats
    from .transforms.edits import Edit

__all__ = [
    "QuoteTransformer",
    "RenderedPosts",
    "TransformMemo",
    "measure",
    "rebuild_pages_showing_posts",
    "render_post",
]

log = get_plugin_logger(__name__)


class QuoteTransformer:
    """Turns `<tweet>` quotes and `<small>` captions into blocks, and reports the author's slips.

    Args:
        env: The plugin's template environment.
        options: The blog's options.
        lightbox: A lightbox plugin links the images: captions describe its slides.
        memo: What the last builds of this `mkdocs serve` made of each page, or `None`.
    """

    def __init__(
        self,
        env: jinja2.Environment,
        options: BlogpostConfig,
        *,
        lightbox: bool = False,
        memo: TransformMemo | None = None,
    ) -> None:
        self.env = env
        self.options = options
        self.lightbox = lightbox
        self.memo = memo
        self.tweets = 0
        self.captions = 0
        self._transform_options: TransformOptions | None = None
        self._setup: Setup | None = None
        self._warned_site_url = False

    def transform(self, html: str, page: Page, post: Post | None) -> str:
        """Return the page's HTML with its quotes and captions turned into blocks."""
        from .posts import warn
        from .transforms import apply_stages, locate_tag_line, transform_edits

        options = self._options()
        memo = self.memo
        if self._setup is None:
            from .transforms import make_setup

            # Templates and words once per build, not once per page.
            self._setup = make_setup(self.env, options)
            if memo is not None:
                memo.start(_fingerprint(self.env, options, self._setup))
        src, url = page.file.src_uri, page.canonical_url
        kept = memo.edits(src, html, url) if memo is not None else None
        if kept is None:
            kept = transform_edits(
                html, env=self.env, page_url=url, options=options, setup=self._setup
            )
            if memo is not None:
                memo.keep_edits(src, html, url, kept)
        stages, stats = kept
        result = apply_stages(html, stages)
        self.tweets += stats.tweets
        self.captions += stats.captions
        if stats.tweets and page.canonical_url is None and not self._warned_site_url:
            self._warned_site_url = True
            self._warn_site_url()
        if stats.issues:
            source, first_line = _source_of(page, post)
            found = []
            for issue in stats.issues:
                line = locate_tag_line(source, issue) if source is not None else None
                found.append((line + first_line - 1 if line is not None else None, issue.message))
            for line, message in sorted(found, key=lambda f: f[0] or 0):
                warn(page.file.src_uri, message, line)
        return result

    def _warn_site_url(self) -> None:
        # Only share pages carry the page's address: a site whose quotes offer none but
        # the permalink (`share_targets: [copy]` or `[]`) builds strict without site_url.
        sharing = [t for t in self.options.share_targets if t != "copy"]
        if not sharing:
            return
        log.warning(
            "site_url is not set in mkdocs.yml, so the share links of <tweet> quotes "
            f"({', '.join(sharing)}) carry the quote without the address of its page. Set "
            "site_url to the address the site is published at; a preview build without it "
            "can set the blogpost options 'share_targets: [copy]' and 'feeds: false'"
        )

    def _options(self) -> TransformOptions:
        # Made on first use: sites without quotes or captions never load the transforms.
        if self._transform_options is None:
            from .transforms import TransformOptions

            options = self.options
            self._transform_options = TransformOptions(
                via=options.twitter_via or None,
                tweet_label=options.tweet_label or None,
                share_targets=tuple(options.share_targets),
                caption_style="admonition" if options.caption_style == "admonition" else "figure",
                tweet_color="x" if options.tweet_color == "x" else "theme",
                tweet_max_length=options.tweet_max_length,
                mastodon_instance=options.mastodon_instance,
                lightbox=self.lightbox,
            )
        return self._transform_options


def _fingerprint(env: jinja2.Environment, options: TransformOptions, setup: Setup) -> tuple:
    """Return what a page's transform depends on besides its HTML and address."""
    sources = []
    for name in ("blogpost/fragments/tweet.html", "blogpost/fragments/figure.html"):
        # The text of the templates, not their objects: an override edited under
        # `serve` changes every quote.
        sources.append(env.loader.get_source(env, name)[0] if env.loader is not None else name)
    return (options, tuple(setup[2:]), tuple(sources))


def _source_of(page: Page, post: Post | None) -> tuple[str | None, int]:
    """Return the Markdown the page's HTML came from, and the file line it starts on."""
    if post is not None:
        return post.body, post.body_line
    try:
        return page.file.content_string, 1
    except (OSError, UnicodeDecodeError):  # pragma: no cover - MkDocs just read it
        return None, 1


def render_post(
    post: Post,
    html: str,
    page: Page,
    *,
    options: BlogpostConfig,
    quotes: QuoteTransformer,
    keep_html: Callable[[Post], bool],
    rendered: RenderedPosts,
    language: str,
) -> str:
    """Measure and transform a post's HTML, and keep its excerpt; return the HTML.

    Args:
        post: The post.
        html: Its HTML, as Markdown (and other plugins) made it.
        page: Its page.
        options: The blog's options.
        quotes: The blog's quote and caption transformer.
        keep_html: Whether a feed carries the post's whole HTML, which is then kept.
        rendered: What rendering made of posts, kept for `--dirty` rebuilds.
        language: The blog's language, which reads a post that names none.
    """
    from .excerpts import excerpt_html

    measure(post, html, options, post.language or language, memo=quotes.memo)
    _check_schema(post, html, options)
    # After measuring (share labels are not reading), before keeping the HTML that
    # listings and feeds reuse.
    html = quotes.transform(html, page, post)
    post.html = html
    post.summary = excerpt_html(post)
    if not keep_html(post):
        # Listings and head tags reuse the summary; only feeds read the whole post.
        post.html = None
    rendered.keep(post)
    # MkDocs keeps its own copy (`page.markdown`); ours was needed up to here (line
    # numbers of the transform's warnings).
    post.body = ""
    return html


def _check_schema(post: Post, html: str, options: BlogpostConfig) -> None:
    """Report the schema's rules on HTML: images without alt text, a long first paragraph."""
    rules = options.schema
    if rules.missing_alt_text == "ignore" and rules.long_first_paragraph == "ignore":
        return
    from .problems import report
    from .schema import check_rendered

    for problem in check_rendered(post, html, rules):
        report(problem)


def measure(
    post: Post,
    html: str,
    options: BlogpostConfig,
    language: str,
    *,
    memo: TransformMemo | None = None,
) -> None:
    """Count the post's words and set its reading time, from its HTML before transforms.

    Readers of the post's language read at their language's speed, unless the site sets
    one speed for all.
    """
    from .i18n import reading_speed
    from .text import count_words, html_to_text, reading_minutes

    counted = memo.words(post.src_uri, html) if memo is not None else None
    if counted is None:
        counted = count_words(html_to_text(html, keep_code_blocks=False))
        if memo is not None:
            memo.keep_words(post.src_uri, html, counted)
    words, cjk = counted
    post.words, post.cjk_characters = words, cjk
    words_per_minute, cjk_per_minute = reading_speed(language)
    post.minutes = reading_minutes(
        words,
        cjk,
        options.words_per_minute or words_per_minute,
        options.cjk_characters_per_minute or cjk_per_minute,
    )


_Transformed = tuple[list[list["Edit"]], "TransformStats"]


class TransformMemo:
    """What each page's HTML made, kept across the rebuilds of one `mkdocs serve`.

    Between two rebuilds most posts do not change, and their HTML comes out of Markdown
    the same: their quotes and captions need not be found and rendered again, nor their
    words counted. Entries are keyed by the page's HTML (its hash and length), and for
    the transform by its address too; the options, words and template texts the
    transform used are checked once per build, and any change empties the memo. Only
    the edits are kept (the rendered blocks), not whole pages.
    """

    def __init__(self) -> None:
        self._fingerprint: tuple | None = None
        self._edits: dict[str, tuple[tuple[int, int, str | None], _Transformed]] = {}
        self._words: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {}

    def start(self, fingerprint: tuple) -> None:
        """Begin a build whose transform depends on `fingerprint`."""
        if fingerprint != self._fingerprint:
            self._edits.clear()
            self._fingerprint = fingerprint

    def edits(self, src_uri: str, html: str, url: str | None) -> _Transformed | None:
        """Return the stages and stats the same HTML at the same address made, if kept."""
        entry = self._edits.get(src_uri)
        if entry is not None and entry[0] == (hash(html), len(html), url):
            return entry[1]
        return None

    def keep_edits(self, src_uri: str, html: str, url: str | None, made: _Transformed) -> None:
        """Remember what the transform made of the page's `html` at `url`."""
        self._edits[src_uri] = ((hash(html), len(html), url), made)

    def words(self, src_uri: str, html: str) -> tuple[int, int] | None:
        """Return the words and CJK characters counted in the same HTML, if kept."""
        entry = self._words.get(src_uri)
        return entry[1] if entry is not None and entry[0] == (hash(html), len(html)) else None

    def keep_words(self, src_uri: str, html: str, counted: tuple[int, int]) -> None:
        """Remember the words and CJK characters counted in the page's `html`."""
        self._words[src_uri] = ((hash(html), len(html)), counted)

    def forget_except(self, keep: Iterable[str]) -> None:
        """Drop the entries of pages not in `keep`, so the memo never outgrows the site."""
        wanted = set(keep)
        for table in (self._edits, self._words):
            for src in [src for src in table if src not in wanted]:
                del table[src]


@dataclass(frozen=True)
class _Kept:
    body_hash: int
    html: str | None
    summary: str | None
    words: int
    cjk_characters: int
    minutes: int


class RenderedPosts:
    """What rendering made of each post, kept across the rebuilds of one `mkdocs serve`.

    `mkdocs serve --dirty` renders only the posts that changed; listings and feeds still
    need the others' excerpts. Each entry is checked against the post's body, so an
    edited post is never shown with its old text.
    """

    def __init__(self) -> None:
        self._by_src: dict[str, _Kept] = {}
        #: The posts the last build published, `None` before the first build.
        self.published: frozenset[str] | None = None
        #: What each page's HTML made, for the blogs of a `serve` (see `TransformMemo`).
        self.transforms = TransformMemo()

    def keep(self, post: Post) -> None:
        """Remember what rendering made of `post` (call before its body is let go)."""
        self._by_src[post.src_uri] = _Kept(
            hash(post.body), post.html, post.summary, post.words, post.cjk_characters,
            post.minutes,
        )

    def restore(self, posts: dict[str, Post]) -> None:
        """Give posts this build did not render what the last build made of them.

        Entries of posts that are gone are dropped, so the cache never outgrows the blog.
        """
        for src in [src for src in self._by_src if src not in posts]:
            del self._by_src[src]
        for src, post in posts.items():
            kept = self._by_src.get(src)
            if post.summary is None and kept is not None and kept.body_hash == hash(post.body):
                post.html, post.summary = kept.html, kept.summary
                post.words, post.cjk_characters = kept.words, kept.cjk_characters
                post.minutes = kept.minutes


def rebuild_pages_showing_posts(
    files: Files, posts: Iterable[str], pages: Iterable[str], rendered: RenderedPosts
) -> bool:
    """Have a `--dirty` build rebuild every page that shows posts, when a post changed.

    MkDocs rebuilds only the pages whose file is newer than their output, but a post is
    also shown by its neighbours' previous/next links, by related posts and by listing
    pages the author wrote. When one post is new, edited or gone, their output is
    removed, so MkDocs builds them again. Generated pages are rebuilt anyway; other
    pages of the site keep `--dirty`'s speed.

    Args:
        files: The site's files.
        posts: Docs paths of the posts this build publishes.
        pages: Docs paths of the other pages that show posts (listings).
        rendered: What the last build of this process knew.

    Returns:
        Whether a post changed.
    """
    published = frozenset(posts)
    known, rendered.published = rendered.published, published
    built = [f for f in map(files.get_file_from_path, published) if f is not None]
    changed = (known is not None and known != published) or any(f.is_modified() for f in built)
    if not changed:
        return False
    shown = [f for f in map(files.get_file_from_path, pages) if f is not None]
    for file in built + shown:
        if file.generated_by is None and file.abs_src_path is not None:
            Path(file.abs_dest_path).unlink(missing_ok=True)
    return True
