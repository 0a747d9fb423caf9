"""`<tweet>` quotes and `<small>` image captions, turned into styled blocks.

These work on the HTML Python-Markdown produced for a page. Markdown escapes `<` inside
code, so a literal `<tweet` in that HTML is a tag the author wrote; tags inside `<pre>`,
`<code>`, comments and scripts are skipped all the same.

The page is never re-parsed as a whole: a small scanner finds the tags, and only the
paragraphs that hold a quote or a caption are rewritten. Everything else stays byte for
byte as MkDocs produced it, and a page with nothing to change comes back as the very
same string. Text from the post that ends up inside a quote or a caption goes through
an allow-list sanitiser (nh3): formatting and links survive, scripts, event handlers and
`javascript:` URLs do not.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import html as htmllib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import nh3
from markupsafe import Markup

from .share import build_share_links, tweet_length
from .text import slugify

if TYPE_CHECKING:
    import jinja2

    from .i18n import Translator

__all__ = [
    "TransformIssue",
    "TransformOptions",
    "TransformStats",
    "has_candidates",
    "locate_tag_line",
    "plain_text",
    "sanitize_inline",
    "transform_html",
]

CaptionStyle = Literal["admonition", "figure"]


@dataclass(frozen=True)
class TransformOptions:
    """How quotes and captions are rendered (from the plugin's options).

    Attributes:
        via: The site's X handle without `@`, or `None`.
        tweet_label: Visible text of the X share link; `None` uses the translation.
        share_targets: Share targets under each quote, in order.
        caption_style: `admonition` (a slim caption box) or `figure` (a plain caption).
        tweet_max_length: Characters X allows; longer shares give a warning.
        mastodon_instance: Server whose share page the Mastodon link opens.
    """

    via: str | None = None
    tweet_label: str | None = None
    share_targets: tuple[str, ...] = ("x",)
    caption_style: CaptionStyle = "admonition"
    tweet_max_length: int = 280
    mastodon_instance: str = "mastodon.social"


@dataclass(frozen=True)
class TransformIssue:
    """A problem in the author's markup, for a warning that names the file and line.

    Attributes:
        tag: `tweet` or `small`.
        closing: Whether the tag at fault is a closing tag.
        ordinal: Which of the page's tags of this kind (`tag`, `closing`) it is, from 0,
            counting only tags outside code.
        total: How many tags of this kind the page has (outside code).
        message: What is wrong and what to do, without the file name.
    """

    tag: str
    closing: bool
    ordinal: int
    total: int
    message: str


@dataclass
class TransformStats:
    """What one page's transform did.

    Attributes:
        tweets: Quotes turned into tweet admonitions.
        captions: Images given a caption.
        issues: Problems to report to the author.
    """

    tweets: int = 0
    captions: int = 0
    issues: list[TransformIssue] = field(default_factory=list)


# -- sanitising -------------------------------------------------------------------------------

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
_INLINE_ATTRIBUTES = {
    "*": set(_GENERIC_ATTRIBUTES),
    "a": {"href", "hreflang"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height", "loading"},
    "q": {"cite"},
    "time": {"datetime"},
}
_IMAGE_ATTRIBUTES = {
    "*": set(_GENERIC_ATTRIBUTES),
    "a": {"href", "hreflang", "id", "rel", "target"},
    "img": {"src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding", "style"},
    "picture": set(),
    "source": {"srcset", "sizes", "type", "media"},
}
_URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Plain text without these characters comes out of nh3 unchanged (checked for every code
# point, alone and around text): it escapes `&`, `<`, `>` and no-break spaces, parses
# tags, turns `\r` into `\n`, drops NUL and a leading byte-order mark. Quotes and
# captions are mostly plain text, and skip the sanitiser then.
_NEEDS_SANITIZER_RE = re.compile(r"[\x00\r&<>\xa0\ufeff]")


def _cleaner(**rules: Any) -> Callable[[str], str]:
    # `nh3.Cleaner` builds a sanitiser once and reuses it (several times faster per call
    # than `nh3.clean`, which builds it on every call); older nh3 has only `nh3.clean`.
    cleaner_class = getattr(nh3, "Cleaner", None)
    if cleaner_class is None:  # pragma: no cover - older nh3
        return functools.partial(nh3.clean, **rules)
    clean: Callable[[str], str] = cleaner_class(**rules).clean
    return clean


_clean_inline = _cleaner(
    tags=set(_INLINE_TAGS),
    attributes=_INLINE_ATTRIBUTES,
    url_schemes=set(_URL_SCHEMES),
    link_rel=None,
    strip_comments=True,
)
# The image (or linked image) a caption belongs to: keep what Markdown, attr_list and
# lightbox plugins put there (`data-*` included), minus event handlers and bad URLs.
_clean_image = _cleaner(
    tags={"a", "img", "picture", "source"},
    attributes=_IMAGE_ATTRIBUTES,
    generic_attribute_prefixes={"data-"},
    url_schemes=set(_URL_SCHEMES),
    link_rel=None,
    strip_comments=True,
)


def sanitize_inline(fragment: str) -> str:
    """Keep inline formatting and safe links of an HTML fragment; drop everything else.

    Scripts and styles go with their content; other disallowed tags go, their text
    stays. Links keep only `http`, `https`, `mailto` and relative URLs.
    """
    if _NEEDS_SANITIZER_RE.search(fragment) is None:
        return fragment.strip()
    return _clean_inline(fragment).strip()


def _sanitize_image(fragment: str) -> str:
    return _clean_image(fragment).strip()


_TAG_STRIP_RE = re.compile(r"<[^>]*>")
_SPACE_RE = re.compile(r"\s+")


def plain_text(fragment: str) -> str:
    """Return the text of a sanitised fragment on one line, entities decoded."""
    text = htmllib.unescape(_TAG_STRIP_RE.sub("", fragment))
    return _SPACE_RE.sub(" ", text).strip()


# -- scanning ---------------------------------------------------------------------------------

_CANDIDATE_RE = re.compile(r"</?(?:tweet|small)(?=[\s/>])", re.IGNORECASE)
_TWEET_TAG_RE = re.compile(r"</?tweet(?=[\s/>])", re.IGNORECASE)
_SMALL_OPEN_RE = re.compile(r"<small(?=[\s/>])", re.IGNORECASE)
# The block tags, written as a small trie: the regex engine then tries one or two
# branches per tag instead of all 37 names. Each name must be followed by a
# space, `/` or `>`, so the order of the branches does not change what matches.
_BLOCK_NAMES = (
    r"a(?:ddress|rticle|side)|blockquote|caption|d(?:etails|ialog|d|iv|l|t)"
    r"|f(?:ieldset|igcaption|igure|ooter|orm)|h(?:[1-6]|eader|group|r)|li|main|nav|ol"
    r"|p(?:re)?|s(?:ection|ummary)|t(?:able|body|d|foot|h|head|r)|ul"
)
# The page is read as a left-to-right sequence of tokens: comments and code, scripts,
# styles and text areas (skipped whole, a `<pre>` still counting as a block), the
# `<tweet>`/`<small>` tags, and block tags. Every alternative starts with the same `<`,
# written once so the engine jumps from one `<` to the next.
#
# A page holds a hundred block tags and a handful of anything else, and only the block
# tags next to a quote or a caption matter, so the scan leaves out block tags whose
# `<...>` holds no other `<` (all of them, in practice). Leaving them out changes no
# other token: such a tag matched where the other alternatives failed, and no token can
# start inside it. They are found later, only where asked, between the tokens (see
# `_Scan`). Block tags that do hold a `<` (`<p title="<!--">`) can hide the start of a
# comment or a code span, so they stay tokens; `_SCAN_LIGHT_RE` is used on pages where
# no tag holds a `<`, `_SCAN_RE` on the others.
_SCAN_LIGHT_RE = re.compile(
    r"<(?:(!--.*?-->|(pre|code|script|style|textarea)(?=[\s>])[^>]*>.*?</\2\s*>)"
    r"|(/?)(tweet|small)(?=[\s/>])([^>]*)>)",
    re.IGNORECASE | re.DOTALL,
)
_SCAN_RE = re.compile(
    r"<(?:(!--.*?-->|(pre|code|script|style|textarea)(?=[\s>])[^>]*>.*?</\2\s*>)"
    r"|(/?)(tweet|small)(?=[\s/>])([^>]*)>"
    rf"|(/?)({_BLOCK_NAMES})(?=[\s/>])[^<>]*<[^>]*>)",
    re.IGNORECASE | re.DOTALL,
)
# A `<` before the `>` of the tag it opens: the pages that need `_SCAN_RE`.
_NESTED_LT_RE = re.compile(r"<[^<>]*<")
# A block tag without `<` inside, as it is found between tokens.
_BLOCK_TAG_RE = re.compile(rf"<(/?)({_BLOCK_NAMES})(?=[\s/>])[^<>]*>", re.IGNORECASE)
# `Match.lastindex` of each kind of token: the outermost group of its alternative.
_SKIP, _TAG, _BLOCK = 1, 5, 7
# How far a quick look for a block tag goes (characters ahead, `<` back) before the
# block tags between two tokens are all listed once.
_NEAR_CHARS = 4096
_NEAR_TAGS = 16
# Blocks that may hold only phrasing content: a block cannot go inside them.
_PHRASING_ONLY = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "dt", "summary", "caption", "figcaption", "p"}
)
_ID_RE = re.compile(r"""\sid\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_EDGE_BREAKS_RE = re.compile(r"^(?:\s|<br\s*/?>)+|(?:\s|<br\s*/?>)+$", re.IGNORECASE)
_IMG_TAG_RE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_AFTER_IMAGE_RE = re.compile(r"(?P<close>\s*</a\s*>)?\s*(?:<br\s*/?>\s*)?", re.IGNORECASE)
_LINK_OPEN_END_RE = re.compile(r"<a\b[^>]*>\s*\Z", re.IGNORECASE)
# How far back from a <small> an image tag may start (data: URIs can be long).
_LOOKBACK = 16384
_ANY_TAG_RE = re.compile(r"<(/?)([a-zA-Z][\w:-]*)(?:\s[^>]*)?>")
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)


@dataclass(frozen=True)
class _Tag:
    start: int
    end: int
    name: str
    closing: bool
    attrs: str
    ordinal: int

    @property
    def self_closing(self) -> bool:
        return self.attrs.rstrip().endswith("/")

    @property
    def has_attributes(self) -> bool:
        return bool(self.attrs.strip().rstrip("/").strip())


class _Block(NamedTuple):
    start: int
    end: int
    name: str
    closing: bool


def _is_pre(match: re.Match[str]) -> bool:
    # A skipped `<pre>...</pre>` still separates blocks: it counts as a block of its own.
    raw = match.group(2)
    return raw is not None and raw.lower() == "pre"


def _block_of(match: re.Match[str], name: int) -> _Block:
    # A block tag matched by `_BLOCK_TAG_RE` (name group 2) or `_SCAN_RE` (name group 7).
    return _Block(match.start(), match.end(), match.group(name).lower(), bool(match[name - 1]))


class _Scan:
    """The tokens of a page (see `_SCAN_RE`), and its block tags where asked.

    Block tags are answered as if every one of them were a token: a skipped `<pre>`
    block counts as an opening `pre` block at its start and a closing one at its end.
    Between two tokens ("gap" `g` lies between tokens `g - 1` and `g`) every `<` that
    starts a `_BLOCK_TAG_RE` match is a block tag, as no such tag holds a `<`; so the
    search for one can start anywhere, forwards or backwards.
    """

    def __init__(self, html: str) -> None:
        self.html = html
        scan_re = _SCAN_RE if _NESTED_LT_RE.search(html) else _SCAN_LIGHT_RE
        self.tokens = tokens = list(scan_re.finditer(html))
        self.starts = [m.start() for m in tokens]
        self.ends = [m.end() for m in tokens]
        # The block tags of a gap, listed once a quick look was not enough.
        self.listed: dict[int, tuple[list[int], list[re.Match[str]]]] = {}
        # Answers of `_last_up_to` and `_first_from`.
        self.last_memo: dict[int, _Block | None] = {}
        self.first_memo: dict[tuple[int, bool], _Block | None] = {}
        self.tags: dict[str, list[_Tag]] = {"tweet": [], "small": []}
        counts: dict[tuple[str, bool], int] = {}
        for m in tokens:
            if m.lastindex == _TAG:
                name = m.group(4).lower()
                closing = bool(m.group(3))
                key = (name, closing)
                ordinal = counts.get(key, 0)
                counts[key] = ordinal + 1
                self.tags[name].append(_Tag(m.start(), m.end(), name, closing, m.group(5), ordinal))
        self.totals = counts

    def of(self, name: str) -> list[_Tag]:
        return self.tags[name]

    def _gap(self, g: int) -> tuple[int, int]:
        start = self.ends[g - 1] if g else 0
        end = self.starts[g] if g < len(self.starts) else len(self.html)
        return start, end

    def _tagless(self, g: int) -> bool:
        # Gap `g` holds no `<` (as between the code spans of a sentence): no block tag.
        start, end = self._gap(g)
        return self.html.find("<", start, end) < 0

    def _list(self, g: int) -> tuple[list[int], list[re.Match[str]]]:
        if g not in self.listed:
            start, end = self._gap(g)
            found = list(_BLOCK_TAG_RE.finditer(self.html, start, end))
            self.listed[g] = ([m.start() for m in found], found)
        return self.listed[g]

    def _next_in_gap(self, g: int, pos: int) -> re.Match[str] | None:
        # The first block tag of gap `g` that starts at or after `pos`.
        start, end = self._gap(g)
        pos = max(pos, start)
        if pos >= end:
            return None
        if g not in self.listed:
            # A match found short of `end` is the first one: one that started earlier
            # and ran past `bound` would hold the `<` of the later one.
            bound = min(end, pos + _NEAR_CHARS)
            found = _BLOCK_TAG_RE.search(self.html, pos, bound)
            if found is not None or bound == end:
                return found
        starts, blocks = self._list(g)
        i = bisect.bisect_left(starts, pos)
        return blocks[i] if i < len(blocks) else None

    def _last_in_gap(self, g: int, pos: int) -> re.Match[str] | None:
        # The last block tag of gap `g` that starts before `pos`.
        start, end = self._gap(g)
        pos = min(pos, end)
        if pos <= start:
            return None
        if g not in self.listed:
            html, at = self.html, pos
            for _ in range(_NEAR_TAGS):
                at = html.rfind("<", start, at)
                if at < 0:
                    return None
                found = _BLOCK_TAG_RE.match(html, at, end)
                if found is not None:
                    return found
        starts, blocks = self._list(g)
        i = bisect.bisect_left(starts, pos)
        return blocks[i - 1] if i else None

    def blocks_between(self, start: int, end: int) -> bool:
        """Tell whether a block tag starts at or after `start` and before `end`."""
        # Whether the first block tag from `start` on starts before `end`; the walk
        # stops at `end`.
        if start >= end:
            return False
        k = bisect.bisect_left(self.starts, start)
        if k and _is_pre(self.tokens[k - 1]) and self.ends[k - 1] >= start:
            return self.ends[k - 1] < end
        found = self._next_in_gap(k, start)
        if found is not None:
            return found.start() < end
        if k >= len(self.tokens) or self.starts[k] >= end:
            return False
        after = self._first_from(k, gap=False)
        return after is not None and after.start < end

    def block_before(self, pos: int) -> _Block | None:
        """Return the last block tag that starts before `pos`."""
        k = bisect.bisect_left(self.starts, pos)
        found = self._last_in_gap(k, pos)
        if found is not None:
            return _block_of(found, 2)
        if k == 0:
            return None
        token = self.tokens[k - 1]
        if token.lastindex == _SKIP and _is_pre(token) and token.end() >= pos:
            return _Block(token.start(), token.start(), "pre", False)
        block = self._token_block(k - 1, opening=False)
        return block if block is not None else self._last_up_to(k - 1)

    def block_after(self, pos: int) -> _Block | None:
        """Return the first block tag that starts at or after `pos`."""
        k = bisect.bisect_left(self.starts, pos)
        if k and _is_pre(self.tokens[k - 1]) and self.ends[k - 1] >= pos:
            return _Block(self.ends[k - 1], self.ends[k - 1], "pre", True)
        found = self._next_in_gap(k, pos)
        if found is not None:
            return _block_of(found, 2)
        return self._first_from(k, gap=False)

    def _token_block(self, j: int, *, opening: bool) -> _Block | None:
        # Token `j` as a block tag: a block tag holding a `<`, or one side of a `<pre>`.
        token = self.tokens[j]
        if token.lastindex == _BLOCK:
            return _block_of(token, 7)
        if token.lastindex == _SKIP and _is_pre(token):
            at = token.start() if opening else token.end()
            return _Block(at, at, "pre", not opening)
        return None

    def _last_up_to(self, j: int) -> _Block | None:
        # The last block tag of gaps 0..j and tokens 0..j-1. Remembered, so that many
        # quotes in one long paragraph do not each walk back over all the others.
        walked: list[int] = []
        found: _Block | None = None
        while True:
            if j in self.last_memo:
                found = self.last_memo[j]
                break
            walked.append(j)
            match = None if self._tagless(j) else self._last_in_gap(j, len(self.html))
            if match is not None:
                found = _block_of(match, 2)
                break
            if j == 0:
                break
            found = self._token_block(j - 1, opening=False)
            if found is not None:
                break
            j -= 1
        for g in walked:
            self.last_memo[g] = found
        return found

    def _first_from(self, j: int, *, gap: bool) -> _Block | None:
        # The first block tag of token j, gap j+1, token j+1, ... (from gap j if `gap`).
        walked: list[tuple[int, bool]] = []
        found: _Block | None = None
        while True:
            if (j, gap) in self.first_memo:
                found = self.first_memo[j, gap]
                break
            walked.append((j, gap))
            if gap and not self._tagless(j):
                match = self._next_in_gap(j, 0)
                if match is not None:
                    found = _block_of(match, 2)
                    break
            if j >= len(self.tokens):
                break
            found = self._token_block(j, opening=True)
            if found is not None:
                break
            j, gap = j + 1, True
        for key in walked:
            self.first_memo[key] = found
        return found


def _scan(html: str) -> _Scan:
    return _Scan(html)


def has_candidates(html: str) -> bool:
    """Tell cheaply whether a page may hold a `<tweet>` or `<small>` tag at all."""
    return _CANDIDATE_RE.search(html) is not None


def _inside_paragraph(before: _Block | None, after: _Block | None) -> bool:
    """Tell whether the nearest block tags around a span are one paragraph's `<p>`/`</p>`."""
    return (
        before is not None
        and after is not None
        and before.name == "p"
        and not before.closing
        and after.name == "p"
        and after.closing
    )


def _balanced(fragment: str) -> bool:
    stack: list[str] = []
    for m in _ANY_TAG_RE.finditer(fragment):
        name = m.group(2).lower()
        if name in _VOID or m.group(0).endswith("/>"):
            continue
        if not m.group(1):
            stack.append(name)
        elif not stack or stack.pop() != name:
            return False
    return not stack


def _apply(html: str, edits: Iterable[tuple[int, int, str]]) -> str:
    out: list[str] = []
    pos = 0
    for start, end, text in sorted(edits, key=lambda e: (e[0], -e[1])):
        if start < pos:  # inside an edit already made (a removed paragraph)
            continue
        out.append(html[pos:start])
        out.append(text)
        pos = end
    out.append(html[pos:])
    return "".join(out)


# -- the transform ---------------------------------------------------------------------------


@dataclass
class _Item:
    kind: Literal["tweet", "caption"]
    start: int
    end: int
    inner: str
    tag: _Tag
    close: _Tag
    image: str = ""


class _Setup(NamedTuple):
    """What every quote of a build shares: templates and words."""

    tweet_template: jinja2.Template
    figure_template: jinja2.Template
    tweet_label: str
    share_on: str
    permalink_label: str
    quote_title: str


@functools.lru_cache(maxsize=8)
def _setup(env: jinja2.Environment, t: Translator, options: TransformOptions) -> _Setup:
    # Looked up once per build (the plugin makes one environment per build), not per quote.
    return _Setup(
        env.get_template("blogpost/fragments/tweet.html"),
        env.get_template("blogpost/fragments/figure.html"),
        options.tweet_label or t("click_to_tweet"),
        t("share_on"),
        t("quote_permalink"),
        t("quote"),
    )


class _Page:
    """One page's transform: its HTML, options, and the state of its quote ids."""

    def __init__(
        self,
        html: str,
        env: jinja2.Environment,
        page_url: str | None,
        options: TransformOptions,
        tweets: bool,
        captions: bool,
    ) -> None:
        self.html = html
        self.env = env
        self.translator: Translator = env.globals["t"]  # type: ignore[assignment]
        self.page_url = page_url
        self.options = options
        self.do_tweets = tweets
        self.do_captions = captions
        self.stats = TransformStats()
        self.ids: set[str] | None = None
        # Sanitised fragments, as a quote is checked for text before it is rendered.
        self.cleaned: dict[str, str] = {}
        # `_image_before` answers, for the HTML as it is now.
        self.images: dict[int, tuple[int, str] | None] = {}
        # How many tags of each kind the author wrote (outside code), for line lookups.
        self.totals: dict[tuple[str, bool], int] = {}

    @property
    def setup(self) -> _Setup:
        try:
            return _setup(self.env, self.translator, self.options)
        except TypeError:  # options that cannot be a cache key (targets in a list)
            return _setup.__wrapped__(self.env, self.translator, self.options)

    def set_html(self, html: str) -> None:
        self.html = html
        self.images = {}

    def clean(self, fragment: str) -> str:
        cleaned = self.cleaned.get(fragment)
        if cleaned is None:
            cleaned = self.cleaned[fragment] = sanitize_inline(fragment)
        return cleaned

    def issue(self, tag: _Tag, message: str) -> None:
        total = self.totals.get((tag.name, tag.closing), 0)
        self.stats.issues.append(TransformIssue(tag.name, tag.closing, tag.ordinal, total, message))

    # Pass 1: make every remaining <tweet> a closed, unnested pair inside one paragraph.
    def repair_tweets(self, scan: _Scan) -> list[tuple[int, int, str]]:
        html = self.html
        edits: list[tuple[int, int, str]] = []
        stack: list[_Tag] = []
        pairs: list[tuple[_Tag, _Tag]] = []
        unclosed: list[_Tag] = []
        for tag in scan.of("tweet"):
            if not tag.closing and stack and scan.blocks_between(stack[-1].end, tag.start):
                # A new quote in a later paragraph: the open ones before it never closed.
                unclosed += stack
                stack = []
            if tag.closing:
                if not stack:
                    self.issue(
                        tag,
                        "</tweet> closes no <tweet>; remove it or add the opening tag. "
                        "The stray tag is left out",
                    )
                    edits.append((tag.start, tag.end, ""))
                else:
                    pairs.append((stack.pop(), tag))
            elif tag.self_closing:
                self.issue(tag, "<tweet/> is empty; write <tweet>text</tweet>")
                edits.append((tag.start, tag.end, ""))
            else:
                if stack:
                    self.issue(
                        tag,
                        "<tweet> inside another <tweet>; quotes cannot be nested. "
                        "The inner tags are left out",
                    )
                stack.append(tag)
        for tag in unclosed + stack:
            self.issue(
                tag,
                "<tweet> is never closed; end the quote with </tweet> in the same "
                "paragraph. The text is shown as a plain paragraph",
            )
            edits.append((tag.start, tag.end, ""))
        for open_, close in pairs:
            outer = not any(
                o.start < open_.start and c.end > close.end for o, c in pairs if o is not open_
            )
            if not outer:
                edits += [(open_.start, open_.end, ""), (close.start, close.end, "")]
                continue
            if open_.has_attributes:
                self.issue(
                    open_,
                    f"<tweet{open_.attrs.rstrip()}> takes no attributes; they are ignored",
                )
            inner = html[open_.end : close.start]
            if scan.blocks_between(open_.end, close.start):
                self.issue(
                    open_,
                    "<tweet> spans several paragraphs or blocks; keep a quote in one "
                    "paragraph (no blank lines inside). The text is shown as written",
                )
                edits += [(open_.start, open_.end, ""), (close.start, close.end, "")]
            elif not plain_text(self.clean(inner)):
                self.issue(open_, "<tweet> is empty; write the sentence to share inside it")
                edits.append(self._removal(scan, open_, close))
        return edits

    def _removal(self, scan: _Scan, open_: _Tag, close: _Tag) -> tuple[int, int, str]:
        # An empty quote goes, markup and all; alone in its paragraph, it takes the
        # paragraph with it.
        before, after = scan.block_before(open_.start), scan.block_after(close.end)
        if (
            before is not None
            and after is not None
            and _inside_paragraph(before, after)
            and not self.html[before.end : open_.start].strip()
            and not self.html[close.end : after.start].strip()
        ):
            return (before.start, after.end, "")
        return (open_.start, close.end, "")

    # Pass 2: find the quotes and captions to render.
    def find_items(self, scan: _Scan) -> list[_Item]:
        html = self.html
        items: list[_Item] = []
        if self.do_tweets:
            tweets = scan.of("tweet")
            for open_, close in zip(tweets[::2], tweets[1::2], strict=False):
                if open_.closing or not close.closing:  # pragma: no cover - repaired in pass 1
                    continue
                inner = html[open_.end : close.start]
                items.append(_Item("tweet", open_.start, close.end, inner, open_, close))
        if not self.do_captions:
            return items
        quoted = [(i.start, i.end) for i in items]
        smalls = scan.of("small")
        for n, open_ in enumerate(smalls):
            if open_.closing or any(s <= open_.start < e for s, e in quoted):
                continue
            image = self._image_before(open_.start)
            if image is None:
                continue
            end_tag = smalls[n + 1] if n + 1 < len(smalls) else None
            if (
                end_tag is None
                or not end_tag.closing
                or scan.blocks_between(open_.end, end_tag.start)
            ):
                self.issue(
                    open_,
                    "<small> under an image is never closed; end the caption with </small> "
                    "on the same line. No caption is made",
                )
                continue
            inner = html[open_.end : end_tag.start]
            if not inner.strip():
                continue
            if open_.has_attributes:
                self.issue(
                    open_,
                    f"<small{open_.attrs.rstrip()}> under an image takes no attributes; "
                    "they are ignored",
                )
            start, image_html = image
            items.append(
                _Item(
                    "caption",
                    start,
                    end_tag.end,
                    inner,
                    open_,
                    end_tag,
                    image_html,
                )
            )
        items.sort(key=lambda i: i.start)
        return items

    def _image_before(self, pos: int) -> tuple[int, str] | None:
        # The <img> (or <a><img></a>) right before `pos`, across spaces and one <br>.
        if pos not in self.images:
            self.images[pos] = self._find_image_before(pos)
        return self.images[pos]

    def _find_image_before(self, pos: int) -> tuple[int, str] | None:
        img: re.Match[str] | None = None
        for match in _IMG_TAG_RE.finditer(self.html, max(0, pos - _LOOKBACK), pos):
            img = match
        if img is None:
            return None
        img_at = img.start()
        tail = _AFTER_IMAGE_RE.match(self.html, img.end(), pos)
        if tail is None or tail.end() != pos:
            return None
        start, end = img_at, img.end()
        if tail.group("close"):
            link = _LINK_OPEN_END_RE.search(self.html, max(0, img_at - _LOOKBACK), img_at)
            if link is None:
                return None
            start, end = link.start(), img.end() + len(tail.group("close"))
        return start, self.html[start:end]

    def render(self, item: _Item) -> str:
        if item.kind == "tweet":
            return self._render_tweet(item)
        return self._render_caption(item)

    def _render_tweet(self, item: _Item) -> str:
        setup = self.setup
        quote_html = self.clean(item.inner)
        text = plain_text(quote_html)
        anchor = self._anchor(text)
        options = self.options
        links = build_share_links(
            options.share_targets,
            text=text,
            url=self.page_url,
            anchor=anchor,
            via=options.via,
            tweet_label=setup.tweet_label,
            share_on=setup.share_on,
            permalink_label=setup.permalink_label,
            mastodon_instance=options.mastodon_instance,
        )
        length = tweet_length(text, self.page_url, options.via)
        if "x" in options.share_targets and length > options.tweet_max_length:
            self.issue(
                item.tag,
                f"the quote “{_shorten(text)}” is {length} characters long with the link "
                f"(X allows {options.tweet_max_length}); shorten it, or X will ask the "
                "reader to. The share link still works",
            )
        self.stats.tweets += 1
        return setup.tweet_template.render(
            id=anchor,
            title=setup.quote_title,
            quote_html=Markup(quote_html),
            text=text,
            links=links,
        )

    def _render_caption(self, item: _Item) -> str:
        self.stats.captions += 1
        return self.setup.figure_template.render(
            style=self.options.caption_style,
            image_html=Markup(_sanitize_image(item.image)),
            caption_html=Markup(self.clean(item.inner)),
        )

    def _anchor(self, text: str) -> str:
        if self.ids is None:
            # Anchors all start with `tweet-`: a page without that text has no id to avoid.
            self.ids = set(_ID_RE.findall(self.html)) if "tweet-" in self.html else set()
        words = slugify(text).split("-")[:6]
        slug = "-".join(words)[:48].strip("-")
        if not slug:
            slug = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        base = f"tweet-{slug}"
        anchor, n = base, 1
        while anchor in self.ids:
            n += 1
            anchor = f"{base}-{n}"
        self.ids.add(anchor)
        return anchor

    def fallback(self, item: _Item) -> list[tuple[int, int, str]]:
        # Where a block cannot go (inside a heading, or inside formatting that spans it),
        # the quote is kept as inline text and the caption as a <small>, both sanitised.
        if item.kind == "tweet":
            self.issue(
                item.tag,
                "<tweet> sits inside a heading or inside formatting, where a quote block "
                "cannot go; put it on a line of its own. The text is shown as written",
            )
            return [(item.tag.start, item.close.end, self.clean(item.inner))]
        self.issue(
            item.tag,
            "<small> under this image sits inside a heading or inside formatting, where a "
            "figure cannot go; put the image and its caption on lines of their own",
        )
        cleaned = f"<small>{self.clean(item.inner)}</small>"
        return [(item.tag.start, item.close.end, cleaned)]

    def build_edits(self, scan: _Scan, items: list[_Item]) -> list[tuple[int, int, str]]:
        html = self.html
        edits: list[tuple[int, int, str]] = []
        groups: dict[int, tuple[_Block, _Block, list[_Item]]] = {}
        for item in items:
            before, after = scan.block_before(item.start), scan.block_after(item.end)
            if _inside_paragraph(before, after):
                assert before is not None and after is not None
                groups.setdefault(before.start, (before, after, []))[2].append(item)
            elif before is not None and not before.closing and before.name in _PHRASING_ONLY:
                edits += self.fallback(item)
            else:
                edits.append((item.start, item.end, self.render(item)))
        for p_open, p_close, members in groups.values():
            gaps: list[str] = []
            pos = p_open.end
            for item in members:
                gaps.append(html[pos : item.start])
                pos = item.end
            gaps.append(html[pos : p_close.start])
            trimmed = [_EDGE_BREAKS_RE.sub("", gap) for gap in gaps]
            if not all(_balanced(gap) for gap in trimmed):
                for item in members:
                    edits += self.fallback(item)
                continue
            parts: list[str] = []
            p_tag = html[p_open.start : p_open.end]
            for n, gap in enumerate(trimmed):
                if gap:
                    parts.append(f"{p_tag}{gap}</p>")
                    p_tag = "<p>"
                if n < len(members):
                    parts.append(self.render(members[n]))
            edits.append((p_open.start, p_close.end, "\n".join(parts)))
        return edits


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def transform_html(
    html: str,
    *,
    env: jinja2.Environment,
    page_url: str | None,
    options: TransformOptions,
    tweets: bool = True,
    captions: bool = True,
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

    Returns:
        The new HTML (the same object when nothing changed) and what was done, with the
        problems found in the author's markup.
    """
    if not (tweets or captions) or not has_candidates(html):
        return html, TransformStats()
    page = _Page(html, env, page_url, options, tweets, captions)
    if not (tweets and _TWEET_TAG_RE.search(html)) and not any(
        page._image_before(m.start()) for m in _SMALL_OPEN_RE.finditer(html)
    ):
        # Only <small> tags, none under an image: nothing to do, no need to scan.
        return html, page.stats
    scan = _scan(html)
    # Issues point at the author's tags as written, so they count tags before repairs.
    page.totals = scan.totals
    if tweets and scan.of("tweet"):
        repairs = page.repair_tweets(scan)
        if repairs:
            page.set_html(_apply(page.html, repairs))
            scan = _scan(page.html)
    items = page.find_items(scan)
    if not items:
        return page.html, page.stats
    return _apply(page.html, page.build_edits(scan, items)), page.stats


# -- finding a tag in the Markdown source -----------------------------------------------------

_FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_SOURCE_MASK_RE = re.compile(
    r"<!--.*?-->|<(pre|code|script|style|textarea)(?=[\s>])[^>]*>.*?</\1\s*>"
    r"|(?<!`)(`+)(?!`).+?(?<!`)\2(?!`)",
    re.IGNORECASE | re.DOTALL,
)


def locate_tag_line(source: str, issue: TransformIssue) -> int | None:
    """Find the line (from 1) of the tag an issue is about in the page's Markdown.

    Tags inside fenced code, inline code, comments and raw `<pre>`/`<code>` are not
    counted, as Markdown does not turn them into tags. When the source holds a different
    number of such tags than the HTML did, the line is unknown (`None`) rather than
    guessed.
    """
    masked = _mask_code(source)
    if issue.closing:
        pattern = re.compile(rf"</{issue.tag}\s*>", re.IGNORECASE)
    else:
        pattern = re.compile(rf"<{issue.tag}(?=[\s/>])", re.IGNORECASE)
    found = [m.start() for m in pattern.finditer(masked)]
    if len(found) != issue.total or issue.ordinal >= len(found):
        return None
    return masked.count("\n", 0, found[issue.ordinal]) + 1


def _mask_code(source: str) -> str:
    lines = source.split("\n")
    fence: str | None = None
    for n, line in enumerate(lines):
        m = _FENCE_RE.match(line)
        if fence is None:
            if m:
                fence = m.group(1)
                lines[n] = ""
        else:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            lines[n] = ""
    text = "\n".join(lines)

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    return _SOURCE_MASK_RE.sub(blank, text)
