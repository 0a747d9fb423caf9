"""Unit tests for planning the blog's listing pages (pure functions, no MkDocs build)."""

from __future__ import annotations

import datetime as dt

import pytest

from mkdocs_blogpost.i18n import Translator
from mkdocs_blogpost.models import Post
from mkdocs_blogpost.pages import page_markdown, page_window
from mkdocs_blogpost.views import ViewOptions, build_views, link_posts, page_src

T = Translator("en")


def make(n: int, tags: list[str] | None = None, **kw: object) -> Post:
    return Post(
        src_uri=f"blog/posts/p{n}.md",
        slug=f"p{n}",
        title=f"P{n}",
        date=dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(days=n),
        body="",
        tags=tags or [],
        **kw,  # type: ignore[arg-type]
    )


def newest_first(posts: list[Post]) -> list[Post]:
    return sorted(posts, key=lambda p: p.date, reverse=True)  # type: ignore[arg-type,return-value]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (1, "blog/index.md"),
        (2, "blog/page/2/index.md"),
        (10, "blog/page/10/index.md"),
    ],
)
def test_page_src(page: int, expected: str) -> None:
    assert page_src("blog", page, "page") == expected


@pytest.mark.parametrize(
    ("count", "per", "sizes"),
    [(0, 6, [0]), (1, 6, [1]), (6, 6, [6]), (7, 6, [6, 1]), (12, 5, [5, 5, 2])],
)
def test_index_pagination(count: int, per: int, sizes: list[int]) -> None:
    posts = newest_first([make(i) for i in range(count)])
    views = build_views(posts, ViewOptions(posts_per_page=per), T)
    index = [v for v in views.pages if v.kind == "index"]
    assert [len(v.posts) for v in index] == sizes
    assert [v.page for v in index] == list(range(1, len(sizes) + 1))
    assert all(v.pages == len(sizes) for v in index)
    assert index[0].prev_src is None and index[-1].next_src is None
    if len(index) > 1:
        assert index[0].next_src == "blog/page/2/index.md"
        assert index[1].prev_src == "blog/index.md"
    assert [p for v in index for p in v.posts] == posts


def test_pinned_first_on_index_only() -> None:
    posts = newest_first([make(1, pin=True), make(2), make(3)])
    views = build_views(posts, ViewOptions(), T)
    index = next(v for v in views.pages if v.kind == "index")
    assert [p.title for p in index.posts] == ["P1", "P3", "P2"]
    year = next(v for v in views.pages if v.kind == "archive_year")
    assert [p.title for p in year.posts] == ["P3", "P2", "P1"]


def test_term_pages_and_index_by_every_spelling() -> None:
    posts = newest_first([make(1, ["AI"]), make(2, ["ai"]), make(3, ["AI", "C++"])])
    views = build_views(posts, ViewOptions(tags_dir="t", blog_dir="news"), T)
    tag_pages = {v.src_uri: v for v in views.pages if v.kind == "tag"}
    assert set(tag_pages) == {"news/t/ai/index.md", "news/t/c-plus-plus/index.md"}
    assert tag_pages["news/t/ai/index.md"].title == "Posts tagged “AI”"
    assert views.tag_src == {
        "ai": "news/t/ai/index.md",
        "c++": "news/t/c-plus-plus/index.md",
    }
    assert any(v.kind == "tag_index" and v.src_uri == "news/t/index.md" for v in views.pages)


def test_archive_years_newest_first() -> None:
    old = make(1)
    old.date = dt.datetime(2019, 5, 1, tzinfo=dt.timezone.utc)
    posts = [make(3), make(2), old]
    views = build_views(posts, ViewOptions(), T)
    archive = next(v for v in views.pages if v.kind == "archive")
    assert [(y, [p.title for p in ps]) for y, ps in archive.years] == [
        (2024, ["P3", "P2"]),
        (2019, ["P1"]),
    ]
    years = [v.src_uri for v in views.pages if v.kind == "archive_year"]
    assert years == ["blog/archive/2024/index.md", "blog/archive/2019/index.md"]


def test_related_by_shared_tags_then_recency() -> None:
    a = make(1, ["x", "y"])
    b = make(2, ["x"])
    c = make(3, ["X", "y"])  # case variant of x
    d = make(4, ["z"])
    e = make(5, ["x"])
    links = link_posts(newest_first([a, b, c, d, e]), related=3)
    assert [p.title for p in links[c.src_uri].related] == ["P1", "P5", "P2"]
    assert links[d.src_uri].related == []
    assert links[e.src_uri].newer is None and links[e.src_uri].older is d
    assert links[a.src_uri].older is None and links[a.src_uri].newer is b
    assert link_posts([a, b], related=0)[a.src_uri].related == []


def test_generated_markdown_is_one_escaped_heading() -> None:
    posts = [make(1, ["<b>*x*</b>"])]
    view = next(v for v in build_views(posts, ViewOptions(), T).pages if v.kind == "tag")
    assert page_markdown(view) == "# Posts tagged “&lt;b&gt;\\*x\\*&lt;/b&gt;”\n"


@pytest.mark.parametrize(
    ("page", "pages", "expected"),
    [
        (1, 1, [1]),
        (1, 3, [1, 2, 3]),
        (1, 20, [1, 2, 3, 20]),
        (10, 20, [1, 8, 9, 10, 11, 12, 20]),
        (20, 20, [1, 18, 19, 20]),
        (4, 7, [1, 2, 3, 4, 5, 6, 7]),
    ],
)
def test_page_window(page: int, pages: int, expected: list[int]) -> None:
    assert page_window(page, pages) == expected


def test_related_with_a_tag_on_every_post() -> None:
    # "docs" is on every post: with crowded=3 it is not walked, yet it still counts.
    posts = newest_first(
        [make(i, ["docs"]) for i in range(1, 8)] + [make(8, ["docs", "rare"]), make(9, ["rare"])]
    )
    links = link_posts(posts, related=3, crowded=3)
    by_title = {p.title: p for p in posts}
    # P9 shares only "rare" with P8; P8 shares "docs" + "rare" with nobody but P9.
    assert [p.title for p in links[by_title["P8"].src_uri].related] == ["P9", "P7", "P6"]
    assert [p.title for p in links[by_title["P9"].src_uri].related] == ["P8"]
    # Through "docs" alone the newest posts come first, as in the exact computation.
    exact = link_posts(posts, related=3, crowded=1000)
    for post in posts:
        assert links[post.src_uri].related == exact[post.src_uri].related, post.title
