"""Rule 3: one publication rule, `posts.is_visible`, decides every output (issue 8)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from support.build import BuildSite, Site
from support.outputs import assert_absent as assert_site_lacks
from support.outputs import site_texts

import mkdocs_blogpost
from mkdocs_blogpost import posts as posts_module

PACKAGE = Path(mkdocs_blogpost.__file__).parent

POSTS = {
    "blog/posts/2024-01-01-keep.md": "---\ntitle: Keeper\ntags: [shared, keep]\ncategory: news\nauthor: Ann\n---\nKEEPBODY first paragraph.\n",
    "blog/posts/2024-01-02-victim.md": "---\ntitle: Victim title\ntags: [shared, victimtag]\ncategory: victimcat\nauthor: Vic Author\n---\nVICTIMBODY first paragraph.\n",
    "blog/posts/2024-01-03-draft.md": "---\ntitle: Draft title\ndraft: true\ntags: [shared, drafttag]\n---\nDRAFTBODY first paragraph.\n",
    "blog/posts/2024-01-04-unpub.md": "---\ntitle: Unpub title\npublished: false\ntags: [unpubtag]\n---\nUNPUBBODY first paragraph.\n",
    "blog/posts/future.md": "---\ntitle: Future title\ndate: 2999-01-01\ntags: [futuretag]\n---\nFUTUREBODY first paragraph.\n",
}
CONFIG = {"plugins": ["search", {"blogpost": {"feed_tags": True, "feed_categories": True}}]}


def texts(site: Site) -> dict[str, str]:
    return site_texts(site.site_dir)


def assert_absent(site: Site, *needles: str) -> None:
    assert_site_lacks(site.site_dir, *needles)


def test_hidden_posts_are_absent_from_every_output(build_site: BuildSite) -> None:
    site = build_site(POSTS, CONFIG)
    all_text = texts(site)
    # The outputs this rule covers exist and carry the published post.
    for rel in (
        "sitemap.xml",
        "search/search_index.json",
        "blog/feed.xml",
        "blog/atom.xml",
        "blog/feed.json",
    ):
        assert "2024/01/01/keep/" in all_text[rel], rel
    assert_absent(site, "DRAFTBODY", "Draft title", "drafttag", "UNPUBBODY", "Unpub title")
    assert_absent(site, "unpubtag", "FUTUREBODY", "Future title", "futuretag")


def test_drafts_shown_under_serve_never_reach_feeds(build_site: BuildSite) -> None:
    site = build_site(POSTS, CONFIG, serve=True)
    assert "DRAFTBODY" in site.read("blog/2024/01/03/draft/index.html")
    assert "FUTUREBODY" in site.read("blog/2999/01/01/future/index.html")
    feeds = {
        rel: t for rel, t in texts(site).items() if re.search(r"feed\.(xml|json)$|atom\.xml$", rel)
    }
    assert feeds
    for rel, text in feeds.items():
        assert "DRAFTBODY" not in text and "FUTUREBODY" not in text, rel
        assert "Draft title" not in text and "Future title" not in text, rel


def test_the_predicate_decides_everything(
    build_site: BuildSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Make the one predicate hide a post that is published by every other measure: if
    # some output applied its own rule, the victim would leak into it.
    real = posts_module.is_visible

    def predicate(post, *, serve: bool, drafts_on_serve: bool) -> bool:
        if post.slug == "victim":
            return False
        return real(post, serve=serve, drafts_on_serve=drafts_on_serve)

    monkeypatch.setattr(posts_module, "is_visible", predicate)
    # Modules that imported the predicate by name; those imported later get the new one.
    for module in vars(mkdocs_blogpost).values():
        if getattr(module, "is_visible", None) is real:
            monkeypatch.setattr(module, "is_visible", predicate)
    site = build_site(POSTS, CONFIG)
    assert "KEEPBODY" in site.read("blog/2024/01/01/keep/index.html")
    assert_absent(
        site,
        "VICTIMBODY",
        "Victim title",
        "victimtag",
        "victimcat",
        "Vic Author",
        "2024/01/02/victim",
    )


def _status_checks(tree: ast.AST) -> list[tuple[int, str, set[str]]]:
    """(line, enclosing function, compared constants) of each `x.status` comparison."""
    found: list[tuple[int, str, set[str]]] = []

    def visit(node: ast.AST, function: str) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            function = node.name
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(
                isinstance(o, ast.Attribute) and o.attr == "status" for o in operands
            ):
                constants = {
                    c.value
                    for o in operands
                    for c in ast.walk(o)
                    if isinstance(c, ast.Constant) and isinstance(c.value, str)
                }
                found.append((node.lineno, function, constants))
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(tree, "")
    return found


def test_no_module_applies_its_own_publication_rule() -> None:
    # Comparing a post's status belongs to posts.py (the rule itself). Elsewhere it may
    # only pick the draft/scheduled badge, or tell undated pages from blog posts;
    # whether a post is shown is asked of is_visible / is_public.
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "posts.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, function, constants in _status_checks(tree):
            if constants == {"undated"} or "badge" in function or function == "render_post_header":
                continue
            offenders.append(f"{path.name}:{line} in {function}(): compares status to {constants}")
    assert offenders == []


def test_the_static_check_sees_a_private_rule() -> None:
    code = "def listed(posts):\n    return [p for p in posts if p.status == 'published']\n"
    assert _status_checks(ast.parse(code)) == [(2, "listed", {"published"})]
