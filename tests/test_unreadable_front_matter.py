"""A post whose front matter cannot be read is never published, and the warning says where.

Whatever the unread lines say (`draft: true` after the mistake, a future date) cannot be
known, so `mkdocs build` leaves the post out of every output. `mkdocs serve` previews it
with a notice, so the author sees what went wrong.
"""

from __future__ import annotations

import re

import pytest
from support.build import BuildSite
from support.outputs import assert_absent, site_texts

GOOD = {
    "blog/posts/2024-02-01-spring-notes.md": (
        "---\ntitle: Spring notes\ntags: [seasons]\n---\nGOODBODY about the spring.\n"
    ),
    "blog/posts/2024-02-10-summer-notes.md": (
        "---\ntitle: Summer notes\ntags: [seasons]\n---\nGOODBODY about the summer.\n"
    ),
}
BROKEN = "blog/posts/2024-03-01-secret-launch.md"
BODY = "LEAKBODY: the launch is on Friday.\n"

# (front matter as the author wrote it, file line and column where the warning must point)
CASES = {
    # The classic Jekyll slip: a colon in an unquoted title, `draft: true` after it.
    "colon in title": (
        "---\nlayout: post\ntitle: Secret launch: do not publish\ndraft: true\n"
        "tags: [leaktag]\n---\n",
        3,
        21,
    ),
    # PyYAML stops at the end of the block; the mistake is the quote on line 3.
    "unclosed quote": (
        '---\nlayout: post\ntitle: "Secret launch\ndate: 2024-03-01\ntags: [leaktag]\n'
        "draft: true\n---\n",
        3,
        8,
    ),
    "unclosed bracket": (
        "---\ntitle: Secret launch\ntags: [leaktag, plans\ndraft: true\n---\n",
        3,
        7,
    ),
    "tab indentation": (
        "---\ntitle: Secret launch\ntags:\n\t- leaktag\ndraft: true\n---\n",
        4,
        1,
    ),
    "indented key": ("---\ntitle: Secret launch leaktag\n  draft: true\n---\n", 3, 8),
    "not a mapping": ("---\n- Secret launch\n- leaktag\n---\n", 2, None),
    "never closed": ("---\ntitle: Secret launch leaktag\ndraft: true\n\n", 1, None),
}


def _post(case: str, *, crlf: bool = False, bom: bool = False) -> bytes:
    front, _line, _column = CASES[case]
    text = front + BODY
    if crlf:
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8")
    return b"\xef\xbb\xbf" + data if bom else data


VARIANTS = [pytest.param(case, False, False, id=case) for case in CASES] + [
    pytest.param("colon in title", True, True, id="colon in title, CRLF and BOM"),
    pytest.param("unclosed quote", True, False, id="unclosed quote, CRLF"),
    pytest.param("tab indentation", False, True, id="tab indentation, BOM"),
]


@pytest.mark.parametrize(("case", "crlf", "bom"), VARIANTS)
def test_unreadable_post_leaves_no_trace_in_a_build(
    build_site: BuildSite, case: str, crlf: bool, bom: bool
) -> None:
    site = build_site(
        {**GOOD, BROKEN: _post(case, crlf=crlf, bom=bom)},
        {"plugins": ["search", {"blogpost": {"feed_tags": True}}]},
        strict=False,
    )
    # No page, card, feed item, search entry, sitemap URL, tag page or count.
    assert_absent(site.site_dir, "LEAKBODY", "Secret launch", "leaktag", "secret-launch")
    texts = site_texts(site.site_dir)
    # Not even a redirect page from its old Jekyll URL.
    assert not [p for p in site.site_dir.rglob("*") if "secret-launch" in p.name]
    assert not any("2024/03/01" in rel for rel in texts)
    # Every valid post is still where it belongs.
    for rel in ("blog/index.html", "blog/feed.xml", "sitemap.xml", "search/search_index.json"):
        assert "Spring notes" in texts[rel] or "spring-notes" in texts[rel], rel
        assert "Summer notes" in texts[rel] or "summer-notes" in texts[rel], rel
    assert "2 posts" in texts["blog/tags/index.html"]
    # One warning, at the line (and column) where the author must look, saying what happened.
    _front, line, column = CASES[case]
    mine = [w for w in site.warnings if BROKEN in w]
    assert len(mine) == 1, site.warnings
    assert mine[0].startswith(f"mkdocs_blogpost: {BROKEN}:{line}: "), mine[0]
    assert "NOT published" in mine[0]
    if column is not None:
        assert f"line {line}, column {column}" in mine[0]


@pytest.mark.parametrize("case", list(CASES))
def test_strict_build_fails_on_unreadable_front_matter(build_site: BuildSite, case: str) -> None:
    site = build_site({**GOOD, BROKEN: _post(case)}, expect_failure=True)
    assert any(BROKEN in w for w in site.warnings)


def test_the_warning_explains_the_fix(build_site: BuildSite) -> None:
    site = build_site({**GOOD, BROKEN: _post("colon in title")}, strict=False)
    (warning,) = [w for w in site.warnings if BROKEN in w]
    assert 'write title: "Secret launch: do not publish"' in warning
    site = build_site({**GOOD, BROKEN: _post("unclosed quote")}, strict=False)
    (warning,) = [w for w in site.warnings if BROKEN in w]
    # Both places PyYAML marks: where the quote opened, and where it gave up.
    assert "line 3, column 8" in warning and "line 7, column 1" in warning
    assert "never closed" in warning


def test_serve_previews_the_post_with_a_notice_and_keeps_it_out_of_feeds(
    build_site: BuildSite,
) -> None:
    site = build_site({**GOOD, BROKEN: _post("colon in title")}, strict=False, serve=True)
    page = site.soup("blog/2024/03/01/secret-launch/index.html")
    notice = page.select_one(".blogpost-header .blogpost-notice")
    assert notice is not None and notice.get("role") == "note"
    assert "front matter could not be read" in notice.get_text()
    assert "line 3, column 21" in notice.get_text()
    badge = page.select_one(".blogpost-header .blogpost-badge--unreadable")
    assert badge is not None and badge.get_text(strip=True) == "Not published"
    assert "LEAKBODY" in page.get_text()
    # Listed under serve, marked like a draft...
    index = site.soup("blog/index.html")
    card = index.find("a", href=re.compile("secret-launch"))
    assert card is not None
    article = card.find_parent("article")
    assert article is not None and article.select_one(".blogpost-badge--unreadable")
    # ...but never in a feed, whose readers keep what they fetched.
    for feed in ("blog/feed.xml", "blog/atom.xml", "blog/feed.json"):
        text = site.read(feed)
        assert "LEAKBODY" not in text and "secret-launch" not in text, feed
        assert "spring-notes" in text, feed


def test_serve_without_draft_previews_leaves_it_out(build_site: BuildSite) -> None:
    site = build_site(
        {**GOOD, BROKEN: _post("colon in title")},
        {"plugins": ["search", {"blogpost": {"drafts_on_serve": False}}]},
        strict=False,
        serve=True,
    )
    assert_absent(site.site_dir, "LEAKBODY", "secret-launch")


def test_an_undated_unreadable_post_is_not_published_either(build_site: BuildSite) -> None:
    # No date in the file name: without the broken front matter it would be a plain page.
    site = build_site(
        {**GOOD, "blog/posts/launch-plan.md": _post("unclosed quote")}, strict=False
    )
    assert_absent(site.site_dir, "LEAKBODY", "launch-plan")
    assert any("blog/posts/launch-plan.md:3:" in w for w in site.warnings)
    preview = build_site(
        {**GOOD, "blog/posts/launch-plan.md": _post("unclosed quote")}, strict=False, serve=True
    )
    page = preview.soup("blog/posts/launch-plan/index.html")
    assert page.select_one(".blogpost-notice") is not None
