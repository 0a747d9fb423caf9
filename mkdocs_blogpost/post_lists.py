"""Lists of posts inside any page, asked for with an HTML comment.

An author writes, on a line of its own in any Markdown page:

```markdown
<!-- blogpost:posts tag=release limit=5 style=cards -->
```

Without the plugin the comment shows nothing. With it, the comment becomes a list of the
blog's published posts, newest first. The comment is found in the page's rendered
HTML, not in its Markdown: Markdown has escaped every comment written in a code block,
inline code or an indented block by then, so an example of the syntax stays an example.

The list is put in after the page has been indexed by search (`on_page_context`, as a
listing page's cards are): search results should lead to the posts themselves, not to
every page that lists them. Cards and entries are the ones listing pages use, rendered
once per build and placed at each page's depth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from markupsafe import Markup

from .pages import post_card, post_entry
from .posts import warn
from .taxonomy import term_key

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mkdocs.structure.pages import Page

    from .models import Post
    from .pages import ListingContext
    from .several_blogs import BlogNames

__all__ = [
    "FILTERS",
    "MARKER",
    "ListRequest",
    "PostLists",
    "parse_request",
    "select_posts",
]

#: What a page must contain for anything here to run: one substring test per page.
MARKER = "blogpost:posts"

#: The filters and settings a list accepts, in the order messages name them.
FILTERS = ("tag", "category", "author", "year", "limit", "style", "blog")

Style = Literal["compact", "cards"]
_STYLES: tuple[Style, ...] = ("compact", "cards")

_COMMENT_RE = re.compile(r"<!--\s*blogpost:posts(?P<args>(?:\s[^>]*?)?)\s*-->", re.DOTALL)
# A comment alone in a paragraph (written inside one by mistake, or by an extension that
# wraps raw HTML): the list replaces the paragraph, as a block cannot sit in a `<p>`.
_IN_PARAGRAPH_RE = re.compile(
    r"<p>\s*(?P<comment><!--\s*blogpost:posts(?:\s[^>]*?)?\s*-->)\s*</p>", re.DOTALL
)
# A value opening a quote it does not close is not read: it is reported as it stands.
_ARG_RE = re.compile(
    r"""(?P<key>[A-Za-z_]+)=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"']\S*))"""
)
_FENCE_RE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_HEADING_RE = re.compile(r"<h([1-6])[\s>]")
#: The heading that titles a card, as card.html writes it for the blog index (under its h1).
_CARD_TITLE = '<h2 class="blogpost-card__title">'



@dataclass(frozen=True)
class ListRequest:
    """What one `<!-- blogpost:posts ... -->` comment asks for.

    Attributes:
        tag: Only posts with this tag (compared as tag pages compare them).
        category: Only posts in this category.
        author: Only posts by this author.
        year: Only posts from this year.
        limit: At most this many posts; `None` for all.
        style: `compact` (a line per post) or `cards` (the blog index's cards).
        blog: The blog whose posts are listed, by its `blog_dir` or its title;
            `None` for the first blog of the site.
    """

    tag: str | None = None
    category: str | None = None
    author: str | None = None
    year: int | None = None
    limit: int | None = None
    style: Style = "compact"
    blog: str | None = None


def parse_request(args: str) -> tuple[ListRequest, list[str]]:
    """Read the settings of a list comment; return the request and what is wrong with it.

    Each problem is a sentence saying what was written and what is used instead; the
    list is still drawn from what could be read.
    """
    values: dict[str, str] = {}
    problems: list[str] = []
    rest = args
    for match in _ARG_RE.finditer(args):
        key = match.group("key")
        value = next(v for v in match.group("dq", "sq", "bare") if v is not None)
        rest = rest.replace(match.group(0), " ", 1)
        if key not in FILTERS:
            problems.append(
                f"'{key}' is not a setting of a post list (use {', '.join(FILTERS)}); "
                "it is ignored"
            )
        else:
            values[key] = value.strip()
    if rest.strip():
        problems.append(
            f"'{' '.join(rest.split())}' is not a 'name=value' setting; it is ignored "
            '(quote values with spaces: author="Ada Quill")'
        )
    year = _number(values, "year", problems, minimum=1)
    limit = _number(values, "limit", problems, minimum=1)
    style = values.get("style", "compact")
    if style not in _STYLES:
        problems.append(f"style '{style}' is not 'compact' or 'cards'; 'compact' is used")
        style = "compact"
    request = ListRequest(
        tag=values.get("tag") or None,
        category=values.get("category") or None,
        author=values.get("author") or None,
        year=year,
        limit=limit,
        style=style,  # type: ignore[arg-type]  # checked against _STYLES above
        blog=values.get("blog") or None,
    )
    return request, problems


def _number(values: dict[str, str], key: str, problems: list[str], *, minimum: int) -> int | None:
    text = values.get(key)
    if text is None:
        return None
    if text.isdigit() and int(text) >= minimum:
        return int(text)
    problems.append(f"{key} '{text}' is not a whole number of {minimum} or more; it is ignored")
    return None


def select_posts(posts: Sequence[Post], request: ListRequest) -> tuple[list[Post], list[str]]:
    """Return the posts a request lists, newest first, and the filter values no post has.

    Args:
        posts: The published posts, newest first.
        request: What the list asks for.
    """
    problems: list[str] = []
    chosen = list(posts)
    terms = (
        ("tag", request.tag, lambda p: p.tags, "tagged"),
        ("category", request.category, lambda p: p.categories, "in the category"),
        ("author", request.author, lambda p: p.authors, "by"),
    )
    for name, value, of, words in terms:
        if value is None:
            continue
        key = term_key(value)
        if not any(key == term_key(t) for p in posts for t in of(p)):
            problems.append(f"{name} '{value}': no published post is {words} '{value}'")
        chosen = [p for p in chosen if any(key == term_key(t) for t in of(p))]
    if request.year is not None:
        year = request.year
        if not any(p.date is not None and p.date.year == year for p in posts):
            problems.append(f"year '{year}': no published post is from {year}")
        chosen = [p for p in chosen if p.date is not None and p.date.year == year]
    if request.limit is not None:
        chosen = chosen[: request.limit]
    return chosen, problems


@dataclass
class PostLists:
    """The post lists of one blog in one build.

    Args:
        names: How comments name this blog.
        posts: The published posts, newest first.
        ctx: The blog's listing context (cards and entries, rendered once per build).
    """

    names: BlogNames
    posts: Sequence[Post]
    ctx: ListingContext

    def fill(self, page: Page, html: str) -> str:
        """Return `html` with each of this blog's list comments replaced by its list."""
        if MARKER not in html:
            return html
        # A comment the paragraph wraps goes with its paragraph.
        html = _IN_PARAGRAPH_RE.sub(lambda m: m.group("comment"), html)
        seen: dict[str, int] = {}

        def draw(match: re.Match[str]) -> str:
            comment = match.group(0)
            nth = seen.get(comment, 0)
            seen[comment] = nth + 1
            request, problems = parse_request(match.group("args"))
            if not self.names.handles(request.blog):
                return comment
            if request.blog is not None and not self.names.names_me(request.blog):
                known = ", ".join(sorted(self.names.own | self.names.others))
                problems.append(
                    f"blog '{request.blog}' is not a blog of this site ({known}); "
                    "this blog's posts are listed"
                )
            posts, missing = select_posts(self.posts, request)
            for problem in (*problems, *missing):
                warn(
                    page.file.src_uri,
                    f"post list: {problem}",
                    _comment_line(page, comment, nth),
                )
            level = _level_under(html, match.start())
            return self._render(posts, request.style, page.url, level)

        return _COMMENT_RE.sub(draw, html)

    def _render(self, posts: list[Post], style: Style, page_url: str, level: int) -> str:
        ctx = self.ctx
        if style == "cards":
            items = [_titled_at(post_card(p, ctx)["html"], level) for p in posts]
        else:
            items = [post_entry(p, ctx)["html"] for p in posts]
        template = ctx.env.get_template("blogpost/fragments/post-list.html")
        out = template.render(style=style, items=[Markup(i) for i in items], t=ctx.translator)
        return ctx.marks.place(out, page_url)


def _level_under(html: str, end: int) -> int:
    """Return the heading level of titles under the last heading before `end` (2 under none)."""
    levels = _HEADING_RE.findall(html, 0, end)
    return min(int(levels[-1]) + 1, 6) if levels else 2


def _titled_at(card: Markup, level: int) -> Markup:
    """Return a card whose title is a heading of `level`, so the page's outline holds.

    Cards are rendered once per build with the blog index's `h2`; the card's excerpt is
    prose only, so its title is the card's one heading.
    """
    if level == 2 or _CARD_TITLE not in card:
        return card
    html = str(card)
    start = html.index(_CARD_TITLE)
    close = html.index("</h2>", start)
    return Markup(
        html[:start]
        + f'<h{level} class="blogpost-card__title">'
        + html[start + len(_CARD_TITLE) : close]
        + f"</h{level}>"
        + html[close + 5 :]
    )


def _comment_line(page: Page, comment: str, nth: int) -> int | None:
    """Return the file line of the `nth` (from 0) `comment` outside fenced code, if found.

    Read only when there is something to report: the page's file as its author wrote it,
    front matter included, so the line is the one an editor shows.
    """
    try:
        source = page.file.content_string
    except (OSError, UnicodeDecodeError):
        return None
    first = comment.split("\n", 1)[0]
    fence: str | None = None
    count = 0
    for number, line in enumerate(source.split("\n"), start=1):
        marker = _FENCE_RE.match(line)
        if marker:
            token = marker.group(1)
            if fence is None:
                fence = token
            elif token[0] == fence[0] and len(token) >= len(fence):
                fence = None
            continue
        if fence is None and first in line:
            if count == nth:
                return number
            count += 1
    return None
