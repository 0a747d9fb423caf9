"""The URL vocabulary: site paths of files, page-relative links, and marked card links."""

from __future__ import annotations

from urllib.parse import urljoin

from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.structure.files import File, Files

from mkdocs_blogpost.urls import MarkedLinks, folders_overlap, relative_url, site_path_of


def test_site_path_of_agrees_with_mkdocs_lookup() -> None:
    files = Files(
        [
            File("blog/posts/2024-01-01-a.md", "/docs", "/site", use_directory_urls=True),
            File("assets/img/x.png", "/docs", "/site", use_directory_urls=True),
        ]
    )
    assert site_path_of(files, "blog/posts/2024-01-01-a.md") == "blog/posts/2024-01-01-a/"
    assert site_path_of(files, "assets/img/x.png") == "assets/img/x.png"
    # Paths MkDocs would normalise still resolve, through its own lookup.
    assert site_path_of(files, "./assets//img/x.png") == "assets/img/x.png"
    assert site_path_of(files, "assets/img/missing.png") is None
    assert site_path_of(files, None) is None


def test_relative_url_keeps_folder_slashes_and_absolute_urls() -> None:
    assert relative_url("blog/", "blog/2024/05/01/post/") == "../../../../"
    assert relative_url("blog/tags/", "blog/") == "tags/"
    assert relative_url("blog/a.html", "blog/b.html") == "a.html"
    assert relative_url("https://x.test/a", "blog/") == "https://x.test/a"
    assert relative_url("//cdn.test/a.png", "blog/") == "//cdn.test/a.png"


def test_folders_overlap() -> None:
    assert folders_overlap("blog/posts", "blog/posts")
    assert folders_overlap("blog", "blog/posts")
    assert folders_overlap("", "changelog")
    assert not folders_overlap("blog/posts", "blog/postscript")
    assert not folders_overlap("blog/posts", "changelog/posts")


_SEGMENT = st.sampled_from(["blog", "tags", "docs", "page", "2", "2024", "a-b", "x"])
_PATH = st.lists(_SEGMENT, min_size=0, max_size=5).map("/".join)


def _resolve(page_url: str, href: str) -> str:
    """Where `href` on the page at `page_url` leads, as a normalised address."""
    return urljoin("https://site.test/" + page_url, href)


@settings(max_examples=300, deadline=None)
@given(
    page=_PATH,
    page_is_dir=st.booleans(),
    target=_PATH,
    target_is_dir=st.booleans(),
    base=st.sampled_from(["", "blog/", "docs/blog/"]),
    fragment=st.sampled_from(["", "#part"]),
)
def test_marked_links_lead_where_relative_urls_do(
    page: str, page_is_dir: bool, target: str, target_is_dir: bool, base: str, fragment: str
) -> None:
    page_url = (page + "/" if page else "") if page_is_dir else (page + "/x.html").lstrip("/")
    target_url = (target + "/" if target else "") if target_is_dir else f"{target}/p.html"
    target_url = target_url.lstrip("/") or "./"
    marks = MarkedLinks(base)
    marked = marks.mark(target_url)
    assert marked is not None
    href = marks.place(marked, page_url) + fragment
    assert not href.startswith("/")
    expected = relative_url(target_url, page_url)
    assert _resolve(page_url, href) == _resolve(page_url, expected + fragment)


def test_marked_links_keep_absolute_and_fragment_urls() -> None:
    marks = MarkedLinks("blog/")
    for url in ("https://x.test/a.png", "//cdn.test/a.png", "/abs/a.png", "#top"):
        assert marks.mark(url) == url
    assert marks.mark(None) is None


def test_marked_blog_links_are_short() -> None:
    marks = MarkedLinks("blog/")
    marked = marks.mark("blog/2024/05/01/post/")
    assert marked is not None
    assert marks.place(marked, "blog/tags/docs/") == "../../2024/05/01/post/"
    assert marks.place(marked, "blog/") == "2024/05/01/post/"
    assert marks.place(marked, "other/page/") == "../../blog/2024/05/01/post/"
    root = marks.mark("assets/img/a.png")
    assert root is not None
    assert marks.place(root, "blog/page/2/") == "../../../assets/img/a.png"


def test_author_text_cannot_forge_a_marked_link() -> None:
    marks = MarkedLinks("blog/")
    text = marks.text("a\x00b\x01c")
    assert marks.place(text, "blog/tags/x/") == "a\ufffdb\ufffdc"
