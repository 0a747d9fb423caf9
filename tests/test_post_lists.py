"""Post lists in any page: `<!-- blogpost:posts ... -->` becomes the blog's posts."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest
from conftest import BuildSite, Site, run_build

from mkdocs_blogpost.post_lists import ListRequest, parse_request

# Five published posts, a draft and a post dated far in the future. The expected lists
# below are read off these front matters by hand.
POSTS: dict[str, str | bytes] = {
    "blog/posts/2023-03-01-alpha.md": (
        "---\ntitle: Alpha\ntags: [release]\ncategory: news\nauthor: Ada Quill\n---\n"
        "Alpha body.\n"
    ),
    "blog/posts/2023-09-01-beta.md": (
        "---\ntitle: Beta\ntags: [docs]\ncategory: guides\nauthor: Bram\n---\nBeta body.\n"
    ),
    "blog/posts/2024-01-10-gamma.md": (
        "---\ntitle: Gamma\ntags: [release, docs]\ncategory: news\nauthor: Bram\n---\n"
        "Gamma body words.\n"
    ),
    "blog/posts/2024-05-20-delta.md": (
        "---\ntitle: Delta\ntags: [Release]\ncategory: guides\nauthor: Ada Quill\n---\n"
        "Delta body.\n"
    ),
    "blog/posts/2024-08-02-epsilon.md": (
        "---\ntitle: Epsilon <b>bold</b>\ntags: [misc]\ncategory: news\nauthor: Ada Quill\n"
        "---\nEpsilon body.\n"
    ),
    "blog/posts/2024-09-01-draft.md": (
        "---\ntitle: Hidden draft\ntags: [release]\ndraft: true\n---\nDraft body.\n"
    ),
    "blog/posts/2999-01-01-future.md": (
        "---\ntitle: Far future\ntags: [release]\n---\nFuture body.\n"
    ),
}
NEWEST_FIRST = ["Epsilon <b>bold</b>", "Delta", "Gamma", "Beta", "Alpha"]


def site_with(page: str, rel: str = "index.md", **extra: str) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {**POSTS, rel: page}
    files.update(extra)
    return files


def lists_in(site: Site, rel: str) -> list[list[str]]:
    """The titles each post list of a page shows, in order."""
    soup = site.soup(rel)
    out = []
    for block in soup.select(".blogpost-posts"):
        links = block.select(".blogpost-entry__link, .blogpost-card__link")
        out.append([a.get_text() for a in links])
    return out


def target(rel: str, href: str) -> str:
    """The output file a link of the page at `rel` leads to."""
    url = href.split("#")[0]
    path = posixpath.normpath(posixpath.join(posixpath.dirname(rel), url))
    return posixpath.join(path, "index.html") if url.endswith("/") else path


@pytest.mark.parametrize(
    ("directive", "expected"),
    [
        ("", NEWEST_FIRST),
        ("limit=3", NEWEST_FIRST[:3]),
        ("tag=release", ["Delta", "Gamma", "Alpha"]),
        # Tags compare as tag pages do: without case.
        ("tag=RELEASE limit=2", ["Delta", "Gamma"]),
        ("category=guides", ["Delta", "Beta"]),
        ('author="Ada Quill"', ["Epsilon <b>bold</b>", "Delta", "Alpha"]),
        ("author=Bram", ["Gamma", "Beta"]),
        ("year=2023", ["Beta", "Alpha"]),
        ("year=2024 category=news", ["Epsilon <b>bold</b>", "Gamma"]),
        ("tag=docs year=2024 limit=1", ["Gamma"]),
    ],
)
def test_each_filter(build_site: BuildSite, directive: str, expected: list[str]) -> None:
    site = build_site(site_with(f"# Home\n\n<!-- blogpost:posts {directive} -->\n"))
    assert site.warnings == []
    assert lists_in(site, "index.html") == [expected]


def test_drafts_and_future_posts_are_never_listed_even_when_serve_previews_them(
    build_site: BuildSite,
) -> None:
    page = "# Home\n\n<!-- blogpost:posts tag=release -->\n"
    site = build_site(site_with(page), serve=True, strict=False)
    # Under serve the blog itself previews the draft...
    assert "Hidden draft" in site.read("blog/index.html")
    # ...but a page's list shows published posts only.
    assert lists_in(site, "index.html") == [["Delta", "Gamma", "Alpha"]]
    built = build_site(site_with(page))
    assert lists_in(built, "index.html") == [["Delta", "Gamma", "Alpha"]]


def test_compact_entries_and_cards(build_site: BuildSite) -> None:
    page = (
        "# Home\n\n## Compact\n\n<!-- blogpost:posts limit=2 -->\n\n"
        "## Cards\n\n<!-- blogpost:posts limit=2 style=cards -->\n"
    )
    site = build_site(site_with(page))
    soup = site.soup("index.html")
    compact, cards = soup.select(".blogpost-posts")
    entries = compact.select("li.blogpost-entry")
    assert len(entries) == 2
    assert entries[1].select_one("time")["datetime"].startswith("2024-05-20")
    assert not compact.select("article")
    articles = cards.select("article.blogpost-card")
    assert [a.select_one(".blogpost-card__link").get_text() for a in articles] == [
        "Epsilon <b>bold</b>",
        "Delta",
    ]
    # Cards carry the excerpt, rendered from the post.
    assert articles[1].select_one(".blogpost-card__excerpt").get_text(strip=True) == "Delta body."
    # A post's title is text, never markup.
    assert not soup.select(".blogpost-posts b")


def test_card_titles_fit_the_pages_outline(build_site: BuildSite) -> None:
    page = (
        "<!-- blogpost:posts limit=1 style=cards -->\n\n# Home\n\n"
        "## News\n\n<!-- blogpost:posts limit=1 style=cards -->\n\n"
        "### Older\n\n<!-- blogpost:posts year=2023 limit=1 style=cards -->\n"
    )
    site = build_site(site_with(page))
    before_h1, under_h2, under_h3 = site.soup("index.html").select(".blogpost-posts")
    levels = [
        [t.name for t in block.select(".blogpost-card__title")]
        for block in (before_h1, under_h2, under_h3)
    ]
    assert levels == [["h2"], ["h3"], ["h4"]]
    # The blog index keeps its cards under its own h1.
    index = site.soup("blog/index.html")
    assert {t.name for t in index.select(".blogpost-card__title")} == {"h2"}


def test_an_empty_list_says_so(build_site: BuildSite) -> None:
    site = build_site(site_with("# Home\n\n<!-- blogpost:posts year=2024 category=none -->\n"),
                      strict=False)
    assert site.soup("index.html").select_one(".blogpost-posts .blogpost-empty") is not None


@pytest.mark.parametrize("theme", ["material", "mkdocs", "readthedocs"])
@pytest.mark.parametrize("directory_urls", [True, False])
def test_links_work_from_any_depth(build_site: BuildSite, theme: str, directory_urls: bool) -> None:
    page = "# Page\n\n<!-- blogpost:posts limit=2 -->\n\n<!-- blogpost:posts style=cards -->\n"
    files = site_with(page, **{"guide/deep/page.md": page, "guide/top.md": page})
    site = build_site(files, {"theme": {"name": theme}, "use_directory_urls": directory_urls})
    outputs = ["index.html"] + (
        ["guide/deep/page/index.html", "guide/top/index.html"]
        if directory_urls
        else ["guide/deep/page.html", "guide/top.html"]
    )
    for rel in outputs:
        soup = site.soup(rel)
        blocks = soup.select(".blogpost-posts")
        assert len(blocks) == 2, rel
        links = blocks[0].select("a.blogpost-entry__link") + blocks[1].select(
            "a.blogpost-card__link, .blogpost-tag, .blogpost-card__more a, img"
        )
        assert len(links) > 7
        for a in links:
            url = a.get("href") or a.get("src")
            assert "://" not in url
            path = target(rel, url)
            assert site.exists(path), (rel, url)
        for a in blocks[0].select("a.blogpost-entry__link"):
            # The link leads to the post it names.
            title = site.soup(target(rel, a["href"])).select_one("h1").get_text()
            assert title == a.get_text()


def test_a_comment_in_code_is_an_example(build_site: BuildSite) -> None:
    page = (
        "# Home\n\n"
        "```markdown\n<!-- blogpost:posts limit=1 -->\n```\n\n"
        "    <!-- blogpost:posts limit=1 -->\n\n"
        "Inline: `<!-- blogpost:posts limit=1 -->`.\n\n"
        "~~~~\n<!-- blogpost:posts tag=nothing -->\n~~~~\n"
    )
    site = build_site(site_with(page))
    assert site.warnings == []
    soup = site.soup("index.html")
    assert soup.select(".blogpost-posts") == []
    codes = [c.get_text() for c in soup.select("code")]
    assert sum("<!-- blogpost:posts limit=1 -->" in c for c in codes) == 3


def test_without_the_plugin_the_comment_shows_nothing(build_site: BuildSite) -> None:
    page = "# Home\n\nBefore.\n\n<!-- blogpost:posts limit=3 style=cards -->\n\nAfter.\n"
    site = build_site({"index.md": page}, {"plugins": ["search"]})
    text = site.soup("index.html").select_one("h1").find_parent().get_text()
    assert "Before." in text and "After." in text
    assert "blogpost" not in text


@pytest.mark.parametrize(
    ("directive", "message"),
    [
        ("colour=red", "'colour' is not a setting"),
        ("limit=0", "limit '0' is not a whole number"),
        ("limit=three", "limit 'three' is not a whole number"),
        ("style=grid", "style 'grid' is not 'compact' or 'cards'"),
        ("tag=relase", "tag 'relase': no published post is tagged 'relase'"),
        ("category=new", "category 'new': no published post"),
        ("author=Nobody", "author 'Nobody': no published post"),
        ("year=1999", "year '1999': no published post is from 1999"),
        ("year=soon", "year 'soon' is not a whole number"),
        ("tag=release extra", "'extra' is not a 'name=value' setting"),
        # A tag only a draft has is unknown to lists.
        ("tag=hidden-only", "no published post is tagged 'hidden-only'"),
    ],
)
def test_a_wrong_setting_is_a_warning_with_its_line(
    build_site: BuildSite, directive: str, message: str
) -> None:
    page = (
        "---\ntitle: Home\n---\n# Home\n\n"
        # The same comment in code above does not count when the line is found.
        f"```\n<!-- blogpost:posts {directive} -->\n```\n\n"
        f"<!-- blogpost:posts {directive} -->\n"
    )
    files = site_with(page)
    files["blog/posts/2024-09-02-draft-two.md"] = (
        "---\ntitle: Draft two\ntags: [hidden-only]\ndraft: true\n---\nx\n"
    )
    site = build_site(files, strict=False)
    matching = [w for w in site.warnings if message in w]
    assert len(matching) == 1, site.warnings
    assert matching[0].startswith("mkdocs_blogpost: index.md:10: post list: ")
    # The list is still drawn from what could be read.
    assert len(lists_in(site, "index.html")) == 1
    failed = build_site(files, expect_failure=True)
    assert failed.error is not None


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_lists_stay_out_of_search(build_site: BuildSite, theme: str) -> None:
    site = build_site(
        site_with("# Home\n\nHome words.\n\n<!-- blogpost:posts style=cards -->\n"),
        {"theme": {"name": theme}},
    )
    index = json.loads(site.read("search/search_index.json"))
    home = [d for d in index["docs"] if d["location"] in ("", "index.html")]
    assert home, index["docs"]
    assert "Home words." in " ".join(d["text"] for d in home)
    assert not any(re.search(r"Gamma|Delta body", d["text"]) for d in home)
    # The posts themselves are still found.
    assert any("Delta body." in d["text"] for d in index["docs"])


SEVERAL = {
    "plugins": [
        "search",
        "blogpost",
        {
            "blogpost": {
                "posts_dir": "changelog/posts",
                "blog_dir": "changelog",
                "blog_title": "Release notes",
            }
        },
    ]
}
CHANGES: dict[str, str | bytes] = {
    "changelog/posts/2024-02-01-v1.md": "---\ntitle: Version 1\ntags: [release]\n---\nv1.\n",
    "changelog/posts/2024-06-01-v2.md": "---\ntitle: Version 2\n---\nv2.\n",
}


def test_several_blogs_each_list_their_own(build_site: BuildSite) -> None:
    page = (
        "# Home\n\n<!-- blogpost:posts limit=2 -->\n\n<!-- blogpost:posts blog=changelog -->\n\n"
        '<!-- blogpost:posts blog="release notes" tag=release style=cards -->\n\n'
        "<!-- blogpost:posts blog=blog limit=1 -->\n"
    )
    site = build_site({**site_with(page), **CHANGES}, SEVERAL)
    assert site.warnings == []
    assert lists_in(site, "index.html") == [
        ["Epsilon <b>bold</b>", "Delta"],
        ["Version 2", "Version 1"],
        ["Version 1"],
        ["Epsilon <b>bold</b>"],
    ]


def test_a_blog_no_blog_has_is_a_warning(build_site: BuildSite) -> None:
    page = "# Home\n\n<!-- blogpost:posts blog=news limit=1 -->\n"
    site = build_site({**site_with(page), **CHANGES}, SEVERAL, strict=False)
    assert [w for w in site.warnings if "blog 'news'" in w] == [
        "mkdocs_blogpost: index.md:3: post list: blog 'news' is not a blog of this site "
        "(blog, changelog, release notes); this blog's posts are listed"
    ]
    # The first blog lists for it, once.
    assert lists_in(site, "index.html") == [["Epsilon <b>bold</b>"]]


def test_a_post_can_list_posts(build_site: BuildSite) -> None:
    files = site_with("# Home\n")
    files["blog/posts/2024-08-03-roundup.md"] = (
        "---\ntitle: Roundup\n---\nThe release posts:\n\n<!-- blogpost:posts tag=release -->\n"
    )
    site = build_site(files)
    rel = "blog/2024/08/03/roundup/index.html"
    assert lists_in(site, rel) == [["Delta", "Gamma", "Alpha"]]
    for a in site.soup(rel).select(".blogpost-posts a"):
        assert site.exists(target(rel, a["href"]))


@pytest.mark.parametrize(
    ("args", "request_", "problems"),
    [
        ("", ListRequest(), 0),
        (" limit=3", ListRequest(limit=3), 0),
        (' author="Ada Quill" style=cards', ListRequest(author="Ada Quill", style="cards"), 0),
        (" tag='open source' year=2024", ListRequest(tag="open source", year=2024), 0),
        (" blog=changelog", ListRequest(blog="changelog"), 0),
        (" limit=-1", ListRequest(), 1),
        (" limit=2.5 style=list", ListRequest(), 2),
        (" tags=docs", ListRequest(), 1),
        (" limit=2 oops", ListRequest(limit=2), 1),
        (' author="unclosed', ListRequest(), 1),
    ],
)
def test_reading_the_settings(args: str, request_: ListRequest, problems: int) -> None:
    got, found = parse_request(args)
    assert got == request_
    assert len(found) == problems, found


def test_building_twice_with_one_plugin_instance_gives_the_same_pages(
    build_site: BuildSite, tmp_path: Path
) -> None:
    site = build_site(site_with("# Home\n\n<!-- blogpost:posts style=cards limit=2 -->\n"))
    first = site.read("index.html")
    run_build(site.root, site.config)
    assert site.read("index.html") == first
    assert lists_in(site, "index.html") == [NEWEST_FIRST[:2]]


def test_a_list_works_wherever_markdown_puts_the_comment(build_site: BuildSite) -> None:
    page = (
        "# Home\n\n## Right under a heading\n<!-- blogpost:posts limit=1 -->\n"
        "Text right after.\n\nA paragraph line\n<!-- blogpost:posts limit=1 -->\n\n"
        '!!! note "News"\n\n    <!-- blogpost:posts limit=1 -->\n\n'
        "- an item\n\n    <!-- blogpost:posts limit=1 -->\n"
    )
    site = build_site(site_with(page), {"markdown_extensions": ["admonition"]})
    assert lists_in(site, "index.html") == [[NEWEST_FIRST[0]]] * 4
    soup = site.soup("index.html")
    assert soup.select_one(".admonition .blogpost-posts") is not None
    assert soup.select_one("li .blogpost-posts") is not None
    # Never inside a paragraph, where a list cannot be (read in the raw HTML: a parser
    # would close the paragraph itself).
    assert not re.search(r"<p>(?:(?!</p>).)*<div class=\"blogpost-posts", site.read("index.html"), re.S)
    assert "Text right after." in soup.get_text()
