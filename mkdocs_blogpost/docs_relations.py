"""Posts and the docs pages they concern: "Related documentation" and "Related posts" boxes.

A post names the docs pages it is about in its front matter:

```yaml
docs:
  - guide/install.md
  - reference/cli.md#flags
```

and a docs page that links to a post in its Markdown relates to it too (the option
`docs_backlinks`). Each relation shows both ways: the post gets a "Related
documentation" box with the pages, each page a "Related posts" box with its posts,
newest first (the option `docs_related_posts` places it, or turns it off).

The steps follow the build: `declare` reads `docs:` once the files are known and warns
about a page that is not in the site (`on_files`); `LinkCollector` notes the links of
each docs page while Markdown still knows which are links (a tree processor, so links in
code are not links); `check_anchors` warns about an anchor no heading or element has,
once every page is rendered (`on_env`); the boxes go in after search has indexed the
page (`on_page_context`), as the post header does, so a docs page is not found by the
titles of posts about it.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal
from urllib.parse import unquote, urlsplit

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .pages import post_entry
from .posts import is_public, warn

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping
    from xml.etree.ElementTree import Element

    from markdown import Markdown
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import AnchorLink

    from .models import Post
    from .pages import ListingContext

__all__ = ["DocTarget", "DocsRelations", "LinkCollector", "Position"]

#: The front-matter key that lists a post's docs pages.
KEY = "docs"

#: Where a docs page shows its posts (the option `docs_related_posts`).
Position = Literal["top", "bottom", "off"]

_LEADING_H1_RE = re.compile(r"\A\s*<h1\b[^>]*>.*?</h1>", re.DOTALL | re.IGNORECASE)


@dataclass(frozen=True)
class DocTarget:
    """A docs page a post concerns.

    Attributes:
        file: The page's file.
        anchor: The section named after `#`, `""` for the whole page.
        declared: Named in the post's `docs:` (else found by a link from the page).
    """

    file: File
    anchor: str = ""
    declared: bool = True


@dataclass
class DocsRelations:
    """Which posts concern which docs pages, in one build of one blog.

    Args:
        posts: The blog's posts by docs path.
        backlinks: A docs page's Markdown links to a post relate them.
        position: Where a docs page shows its posts: `top`, `bottom` or `off`.
        blog_name: The blog's name when the site has several blogs, else `""`: each
            blog's box on a page is then labelled apart.
    """

    posts: Mapping[str, Post]
    backlinks: bool = True
    position: Position = "bottom"
    blog_name: str = ""
    #: The docs pages of each post, declared ones first.
    targets: dict[str, list[DocTarget]] = field(default_factory=dict)
    #: The posts about each docs page, by the page's docs path.
    about: dict[str, list[Post]] = field(default_factory=lambda: defaultdict(list))

    # -- on_files ------------------------------------------------------------------------

    def declare(self, files: Files, key_of: Callable[[File], str] | None = None) -> None:
        """Read each built post's `docs:` and warn about pages that are not in the site.

        Args:
            files: The site's files.
            key_of: The docs path a file stands for when it is not its own (a site
                built per language), so `docs:` names pages as the author sees them.
        """
        by_key = {key_of(f): f for f in files} if key_of is not None else None
        for post in self.posts.values():
            value = post.meta.get(KEY)
            if value is None or files.get_file_from_path(post.src_uri) is None:
                continue
            for target in _read_targets(post, value, files, by_key):
                self._relate(post, target)

    def _relate(self, post: Post, target: DocTarget) -> None:
        """Note that `post` concerns `target`, once; a page's link adds nothing to its `docs:`."""
        mine = self.targets.setdefault(post.src_uri, [])
        src = target.file.src_uri
        if target.declared:
            if any(t.file.src_uri == src and t.anchor == target.anchor for t in mine):
                return
        elif any(t.file.src_uri == src for t in mine):
            return
        mine.append(target)
        posts = self.about[src]
        if post not in posts:
            posts.append(post)

    # -- while pages render --------------------------------------------------------------

    def note_links(self, page: Page, targets: Iterable[str]) -> None:
        """Relate a docs page to the posts its Markdown links to (docs paths of `targets`)."""
        meta = page.meta
        if not self.backlinks or meta.get("blogpost") is True or "blogpost_listing" in meta:
            return  # a post or a listing page of any blog of the site: not a docs page
        for src in targets:
            post = self.posts.get(src)
            if post is not None and post.src_uri != page.file.src_uri:
                self._relate(post, DocTarget(page.file, declared=False))

    # -- on_env --------------------------------------------------------------------------

    def check_anchors(self) -> None:
        """Warn about each declared anchor its page does not have, now every page is rendered."""
        for src, targets in self.targets.items():
            post = self.posts[src]
            for i, target in enumerate(targets):
                page = target.file.page
                anchors = getattr(page, "present_anchor_ids", None)
                if not target.anchor or anchors is None:  # not rendered: `--dirty`
                    continue
                if target.anchor not in anchors:
                    warn(
                        src,
                        f"front matter '{KEY}': '{target.file.src_uri}' has no anchor "
                        f"'#{target.anchor}' (no heading or element with that id); the post "
                        "links to the top of the page. Fix the anchor or name the page alone",
                        post.line_of(KEY),
                    )
                    targets[i] = DocTarget(target.file)
        for posts in self.about.values():
            posts.sort(key=lambda p: (p.date is not None, p.date, p.src_uri), reverse=True)

    # -- on_page_context -----------------------------------------------------------------

    def post_box(
        self, post: Post, page_url: str, ctx: ListingContext, lang: str | None = None
    ) -> str:
        """Return the post's "Related documentation" box, `""` when it concerns no page."""
        targets = self.targets.get(post.src_uri)
        if not targets:
            return ""
        from .urls import relative_url

        links = []
        for target in targets:
            page = target.file.page
            url = relative_url(target.file.url, page_url)
            if target.anchor:
                url += "#" + target.anchor
            title = _text(page.title if page is not None else None) or target.file.name
            section = _section_title(page, target.anchor) if target.anchor else None
            links.append({"title": title, "section": section, "url": url})
        return ctx.env.get_template("blogpost/fragments/post-docs.html").render(
            links=links, label_id=self._id("blogpost-related-docs"), lang=lang, t=ctx.translator
        )

    def page_box(self, page: Page, ctx: ListingContext) -> str:
        """Return a docs page's "Related posts" box, `""` when no published post is about it."""
        if self.position == "off":
            return ""
        posts = [p for p in self.about.get(page.file.src_uri, ()) if is_public(p)]
        if not posts:
            return ""
        box = ctx.env.get_template("blogpost/fragments/page-posts.html").render(
            entries=[post_entry(p, ctx)["html"] for p in posts],
            label_id=self._id("blogpost-docs-posts"),
            blog=self.blog_name,
            t=ctx.translator,
        )
        return ctx.marks.place(box, page.url)

    def dress_page(self, page: Page, ctx: ListingContext) -> None:
        """Put the docs page's "Related posts" box under its title or at its end."""
        if self.position == "off" or page.file.src_uri not in self.about or not page.content:
            return
        box = self.page_box(page, ctx)
        if not box:
            return
        content = page.content
        if self.position == "top":
            heading = _LEADING_H1_RE.match(content)
            cut = heading.end() if heading else 0
            page.content = content[:cut] + box + content[cut:]
        else:
            page.content = content + box

    def _id(self, base: str) -> str:
        """Return an element id no other blog's box on the same page has."""
        if not self.blog_name:
            return base
        from .text import slugify

        return f"{base}-{slugify(self.blog_name) or 'blog'}"


def _read_targets(
    post: Post, value: object, files: Files, by_key: Mapping[str, File] | None
) -> list[DocTarget]:
    """Return the docs pages `docs:` names, warning about those not in the site."""
    line = post.line_of(KEY)
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        warn(
            post.src_uri,
            f"front matter '{KEY}' must be a list of docs pages (`- guide/install.md`), "
            f"not {type(value).__name__}; it is ignored",
            line,
        )
        return []
    out: list[DocTarget] = []
    for item in items:
        text = str(item).strip() if isinstance(item, str | int | float) else ""
        path, _, anchor = text.partition("#")
        file = _find_page(post.src_uri, path, files, by_key) if path else None
        if file is None:
            warn(
                post.src_uri,
                f"front matter '{KEY}': {text or item!r} is not a page of the site (write the "
                "path of a Markdown page from docs_dir, like 'guide/install.md'); it is left "
                "out of the post's related documentation",
                line,
            )
            continue
        out.append(DocTarget(file, anchor.strip()))
    return out


def _find_page(
    post_src: str, path: str, files: Files, by_key: Mapping[str, File] | None
) -> File | None:
    """Find the docs page `path` names: from `docs_dir`, or from the post with `./`/`../`."""
    path = unquote(path)
    if path.startswith("."):
        path = posixpath.normpath(posixpath.join(posixpath.dirname(post_src), path))
    path = path.lstrip("/")
    file = (by_key.get(path) if by_key is not None else None) or files.get_file_from_path(path)
    # A page MkDocs leaves out (`exclude_docs`, `draft_docs` in a build) has no URL to link.
    if file is None or not file.is_documentation_page() or file.inclusion.is_excluded():
        return None
    return file


def _text(title: str | None) -> str:
    """Return a page title as plain text: themes get titles as HTML, our templates escape."""
    return html.unescape(title).strip() if title else ""


def _section_title(page: Page | None, anchor: str) -> str | None:
    """Return the title of the page's heading with id `anchor`, if its TOC has one."""
    if page is None:
        return None

    def find(items: Iterable[AnchorLink]) -> str | None:
        for item in items:
            if item.id == anchor:
                return _text(item.title)
            found = find(item.children)
            if found:
                return found
        return None

    return find(page.toc)


class LinkCollector(Treeprocessor):
    """Note where the links of the docs page being rendered point (docs paths).

    Runs before MkDocs' `relpath` processor (0) turns `.md` paths into URLs, and before
    the posts' link rewriter (1): what it reads is what the author wrote.
    """

    def __init__(self, md: Markdown, state: LinkState) -> None:
        super().__init__(md)
        self.state = state

    def run(self, root: Element) -> None:
        """Resolve each link of the page to a docs path."""
        base = self.state.page_src
        if base is None:
            return
        folder = posixpath.dirname(base)
        for element in root.iter("a"):
            href = element.get("href")
            if not href or "://" in href or href.startswith(("#", "//", "mailto:")):
                continue
            try:
                path = unquote(urlsplit(href).path)
            except ValueError:
                continue
            if not path.lower().endswith((".md", ".markdown")):
                continue
            target = path.lstrip("/") if path.startswith("/") else posixpath.join(folder, path)
            self.state.found.add(posixpath.normpath(target))


@dataclass
class LinkState:
    """The docs page being rendered, and the docs paths its links point to."""

    page_src: str | None = None
    found: set[str] = field(default_factory=set)

    def begin(self, src_uri: str) -> None:
        """Start noting the links of the page at docs path `src_uri`."""
        self.page_src = src_uri
        self.found = set()

    def end(self) -> set[str]:
        """Stop noting links; return those found."""
        found, self.page_src, self.found = self.found, None, set()
        return found


class LinkCollectorExtension(Extension):
    """Registers `LinkCollector` in each page's Markdown, under a name of its own per blog."""

    def __init__(self, state: LinkState, name: str) -> None:
        super().__init__()
        self.state = state
        self.name = name

    def extendMarkdown(self, md: Markdown) -> None:
        """Add the collector before MkDocs resolves links (priority 0) and posts' rewriter (1)."""
        md.treeprocessors.register(LinkCollector(md, self.state), self.name, 2)
