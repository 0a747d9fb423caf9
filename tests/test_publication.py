"""Rule 3: one publication rule, `posts.is_visible`, decides every output (issue 8)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from conftest import BuildSite, Site

import mkdocs_blogpost
from mkdocs_blogpost import plugin as plugin_module
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
    out: dict[str, str] = {}
    for path in sorted(site.site_dir.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".gz", ".txt"):
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            out[path.relative_to(site.site_dir).as_posix()] = data.decode("utf-8", "replace")
    return out


def assert_absent(site: Site, *needles: str) -> None:
    found = {n: [rel for rel, t in texts(site).items() if n in t] for n in needles}
    assert all(not v for v in found.values()), found


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
    for module in [*vars(mkdocs_blogpost).values(), plugin_module]:
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


def test_no_module_applies_its_own_publication_rule() -> None:
    # Comparing a post's status is reserved to posts.py (the rule) and render.py (the
    # draft badge). Everything else asks is_visible / is_public.
    allowed = {"posts.py", "render.py", "models.py"}
    pattern = re.compile(r"\.status\s*(==|!=|in\b|not in\b)|\.is_draft\b|\bdraft\b.*\bpublished\b")
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name in allowed:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line) and not line.lstrip().startswith("#"):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == [] or all("undated" in o for o in offenders), offenders
