"""Prepare a migrated post's Markdown for MkDocs: Liquid, per-post switches, its links.

Posts written for Jekyll carry Liquid tags (`{% post_url %}`, `{{ site.url }}`), the
theme's per-post switches (`mathjax`, `toc`, `github`) and links written for the old
site. `PostMarkdown` holds what one build learns about them: the link index shared with
the link rewriter (`jekyll_links.py`), and which pages need MathJax, lose their table of
contents or get a "View on GitHub" link.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .jekyll_links import JekyllLinksExtension, LinkState
from .migrate import LinkIndex, LiquidContext, convert_liquid, is_local_url, valid_github
from .posts import read_switch, warn

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from .jekyll_site import JekyllSite
    from .models import Post
    from .other_plugins import MacrosPages

__all__ = ["PostMarkdown"]


@dataclass
class PostMarkdown:
    """What one build of one blog knows about its posts' Markdown.

    Attributes:
        site_url: The site's `site_url` (`""` when unset), for `{{ site.url }}`.
        site_math: The site loads `pymdownx.arithmatex` itself, with its own renderer.
        jekyll_site: The old blog's `_config.yml`, for `{{ site.* }}`.
        links: The link targets and the post being rendered, shared with the rewriter.
        math_pages: Posts that load MathJax (`mathjax: yes`).
        no_toc_pages: Posts whose table of contents is dropped (`toc: no`).
        github_urls: "View on GitHub" link of each post that sets `github:`.
        liquid: Liquid tags converted in this build.
        macros: How mkdocs-macros treats posts, when the site runs it: it renders a
            post after us, so code and `{% raw %}` text must be kept from it.
    """

    site_url: str = ""
    site_math: bool = False
    jekyll_site: JekyllSite | None = None
    links: LinkState = field(default_factory=LinkState)
    math_pages: set[str] = field(default_factory=set)
    no_toc_pages: set[str] = field(default_factory=set)
    github_urls: dict[str, str] = field(default_factory=dict)
    liquid: int = 0
    macros: MacrosPages | None = None

    def link_rewriter(self, name: str) -> JekyllLinksExtension:
        """Return the Markdown extension that rewrites this blog's links (one per blog)."""
        return JekyllLinksExtension(self.links, math_available=not self.site_math, name=name)

    def index_links(
        self, files: Files, config: MkDocsConfig, posts: Iterable[Post], skip: set[str]
    ) -> None:
        """Index what links in posts may point to, once per build.

        Args:
            files: The site's files, generated ones included.
            config: The site's configuration.
            posts: The blog's posts.
            skip: Docs paths that are not link targets (the redirect pages of old URLs:
                a link to an old URL means the post).
        """
        index = LinkIndex(files={f.src_uri for f in files} - skip)
        for post in posts:
            if post.src_uri not in index.files:  # a draft left out of this build
                continue
            date = (post.date.year, post.date.month, post.date.day) if post.date else None
            index.add_post(post.src_uri, post.slug, post.url, date)
        self.links.index = index
        self.links.urls = {f.src_uri: f.url for f in files}
        # Messages name docs paths as the author sees them from the project folder.
        docs = os.path.relpath(config.docs_dir, os.path.dirname(config.config_file_path or "."))
        self.links.docs_name = (
            os.path.basename(config.docs_dir) if docs.startswith("..") else docs
        ).replace(os.sep, "/")

    def prepare(self, markdown: str, post: Post, page: Page) -> str:
        """Convert the post's Liquid, read its switches, and make it the page being rendered."""
        src = post.src_uri
        math = self._switch(post, "mathjax", default=False) and not self.site_math
        if math:
            self.math_pages.add(src)
        if "toc" in post.meta:
            from .switches import hide_toc

            show = self._switch(post, "toc", default=True)
            hide_toc(page.meta, show)
            if not show:
                self.no_toc_pages.add(src)
        self._read_github(post)
        site = self.jekyll_site
        ctx = LiquidContext(
            post_path=self.links.index.post_path,
            from_dir=posixpath.dirname(src),
            site_url=self.site_url,
            inline_math=math,
            site=site.settings if site is not None else None,
            site_source=site.name if site is not None else "_config.yml",
            literal=self._literal(post, page),
        )
        # MkDocs drops the blank lines between the front matter and the body, so the
        # Markdown we get starts that many lines after the body does in the file.
        first_line = post.body_line
        if post.body.endswith(markdown):
            first_line += post.body.count("\n", 0, len(post.body) - len(markdown))
        result = convert_liquid(markdown, ctx)
        for problem in result.problems:
            warn(src, problem.message, first_line + problem.line)
        self.liquid += result.converted
        self.links.begin(
            src,
            page.url,
            math=math,
            media_dir=_media_dir(post),
            source=markdown,
            first_line=first_line,
        )
        return result.markdown

    def end_page(self) -> None:
        """Forget the page being rendered: later renders are not this blog's posts."""
        self.links.end()

    def github_link(self, env: jinja2.Environment, post: Post) -> str:
        """Return the post's "View on GitHub" link, `""` when it sets no `github:`."""
        url = self.github_urls.get(post.src_uri)
        if url is None:
            return ""
        return env.get_template("blogpost/fragments/github-link.html").render(url=url)

    def _read_github(self, post: Post) -> None:
        github = post.meta.get("github")
        if not github:
            return
        url = valid_github(github)
        if url is None:
            warn(
                post.src_uri,
                f"front matter 'github: {github}' is not a GitHub path; write "
                "'owner/repo', a github.com URL or a GitHub user name (no link is shown)",
                post.line_of("github"),
            )
            return
        self.github_urls[post.src_uri] = url

    def _literal(self, post: Post, page: Page) -> Callable[[str], str] | None:
        """Return how to keep literal text from mkdocs-macros, when it renders the post."""
        macros = self.macros
        if macros is None or not macros.renders(page.file.src_path, post.meta):
            return None
        return macros.literal

    @staticmethod
    def _switch(post: Post, key: str, *, default: bool) -> bool:
        return read_switch(post.meta, key, default, post.src_uri, post.line_of(key))


def _media_dir(post: Post) -> str | None:
    """Docs folder of the post's relative images: `media_subpath` or `img_path`.

    Other Jekyll themes set it per post so that `![x](a.png)` means
    `/posts/2021/a.png`; a value with a scheme (a CDN) is not a docs folder.
    """
    for key in ("media_subpath", "img_path"):
        value = post.meta.get(key)
        if isinstance(value, str) and value.strip():
            folder = value.strip()
            if is_local_url(folder):
                return folder.strip("/")
    return None
